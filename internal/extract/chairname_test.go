package extract

import (
	"slices"
	"testing"
)

// TestChairNamedLikePlace: a chair whose name is a city's ("市长宁波主持")
// is read as the chair and counted among the people.
func TestChairNamedLikePlace(t *testing.T) {
	p := parser(t)
	d, err := p.Parse("芜湖市人民政府常务会议纪要\n\n2024年3月11日，市长宁波主持召开市政府第48次常务会议。现将会议议定事项纪要如下：\n\n一、关于城市建设重点工程\n会议原则同意，由市住房城乡建设局组织实施。\n", Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Meeting == nil || d.Meeting.Chair == nil || d.Meeting.Chair.Name != "宁波" {
		t.Fatalf("meeting = %+v, want chair 宁波", d.Meeting)
	}
	if !slices.Contains(d.People, "宁波") {
		t.Errorf("people = %q, want 宁波 among them", d.People)
	}
}
