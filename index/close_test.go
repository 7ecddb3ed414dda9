package index

import (
	"context"
	"path/filepath"
	"testing"

	"govarchive/internal/document"
)

// TestClosedIndexAnswersErrors: a request still running when the service
// closes its index gets an error, not a panic (Has, Delete, Values and
// TopicCount read scorch's nil snapshot of a closed index).
func TestClosedIndexAnswersErrors(t *testing.T) {
	ix := openTest(t, Options{})
	d := doc("a", "安全生产会议纪要", "会议研究了安全生产工作。")
	d.People = []string{"李亚平"}
	put(t, ix, d)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, c := range []struct {
		name string
		call func() error
	}{
		{"Put", func() error {
			_, err := ix.Put(ctx, []*document.Document{doc("b", "标题", "会议研究了工作。")})
			return err
		}},
		{"Delete", func() error { return ix.Delete(ctx, "a") }},
		{"Has", func() error { _, err := ix.Has(ctx, "a"); return err }},
		{"Get", func() error { _, err := ix.Get(ctx, "a"); return err }},
		{"Search", func() error { _, err := ix.Search(ctx, Query{Text: "安全"}); return err }},
		{"Search without text", func() error { _, err := ix.Search(ctx, Query{}); return err }},
		{"Suggest", func() error { _, err := ix.Suggest(ctx, "李", 5); return err }},
		{"Count", func() error { _, err := ix.Count(ctx); return err }},
		{"Values", func() error { _, err := ix.Values(ctx, FacetPerson); return err }},
		{"TopicCount", func() error { _, err := ix.TopicCount(ctx, Query{}); return err }},
		{"Each", func() error { return ix.Each(ctx, Query{}, func(Hit) error { return nil }) }},
		{"UserWords", func() error { _, err := ix.UserWords(ctx); return err }},
		{"Backup", func() error { return ix.Backup(ctx, filepath.Join(t.TempDir(), "b")) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("panics: %v", r)
				}
			}()
			if err := c.call(); err == nil {
				t.Error("no error from a closed index")
			}
		})
	}
}
