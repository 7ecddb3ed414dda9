package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/labstack/echo/v4"

	"govarchive/index"
	"govarchive/internal/dept"
	"govarchive/internal/document"
	"govarchive/internal/segment"
)

// TestDepartmentFilterPlace: a department filter by a name with its place
// selects that place's bureau only, and one by any alias of a generic name
// selects every place's, in the search and in the decisions list alike; an
// issuer filter takes the government's short name.
func TestDepartmentFilterPlace(t *testing.T) {
	e := deptRouter(t, ledMinutes("湘阴县", "防汛工作", "县应急局", "湘阴县应急管理局"), ledMinutes("桃源县", "防汛工作", "县应急局", "桃源县应急管理局"))
	count := func(target, field string) int {
		t.Helper()
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", target, rec.Code, rec.Body)
		}
		var v map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		return int(v[field].(float64))
	}
	tests := []struct {
		dept string
		want int
	}{
		{"湘阴县应急管理局", 1},
		{"湘阴县应急局", 1},
		{"岳阳市湘阴县应急管理局", 1}, // the whole chain of places
		{"桃源县应急管理局", 1},
		{"县应急局", 2},
		{"应急管理局", 2},
		{"应急局", 2},
		{"长沙市应急管理局", 0},
		{"湘阴应急局", 1}, // the place without its level, as headlines write it
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/departments/"+q("岳阳市湘阴县应急管理局"), nil))
	if rec.Code != http.StatusOK {
		t.Errorf("department page by the whole chain of places: %d %s", rec.Code, rec.Body)
	}
	rec = httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/departments/"+q("湘阴应急局"), nil))
	var page struct{ Name string }
	if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil || page.Name != "湘阴县应急管理局" {
		t.Errorf("department page 湘阴应急局: %d, name %q, want 湘阴县应急管理局", rec.Code, page.Name)
	}
	// A department's page counts the topics it led: every place's for a
	// generic name, the place's own for a name with its place.
	for name, want := range map[string]int{"应急局": 2, "应急管理局": 2, "湘阴县应急管理局": 1, "湘阴应急局": 1} {
		if got := count("/api/departments/"+q(name), "led_topics_total"); got != want {
			t.Errorf("department page %s: %d led topics, want %d", name, got, want)
		}
	}
	for issuer, want := range map[string]int{"湘阴县人民政府": 1, "湘阴县政府": 1, "长沙市政府": 0, "湘阴县": 1, "湘阴": 1, "长沙": 0} {
		if got := count("/api/search?issuer="+q(issuer), "total"); got != want {
			t.Errorf("search issuer=%s: %d documents, want %d", issuer, got, want)
		}
	}
	for _, tc := range tests {
		if got := count("/api/search?department="+q(tc.dept), "total"); got != tc.want {
			t.Errorf("search department=%s: %d documents, want %d", tc.dept, got, tc.want)
		}
		if got := count("/api/decisions?department="+q(tc.dept), "total"); got != tc.want {
			t.Errorf("decisions department=%s: %d topics, want %d", tc.dept, got, tc.want)
		}
	}
}

// TestBrowseNamesUnits: decisions carry the unit each lead department
// stands for in its document, and a department's lists name the government
// of each document (a generic name spans places).
func TestBrowseNamesUnits(t *testing.T) {
	e := deptRouter(t, ledMinutes("湘阴县", "老旧小区改造", "县住建局", "湘阴县住房和城乡建设局"))
	get := func(target string, v any) { t.Helper(); getJSON(t, e, target, v) }
	var dec struct {
		Decisions []struct {
			Issuer    string            `json:"issuer"`
			Canonical map[string]string `json:"canonical"`
		} `json:"decisions"`
	}
	get("/api/decisions?q="+q("老旧小区改造"), &dec)
	if len(dec.Decisions) != 1 || dec.Decisions[0].Canonical["县住建局"] != "湘阴县住房和城乡建设局" || dec.Decisions[0].Issuer != "湘阴县人民政府" {
		t.Errorf("decisions = %+v", dec.Decisions)
	}
	var page struct {
		Meetings  []struct{ Issuer string } `json:"meetings"`
		LedTopics []struct{ Issuer string } `json:"led_topics"`
	}
	get("/api/departments/"+q("住建局"), &page)
	if len(page.Meetings) != 1 || page.Meetings[0].Issuer != "湘阴县人民政府" || len(page.LedTopics) != 1 || page.LedTopics[0].Issuer != "湘阴县人民政府" {
		t.Errorf("department page = %+v", page)
	}
}

// deptRouter is the router over an index of docs, with the real
// department table (forms, places) and a segmenter without user words.
func deptRouter(t *testing.T, docs ...*document.Document) *echo.Echo {
	t.Helper()
	ctx := context.Background()
	dt, err := dept.New()
	if err != nil {
		t.Fatal(err)
	}
	seg, err := segment.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(ctx, t.TempDir(), index.Options{Segmenter: seg, Departments: dt})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	return New(Deps{Index: ix, Depts: dt, Limits: Limits{RatePerSecond: 1e6, Burst: 1e6}})
}

// ledMinutes is a county's minutes with one topic its lead (as written,
// resolved to canonical) leads.
func ledMinutes(place, topic, lead, canonical string) *document.Document {
	text := place + "人民政府常务会议纪要\n一、" + topic + "。由" + lead + "牵头。"
	return &document.Document{ID: document.ContentID(text), Source: place + ".txt", SourcePath: "/" + place, Kind: document.KindMinutes,
		Title: place + "人民政府常务会议纪要", Issuer: place + "人民政府", Text: text, Date: "2021-05-01",
		Departments:    []string{lead},
		DepartmentRefs: []document.DeptRef{{Name: lead, Canonical: canonical}},
		Topics:         []document.Topic{{No: 1, Title: topic, LeadDepartments: []string{lead}}}}
}

// TestDepartmentPageKeepsItsPlace: a surface form the archive resolves to
// one place's bureau (市应急局 → 苏州市应急管理局) opens that bureau's page,
// which lists its own meetings only, not another place's bureau the form
// also matched as a generic name (区应急管理局 of 攀枝花市东区); the generic
// name's page lists both.
func TestDepartmentPageKeepsItsPlace(t *testing.T) {
	e := deptRouter(t, ledMinutes("苏州市", "安全生产治本攻坚", "市应急局", "苏州市应急管理局"),
		ledMinutes("攀枝花市东区", "尾矿库综合开发", "区应急管理局", "东区应急管理局"))
	get := func(name string) (string, []string) {
		t.Helper()
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/departments/"+q(name), nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", name, rec.Code, rec.Body)
		}
		var page struct {
			Name     string
			Meetings []struct{ Issuer string } `json:"meetings"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil {
			t.Fatal(err)
		}
		var issuers []string
		for _, m := range page.Meetings {
			issuers = append(issuers, m.Issuer)
		}
		slices.Sort(issuers)
		return page.Name, issuers
	}
	for _, tc := range []struct {
		name, page string
		issuers    []string
	}{
		{"市应急局", "苏州市应急管理局", []string{"苏州市人民政府"}},
		{"苏州市应急管理局", "苏州市应急管理局", []string{"苏州市人民政府"}},
		{"区应急管理局", "东区应急管理局", []string{"攀枝花市东区人民政府"}},
		{"应急局", "应急局", []string{"攀枝花市东区人民政府", "苏州市人民政府"}},
	} {
		if name, issuers := get(tc.name); name != tc.page || !slices.Equal(issuers, tc.issuers) {
			t.Errorf("%s: page %s with meetings of %v, want %s with %v", tc.name, name, issuers, tc.page, tc.issuers)
		}
	}
}

// getJSON answers a GET through the router into v, failing the test on any
// status but 200.
func getJSON(t *testing.T, e http.Handler, target string, v any) {
	t.Helper()
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("%s: %d %s", target, rec.Code, rec.Body)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
		t.Fatal(err)
	}
}
