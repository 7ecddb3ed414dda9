package extract

import (
	"regexp"
	"slices"
	"strings"

	"govarchive/internal/document"
)

// tail reads the closing fields of minutes: 记录, "…整理", the issue date,
// （此件公开发布） and 分送.
func (st *state) tail() {
	d := st.doc
	for i, l := range st.lines {
		if l == "" {
			continue
		}
		// "列席：…周伟　区自然资源分局局长吴鹏　记录：郑洁": the recorder
		// closing a list's line.
		if m := inlineRecorderRe.FindStringSubmatch(l); m != nil && d.Recorder == "" {
			d.Recorder = st.recorderName(m[1])
		}
		if j := strings.IndexAny(l, ":："); j > 0 {
			label := removeSpaces(l[:j])
			val := strings.TrimSpace(strings.TrimLeft(l[j:], ":："))
			if d.Recorder == "" && contains(recorderLabels, label) {
				if val == "" {
					// "记录人：" with the name on the next line.
					for k := i + 1; k < len(st.lines) && k <= i+2; k++ {
						if st.lines[k] != "" {
							val = st.lines[k]
							break
						}
					}
				}
				d.Recorder = st.recorderName(val)
				continue
			}
			// "抄报：…" then "抄送：…": every list of recipients counts.
			if st.recipientLabel(label) {
				for k := i + 1; k < len(st.lines) && st.lines[k] != "" && !strings.HasPrefix(st.lines[k], "---"); k++ {
					// A list closed by 。 does not run into the signature below,
					// nor one left open into the line that dates the
					// document ("洛带镇党政办公室　2015年4月20日印发").
					if labelRe.MatchString(st.lines[k]) || st.distributionLine(st.lines[k]) || strings.HasSuffix(strings.TrimSpace(val), "。") || datedLine(st.lines[k]) {
						break
					}
					val += st.lines[k]
				}
				for _, group := range splitAny(val, "；;，,") {
					for _, part := range st.distributionItems(trimEndPunct(group)) {
						if part != "" && !slices.Contains(d.Distribution, part) {
							d.Distribution = append(d.Distribution, part)
						}
					}
				}
				continue
			}
		}
		if m := compiledRe.FindStringSubmatch(l); m != nil && isIssuer(m[1]) && d.CompiledBy == "" {
			d.CompiledBy = m[1]
			if d.IssuedOn == "" {
				for k := i + 1; k < len(st.lines) && k < i+4; k++ {
					if ds := findDates(st.lines[k]); len(ds) > 0 && ds[0].Start == 0 {
						d.IssuedOn = ds[0].iso()
						break
					}
				}
			}
			continue
		}
		if m := issuedRe.FindStringSubmatch(l); m != nil {
			if ds := findDates(m[1]); len(ds) > 0 && ds[0].iso() != "" {
				d.IssuedOn = ds[0].iso()
				// "洛带镇党政办公室　2015年4月20日印发": the office that issues it.
				if office := strings.TrimSpace(m[1][:ds[0].Start]); d.CompiledBy == "" && office != "" && isIssuer(office) {
					d.CompiledBy = office
				}
			}
			continue
		}
		if d.IssuedOn == "" && d.Kind == document.KindMinutes {
			if iso := st.signatureDate(i); iso != "" {
				d.IssuedOn = iso
				// "沅陵县人民政府办公室\n2019年10月10日": the office that
				// signs the minutes compiled them.
				if office := signatureOffice(l); d.CompiledBy == "" && strings.HasSuffix(office, "办公室") {
					d.CompiledBy = office
				}
				continue
			}
		}
		if containsAny(l, publishedMarkers) && runeLen(l) < 20 && !strings.Contains(l, "不") {
			d.Published = true
		}
	}
}

// datedLine reports a line holding a full date: a signature or the line
// that issues the document, never part of a list of recipients.
func datedLine(l string) bool {
	return slices.ContainsFunc(findDates(l), func(d date) bool { return d.iso() != "" })
}

// distributionItems splits a group of recipients at 、 when each part is a
// unit of its own ("区委办、区政府办"), each written with the place the
// part before it has (市民政局、公安局 → 市公安局). A group that shares its
// ends ("各县、区人民政府", "市委、市人大常委会、市政协领导") stays one.
func (st *state) distributionItems(group string) []string {
	parts := splitKeepOffsets(group, "、")
	if len(parts) < 2 {
		return []string{group}
	}
	if st.sharedTail(parts) {
		return []string{group}
	}
	var out []string
	for _, p := range parts {
		name := strings.TrimSpace(p.Name)
		if !st.isUnit(name) && !st.unitOffice(name) {
			return []string{group}
		}
		if len(out) > 0 {
			name = st.carryPlace(out[len(out)-1], "、", name)
		}
		out = append(out, name)
	}
	return out
}

// unitOffice reports an office of a unit the table knows, named after it:
// a ministry's 办公厅 or 司 (财政部办公厅, 国家疾控局综合司), a bureau's
// 办公室. The table reads the unit, not its offices.
func (st *state) unitOffice(s string) bool {
	ls := st.deptLengths(s)
	if len(ls) == 0 || ls[0] == len(s) {
		return false
	}
	rest := s[ls[0]:]
	if n := runeLen(rest); n < 2 || n > 6 || !allHan(rest) {
		return false
	}
	_, ok := hasAnySuffix(rest, []string{"办公厅", "办公室", "司", "处", "室"})
	return ok
}

// sharedTail reports a list whose last unit ends in words every part
// before it shares: "县委、县人大、县政协办公室" are three offices,
// "西山区、官渡区、晋宁区人民政府" three governments.
func (st *state) sharedTail(parts []mention) bool {
	last := strings.TrimSpace(parts[len(parts)-1].Name)
	for _, n := range st.deptLengths(last) {
		tail := last[n:]
		if tail == "" {
			continue
		}
		if !slices.ContainsFunc(parts[:len(parts)-1], func(p mention) bool { return !st.isUnit(strings.TrimSpace(p.Name) + tail) }) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// signatureDate reads the date an office signs minutes with, when no
// "…印发" line gives it: the office and the date on one line under the
// title ("东阳市人民政府办公室　　2021年3月8日"), or the office on a line of
// its own with the date alone below it at the close ("…办公室\n二〇二一年
// 三月五日"). It returns "" for any other line i.
func (st *state) signatureDate(i int) string {
	l := st.lines[i]
	if ds := findDates(l); len(ds) == 1 && ds[0].End == len(l) && ds[0].Start > 0 {
		if office := strings.TrimSpace(l[:ds[0].Start]); office != l[:ds[0].Start] && isIssuer(trimIssueVerb(office)) {
			return ds[0].iso()
		}
	}
	if !isIssuer(trimIssueVerb(l)) {
		return ""
	}
	for k := i + 1; k < len(st.lines) && k <= i+2; k++ {
		next := st.lines[k]
		if next == "" {
			continue
		}
		if ds := findDates(next); len(ds) == 1 && ds[0].Start == 0 && ds[0].End == len(next) {
			return ds[0].iso()
		}
		return ""
	}
	return ""
}

// signatureOffice is the office of a line signatureDate accepted: the line
// itself, or what stands before its date.
func signatureOffice(l string) string {
	if ds := findDates(l); len(ds) == 1 && ds[0].Start > 0 {
		l = l[:ds[0].Start]
	}
	return trimIssueVerb(strings.TrimSpace(l))
}

// trimIssueVerb drops the verb after the office that issues minutes
// ("…办公室编", "…办公室编印").
func trimIssueVerb(s string) string {
	for _, v := range []string{"编印", "印发", "整理", "编", "印"} {
		if t, ok := strings.CutSuffix(s, v); ok {
			return strings.TrimSpace(t)
		}
	}
	return s
}

// recorderName reads the name after 记录：, which may come with the
// recorder's unit or post ("市应急局 江帆", "市应急局江帆", "科员 江帆").
func (st *state) recorderName(val string) string {
	// "陈  红": a two-character name padded to width.
	fields := strings.Fields(joinPadded(val))
	for i, f := range fields {
		f = strings.TrimSuffix(f, "同志")
		if plausibleTitled(f) {
			return f
		}
		if st.isUnit(f) || st.isListTitle(f) {
			continue
		}
		// "省政府办公厅综合一处　万　敏", "地区行署办公室　玛依拉·艾力":
		// a unit the table does not read whole, or an office within
		// one, before the name.
		if r := []rune(f); i+1 < len(fields) && len(r) >= 3 && allHan(f) && strings.ContainsRune(unitSuffixes+"处科", r[len(r)-1]) &&
			(len(st.deptLengths(f)) > 0 || st.opensUnit(f) || st.innerUnit(f)) {
			continue
		}
		if ps, _, _ := st.parseEntry(f); len(ps) == 1 && plausibleTitled(ps[0].Name) {
			return ps[0].Name
		}
		break
	}
	return ""
}

// distributionLine reports a line that lists whom the document goes to:
// 分送/抄送/抄报…, and in minutes 主送 and the 报/送/发 of older ones too (an official
// document's 主送 are its addressees).
func (st *state) distributionLine(l string) bool {
	j := strings.IndexAny(l, ":：")
	if j <= 0 || j > 24 {
		return false
	}
	return st.recipientLabel(removeSpaces(l[:j]))
}

// recipientLabel reports a label of those the document goes to.
func (st *state) recipientLabel(label string) bool {
	return contains(distributionLabels, label) || st.doc.Kind == document.KindMinutes && (label == "主送" || label == "发" || label == "送" || label == "报")
}

// inlineRecorderRe is a 记录 label after a space or a closing mark inside a
// line, with the name that ends the line.
var inlineRecorderRe = regexp.MustCompile(`(?:[ \t　]+|[）)；;。])记录人?\s*[:：]\s*(\S{2,4})\s*$`)
