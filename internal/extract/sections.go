package extract

import (
	"regexp"
	"strings"
)

// sectionRe is a section of Taiwanese minutes numbered with the capital
// numerals (壹、報告事項 / 貳、討論事項：… / 參、臨時動議：無 / 肆、散會),
// under which the items restart at 一、. Group 1: the section's name,
// group 2: what follows its colon.
var sectionRe = regexp.MustCompile(`^[壹贰貳叁參参肆伍陆陸柒捌玖拾]\s*[、.．]\s*([^：:，,。]{2,8})(?:[：:]\s*(.*))?$`)

// closingSections end the items: the meeting adjourns.
var closingSections = []string{"散会", "散会时间"}

// flattenSections turns the sections of Taiwanese minutes into one run of
// items: the items under 報告事項 and 討論事項 are numbered on across the
// sections (一、二、 then 三、四、), a section whose one matter follows its
// colon (貳、討論事項：都市發展局提「…」) is an item itself, and the
// section that closes the meeting (散會) ends them. Without two such
// sections paras are returned as they are.
func flattenSections(paras []string, gaps []bool) ([]string, []bool) {
	n := 0
	for _, p := range paras {
		if sectionRe.MatchString(p) {
			n++
		}
	}
	if n < 2 {
		return paras, gaps
	}
	var out []string
	var outGaps []bool
	no := 0
	emit := func(text string, gap bool) {
		no++
		out = append(out, cnNumber(no)+"、"+text)
		outGaps = append(outGaps, gap)
	}
	for i, p := range paras {
		gap := gaps != nil && gaps[i]
		if m := sectionRe.FindStringSubmatch(p); m != nil {
			name, rest := strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
			if contains(closingSections, name) {
				break
			}
			if rest != "" && trimEndPunct(rest) != "无" {
				emit(rest, gap)
			}
			continue
		}
		if m := headingRe.FindStringSubmatch(p); m != nil {
			emit(m[2], gap)
			continue
		}
		out = append(out, p)
		outGaps = append(outGaps, gap)
	}
	if gaps == nil {
		outGaps = nil
	}
	return out, outGaps
}

// cnNumber writes 1–99 in Chinese numerals, as item headings number.
func cnNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	default:
		return digits[n/10] + "十" + digits[n%10]
	}
}
