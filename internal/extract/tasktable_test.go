package extract

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"govarchive/internal/textio"
	"govarchive/internal/textio/textiotest"
)

// taskHead opens an 实施方案 whose work is assigned by a table.
const taskHead = "某市人民政府办公室关于印发某市2023年优化营商环境工作实施方案的通知\n某政办发〔2023〕9号\n各区人民政府，市政府各部门：\n" +
	"《某市2023年优化营商环境工作实施方案》已经市人民政府同意，现印发给你们，请认真组织实施。\n某市人民政府办公室\n2023年3月28日\n一、重点任务\n"

// taskFoot follows the table with a prose item that names its lead (an
// item headed 二、 is titled by its heading).
const taskFoot = "\n二、保障措施\n（一）加强组织领导。市发展改革委负责统筹协调，定期通报工作进展。\n"

// taskRows are the rows of the table, header first.
var taskRows = [][]string{
	{"序号", "工作任务", "牵头单位", "责任单位", "完成时限"},
	{"1", "企业开办全流程压缩至0.5个工作日", "市政务服务办", "市市场监管局、市税务局", "2023年6月底"},
	{"2", "推行工程建设项目“拿地即开工”", "市住房城乡建设局", "市自然资源局", "2023年12月底"},
	{"3", "落实惠企政策“免申即享”", "市财政局", "市工业和信息化局", "持续推进"},
}

// taskWant is what the rows and the prose item give.
const taskWant = "企业开办全流程压缩至0.5个工作日|市政务服务办 推行工程建设项目“拿地即开工”|市住房城乡建设局 落实惠企政策“免申即享”|市财政局 保障措施|市发展改革委"

func joinRows(rows [][]string, sep, open, close string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(open + strings.Join(r, sep) + close + "\n")
	}
	return b.String()
}

func taskHTML(rows [][]string) string {
	var b strings.Builder
	b.WriteString("<html><body>")
	for _, l := range strings.Split(strings.TrimSpace(taskHead), "\n") {
		b.WriteString("<p>" + l + "</p>")
	}
	b.WriteString("<table border=\"1\">")
	for _, r := range rows {
		b.WriteString("<tr><td>" + strings.Join(r, "</td><td>") + "</td></tr>")
	}
	b.WriteString("</table>")
	for _, l := range strings.Split(strings.TrimSpace(taskFoot), "\n") {
		b.WriteString("<p>" + l + "</p>")
	}
	return b.String() + "</body></html>"
}

func readDoc(t *testing.T, name string, data []byte) string {
	t.Helper()
	text, err := textio.Read(context.Background(), name, bytes.NewReader(data), textio.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return text
}

func topicLeads(t *testing.T, text string) string {
	t.Helper()
	d, err := parser(t).Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tp := range d.Topics {
		got = append(got, tp.Title+"|"+strings.Join(tp.LeadDepartments, ","))
	}
	return strings.Join(got, " ")
}

// TestTaskTableRows: each row of a task-division table is a topic led by
// the units of its 牵头 cell, whatever layout carries the cells.
func TestTaskTableRows(t *testing.T) {
	// A .docx puts its table after the paragraphs: the prose item comes first.
	docx, err := textiotest.DOCX(strings.Split(strings.TrimSpace(taskHead+taskFoot), "\n"), taskRows)
	if err != nil {
		t.Fatal(err)
	}
	docxWant := "保障措施|市发展改革委 " + strings.TrimSuffix(taskWant, " 保障措施|市发展改革委")
	broken := [][]string{taskRows[0], taskRows[1], taskRows[2], {"3", "落实惠企政策“免申即享”", "市财政局<br>市税务局", "市工业和信息化局", "持续推进"}}
	for _, c := range []struct{ name, text, want string }{
		{"html", readDoc(t, "t.html", []byte(taskHTML(taskRows))), taskWant},
		{"docx", readDoc(t, "t.docx", docx), docxWant},
		{"tabs", taskHead + joinRows(taskRows, "\t", "", "") + taskFoot, taskWant},
		{"space runs", taskHead + joinRows(taskRows, "    ", "", "") + taskFoot, taskWant},
		{"letter-spaced header", taskHead + "序  号    工作任务    牵头单位    责任单位    完成时限\n" + joinRows(taskRows[1:], "    ", "", "") + taskFoot, taskWant},
		{"single spaces", taskHead + joinRows(taskRows, " ", "", "") + taskFoot, taskWant},
		{"markdown", taskHead + "| 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n" + joinRows(taskRows[1:], " | ", "| ", " |") + taskFoot, taskWant},
		// A <br> in a cell breaks the row over two lines; both units lead.
		{"cell broken by br", readDoc(t, "t.html", []byte(taskHTML(broken))),
			strings.Replace(taskWant, "免申即享”|市财政局", "免申即享”|市财政局,市税务局", 1)},
		// A task wrapped in a text file continues under the row.
		{"wrapped task", taskHead + joinRows(taskRows[:3], "    ", "", "") + "3    落实惠企政策    市财政局    市工业和信息化局    持续推进\n“免申即享”\n" + taskFoot, taskWant},
	} {
		if got := topicLeads(t, c.text); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// TestTaskTableResponsible: without a 牵头 column the 责任单位 lead, or the
// one marked （牵头） among them; 配合单位 never do.
func TestTaskTableResponsible(t *testing.T) {
	rows := [][]string{
		{"序号", "主要任务", "责任单位", "配合单位", "时间节点"},
		{"1", "完善企业信用修复机制", "市发展改革委", "市市场监管局", "2023年9月底"},
		{"2", "推进“一网通办”", "市政务服务办（牵头）、市大数据局", "市公安局", "2023年12月底"},
	}
	want := "完善企业信用修复机制|市发展改革委 推进“一网通办”|市政务服务办 保障措施|市发展改革委"
	if got := topicLeads(t, taskHead+joinRows(rows, "\t", "", "")+taskFoot); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestNotTaskTable: an attendance list or a portal's metadata table holds
// units but no tasks.
func TestNotTaskTable(t *testing.T) {
	for _, rows := range [][][]string{
		{{"序号", "单位", "姓名", "职务"}, {"1", "市财政局", "王建国", "局长"}, {"2", "市税务局", "李明", "副局长"}},
		{{"索引号", "11120116MB1234567X/2023-00056", "主题分类", "综合政务"}, {"发文机关", "某市人民政府办公室", "成文日期", "2023年03月28日"}},
		{{"序号", "单位名称", "牵头单位", "联系人"}, {"1", "市财政局", "市政府办公室", "王建国"}},
	} {
		text := taskHead + joinRows(rows, "\t", "", "") + taskFoot
		if got, want := topicLeads(t, text), "保障措施|市发展改革委"; got != want {
			t.Errorf("%q:\n got %q\nwant %q", rows[0], got, want)
		}
	}
}

// TestMinutesTable: minutes written as a table (序号 | 议题 | 汇报单位 |
// 议定事项) give an item per row, led by the unit that reported and those
// the decision tells to act, with the decision as the item's; prose items
// beside the table keep their place.
func TestMinutesTable(t *testing.T) {
	head := "某县人民政府常务会议纪要\n（第15次）\n会议时间：2021年6月18日上午\n主持人：县长　杨志强\n记录人：李敏\n"
	rows := [][]string{
		{"序号", "议题", "汇报单位", "议定事项"},
		{"1", "审议《某县城区学校布局专项规划》", "县教体局", "原则通过，由县教体局按程序报批。"},
		{"2", "研究县城污水处理厂提标改造项目", "县住建局", "同意实施，县住建局会同县财政局抓紧建设。"},
	}
	want := "1 审议《某县城区学校布局专项规划》|县教体局|原则通过，由县教体局按程序报批 " +
		"2 研究县城污水处理厂提标改造项目|县住建局,县财政局|同意实施，县住建局会同县财政局抓紧建设"
	noUnits := [][]string{{"序号", "会议议题", "议定事项"}, rows[1], rows[2]}
	for i := 1; i < 3; i++ {
		noUnits[i] = []string{rows[i][0], rows[i][1], rows[i][3]}
	}
	for _, c := range []struct{ name, text, want string }{
		{"tabs", head + joinRows(rows, "\t", "", ""), want},
		{"space runs", head + joinRows(rows, "    ", "", ""), want},
		{"no unit column", head + joinRows(noUnits, "\t", "", ""),
			"1 审议《某县城区学校布局专项规划》|县教体局|原则通过，由县教体局按程序报批 " +
				"2 研究县城污水处理厂提标改造项目|县住建局,县财政局|同意实施，县住建局会同县财政局抓紧建设"},
	} {
		d, err := parser(t).Parse(c.text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tp := range d.Topics {
			got = append(got, fmt.Sprintf("%d %s|%s|%s", tp.No, tp.Title, strings.Join(tp.LeadDepartments, ","), strings.Join(tp.Decisions, ";")))
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, g, c.want)
		}
	}
}
