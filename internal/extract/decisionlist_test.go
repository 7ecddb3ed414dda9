package extract

import (
	"reflect"
	"testing"
)

// TestDecisionList: every item under 会议议定/会议决定/会议明确 is a
// decision, whatever its verb, without the label or its number.
func TestDecisionList(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
		rest       string
	}{
		{"items on lines", "会议议定：\n（一）原则同意《实施方案》，由市林业和草原局牵头实施。\n（二）工程所需资金由市财政局统筹安排。\n（三）市水务局要在6月底前完成河道清淤。",
			[]string{"原则同意《实施方案》，由市林业和草原局牵头实施", "工程所需资金由市财政局统筹安排", "市水务局要在6月底前完成河道清淤"}, ""},
		{"label after a sentence", "会议听取了市林业和草原局的汇报。会议议定：\n（一）原则同意该方案。\n（二）资金由市财政局统筹安排。\n会议要求，各区要抓好落实。",
			[]string{"原则同意该方案", "资金由市财政局统筹安排"}, "会议听取了市林业和草原局的汇报。\n会议要求，各区要抓好落实。"},
		{"inline items", "会议决定：（一）由县民政局负责救济；（二）县水利局要加固堤防；（三）由县农业局搞好生产自救。",
			[]string{"由县民政局负责救济", "县水利局要加固堤防", "由县农业局搞好生产自救"}, ""},
		{"一是 items", "会议明确：一是由翠屏区人民政府负责征收工作；二是市自然资源和规划局要加快收储。",
			[]string{"由翠屏区人民政府负责征收工作", "市自然资源和规划局要加快收储"}, ""},
		{"wrapped item", "会议议定：\n1.原则同意该方案，由市住建局会同\n市财政局组织实施。\n2.市城管局要做好配合。",
			[]string{"原则同意该方案，由市住建局会同市财政局组织实施", "市城管局要做好配合"}, ""},
		{"unnumbered: the label's sentence", "会议议定：原则同意，按会议要求修改完善后印发。会议要求，各部门抓好落实。",
			[]string{"原则同意，按会议要求修改完善后印发"}, "会议要求，各部门抓好落实。"},
		{"no label", "会议决定由市财政局统筹安排资金。", nil, "会议决定由市财政局统筹安排资金。"},
	}
	for _, tc := range tests {
		got, rest := decisionList(tc.text)
		if !reflect.DeepEqual(got, tc.want) || rest != tc.rest {
			t.Errorf("%s:\n got %q, rest %q\nwant %q, rest %q", tc.name, got, rest, tc.want, tc.rest)
		}
	}
}

// TestDecisionBeforeRequirements: a decision ends where the list of
// requirements it introduces begins ("…，并提出以下要求：一是…").
func TestDecisionBeforeRequirements(t *testing.T) {
	tests := []struct{ in, want string }{
		{"会议原则同意《城市更新实施办法》，并提出以下要求：一是市住建局要完善配套政策；二是市财政局要统筹资金。", "会议原则同意《城市更新实施办法》"},
		{"会议同意该方案，同时提出如下意见：（一）市发改委要做好立项。", "会议同意该方案"},
		{"会议原则同意该政策，要求：1.各区抓好落实。", "会议原则同意该政策"},
		{"会议原则同意该方案，要求县农业农村局抓好落实。", "会议原则同意该方案，要求县农业农村局抓好落实"},
		{"会议审议通过了《实施意见》，明确由市商务局负责组织实施。", "会议审议通过了《实施意见》，明确由市商务局负责组织实施"},
	}
	for _, tc := range tests {
		if got, ok := decisionOf(tc.in); !ok || got != tc.want {
			t.Errorf("decisionOf(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

// TestDeferral: an item put off or sent back has that outcome as its
// decision, wherever the sentence says it.
func TestDeferral(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"会议认为，该方案还需进一步征求各市州意见，决定暂缓审议。", "决定暂缓审议", true},
		{"会议认为，该办法部分条款与国家政策衔接不够，暂缓审议，请省商务厅进一步完善后再提交审议。", "暂缓审议，请省商务厅进一步完善后再提交审议", true},
		{"会议暂缓审议该方案。", "暂缓审议该方案", true},
		{"该草案退回修改后再议。", "该草案退回修改后再议", true},
		{"会议认为，该方案总体可行。", "", false},
	}
	for _, tc := range tests {
		if got, ok := deferral(tc.in); got != tc.want || ok != tc.ok {
			t.Errorf("deferral(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
