package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"govarchive/index"
	"govarchive/internal/document"
)

// oldIndex is an index built before topic counts: the decisions list falls
// back to aggregating every matching document.
type oldIndex struct{ Index }

func (oldIndex) TopicCount(context.Context, index.Query) (int, error) {
	return 0, fmt.Errorf("test: %w", index.ErrUnsupported)
}

// TestDecisionsPagesMatchFullScan: the paged list (topic counts from the
// index, documents read up to the page) gives, page by page, exactly what
// aggregating every document gives.
func TestDecisionsPagesMatchFullScan(t *testing.T) {
	lim := Limits{RatePerSecond: 1e6, Burst: 1e6}
	env := newTestEnv(t, Deps{Limits: lim})
	var docs []*document.Document
	for i := range 23 {
		text := fmt.Sprintf("第%d次常务会议纪要\n研究事项。", i)
		d := &document.Document{Source: fmt.Sprintf("m%d.txt", i), SourcePath: fmt.Sprintf("/m/%d", i), Kind: document.KindMinutes,
			Title: fmt.Sprintf("第%d次常务会议纪要", i), Text: text, Date: fmt.Sprintf("20%02d-%02d-01", 10+i%3, 1+i%12)}
		for k := range i % 5 { // 0 to 4 topics
			d.Topics = append(d.Topics, document.Topic{No: k + 1, Title: fmt.Sprintf("会议%d议题%d", i, k+1)})
		}
		d.ID = document.ContentID(text)
		docs = append(docs, d)
	}
	if _, err := env.ix.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	fast := env.e
	full := New(Deps{Index: oldIndex{env.ix}, Limits: lim})
	get := func(e http.Handler, target string) decisionsResponse {
		t.Helper()
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", target, rec.Code, rec.Body)
		}
		var v decisionsResponse
		if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, year := range []string{"", "2011", "1999"} {
		for _, size := range []int{1, 7, 100} {
			for page := 1; page <= 60/size+2; page++ {
				target := fmt.Sprintf("/api/decisions?year=%s&size=%d&page=%d", year, size, page)
				a, b := get(fast, target), get(full, target)
				if !reflect.DeepEqual(a, b) {
					t.Fatalf("%s:\npaged %+v\nfull  %+v", target, a, b)
				}
				if page == 1 && year == "" && a.Total < 40 {
					t.Fatalf("%s: total %d", target, a.Total)
				}
			}
		}
	}
}
