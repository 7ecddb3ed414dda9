package extract

import (
	"strings"
	"testing"
)

// TestShortOfficialSections: an official document whose lines are all short
// still has a body, and its sections their responsible departments.
func TestShortOfficialSections(t *testing.T) {
	p := parser(t)
	text := "某市人民政府关于进一步做好稳就业工作的实施意见\n某政发〔2022〕18号\n各县（市、区）人民政府，市政府各部门：\n现提出如下意见。\n" +
		"（一）实施失业保险稳岗返还政策。对参保企业返还失业保险费。（市人力资源社会保障局、市财政局负责）\n" +
		"（二）落实社会保险费缓缴政策。（市人力资源社会保障局、市医保局、市税务局按职责分工负责）\n" +
		"（三）支持多渠道灵活就业。由市商务局牵头，市市场监管局配合，合理设定经营场所。\n某市人民政府\n2022年6月10日"
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tp := range d.Topics {
		got = append(got, tp.Title+"|"+strings.Join(tp.LeadDepartments, ","))
	}
	want := "实施失业保险稳岗返还政策|市人力资源社会保障局,市财政局 落实社会保险费缓缴政策|市人力资源社会保障局,市医保局,市税务局 支持多渠道灵活就业|市商务局"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("topics %q, want %q", g, want)
	}
	if d.Title != "某市人民政府关于进一步做好稳就业工作的实施意见" || d.DocNumber != "某政发〔2022〕18号" {
		t.Errorf("title %q, 文号 %q", d.Title, d.DocNumber)
	}
}
