package extract

import (
	"reflect"
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

// TestCitedDocNumber: a reply cites the request's 文号; it is not its own.
func TestCitedDocNumber(t *testing.T) {
	p := parser(t)
	text := "国务院关于同意设立中国（安徽）自由贸易试验区蚌埠片区的批复\n安徽省人民政府，商务部：\n你们《关于设立蚌埠片区的请示》（皖政〔2020〕45号）收悉。现批复如下：\n" +
		"一、同意设立蚌埠片区。\n二、安徽省人民政府要加强组织领导。\n\n国务院\n2021年3月2日"
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if d.DocNumber != "" || d.Kind != "official" {
		t.Errorf("kind %s, 文号 %q; want an official document without one", d.Kind, d.DocNumber)
	}
}

// TestAppointees: a decision on posts (任免) names the people it appoints
// and removes.
func TestAppointees(t *testing.T) {
	p := parser(t)
	text := "长沙市人民政府关于刘建华等同志职务任免的决定\n长政任〔2022〕9号\n\n各区、县（市）人民政府：\n经市人民政府研究决定：\n" +
		"任命刘建华为长沙市发展和改革委员会副主任；\n免去王国庆的长沙市财政局副局长职务；\n周玉梅同志任长沙市民政局局长。\n" +
		"免税进口的设备按有关政策执行。\n\n长沙市人民政府\n2022年6月30日"
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"刘建华", "王国庆", "周玉梅"}
	if !reflect.DeepEqual(d.People, want) {
		t.Errorf("people %q, want %q (kind %s)", d.People, want, d.Kind)
	}
}
