package extract

import (
	"strings"
	"testing"
)

// TestParseListRuns splits unit+name runs without separators, including
// names the table's place rules would swallow (于倩建区… reads as a place)
// and names whose surname the list lacks, in a long run.
func TestParseListRuns(t *testing.T) {
	st := &state{p: parser(t)}
	tests := []struct {
		run  string
		want string // unit/name pairs, space-separated
	}{
		{"区总工会于倩建区文广旅局臧娟昀", "区总工会/于倩建 区文广旅局/臧娟昀"},
		{"区生态环境分局于谦静区人民防空办公室玉勤士", "区生态环境分局/于谦静 区人民防空办公室/玉勤士"},
		{"市发改委凌鸣市财政局周平", "市发改委/凌鸣 市财政局/周平"},
		{"县妇联都楠县消防救援支队黄茗煜县医保中心王羽岳县地方志办孙耀曦县行政审批局王生",
			"县妇联/都楠 县消防救援支队/黄茗煜 县医保中心/王羽岳 县地方志办/孙耀曦 县行政审批局/王生"},
	}
	for _, tc := range tests {
		var got []string
		for _, p := range st.parseList([]string{tc.run}) {
			got = append(got, p.Department+"/"+p.Name)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("parseList(%q) = %q, want %q", tc.run, g, tc.want)
		}
	}
}
