package extract

import (
	"strings"
	"unicode/utf8"
)

// maxIntroLines bounds the lines a wrapped intro sentence is read across.
const maxIntroLines = 4

// introText returns the intro sentence at line i with the lines a
// hard-wrapped text (a PDF's text layer, a fixed-width page) continues it
// on: "…主持召开县政府第" + "12次常务会议，研究了…". A line that ends a
// clause, a title line, a blank line, a numbered item or a label ends it.
func (st *state) introText(i int) string {
	l := st.lines[i]
	if isTitleLine(l) {
		return l
	}
	for k := i + 1; k < len(st.lines) && k < i+maxIntroLines; k++ {
		last, _ := utf8.DecodeLastRuneInString(l)
		next := st.lines[k]
		if strings.ContainsRune("。：:！？!?；;", last) || next == "" || itemNoRe.MatchString(next) || labelRe.MatchString(next) {
			break
		}
		l += next
	}
	return l
}
