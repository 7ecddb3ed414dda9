package clean

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzNormalize checks that Normalize never panics, returns valid UTF-8
// for valid input, and never emits carriage returns or runs of blank lines.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"會(huì)議召開", "首页 > 新闻中心\n正文", "**出席：**李亚平 王翔  ", "组　长：韩　正",
		"2024年4月18日,县委(送审稿)", "<p id=\"a\"></p>\n1. <dl></dl>", "- 3 -\n??\n|",
		"发布日期:2021-10-21 【字体：大 中 小】 打印本页 访问量:12",
	} {
		f.Add(s)
	}
	c, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := c.Normalize(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Normalize(%q) returned invalid UTF-8", s)
		}
		if strings.Contains(got, "\r") || strings.Contains(got, "\n\n\n") {
			t.Fatalf("Normalize(%q) = %q keeps CR or blank-line runs", s, got)
		}
	})
}
