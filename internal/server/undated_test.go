package server

import (
	"context"
	"reflect"
	"testing"

	"govarchive/internal/document"
)

// TestUndatedMeetings: a meeting reported by day and month only has no year
// tab; year=none lists such documents, on every page that filters by year.
func TestUndatedMeetings(t *testing.T) {
	env := newTestEnv(t, Deps{})
	undated := &document.Document{ID: "undated1", Source: "news-undated.html", Kind: document.KindNews,
		Title: "县政府召开第十三次常务会议", Issuer: "惠东县人民政府", Text: "12月12日，县政府召开常务会议，审议《防汛工作方案》。",
		Meeting: &document.Meeting{Name: "县政府第十三次常务会议", Session: 13},
		Topics:  []document.Topic{{No: 1, Title: "审议《防汛工作方案》", Documents: []string{"防汛工作方案"}}}}
	if _, err := env.ix.Put(context.Background(), []*document.Document{undated}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		target string
		key    string // the list of documents
		idKey  string
		want   []string
	}{
		{"/api/meetings?year=none", "meetings", "id", []string{"undated1"}},
		{"/api/meetings?year=none&kind=minutes", "meetings", "id", nil},
		{"/api/search?year=none", "hits", "id", []string{"undated1"}},
		{"/api/search?year=none&q=" + q("防汛"), "hits", "id", []string{"undated1"}},
		{"/api/decisions?year=none", "decisions", "document_id", []string{"undated1"}},
	} {
		rec := env.do("GET", tc.target, "", nil)
		if rec.Code != 200 {
			t.Errorf("%s = %d %s", tc.target, rec.Code, rec.Body)
			continue
		}
		got := values(list(t, decode(t, rec.Body.Bytes()), tc.key), tc.idKey)
		if len(got) == 0 && len(tc.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.target, got, tc.want)
		}
	}
	v := decode(t, env.do("GET", "/api/meetings", "", nil).Body.Bytes())
	if v["undated"] != float64(1) || v["total"] != float64(4) {
		t.Errorf("meetings: undated %v of %v, want 1 of 4", v["undated"], v["total"])
	}
	if rec := env.do("GET", "/api/meetings?year=never", "", nil); rec.Code != 400 {
		t.Errorf("year=never: %d, want 400", rec.Code)
	}
}
