package clean

import (
	"sort"
	"strings"
)

// Names are read from the simplified text Normalize returns, but a person's
// name is theirs as written: 於明 is no 于明, 王乾 no 王干, though t2s folds
// both. Written finds, for a name read from the cleaned text, the form the
// original text gives it.
//
// In a text Normalize keeps simplified (mostly simplified, with traditional
// words or name characters here and there) every character of a name is
// taken as written. A traditional text is converted whole, names included
// (韓云 → 韩云), except for the characters the simplified standard itself
// keeps in names (nameChars).

// nameChars are characters that opencc's t2s folds into another character
// although the 通用规范汉字表 (2013) keeps them as standard characters for
// names: the surnames 於, 甯 and 氾, the given-name characters 昇, 陞 and
// 甦, and 乾 (qián), which was never a traditional form.
var nameChars = map[rune]bool{'於': true, '甯': true, '氾': true, '昇': true, '陞': true, '甦': true, '乾': true}

// Written is the original text of one document indexed for name look-ups.
// It is read-only once built and safe for concurrent use.
type Written struct {
	c           *Cleaner
	traditional bool   // Normalize converted the text whole
	orig        []rune // the text's characters, spaces and line breaks left out
	spaced      []bool // a space or line break stood before orig[i]
	folded      string // orig with every traditional character folded
	starts      []int  // byte offset in folded of each character
}

// Written indexes raw, the text as read (before Normalize), for AsWritten.
// It returns nil, which AsWritten accepts, when raw has no character t2s
// changes: names then read the same in both texts.
func (c *Cleaner) Written(raw string) *Written {
	trad, simp := c.scriptCounts(raw)
	if trad == 0 {
		return nil
	}
	w := &Written{c: c, traditional: trad >= simp}
	var b strings.Builder
	spaced := false
	for _, r := range raw {
		if isSpaceRune(r) || r == '\r' || r == '\u00a0' {
			spaced = true
			continue
		}
		w.starts = append(w.starts, b.Len())
		w.orig = append(w.orig, r)
		w.spaced = append(w.spaced, spaced)
		spaced = false
		b.WriteRune(c.fold(r))
	}
	w.folded = b.String()
	return w
}

// fold returns the simplified character t2s gives r alone, or r.
func (c *Cleaner) fold(r rune) rune {
	if f, ok := c.folds[r]; ok {
		return f
	}
	return r
}

// AsWritten returns name (as read from the cleaned text) in the characters
// the original text writes it with. Where the text writes the same folded
// characters several ways, the form standing as a name does (next to a
// separator, a space or a line end) wins, and a tie keeps name unchanged:
// 由於明天 does not turn the person 于明 into 於明.
func (w *Written) AsWritten(name string) string {
	if w == nil || name == "" {
		return name
	}
	nr := []rune(name)
	var key strings.Builder
	for _, r := range nr {
		key.WriteRune(w.c.fold(r))
	}
	k := key.String()
	score := map[string]int{}
	for from := 0; from < len(w.folded); {
		j := strings.Index(w.folded[from:], k)
		if j < 0 {
			break
		}
		at := from + j
		from = at + 1
		i := sort.SearchInts(w.starts, at)
		end := i + len(nr)
		if i >= len(w.starts) || w.starts[i] != at || end > len(w.orig) {
			continue
		}
		form := make([]rune, len(nr))
		for n := range nr {
			o := w.orig[i+n]
			if o != nr[n] && w.traditional && !nameChars[o] {
				o = nr[n]
			}
			form[n] = o
		}
		weight := 1
		named := w.bounded(i, end) || w.afterPost(i)
		if named {
			weight = 2
		}
		// In traditional prose 於 is mostly the preposition (由於明年,
		// 位於明珠路): there a changed form counts only where a name
		// stands, in a list or after a post.
		if w.traditional && !named && string(form) != name {
			continue
		}
		score[string(form)] += weight
	}
	best, bestScore := name, score[name]
	for form, s := range score {
		if s > bestScore || s == bestScore && form < best && best != name {
			best, bestScore = form, s
		}
	}
	return best
}

// afterPost reports whether orig[i] follows the end of a post (副市長,
// 主任, 書記, 委員), where a name stands in prose.
func (w *Written) afterPost(i int) bool {
	return i > 0 && !w.spaced[i] && strings.ContainsRune("长任记席员委", w.c.fold(w.orig[i-1]))
}

// bounded reports whether the characters orig[i:end] stand apart on at
// least one side: at the text's start or end, or next to a space, a line
// break or anything that is not Han.
func (w *Written) bounded(i, end int) bool {
	if i == 0 || w.spaced[i] || !isHanRune(w.orig[i-1]) {
		return true
	}
	return end == len(w.orig) || w.spaced[end] || !isHanRune(w.orig[end])
}
