package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"govarchive/internal/document"
)

// TestWritesAgainstReadsAndEachOther puts, replaces and deletes documents
// while others search, suggest, list values and back the index up (run
// with -race). At the end every cache equals what the index holds: the
// suggestions a rebuild gives, the values and facets a fresh count gives.
func TestWritesAgainstReadsAndEachOther(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, Options{})
	mk := func(w, i int) *document.Document {
		d := doc(fmt.Sprintf("w%d-%d", w, i), fmt.Sprintf("第%d次常务会议纪要", i),
			fmt.Sprintf("会议研究了第%d项安全生产工作，由市应急局负责。", i))
		d.SourcePath = fmt.Sprintf("/src/%d/%d.txt", w, i%5) // replaced every fifth
		d.People = []string{fmt.Sprintf("李%c", '甲'+rune(i%7)), "韩云"}
		d.Date = fmt.Sprintf("2023-%02d-01", i%12+1)
		return d
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	report := func(err error) {
		if err != nil {
			select {
			case errs <- err:
			default:
			}
		}
	}
	for w := range 2 {
		wg.Go(func() {
			for i := range 25 {
				_, err := ix.Put(ctx, []*document.Document{mk(w, i)})
				report(err)
				if i%4 == 3 {
					// The document at this path just now, or none.
					r, err := ix.Search(ctx, Query{Text: fmt.Sprintf("第%d项", i)})
					report(err)
					if err == nil && len(r.Hits) > 0 {
						if err := ix.Delete(ctx, r.Hits[0].ID); err != nil && !isNotFound(err) {
							report(err)
						}
					}
				}
			}
		})
	}
	for range 2 {
		wg.Go(func() {
			for range 30 {
				_, err := ix.Search(ctx, Query{Text: "安全生产"})
				report(err)
				_, err = ix.Suggest(ctx, "李", 10)
				report(err)
				_, err = ix.Values(ctx, FacetPerson)
				report(err)
			}
		})
	}
	wg.Go(func() {
		for k := range 2 {
			report(ix.Backup(ctx, filepath.Join(t.TempDir(), fmt.Sprint(k))))
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	got, err := ix.Suggest(ctx, "李", 50)
	if err != nil {
		t.Fatal(err)
	}
	ix.suggest.invalidate()
	want, err := ix.Suggest(ctx, "李", 50)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("suggestions kept through the writes %v, rebuilt %v", got, want)
	}
	gotV, err := ix.Values(ctx, FacetPerson)
	if err != nil {
		t.Fatal(err)
	}
	ix.facets.invalidate()
	wantV, err := ix.Values(ctx, FacetPerson)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotV, wantV) {
		t.Errorf("values kept through the writes %v, counted afresh %v", gotV, wantV)
	}
	n, err := ix.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var han int
	for _, v := range wantV {
		if v.Value == "韩云" {
			han = v.Count
		}
	}
	if han != int(n) {
		t.Errorf("韩云, in every document, counted %d times among %d documents", han, n)
	}
}

func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
