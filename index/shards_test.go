package index

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"govarchive/internal/document"
)

// Sharded and single indexes of the same documents answer alike.
func TestShardsMatchSingleIndex(t *testing.T) {
	ctx := context.Background()
	one := openTest(t, Options{})
	sh, err := OpenShards(ctx, t.TempDir(), 3, Options{Segmenter: testSegmenter(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sh.Close() })
	var docs []*document.Document
	for i := range 30 {
		d := doc(fmt.Sprintf("d%02d", i), fmt.Sprintf("第%d次常务会议纪要", i+1), "会议研究了安全生产工作。")
		if i%3 == 0 {
			d.Text += "由市应急局负责危险化学品整治。"
		}
		d.Date = fmt.Sprintf("20%02d-01-0%d", 10+i%5, 1+i%9)
		d.People = []string{[]string{"李亚平", "韩云", "王颺"}[i%3]}
		docs = append(docs, d)
	}
	put(t, one, docs...)
	st, err := sh.Put(ctx, docs)
	if err != nil || len(st) != len(docs) {
		t.Fatalf("Put: %v, %v", st, err)
	}
	if again, _ := sh.Put(ctx, docs[:5]); !reflect.DeepEqual(statuses(again), []PutStatus{Unchanged, Unchanged, Unchanged, Unchanged, Unchanged}) {
		t.Errorf("second put: %v", again)
	}
	if n, _ := sh.Count(ctx); n != 30 {
		t.Errorf("Count = %d", n)
	}
	for _, q := range []Query{
		{Text: "危险化学品"},
		{Text: "安全生产", Person: "韩云"},
		{Sort: SortDateDesc, Size: 7, Page: 2},
	} {
		a, err := one.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		b, err := sh.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Total != b.Total || !reflect.DeepEqual(a.Facets, b.Facets) {
			t.Errorf("%+v: single %d %v, shards %d %v", q, a.Total, a.Facets, b.Total, b.Facets)
		}
		if q.Sort != "" && !reflect.DeepEqual(ids(a), ids(b)) {
			t.Errorf("%+v: single %v, shards %v", q, ids(a), ids(b))
		}
	}
}
