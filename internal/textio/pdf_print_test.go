package textio

import (
	"context"
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
