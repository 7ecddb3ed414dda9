package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/labstack/echo/v4"

	"govarchive/index"
	"govarchive/internal/clean"
	"govarchive/internal/dept"
	"govarchive/internal/document"
	"govarchive/internal/segment"
)

// TestPersonTypedTraditional: a person's page asked in traditional script
// (謝義維, copied from a traditional page) is the page of the simplified name
// the parser gives people (谢义维), with the role played, not a mention.
func TestPersonTypedTraditional(t *testing.T) {
	text := "2024年9月13日下午，副區長謝義維同志主持召開五屆104次區政府常務會議。"
	d := &document.Document{ID: document.ContentID(text), Source: "doumen.txt", SourcePath: "/doumen.txt", Kind: document.KindMinutes,
		Title: "五届104次区政府常务会议纪要", Issuer: "斗门区人民政府", Date: "2024-09-13", Text: text,
		Meeting: &document.Meeting{Name: "五届104次区政府常务会议", Chair: &document.Person{Name: "谢义维", Title: "副区长"}},
		People:  []string{"谢义维"}}
	e := simplifyingRouter(t, d)
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

// TestDepartmentTypedTraditional: a unit asked in traditional script
// (市應急局, 應急管理局) opens the page and the decisions of the unit the
// parser names in simplified script (市应急局 → 苏州市应急管理局; 应急管理局,
// every place's).
func TestDepartmentTypedTraditional(t *testing.T) {
	e := simplifyingRouter(t, ledMinutes("苏州市", "安全生产治本攻坚", "市应急局", "苏州市应急管理局"),
		ledMinutes("攀枝花市东区", "尾矿库综合开发", "区应急管理局", "东区应急管理局"))
	get := func(target string, v any) { t.Helper(); getJSON(t, e, target, v) }
	var page struct {
		Name     string
		LedTotal int `json:"led_topics_total"`
	}
	for _, tc := range []struct {
		name, page string
		led        int
	}{{"市應急局", "苏州市应急管理局", 1}, {"應急管理局", "应急管理局", 2}} {
		get("/api/departments/"+url.PathEscape(tc.name), &page)
		if page.Name != tc.page || page.LedTotal != tc.led {
			t.Errorf("department page %s: %+v, want %s with %d led topics", tc.name, page, tc.page, tc.led)
		}
	}
	var dec struct{ Total int }
	get("/api/decisions?department="+url.QueryEscape("市應急局"), &dec)
	if dec.Total != 1 {
		t.Errorf("decisions department=市應急局: %d, want 1", dec.Total)
	}
}

// simplifyingRouter is the router over an index of docs that simplifies
// traditional script as the service's does, with the real department
// table.
func simplifyingRouter(t *testing.T, docs ...*document.Document) *echo.Echo {
	t.Helper()
	ctx := context.Background()
	cl, err := clean.New()
	if err != nil {
		t.Fatal(err)
	}
	dt, err := dept.New()
	if err != nil {
		t.Fatal(err)
	}
	seg, err := segment.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(ctx, t.TempDir(), index.Options{Segmenter: seg, Cleaner: cl, Departments: dt})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	return New(Deps{Index: ix, Depts: dt, Limits: Limits{RatePerSecond: 1e6, Burst: 1e6}})
}
