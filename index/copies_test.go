package index

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"govarchive/internal/document"
)

const copyBody = `苏州市人民政府
常务会议纪要
〔2024〕7号
市政府第57次常务会议纪要
2024年2月26日下午，吴庆文市长主持召开市政府第57次常务会议，审议《苏州市安全生产治本攻坚三年行动实施方案》。
一、审议《苏州市安全生产治本攻坚三年行动实施方案》
原则同意《方案》，由市应急局根据本次会议讨论意见作进一步完善后，按程序以市安委会名义印发实施。
二、审议《健康苏州“培优强基”三年行动方案》
原则同意《行动方案》，由市卫健委会同市财政局、市人社局抓紧推进落实。
三、审议《苏州市2024年优化营商环境十条政策措施》
原则同意《政策措施》，由市发改委牵头做好政策解读和宣传工作，确保各项措施落地见效。`

func TestSameText(t *testing.T) {
	webPage := "当前位置：首页 > 政务公开 > 会议纪要\n" + copyBody + "\n【打印本页】【关闭窗口】"
	pdf := strings.NewReplacer("，", ",", "。\n", "。\n- 2 -\n", "会议讨论", "会议\n讨论").Replace(copyBody)
	lines := strings.Split(copyBody, "\n")
	cases := []struct {
		name string
		a, b string
		want bool
	}{
		{"identical", copyBody, copyBody, true},
		{"a web capture with page chrome", copyBody, webPage, true},
		{"a PDF: breaks, page numbers, half-width commas", copyBody, pdf, true},
		{"full-width spaces between characters", copyBody, strings.ReplaceAll(copyBody, "吴庆文", "吴　庆　文"), true},
		{"truncated after the first item", copyBody, strings.Join(lines[:7], "\n"), false},
		{"another decision", copyBody, strings.Replace(copyBody, lines[len(lines)-1], "会议决定暂缓审议该政策措施，请市发改委进一步征求各方面意见，修改完善后另行提交市政府常务会议研究。", 1), false},
		{"empty", copyBody, "", false},
	}
	for _, c := range cases {
		if got := sameText(shingles(c.a), shingles(c.b)); got != c.want {
			t.Errorf("%s: sameText = %v, want %v", c.name, got, c.want)
		}
	}
}

// copyDoc is identified by its content, like every parsed document; the
// tests name it by its path.
func copyDoc(path, text string) *document.Document {
	return &document.Document{
		ID: document.ContentID(text), Source: path, SourcePath: "/archive/" + path, Kind: document.KindMinutes,
		Title: "市政府第57次常务会议纪要", Date: "2024-02-26", DocNumber: "〔2024〕7号", Text: text,
	}
}

func TestPutCopies(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, Options{})
	orig := copyDoc("57.txt", copyBody)
	html := copyDoc("57.html", "当前位置：首页 > 政务公开 > 会议纪要\n"+copyBody+"\n【打印本页】【关闭窗口】")
	pdfInBatch := copyDoc("57.pdf", strings.ReplaceAll(copyBody, "\n", "\n\n"))
	// What identifies a document differs: revisions and other meetings.
	revised := copyDoc("57-rev.txt", strings.Replace(copyBody, "〔2024〕7号", "〔2024〕8号", 1))
	revised.DocNumber = "〔2024〕8号"
	otherDay := copyDoc("57-day.txt", strings.Replace(copyBody, "26日", "27日", 1))
	otherDay.Date = "2024-02-27"
	excerpt := copyDoc("57-part.txt", strings.Join(strings.Split(copyBody, "\n")[:7], "\n"))

	res, err := ix.Put(ctx, []*document.Document{orig, pdfInBatch})
	if want := []PutResult{{Added, orig.ID}, {Copy, orig.ID}}; err != nil || !reflect.DeepEqual(res, want) {
		t.Errorf("a copy in the same batch: %v %v, want %v", res, err, want)
	}
	res, err = ix.Put(ctx, []*document.Document{html, revised, otherDay, excerpt})
	if want := []PutResult{{Copy, orig.ID}, {Added, revised.ID}, {Added, otherDay.ID}, {Added, excerpt.ID}}; err != nil || !reflect.DeepEqual(res, want) {
		t.Errorf("a copy of an indexed document: %v %v, want %v", res, err, want)
	}
	res, err = ix.Put(ctx, []*document.Document{html, orig})
	if want := []PutResult{{Copy, orig.ID}, {Unchanged, orig.ID}}; err != nil || !reflect.DeepEqual(res, want) {
		t.Errorf("the copy and the original again: %v %v, want %v", res, err, want)
	}
	for d, want := range map[*document.Document]bool{orig: true, html: false, pdfInBatch: false, revised: true, otherDay: true, excerpt: true} {
		if got, err := ix.Has(ctx, d.ID); err != nil || got != want {
			t.Errorf("Has(%s) = %v, %v; want %v", d.Source, got, err, want)
		}
	}
	// A document its caller names is one document, whatever it reads like.
	named := copyDoc("named.txt", copyBody+"\n")
	named.ID = "named"
	if st := put(t, ix, named); !reflect.DeepEqual(st, []PutStatus{Added}) {
		t.Errorf("a named document: %v", st)
	}
	if err := ix.Delete(ctx, "named"); err != nil {
		t.Fatal(err)
	}
	// A new version of a file is an update even when it reads like another
	// indexed document: its path says which document it is.
	upd := copyDoc("57-rev.txt", copyBody+"\n四、其他事项")
	if st := put(t, ix, upd); !reflect.DeepEqual(st, []PutStatus{Updated}) {
		t.Errorf("an update: %v", st)
	}
	r := find(t, ix, Query{Text: "治本攻坚"})
	if r.Total != 4 {
		t.Errorf("治本攻坚 finds %d documents, want 4 (no copies): %v", r.Total, ids(r))
	}
}

// TestPutCopyOfReplaced: a copy of a document that the same batch replaces
// with a new version of its file is indexed, whichever comes first: the
// text it copies leaves the index with the batch.
func TestPutCopyOfReplaced(t *testing.T) {
	ctx := context.Background()
	lines := strings.Split(copyBody, "\n")
	revision := strings.Join(append(lines[:7:7], "二、其他事项", "会议决定暂缓审议该政策措施，请市发改委进一步征求各方面意见，修改完善后另行提交市政府常务会议研究。"), "\n")
	for _, order := range []string{"copy first", "revision first"} {
		ix := openTest(t, Options{})
		if st := put(t, ix, copyDoc("57.html", copyBody)); !reflect.DeepEqual(st, []PutStatus{Added}) {
			t.Fatalf("%s: original: %v", order, st)
		}
		pdf := copyDoc("57.pdf", strings.ReplaceAll(copyBody, "\n", "\n\n"))
		rev := copyDoc("57.html", revision)
		batch, want := []*document.Document{pdf, rev}, []PutStatus{Added, Updated}
		if order == "revision first" {
			batch, want = []*document.Document{rev, pdf}, []PutStatus{Updated, Added}
		}
		if st := put(t, ix, batch...); !reflect.DeepEqual(st, want) {
			t.Errorf("%s: %v, want %v", order, st, want)
		}
		if got, err := ix.Has(ctx, pdf.ID); err != nil || !got {
			t.Errorf("%s: the old version's copy indexed = %v, %v", order, got, err)
		}
	}
}

// TestPutCopyAmongNamesakes: a copy is found however many indexed
// documents share its title (a bare 通知 or 会议纪要 on other days).
func TestPutCopyAmongNamesakes(t *testing.T) {
	ix := openTest(t, Options{})
	var others []*document.Document
	for i := range 40 {
		d := copyDoc(fmt.Sprintf("other-%d.txt", i), fmt.Sprintf("第%d次会议\n会议研究了第%d项工作，要求各单位抓好落实。", i, i))
		d.Date, d.DocNumber = fmt.Sprintf("2023-%02d-%02d", i%12+1, i%28+1), ""
		others = append(others, d)
	}
	put(t, ix, others...)
	orig := copyDoc("57.txt", copyBody)
	orig.Date, orig.DocNumber = "", ""
	put(t, ix, orig)
	cp := copyDoc("57.html", "当前位置：首页 > 政务公开 > 会议纪要\n"+copyBody)
	cp.Date, cp.DocNumber = "", ""
	if st := put(t, ix, cp); !reflect.DeepEqual(st, []PutStatus{Copy}) {
		t.Errorf("a copy among 40 documents of its title: %v", st)
	}
}

// TestPutPastAnUnreadableNamesake: an indexed document of the same title
// whose stored topics cannot be read is no copy's original, and does not
// stop the write (every upload of its title failed).
func TestPutPastAnUnreadableNamesake(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, Options{})
	orig := copyDoc("57.txt", copyBody)
	orig.Topics = []document.Topic{{No: 1, Title: "议题", Text: "会议研究了政策措施。"}}
	m, err := ix.storedBleveDoc(orig)
	if err != nil {
		t.Fatal(err)
	}
	m[fTopicSpans] = "[{" // damaged
	if err := ix.bi.Index(orig.ID, m); err != nil {
		t.Fatal(err)
	}
	cp := copyDoc("57.html", "当前位置：首页 > 政务公开 > 会议纪要\n"+copyBody)
	res, err := ix.Put(ctx, []*document.Document{cp})
	if err != nil || len(res) != 1 || res[0].Status != Added {
		t.Errorf("a namesake of an unreadable document: %v %v, want added", res, err)
	}
}
