package extract

import (
	"strings"
	"unicode/utf8"

	"govarchive/internal/document"
)

// role of a list of people.
const (
	roleAttendee = "attendee"
	roleObserver = "observer"
)

// maxEntryRunes bounds one unit+name run; longer runs are prose.
const maxEntryRunes = 2000

// listLabel recognises "出席：…" / "列席人员:" and returns the role and the
// value after the label.
func listLabel(l string) (role, value string, ok bool) {
	i := strings.IndexAny(l, ":：")
	if i <= 0 {
		return "", "", false
	}
	label := removeSpaces(l[:i])
	value = strings.TrimSpace(strings.TrimLeft(l[i:], ":："))
	for _, a := range observerLabels {
		if label == a {
			return roleObserver, value, true
		}
	}
	for _, a := range attendeeLabels {
		if label == a {
			return roleAttendee, value, true
		}
	}
	return "", "", false
}

// isEndOfList reports a line that closes an attendance list.
func isEndOfList(l string) bool {
	if _, _, ok := listLabel(l); ok {
		return true
	}
	if i := strings.IndexAny(l, ":："); i > 0 {
		if _, ok := hasAnyPrefix(removeSpaces(l[:i]), endLabels); ok {
			return true
		}
	}
	if strings.Contains(l, "。") || compiledRe.MatchString(l) || headingRe.MatchString(l) {
		return true
	}
	if ds := findDates(l); len(ds) > 0 && ds[0].Start == 0 {
		return true
	}
	return strings.HasPrefix(l, "---") || strings.HasPrefix(l, "（此件") || strings.HasPrefix(l, "(此件")
}

// attendanceLists reads the labelled 出席/列席 lists of a minutes document.
func (st *state) attendanceLists() {
	for i := 0; i < len(st.lines); i++ {
		role, value, ok := listLabel(st.lines[i])
		if !ok {
			continue
		}
		block := []string{value}
		j := i + 1
		for ; j < len(st.lines); j++ {
			l := st.lines[j]
			if l == "" {
				continue
			}
			if isEndOfList(l) {
				break
			}
			block = append(block, l)
		}
		people := st.parseList(block)
		for _, p := range people {
			switch role {
			case roleAttendee:
				st.doc.Attendees = append(st.doc.Attendees, document.Attendee(p))
			default:
				st.doc.Observers = append(st.doc.Observers, p)
			}
		}
		i = j - 1
	}
}

// chunk is a piece of a list with the break before it: a separator
// (、，；), a space, or a line break, where a unit or a name may have been
// wrapped.
type chunk struct {
	text string
	brk  int
}

const (
	brkHard = iota
	brkSpace
	brkLine
)

// parseList reads a list of people: bare names, or unit+name runs without a
// separator ("市发改委凌鸣"), wrapped across lines at any point.
func (st *state) parseList(lines []string) []document.Person {
	var chunks []chunk
	brk := brkHard
	for _, l := range lines {
		// "市司法局    陈  刚": a table row with a name padded to width.
		l = joinPadded(l)
		start := 0
		for i, r := range l + "\n" {
			hard := strings.ContainsRune("、，,；;", r)
			if !hard && !isSpace(r) && r != '\n' {
				continue
			}
			if t := l[start:min(i, len(l))]; t != "" {
				chunks = append(chunks, chunk{text: t, brk: brk})
				brk = brkSpace
			}
			if hard {
				brk = brkHard
			}
			start = i + len(string(r))
		}
		if brk != brkHard {
			brk = brkLine
		}
	}
	var merged []string
	for _, c := range chunks {
		t := strings.TrimSuffix(strings.TrimSuffix(c.text, "同志"), "等")
		if t == "" {
			continue
		}
		if n := len(merged); n > 0 && c.brk != brkHard && st.joinAcrossBreak(merged[n-1], t, c.brk) {
			merged[n-1] += t
			continue
		}
		merged = append(merged, t)
	}
	var out []document.Person
	for _, m := range merged {
		if containsAny(m, bylineMarkers) {
			continue
		}
		ps, _, _ := st.parseEntry(m)
		if len(ps) == 0 && st.bareName(m) {
			// An entry between separators that is no unit: a name the
			// names package does not know (武力, 区钧祖).
			ps = []document.Person{{Name: m}}
		}
		for _, p := range ps {
			if p.Department != "" {
				st.addDept(p.Department)
			}
		}
		out = append(out, ps...)
	}
	return out
}

// joinAcrossBreak decides whether b continues a across a space or line
// break: when a cannot stand alone, when b is a stray character after a line
// break (the end of a wrapped name), or when the joined run reads with more
// units the department table knows ("张家" + "港市王松石" → 张家港市 王松石).
func (st *state) joinAcrossBreak(a, b string, brk int) bool {
	if brk == brkLine && st.isFragment(b) {
		return true
	}
	_, completeA, tableA := st.parseEntry(a)
	if !completeA {
		if brk == brkLine || runeLen(a) == 1 {
			return true
		}
		// On one line a space separates entries, unless a unit stands alone
		// before its name ("市委编办 詹利剑") or runs on into b.
		if ls := st.deptLengths(a + b); len(ls) > 0 && ls[0] >= len(a) {
			return true
		}
		return false
	}
	pb, completeB, tableB := st.parseEntry(b)
	if brk == brkLine && !completeB && len(st.deptLengths(b)) == 0 {
		// b cannot stand alone and opens no unit: it is the rest of a
		// wrapped unit or name.
		return true
	}
	pm, completeM, tableM := st.parseEntry(a + b)
	if !completeM {
		return false
	}
	// A department (not a bare place) that opens with a level in a and runs
	// on into b beats reading a as a name: "区总" + "工会祖鸣桂" → 区总工会.
	if ls := st.deptLengths(a + b); brk == brkLine && len(ls) > 0 && ls[0] > len(a) && strings.ContainsRune(levelChars, []rune(a)[0]) {
		if last, _ := utf8.DecodeLastRuneInString((a + b)[:ls[0]]); !strings.ContainsRune(levelChars, last) {
			return true
		}
	}
	pa, _, _ := st.parseEntry(a)
	// More people read from the joined run, or as many with more units the
	// table knows ("张家" + "港市王松石" → 张家港市 王松石).
	if len(pm) != len(pa)+len(pb) {
		return len(pm) > len(pa)+len(pb)
	}
	return tableM > tableA+tableB
}

// isFragment reports a piece that cannot stand alone: a single character
// that is neither a name nor the start of a unit.
func (st *state) isFragment(s string) bool {
	return runeLen(s) == 1 && len(st.deptLengths(s)) == 0
}
