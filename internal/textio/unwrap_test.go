package textio

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestUnwrapPages(t *testing.T) {
	// full is a line that fills a 20-column measure (10 Han characters).
	tests := []struct {
		name  string
		pages [][]string
		want  string
	}{
		{
			name:  "wrapped paragraph rejoined",
			pages: [][]string{{"会议研究了全市重点工", "作推进情况，要求各部", "门抓好落实。", "会议还研究了其他事项。"}},
			want:  "会议研究了全市重点工作推进情况，要求各部门抓好落实。\n会议还研究了其他事项。",
		},
		{
			name:  "paragraph runs on across a page break",
			pages: [][]string{{"会议研究了全市重点工", "作推进情况，要求各部"}, {"门抓好落实。", "散会。"}},
			want:  "会议研究了全市重点工作推进情况，要求各部门抓好落实。\n散会。",
		},
		{
			name:  "printed page numbers do not split a paragraph",
			pages: [][]string{{"会议研究了全市重点工", "作推进情况，要求各部", "— 1 —"}, {"第2页", "门抓好落实。", "散会。", "- 2 -"}},
			want:  "会议研究了全市重点工作推进情况，要求各部门抓好落实。\n散会。",
		},
		{
			name:  "a one-page number is left to the cleaner",
			pages: [][]string{{"会议研究了其他事项。", "3"}},
			want:  "会议研究了其他事项。\n3",
		},
		{
			name:  "page break that ends a paragraph stays a blank line",
			pages: [][]string{{"会议研究了全市重点工", "作推进情况，要求各部", "门抓好落实。"}, {"二、其他事项"}},
			want:  "会议研究了全市重点工作推进情况，要求各部门抓好落实。\n\n二、其他事项",
		},
		{
			name:  "indented line starts a paragraph",
			pages: [][]string{{"会议研究了全市重点工", "作推进情况，要求各部", "　　门抓好落实。"}},
			want:  "会议研究了全市重点工作推进情况，要求各部\n门抓好落实。",
		},
		{
			name:  "lines that are paragraphs are kept",
			pages: [][]string{{"一、审议通过实施方案。", "二、听取汇报。", "三、研究其他工作事项。"}},
			want:  "一、审议通过实施方案。\n二、听取汇报。\n三、研究其他工作事项。",
		},
		{
			// GB/T 9704 sets 抄送/印发 in 4号 under a 3号 body: that line
			// is wider than the body's measure, and must not be taken
			// for it.
			name: "a wider 抄送 line in a smaller size does not stop rejoining",
			pages: [][]string{{
				"　　2016年4月8日下午，县长杨勇在县",
				"政府三楼会议室主持召开县长办公会",
				"议，专题研究城区集中供暖问题。",
				"　　会议同意由县交通运输局负责办理",
				"审批手续，县城乡规划局负责规划许",
				"可。",
				"送：县委书记，县人大常委会主任，县政协主席。",
				"发：各乡（镇）人民政府，县政府各部门。",
			}},
			want: "2016年4月8日下午，县长杨勇在县政府三楼会议室主持召开县长办公会议，专题研究城区集中供暖问题。\n" +
				"会议同意由县交通运输局负责办理审批手续，县城乡规划局负责规划许可。\n" +
				"送：县委书记，县人大常委会主任，县政协主席。\n发：各乡（镇）人民政府，县政府各部门。",
		},
		{
			// Lines mixing ASCII overshoot the measure by a column or two;
			// the 送 line, four over, is still not a full body line.
			name: "the measure is the commonest width, not the widest of its lines",
			pages: [][]string{{
				"　　会议同意县人民医院新院区一期",
				"工程采用EPC模式建设，由县卫生计生",
				"委负责组织招标，县发展改革委、县",
				"国土资源局按照职责做好立项、用地",
				"和规划许可等前期工作，PPP项目另",
				"行研究。",
				"送：县委书记，县人大常委会，县政协。",
				"发：各乡（镇）人民政府。",
			}},
			want: "会议同意县人民医院新院区一期工程采用EPC模式建设，由县卫生计生委负责组织招标，县发展改革委、县国土资源局按照职责做好立项、用地和规划许可等前期工作，PPP项目另行研究。\n" +
				"送：县委书记，县人大常委会，县政协。\n发：各乡（镇）人民政府。",
		},
		{
			name: "a browser's print header wider than the body does not stop rejoining",
			pages: [][]string{{
				"12/7/26, 2:06 PM 任振鹤主持召开省政府第25次常务会议 - 甘肃省人民政府",
				"　　会议指出，当前正值防汛关键期，各地",
				"各有关部门要时刻绷紧防汛救灾这根弦，",
				"强化监测预警。",
				"　　会议研究了高校毕业生就业工作，决定",
				"由省人力资源社会保障厅牵头。",
			}},
			want: "12/7/26, 2:06 PM 任振鹤主持召开省政府第25次常务会议 - 甘肃省人民政府\n" +
				"会议指出，当前正值防汛关键期，各地各有关部门要时刻绷紧防汛救灾这根弦，强化监测预警。\n" +
				"会议研究了高校毕业生就业工作，决定由省人力资源社会保障厅牵头。",
		},
		{
			// Quotes and gaps set narrower than their columns make a
			// first line look wider than the measure.
			name: "a line over the measure that stops mid-sentence runs on",
			pages: [][]string{{
				"　　会议指出，当前正值 “七下八上 ”防汛关键期，各",
				"地各有关部门要时刻绷紧防汛救灾这根弦，强化监",
				"测预警，做好人员转移避险，及时发布预警信息。",
				"　　会议研究了高校毕业生就业工作，决定由省",
				"人力资源社会保障厅牵头，开展招聘专项行动。",
			}},
			want: "会议指出，当前正值 “七下八上 ”防汛关键期，各地各有关部门要时刻绷紧防汛救灾这根弦，强化监测预警，做好人员转移避险，及时发布预警信息。\n" +
				"会议研究了高校毕业生就业工作，决定由省人力资源社会保障厅牵头，开展招聘专项行动。",
		},
		{
			name:  "lines of scattered widths are not a measure",
			pages: [][]string{{"会议研究了全市重点工作推进情况", "要求各部门抓好落实", "会议还研究了其他事项和有关工作安排", "散会"}},
			want:  "会议研究了全市重点工作推进情况\n要求各部门抓好落实\n会议还研究了其他事项和有关工作安排\n散会",
		},
		{
			name: "a running header on later pages is dropped, the first page's title kept",
			pages: [][]string{
				{"　　鲁山县县长办公会议纪要", "会议同意由县交通运输局负责办理审批", "手续，县国土资源局负责用地许可，县"},
				{"鲁山县县长办公会议纪要", "住建局负责督促施工。"},
				{"鲁山县县长办公会议纪要", "　　会议还研究了其他事项和有关工作。"},
			},
			want: "鲁山县县长办公会议纪要\n会议同意由县交通运输局负责办理审批手续，县国土资源局负责用地许可，县住建局负责督促施工。\n\n会议还研究了其他事项和有关工作。",
		},
		{
			name: "a running footer with its page number is dropped",
			pages: [][]string{
				{"会议同意由县交通运输局负责办理审批", "手续，县国土资源局负责用地许可，县", "鲁山县人民政府办公室 第1页"},
				{"住建局负责督促施工。", "鲁山县人民政府办公室 第2页"},
			},
			want: "会议同意由县交通运输局负责办理审批手续，县国土资源局负责用地许可，县住建局负责督促施工。",
		},
		{
			name: "a header of two lines is dropped",
			pages: [][]string{
				{"赣州市人民政府常务会议纪要", "会议同意由县交通运输局负责办理审批", "手续，县国土资源局负责用地许可，县"},
				{"赣州市人民政府", "常务会议纪要〔2021〕12号", "住建局负责督促施工。"},
				{"赣州市人民政府", "常务会议纪要〔2021〕12号", "　　会议还研究了其他事项和有关工作。"},
			},
			want: "赣州市人民政府常务会议纪要\n会议同意由县交通运输局负责办理审批手续，县国土资源局负责用地许可，县住建局负责督促施工。\n\n会议还研究了其他事项和有关工作。",
		},
		{
			name: "a first line on one later page only is text",
			pages: [][]string{
				{"鲁山县县长办公会议纪要", "会议同意由县交通运输局负责办理审批", "手续。"},
				{"三、关于县人民医院新院区建设问题", "　　会议同意新院区建设。"},
				{"四、关于农村公路建设计划有关问题", "　　会议原则同意农村公路建设计划。"},
			},
			want: "鲁山县县长办公会议纪要\n会议同意由县交通运输局负责办理审批手续。\n\n三、关于县人民医院新院区建设问题\n会议同意新院区建设。\n\n" +
				"四、关于农村公路建设计划有关问题\n会议原则同意农村公路建设计划。",
		},
		{
			name:  "ASCII words wrapped get a space, digits do not",
			pages: [][]string{{"报告提到的中文AI and", "data等词汇以及数字20", "24等内容，说明文件要", "求。"}},
			want:  "报告提到的中文AI and data等词汇以及数字2024等内容，说明文件要求。",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := unwrapPages(tc.pages); got != tc.want {
				t.Errorf("unwrapPages:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestPDFWrappedAcrossPages reads a real rendering: a corpus paragraph set
// at a narrow measure over two pages comes back as one line.
func TestPDFWrappedAcrossPages(t *testing.T) {
	var para string
	for _, l := range corpusLines(t, "news/huancui_2024_35.txt", 3) {
		if len([]rune(l)) > len([]rune(para)) {
			para = l
		}
	}
	rs := []rune(para)
	if len(rs) < 40 {
		t.Fatalf("corpus paragraph too short for the test: %q", para)
	}
	var lines []string
	for len(rs) > 0 {
		n := min(len(rs), 12)
		lines = append(lines, string(rs[:n]))
		rs = rs[n:]
	}
	half := len(lines) / 2
	data := buildPDFPages(t, [][]string{lines[:half], lines[half:]}, "TJ")
	got, err := Read(context.Background(), "x.pdf", bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(got) != para {
		t.Errorf("PDF text:\n got %q\nwant %q", got, para)
	}
}

// TestPDFIndentByPosition: Word sets a first-line indent as the line's
// position, with no space glyphs; the move still marks a new paragraph.
func TestPDFIndentByPosition(t *testing.T) {
	lines := []string{
		"会议研究了全市重点工作推进情况，要求",
		"各部门抓好落实。",
		"　　会议强调，各级各部门要狠抓落实，",
		"　　会议还研究了其他事项。",
	}
	got, err := Read(context.Background(), "x.pdf", bytes.NewReader(buildPDFPages(t, [][]string{lines}, "Tm")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "会议研究了全市重点工作推进情况，要求各部门抓好落实。\n会议强调，各级各部门要狠抓落实，\n会议还研究了其他事项。"
	if got != want {
		t.Errorf("PDF text:\n got %q\nwant %q", got, want)
	}
}
