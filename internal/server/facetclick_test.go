package server_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"testing"

	"govarchive/internal/app"
	"govarchive/internal/ingest"
	"govarchive/internal/server"
)

// TestDepartmentFacetAgreesWithClick: over the development corpus, the
// count beside every value of the department facet is the total the search
// filtered by that value returns, for a placed value (湘阴县财政局) and a
// generic one (县财政局, 统计局: every place's unit, the nation's too)
// without query text; with it, a click finds at least the count.
func TestDepartmentFacetAgreesWithClick(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the corpus")
	}
	corpus := filepath.Join("..", "..", "..", "shared", "corpus")
	files, err := ingest.Collect([]string{corpus})
	if err != nil || len(files) == 0 {
		t.Fatalf("the development corpus is needed at %s: %v", corpus, err)
	}
	ctx := context.Background()
	a, err := app.Open(ctx, app.Config{DataDir: t.TempDir(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatalf("open app: %v", err)
	}
	t.Cleanup(func() { a.Close() })
	if sum, err := a.Pipeline.Run(ctx, files, nil); err != nil || sum.Added == 0 {
		t.Fatalf("ingest: %+v %v", sum, err)
	}
	e := server.New(server.Deps{Index: a.Index, Depts: a.Depts, Limits: server.Limits{RatePerSecond: 1e6, Burst: 1e6}})
	type result struct {
		Total  int `json:"total"`
		Facets struct {
			Department []struct {
				Value string `json:"value"`
				Count int    `json:"count"`
			} `json:"department"`
		} `json:"facets"`
	}
	get := func(target string) result {
		t.Helper()
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		var r result
		if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &r) != nil {
			t.Fatalf("%s: %d %s", target, rec.Code, rec.Body)
		}
		return r
	}
	// With query text a generic value counts the matches resolved to it
	// (the recount would run the text query once per value); a click may
	// find more, never fewer.
	for _, text := range []string{"", "工作", "发展改革委"} {
		r := get("/api/search?size=1&facet=department&facet_size=500&q=" + url.QueryEscape(text))
		if len(r.Facets.Department) < 20 {
			t.Fatalf("q=%s: %d department values, want the corpus's many", text, len(r.Facets.Department))
		}
		for _, f := range r.Facets.Department {
			got := get("/api/search?size=1&facet=kind&q=" + url.QueryEscape(text) + "&department=" + url.QueryEscape(f.Value)).Total
			if text == "" && got != f.Count || got < f.Count {
				t.Errorf("q=%s: facet %s counts %d, its click finds %d", text, f.Value, f.Count, got)
			}
		}
	}
}
