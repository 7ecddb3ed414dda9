package clean

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	// pageNumberRe is a page number alone: "— 3 —", "- 3 -", OCR's "一 3 一".
	pageNumberRe = regexp.MustCompile(`^[-–—一－]\s*\d{1,4}\s*[-–—一－]$`)
	// footedPageRe is a running footer beside its page number, either side:
	// "佛山市人民政府办公室　— 1 —".
	footedPageRe = regexp.MustCompile(`^(?:(\S.{0,29}?)\s+[-–—－]\s*\d{1,4}\s*[-–—－]|[-–—－]\s*\d{1,4}\s*[-–—－]\s+(\S.{0,29}))$`)
	// dateOnlyRe is a line that is a date alone (a signature's).
	dateOnlyRe = regexp.MustCompile(`^[0-9〇○零一二三四五六七八九十]{4}\s*年.{1,6}日$`)
)

// headLines is how many of a document's first lines a running header
// repeats (the title, the red header).
const headLines = 6

// pageFurniture marks the lines a document converted from PDF repeats on
// every page: a running header after a page number that copies one of the
// first lines ("— 2 —\n南通市人民政府常务会议纪要"), and a footer written
// beside its page number. Left in, they ran into the text of the item the
// page broke. A copy of the first lines that a date follows is the
// signature (东营市人民政府\n2019年6月20日) and stays.
func pageFurniture(lines []string) []bool {
	drop := make([]bool, len(lines))
	key := func(i int) string { return strings.Join(strings.Fields(foldWidth(lines[i])), "") }
	next := func(i int) int {
		for i++; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) != "" {
				return i
			}
		}
		return -1
	}
	head := map[string]int{}
	for i, n := 0, 0; i < len(lines) && n < headLines; i++ {
		if k := key(i); k != "" {
			n++
			if _, ok := head[k]; !ok {
				head[k] = i
			}
		}
	}
	short := func(s string) bool {
		return utf8.RuneCountInString(s) <= 40 && !strings.ContainsAny(s, sentencePunct)
	}
	for i := range lines {
		if len(lines[i]) > 200 || !strings.ContainsAny(lines[i], "0123456789０１２３４５６７８９") {
			continue
		}
		l := strings.TrimSpace(normalizeSpaces(foldWidth(lines[i])))
		if m := footedPageRe.FindStringSubmatch(l); m != nil && short(m[1]+m[2]) {
			drop[i] = true
			continue
		}
		if !pageNumberRe.MatchString(l) {
			continue
		}
		q := next(i)
		if q < 0 {
			continue
		}
		k := key(q)
		if at, ok := head[k]; !ok || at >= q || !short(k) {
			continue
		}
		if r := next(q); r < 0 || dateOnlyRe.MatchString(key(r)) {
			continue
		}
		drop[q] = true
	}
	return drop
}
