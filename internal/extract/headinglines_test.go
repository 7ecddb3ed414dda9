package extract

import (
	"reflect"
	"testing"
)

// TestHeadingLines: a heading wrapped onto a second line is one title, and
// "一，" / "一," numbers a heading alone on its line (K05, K08); "一，" in
// prose numbers nothing.
func TestHeadingLines(t *testing.T) {
	p := parser(t)
	head := "某市人民政府常务会议纪要\n\n2020年9月4日下午，市长张永宁主持召开市政府第68次常务会议。会议纪要如下：\n\n"
	tests := []struct {
		name, body string
		titles     []string
		decision   string // of the first topic
	}{
		{"wrapped before the last words",
			"一、研究关于加快推进某市锂电新能源产业集群建设暨打造世界级锂电新能源\n产业基地三年行动方案的有关事项\n会议原则同意该方案，由市工信局修改完善后印发实施。\n\n二、审议《某市既有住宅增设电梯工作实施办法》\n会议原则同意该办法，由市住建局修改完善后印发。\n",
			[]string{"研究关于加快推进某市锂电新能源产业集群建设暨打造世界级锂电新能源产业基地三年行动方案的有关事项", "审议《某市既有住宅增设电梯工作实施办法》"},
			"会议原则同意该方案，由市工信局修改完善后印发实施"},
		{"wrapped before the last word",
			"一、听取关于三都澳海域养殖综合整治工作进展情况的\n汇报\n会议原则同意市海洋与渔业局提出的工作安排。\n\n二、审议《某市既有住宅增设电梯工作实施办法》\n会议原则同意该办法。\n",
			[]string{"听取关于三都澳海域养殖综合整治工作进展情况的汇报", "审议《某市既有住宅增设电梯工作实施办法》"},
			"会议原则同意市海洋与渔业局提出的工作安排"},
		{"comma numbers",
			"一,审议《某市城市绿化管理办法》\n会议原则同意该办法,由市住建局修改完善后印发.\n\n二,听取关于汉江综合整治工程进展情况的汇报\n会议原则同意市水利局提出的工作安排,由市水利局负责实施.\n",
			[]string{"审议《某市城市绿化管理办法》", "听取关于汉江综合整治工程进展情况的汇报"},
			"会议原则同意该办法，由市住建局修改完善后印发"},
		{"一， in prose",
			"一、研究重点项目工作\n会议原则同意该计划。会议要求：\n一，要加快项目前期工作，确保按期开工；\n二，要强化要素保障，由市财政局统筹资金。\n\n二、审议《某市城市绿化管理办法》\n会议原则同意该办法。\n",
			[]string{"研究重点项目工作", "审议《某市城市绿化管理办法》"},
			"会议原则同意该计划"},
	}
	for _, tc := range tests {
		d, err := p.Parse(head+tc.body, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, tp := range d.Topics {
			titles = append(titles, tp.Title)
		}
		if !reflect.DeepEqual(titles, tc.titles) {
			t.Errorf("%s: titles %q, want %q", tc.name, titles, tc.titles)
			continue
		}
		if ds := d.Topics[0].Decisions; len(ds) == 0 || ds[0] != tc.decision {
			t.Errorf("%s: decisions %q, want %q first", tc.name, ds, tc.decision)
		}
	}
}
