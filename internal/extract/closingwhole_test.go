package extract

import "testing"

// TestClosingWholeMeeting: in a hard-wrapped text, where items run over any
// number of lines, a paragraph after the last item that starts after a
// finished sentence with 会议强调/要求… and names the meeting's decisions
// together is cut from the item; one that continues a sentence, or speaks
// of the item alone, stays.
func TestClosingWholeMeeting(t *testing.T) {
	cases := []lastTopicCase{
		{"names the decisions together, wrapped", []string{
			"一、关于甲工程", "会议原则同意甲工程实施", "方案，由县住建局组织实施。",
			"二、关于防汛", "会议要求，县水利局要加强值", "班值守，确保安全度汛。",
			"会议强调，各部门要严格落实会议议", "定事项，县政府督查室要跟踪督办。",
		}, "会议要求，县水利局要加强值\n班值守，确保安全度汛。"},
		{"speaks of the item alone", []string{
			"一、关于甲工程", "会议原则同意甲工程实施", "方案，由县住建局组织实施。",
			"二、关于防汛", "会议要求，县水利局要加强值", "班值守，确保安全度汛。",
			"会议强调，汛期要落实值班制度。",
		}, "会议要求，县水利局要加强值\n班值守，确保安全度汛。\n会议强调，汛期要落实值班制度。"},
		{"the meeting's comments on the item", []string{
			"一、关于甲工程", "会议原则同意甲工程实施", "方案，由县住建局组织实施。",
			"二、关于乙办法", "会议原则同意乙办法。",
			"会议要求，由县司法局根据本次会议讨论意见修改完善后印发。",
		}, "会议原则同意乙办法。\n会议要求，由县司法局根据本次会议讨论意见修改完善后印发。"},
		{"one more matter decided after the items", []string{
			"一、会议原则同意《甲县河道管理办法》，由县水利局负责组织实施。",
			"二、会议原则同意《甲县村庄规划》，由县自然资源局负责组织实施。",
			"会议最后研究了县城停车场建设问题，原则同意在城东建设公共停车场，由县住建局负责实施。",
		}, "会议最后研究了县城停车场建设问题，原则同意在城东建设公共停车场，由县住建局负责实施。"},
		{"continues a sentence", []string{
			"一、关于甲工程", "会议原则同意甲工程实施", "方案，由县住建局组织实施。",
			"二、关于防汛", "会议要求，县水利局要加强值班，并且",
			"会议强调本次会议的要求。",
		}, "会议要求，县水利局要加强值班，并且\n会议强调本次会议的要求。"},
	}
	checkLastTopic(t, cases)
}

// TestClosingSummaryAndSignature: a paragraph that sums the items up
// (以上事项，请…) closes them, and the office, date and publication mark
// that sign a document are no item's text.
func TestClosingSummaryAndSignature(t *testing.T) {
	cases := []lastTopicCase{
		{"summary", []string{
			"1.原则同意甲方案，由区城管局组织实施。", "2.区市场监管局要加强监管，确保秩序稳定。",
			"以上事项，请各有关单位认真贯彻落实。",
		}, ""},
		{"signature", []string{
			"一、关于甲事项", "会议原则同意甲方案。", "二、关于乙事项", "会议原则同意乙方案。",
			"会议还研究了其他事项。", "苏州市人民政府办公室整理", "2020年1月22日", "（此件公开发布）",
		}, "会议原则同意乙方案。"},
		{"who attended, after the items", []string{
			"一、会议原则同意甲工程实施方案，由县住建局组织实施。", "二、会议原则同意乙项目建设方案，由县发改局组织实施。",
			"副县长易红、熊卫国出席会议。县住建局、县发改局主要负责同志列席会议。",
		}, ""},
		{"a summary of the item's own points stays", []string{
			"一、关于甲事项", "会议原则同意甲方案。", "二、关于乙事项", "（一）加快施工。", "（二）保障资金。",
			"以上工作由区住建局牵头负责。",
		}, "（一）加快施工。\n（二）保障资金。\n以上工作由区住建局牵头负责。"},
	}
	checkLastTopic(t, cases)
}

// TestNewsTopicDropsAttendance: in a news report, who attended, who sat in
// and the byline are no decision's text.
func TestNewsTopicDropsAttendance(t *testing.T) {
	text := "县政府召开第9次常务会议\n发布时间：2024-03-09\n\n3月8日上午，县长李明主持召开县政府第9次常务会议。\n\n" +
		"会议审议通过了《甲县河道管理办法》，由县水利局负责组织实施。副县长王强、赵丽出席会议。列席会议的还有县水利局、县财政局负责同志。\n\n（记者 陈文）"
	d, err := parser(t).Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Topics) != 1 {
		t.Fatalf("%d topics, want 1", len(d.Topics))
	}
	if want := "会议审议通过了《甲县河道管理办法》，由县水利局负责组织实施。"; d.Topics[0].Text != want {
		t.Errorf("topic text = %q, want %q", d.Topics[0].Text, want)
	}
	if len(d.Attendees) != 2 {
		t.Errorf("attendees = %v, want 王强 and 赵丽", d.Attendees)
	}
}

type lastTopicCase struct {
	name  string
	lines []string
	last  string // the second and last topic's text
}

// checkLastTopic cuts each case's lines into two numbered topics and checks
// the text of the last.
func checkLastTopic(t *testing.T, cases []lastTopicCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := &state{lines: c.lines}
			paras, gaps := st.paragraphGaps(0)
			topics := numberedTopicsGaps(paras, gaps, false)
			if len(topics) != 2 {
				t.Fatalf("got %d topics, want 2", len(topics))
			}
			if got := topics[1].Text; got != c.last {
				t.Errorf("last topic text = %q, want %q", got, c.last)
			}
		})
	}
}
