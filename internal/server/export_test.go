package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"govarchive/index"
)

// manyIndex stands for an archive larger than Search's result window: Search
// refuses to page past it (as the real index does), Each walks every match.
type manyIndex struct {
	Index
	n int
}

const resultWindow = 10000

func (m manyIndex) Search(ctx context.Context, q index.Query) (*index.Result, error) {
	if q.Page*q.Size > resultWindow {
		return nil, fmt.Errorf("%w: page: only the first %d results can be paged", index.ErrInvalidQuery, resultWindow)
	}
	return &index.Result{Total: uint64(m.n)}, nil
}

func (m manyIndex) Each(ctx context.Context, q index.Query, fn func(index.Hit) error) error {
	for i := range m.n {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(index.Hit{ID: fmt.Sprintf("doc%05d", i), Kind: "minutes", Title: "纪要"}); err != nil {
			return err
		}
	}
	return nil
}

func TestExportBeyondResultWindow(t *testing.T) {
	env := newTestEnv(t, Deps{})
	const n = resultWindow + 1234
	tests := []struct {
		name   string
		limits Limits
		format string
		rows   int // data rows expected
	}{
		{"jsonl, every match", Limits{}, "jsonl", n},
		{"csv, every match", Limits{}, "csv", n},
		{"row cap as a safety limit", Limits{MaxExportRows: 50}, "csv", 50},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := New(Deps{Index: manyIndex{env.ix, n}, Limits: tc.limits})
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/search?format="+tc.format, nil))
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			lines := strings.Split(strings.TrimSpace(rec.Body.String()), "\n")
			if tc.format == "csv" {
				lines = lines[1:] // header
			}
			if len(lines) != tc.rows {
				t.Fatalf("%d rows, want %d", len(lines), tc.rows)
			}
			if last := lines[len(lines)-1]; !strings.Contains(last, fmt.Sprintf("doc%05d", tc.rows-1)) {
				t.Errorf("last row %q", last)
			}
			if got := rec.Header().Get("X-Total-Count"); got != fmt.Sprint(n) {
				t.Errorf("X-Total-Count = %q", got)
			}
		})
	}
}

// An export holds what the search showed: where no document has every
// word, both fall back to fewer words.
func TestExportFollowsSearchFallback(t *testing.T) {
	env := newTestEnv(t, Deps{})
	for _, tc := range []struct {
		q    string
		rows int
	}{
		{"献血 乌鲁木齐", 3}, // no 乌鲁木齐: any word
		{"献血 条例", 3},
		{"+献血 +乌鲁木齐", 0}, // + forbids the fallback
	} {
		res := env.do(http.MethodGet, "/api/search?q="+url.QueryEscape(tc.q), "", nil)
		var sr struct{ Total int }
		if err := json.Unmarshal(res.Body.Bytes(), &sr); err != nil || sr.Total != tc.rows {
			t.Fatalf("%s: search total %d (%v), want %d", tc.q, sr.Total, err, tc.rows)
		}
		rec := env.do(http.MethodGet, "/api/search?format=jsonl&q="+url.QueryEscape(tc.q), "", nil)
		body := strings.TrimSpace(rec.Body.String())
		n := 0
		if body != "" {
			n = len(strings.Split(body, "\n"))
		}
		if n != tc.rows || rec.Header().Get("X-Total-Count") != fmt.Sprint(tc.rows) {
			t.Errorf("%s: export %d rows, X-Total-Count %s, want %d", tc.q, n, rec.Header().Get("X-Total-Count"), tc.rows)
		}
		if n > 0 {
			// Newest first, with the metadata the search shows.
			var row exportRow
			if err := json.Unmarshal([]byte(strings.SplitN(body, "\n", 2)[0]), &row); err != nil ||
				row.ID == "" || row.Source != "notice-2021-12.html" || row.Title == "" || row.Issuer != "苏州市人民政府" || row.Date != "2021-05-08" {
				t.Errorf("%s: first row %+v (%v)", tc.q, row, err)
			}
		}
	}
}
