package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"govarchive/index"
	"govarchive/internal/clean"
	"govarchive/internal/document"
	"govarchive/internal/segment"
)

// TestPersonTypedTraditional: a person's page asked in traditional script
// (謝義維, copied from a traditional page) is the page of the simplified name
// the parser gives people (谢义维), with the role played, not a mention.
func TestPersonTypedTraditional(t *testing.T) {
	ctx := context.Background()
	cl, err := clean.New()
	if err != nil {
		t.Fatal(err)
	}
	seg, err := segment.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(ctx, t.TempDir(), index.Options{Segmenter: seg, Cleaner: cl})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	text := "2024年9月13日下午，副區長謝義維同志主持召開五屆104次區政府常務會議。"
	d := &document.Document{ID: document.ContentID(text), Source: "doumen.txt", SourcePath: "/doumen.txt", Kind: document.KindMinutes,
		Title: "五届104次区政府常务会议纪要", Issuer: "斗门区人民政府", Date: "2024-09-13", Text: text,
		Meeting: &document.Meeting{Name: "五届104次区政府常务会议", Chair: &document.Person{Name: "谢义维", Title: "副区长"}},
		People:  []string{"谢义维"}}
	if _, err := ix.Put(ctx, []*document.Document{d}); err != nil {
		t.Fatal(err)
	}
	e := New(Deps{Index: ix, Limits: Limits{RatePerSecond: 1e6, Burst: 1e6}})
	for _, name := range []string{"謝義維", "谢义维"} {
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/people/"+url.PathEscape(name), nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", name, rec.Code, rec.Body)
		}
		var page struct {
			Name     string
			Meetings []struct{ Role string } `json:"meetings"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil {
			t.Fatal(err)
		}
		if page.Name != "谢义维" || len(page.Meetings) != 1 || page.Meetings[0].Role != "chair" {
			t.Errorf("%s: page %+v, want 谢义维 as chair", name, page)
		}
	}
}
