package index

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"govarchive/internal/document"
)

// TestValuesComplete lists more distinct people than Search's facet
// maximum, with the counts of live documents only.
func TestValuesComplete(t *testing.T) {
	ix := openTest(t, Options{})
	ctx := context.Background()
	const n = maxFacetSize + 150
	var docs []*document.Document
	for i := range n {
		d := doc(fmt.Sprintf("d%04d", i), "纪要", "研究工作。")
		d.People = []string{fmt.Sprintf("人%04d", i), "常委甲"}
		if i%2 == 0 {
			d.People = append(d.People, "常委乙")
		}
		docs = append(docs, d)
	}
	put(t, ix, docs...)
	if err := ix.Delete(ctx, "d0000"); err != nil {
		t.Fatal(err)
	}
	vals, err := ix.Values(ctx, FacetPerson)
	if err != nil {
		t.Fatal(err)
	}
	// n unique names (one deleted) plus the two shared ones.
	if len(vals) != n-1+2 {
		t.Fatalf("%d values, want %d", len(vals), n+1)
	}
	wantTop := []Facet{{"常委甲", n - 1}, {"常委乙", (n+1)/2 - 1}}
	if !reflect.DeepEqual(vals[:2], wantTop) {
		t.Errorf("top values %v, want %v", vals[:2], wantTop)
	}
	for _, v := range vals {
		if v.Value == "人0000" {
			t.Errorf("the deleted document's person is listed: %v", v)
		}
	}

	tests := []struct {
		facet string
		want  []Facet
		err   error
	}{
		{FacetKind, []Facet{{"minutes", n - 1}}, nil},
		{FacetYear, []Facet{}, nil},
		{"colour", nil, ErrInvalidQuery},
	}
	for _, tc := range tests {
		got, err := ix.Values(ctx, tc.facet)
		if !errors.Is(err, tc.err) || (tc.err == nil && !reflect.DeepEqual(got, tc.want)) {
			t.Errorf("%s: %v %v, want %v %v", tc.facet, got, err, tc.want, tc.err)
		}
	}
}

// TestKinds filters on several kinds at once.
func TestKinds(t *testing.T) {
	ix := openTest(t, Options{})
	mk := func(id string, k document.Kind) *document.Document {
		d := doc(id, "会议", "研究审计工作。")
		d.Kind = k
		return d
	}
	put(t, ix, mk("m", document.KindMinutes), mk("n", document.KindNews), mk("o", document.KindOfficial))
	tests := []struct {
		q    Query
		want []string
	}{
		{Query{Kinds: []string{"minutes", "news"}, Sort: SortDateDesc}, []string{"m", "n"}},
		{Query{Kinds: []string{"official"}}, []string{"o"}},
		{Query{Kinds: []string{""}}, []string{"m", "n", "o"}},
		{Query{Kind: "news", Kinds: []string{"minutes", "news"}}, []string{"n"}},
		{Query{Text: "审计", Kinds: []string{"news", "official"}}, []string{"n", "o"}},
	}
	for _, tc := range tests {
		got := ids(find(t, ix, tc.q))
		slices.Sort(got)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%+v: %v, want %v", tc.q, got, tc.want)
		}
	}
	if _, err := ix.Search(context.Background(), Query{Kinds: []string{"news", "memo"}}); !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("unknown kind in Kinds: %v", err)
	}
}
