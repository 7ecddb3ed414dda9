package server

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"govarchive/index"
	"govarchive/internal/document"
	"govarchive/internal/segment"
)

// testDocs builds a small archive: two meetings that review the same
// regulation (draft, then adopted text), an official document that cites
// it, and a news report from another place.
func testDocs() []*document.Document {
	refs := func(pairs ...string) []document.DeptRef {
		var out []document.DeptRef
		for i := 0; i+1 < len(pairs); i += 2 {
			out = append(out, document.DeptRef{Name: pairs[i], Canonical: pairs[i+1]})
		}
		return out
	}
	names := func(refs []document.DeptRef) []string {
		var out []string
		for _, r := range refs {
			out = append(out, r.Name)
		}
		return out
	}
	a := &document.Document{
		Source: "minutes-2020-3.txt", Kind: document.KindMinutes, Title: "苏州市人民政府常务会议纪要",
		Issuer: "苏州市人民政府", DocNumber: "〔2020〕3号", DocYear: 2020, DocSeq: 3, Date: "2020-01-06",
		Meeting: &document.Meeting{Name: "市政府第86次常务会议", Type: "常务会议", Session: 86, Date: "2020-01-06",
			PartOfDay: "上午", Chair: &document.Person{Name: "李亚平", Title: "市长"}},
		Topics: []document.Topic{
			{No: 1, Title: "审议《苏州市危险化学品安全综合治理实施方案》", Documents: []string{"苏州市危险化学品安全综合治理实施方案"},
				LeadDepartments: []string{"市应急局"}, Decisions: []string{"会议原则同意《苏州市危险化学品安全综合治理实施方案》。"},
				Text: "会议原则同意《苏州市危险化学品安全综合治理实施方案》，由市应急局牵头落实安全生产责任。"},
			{No: 2, Title: "审议《苏州市献血条例修正案（草案）》", Documents: []string{"苏州市献血条例修正案（草案）"},
				LeadDepartments: []string{"市卫生健康委", "市司法局"}, Decisions: []string{"会议原则同意《苏州市献血条例修正案（草案）》，按程序提请审议。"},
				Text: "会议原则同意《苏州市献血条例修正案（草案）》，由市卫生健康委、市司法局按程序提请市人大常委会审议。"},
		},
		Attendees: []document.Attendee{{Name: "李亚平"}, {Name: "王翔"}, {Name: "吴晓东"}},
		Observers: []document.Person{{Name: "张旗"}, {Name: "凌鸣", Department: "市发改委"}, {Name: "陆文华", Department: "市交通局"},
			{Name: "朱健", Department: "市应急局"}},
		Recorder: "陈静", Published: true,
		DepartmentRefs: refs("市应急局", "苏州市应急管理局", "市卫生健康委", "苏州市卫生健康委员会", "市司法局", "苏州市司法局",
			"市发改委", "苏州市发展和改革委员会", "市交通局", "苏州市交通运输局"),
		People: []string{"李亚平", "王翔", "吴晓东", "张旗", "凌鸣", "陆文华", "朱健", "陈静"},
	}
	a.Departments = names(a.DepartmentRefs)
	a.Text = "苏州市人民政府常务会议纪要\n〔2020〕3号\n2020年1月6日上午，市长李亚平主持召开市政府第86次常务会议。\n" +
		"一、审议《苏州市危险化学品安全综合治理实施方案》\n会议原则同意《苏州市危险化学品安全综合治理实施方案》，由市应急局牵头落实安全生产责任。\n" +
		"二、审议《苏州市献血条例修正案（草案）》\n会议原则同意《苏州市献血条例修正案（草案）》，由市卫生健康委、市司法局按程序提请市人大常委会审议。\n" +
		"出席：李亚平 王翔 吴晓东\n列席：张旗 市发改委凌鸣 市交通局陆文华 市应急局朱健\n记录：陈静\n（此件公开发布）"

	b := &document.Document{
		Source: "minutes-2021-9.txt", Kind: document.KindMinutes, Title: "苏州市人民政府常务会议纪要",
		Issuer: "苏州市人民政府", DocNumber: "〔2021〕9号", DocYear: 2021, DocSeq: 9, Date: "2021-03-15",
		Meeting: &document.Meeting{Name: "市政府第101次常务会议", Type: "常务会议", Session: 101, Date: "2021-03-15",
			Chair: &document.Person{Name: "王翔", Title: "常务副市长"}},
		Topics: []document.Topic{
			{No: 1, Title: "审议《苏州市献血条例修正案》实施工作", Documents: []string{"苏州市献血条例修正案"},
				LeadDepartments: []string{"市卫健委"}, Decisions: []string{"会议要求市卫健委做好献血条例实施工作。"},
				Text: "会议要求市卫健委做好《苏州市献血条例修正案》实施工作，保障临床用血。"},
		},
		Attendees:      []document.Attendee{{Name: "王翔"}, {Name: "李亚平"}},
		Observers:      []document.Person{{Name: "凌鸣", Department: "市发展改革委"}},
		Absent:         []document.Person{{Name: "吴晓东", Title: "副市长"}},
		DepartmentRefs: refs("市卫健委", "苏州市卫生健康委员会", "市发展改革委", "苏州市发展和改革委员会"),
		People:         []string{"王翔", "李亚平", "凌鸣", "吴晓东"},
	}
	b.Departments = names(b.DepartmentRefs)
	b.Text = "苏州市人民政府常务会议纪要\n〔2021〕9号\n2021年3月15日，常务副市长王翔主持召开市政府第101次常务会议。\n" +
		"一、审议《苏州市献血条例修正案》实施工作\n会议要求市卫健委做好《苏州市献血条例修正案》实施工作，保障临床用血。\n" +
		"出席：王翔 李亚平\n列席：市发展改革委凌鸣\n请假：副市长吴晓东"

	c := &document.Document{
		Source: "notice-2021-12.html", Kind: document.KindOfficial, Title: "苏州市人民政府关于做好无偿献血工作的通知",
		Issuer: "苏州市人民政府", DocNumber: "苏府〔2021〕12号", DocYear: 2021, DocSeq: 12, DocPrefix: "苏府",
		Date: "2021-05-08", WrittenOn: "2021-05-08", Addressees: []string{"各市、区人民政府"},
		DepartmentRefs: refs("市卫生健康委", "苏州市卫生健康委员会"),
		People:         []string{},
	}
	c.Departments = names(c.DepartmentRefs)
	c.Text = "苏州市人民政府关于做好无偿献血工作的通知\n苏府〔2021〕12号\n各市、区人民政府：\n" +
		"为贯彻《苏州市献血条例修正案》，现就做好无偿献血工作通知如下。（市卫生健康委负责）\n苏州市人民政府\n2021年5月8日"

	d := &document.Document{
		Source: "news-2019.html", Kind: document.KindNews, Title: "惠东县召开县政府常务会议",
		Issuer: "惠东县人民政府", Date: "2019-11-20",
		Meeting: &document.Meeting{Name: "县政府第十二次常务会议", Session: 12, Date: "2019-11-20",
			Chair: &document.Person{Name: "刘通", Title: "县长"}},
		Topics:      []document.Topic{{No: 1, Title: "审议通过《惠东县森林防火工作方案》", Documents: []string{"惠东县森林防火工作方案"}}},
		Attendees:   []document.Attendee{{Name: "刘通", Title: "县长"}, {Name: "邹映涛", Title: "副县长"}},
		People:      []string{"刘通", "邹映涛"},
		Departments: []string{"县林业局"}, // unresolved: no canonical entry
	}
	d.Text = "惠东县召开县政府常务会议\n11月20日，县长刘通主持召开县政府第十二次常务会议，副县长邹映涛出席。会议审议通过《惠东县森林防火工作方案》，由县林业局组织实施。"

	docs := []*document.Document{a, b, c, d}
	for _, x := range docs {
		x.ID = document.ContentID(x.Text)
		x.SourcePath = "/test/" + x.Source
	}
	return docs
}

type testEnv struct {
	e    *echo.Echo
	ix   *index.Index
	docs []*document.Document
}

// newTestEnv opens a real index in a temporary directory, fills it with
// testDocs and builds the real router over it.
func newTestEnv(t testing.TB, deps Deps) *testEnv {
	t.Helper()
	ctx := context.Background()
	seg, err := segment.New([]segment.Word{{Text: "市卫生健康委", Freq: 1000}, {Text: "市应急局", Freq: 1000}})
	if err != nil {
		t.Fatalf("segmenter: %v", err)
	}
	ix, err := index.Open(ctx, t.TempDir(), index.Options{Segmenter: seg})
	if err != nil {
		t.Fatalf("open index: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	docs := testDocs()
	if _, err := ix.Put(ctx, docs); err != nil {
		t.Fatalf("put: %v", err)
	}
	deps.Index = ix
	if deps.Logger == nil {
		deps.Logger = slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	return &testEnv{e: New(deps), ix: ix, docs: docs}
}

// testWriter sends server logs to the test log.
type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

func (env *testEnv) do(method, target string, body string, header map[string]string) *httptest.ResponseRecorder {
	var req = httptest.NewRequest(method, target, strings.NewReader(body))
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	env.e.ServeHTTP(rec, req)
	return rec
}
