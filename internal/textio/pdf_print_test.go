package textio

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestChromiumPrintedPDFs reads small documents printed to PDF by headless
// Chromium (invented texts; sources in the probe that found the mistakes).
func TestChromiumPrintedPDFs(t *testing.T) {
	tests := []struct {
		file    string
		want    []string // lines the text must hold
		notWant []string // substrings it must not
	}{
		{
			// A 16pt body with a 14pt 送 line wider than the body.
			file: "chromium_wide_cc_line.pdf",
			want: []string{
				"2016年4月8日下午，县长杨　勇在县政府三楼会议室主持召开县长办公会议，专题研究城区集中供暖问题。现将会议议定事项纪要如下：",
				"会议同意二期工程管网铺设涉及的道路开挖，由县交通运输局负责办理审批手续，县城乡规划局负责规划许可，县住建局负责督促施工单位按时恢复路面。",
			},
		},
		{
			// "鲁山县县长办公会议纪要" heads pages 2 and 3 inside paragraphs.
			file: "chromium_running_header.pdf",
			want: []string{
				"鲁山县县长办公会议纪要", // the title stays
				"会议同意县人民医院新院区一期工程采用EPC模式建设，由县卫生计生委负责组织招标，县发展改革委、县国土资源局、县城乡规划局按照职责做好立项、用地和规划许可等前期工作。",
			},
			notWant: []string{"纪要局", "纪要会", "纪要\n会关注度高"},
		},
		{
			// The bold heading is a Type3 font the library cannot decode.
			file: "chromium_bold_heading.pdf",
			want: []string{"一、审议《赣州市城区内涝治理实施方案》", "会议原则同意该方案，由市住房和城乡建设局按程序报批后组织实施。"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, err := Read(context.Background(), tc.file, f, Options{})
			if err != nil {
				t.Fatal(err)
			}
			lines := map[string]bool{}
			for _, l := range strings.Split(got, "\n") {
				lines[l] = true
			}
			for _, w := range tc.want {
				if !lines[w] {
					t.Errorf("missing line %q in:\n%s", w, got)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(got, w) {
					t.Errorf("text holds %q:\n%s", w, got)
				}
			}
		})
	}
}

// TestPDFUnreadableLines: a few lines whose glyphs decode to control
// characters (a bold heading in a Type3 font) are dropped; a text layer
// that is mostly such lines is still unreadable.
func TestPDFUnreadableLines(t *testing.T) {
	const junk = "\x01\x02\x03e\x04\x05"
	body := []string{"赣州市人民政府常务会议纪要", "2021年6月18日上午，市长李克坚主持召开会议。", "会议原则同意该方案。"}
	tests := []struct {
		name    string
		pages   [][]string
		want    string
		wantErr error
	}{
		{
			name:  "one garbage heading among readable lines",
			pages: [][]string{{body[0], body[1], junk, body[2]}},
			want:  strings.Join(body, "\n"),
		},
		{
			name:  "a garbage line on one page of two",
			pages: [][]string{{body[0], body[1]}, {junk, body[2]}},
			want:  body[0] + "\n" + body[1] + "\n\n" + body[2],
		},
		{
			name:    "mostly garbage",
			pages:   [][]string{{junk, body[1], junk, junk}},
			wantErr: ErrNoText,
		},
		{
			name:    "only garbage",
			pages:   [][]string{{junk}},
			wantErr: ErrNoText,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(context.Background(), "x.pdf", bytes.NewReader(buildPDFPages(t, tc.pages, "Td")), Options{})
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("Read = %q, %v; want %v", got, err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("Read = %q, %v\nwant %q", got, err, tc.want)
			}
		})
	}
}

// TestPDFBrowserHeaderFooter: the date line and the address line a browser
// prints in the page margin are dropped, so they neither set the left
// margin (which made every body line look indented) nor reach the text.
func TestPDFBrowserHeaderFooter(t *testing.T) {
	body := []string{
		"　　　会议指出，当前正值防汛关键期，各地各",
		"　有关部门要时刻绷紧防汛救灾这根弦，强化监",
		"　测预警。",
		"　　　会议研究了其他事项。",
	}
	const want = "会议指出，当前正值防汛关键期，各地各有关部门要时刻绷紧防汛救灾这根弦，强化监测预警。\n会议研究了其他事项。"
	tests := []struct {
		name, header, footer, want string
	}{
		{"en-US header, file address", "12/7/26, 2:06 PM 任振鹤主持召开省政府第25次常务会议 - 甘肃省人民政府", "ﬁle:///tmp/m06.html 1/1", want},
		{"zh-CN header, web address", "2026/12/7 14:06 任振鹤主持召开省政府第25次常务会议", "https://www.gansu.gov.cn/art/2023/8/16/art_35.html 1/2", want},
		{"a date without a time is text", "　2023/8/16 发布", "ﬁle:///tmp/m06.html 1/1", "2023/8/16 发布\n" + want},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines := append(append([]string{tc.header}, body...), tc.footer)
			got, err := Read(context.Background(), "x.pdf", bytes.NewReader(buildPDFPages(t, [][]string{lines}, "Tm")), Options{})
			if err != nil || got != tc.want {
				t.Errorf("Read = %q, %v\nwant %q", got, err, tc.want)
			}
		})
	}
}
