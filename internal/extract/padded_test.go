package extract

import (
	"strings"
	"testing"
)

// TestPaddedNamesAfterUnits: two-character names padded to the width of
// three ("李　杰", "周  刚") after their unit in a 列席 run, and as the
// recorder.
func TestPaddedNamesAfterUnits(t *testing.T) {
	p := parser(t)
	tests := []struct {
		name, recorderLine, observers string
		want, recorder                string // want: department/name pairs
	}{
		{"full-width and double spaces", "记录：陈  红", "市政府办公室李　杰，市发改委王志平，市财政局周  刚",
			"市政府办公室/李杰 市发改委/王志平 市财政局/周刚", "陈红"},
		{"unpadded names stay as they were", "记录：陈红", "市政府办公室李杰、市发改委王志平",
			"市政府办公室/李杰 市发改委/王志平", "陈红"},
		{"a unit standing alone before its padded name", "记录人：王  丽", "市委编办 詹利剑，市司法局　陈　刚",
			"市委编办/詹利剑 市司法局/陈刚", "王丽"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := "某市人民政府\n常务会议纪要\n2009年5月27日，市长黄兰香主持召开市政府第38次常务会议。\n" +
				"一、原则同意《某市防洪排涝工程建设方案》，由市水务局组织实施。\n出席：黄兰香　刘和生\n列席：" + tc.observers + "\n" + tc.recorderLine
			d, err := p.Parse(text, Meta{Source: "t.txt"})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range d.Observers {
				got = append(got, o.Department+"/"+o.Name)
			}
			if g := strings.Join(got, " "); g != tc.want || d.Recorder != tc.recorder {
				t.Errorf("observers %q, recorder %q; want %q, %q", g, d.Recorder, tc.want, tc.recorder)
			}
		})
	}
}
