package dept

import "strings"

// Memo answers Lengths and Find as its Table does, remembering what it has
// worked out. The attendee parser re-reads a list wrapped across lines each
// time it joins the next line: it asks for the units at every offset of the
// run, and Lengths reads only a unit's length of text, so most questions
// repeat; it searches the run grown by one line, and Find's answers in the
// part read before still hold. One Memo serves one document; it is not safe
// for concurrent use.
type Memo struct {
	t       *Table
	lengths map[string][]int // by the prefix Lengths reads
	recent  [4]searched      // the last texts Find searched, for runs that grow
	next    int              // the slot of recent to fill next
}

// searched is a text Find searched and what it found.
type searched struct {
	text  string
	runes int
	found []found
}

// NewMemo returns an empty Memo over t.
func (t *Table) NewMemo() *Memo {
	return &Memo{t: t, lengths: map[string][]int{}}
}

// Lengths is Table.Lengths. The slice is shared: callers must not modify it.
func (m *Memo) Lengths(s string) []int {
	key := s[:readLen(s, lengthsLimit)]
	if ls, ok := m.lengths[key]; ok {
		return ls
	}
	ls := m.t.Lengths(key)
	m.lengths[key] = ls
	return ls
}

// Find is Table.Find. Of a text that extends one searched recently, it
// searches only the new end: the finder's choice at a position reads the
// characters up to a unit's length after it, so every choice made further
// than that from the old end stands.
func (m *Memo) Find(text string) []Mention {
	var prev *searched
	for k := range m.recent {
		r := &m.recent[k]
		if r.text != "" && strings.HasPrefix(text, r.text) && (prev == nil || len(r.text) > len(prev.text)) {
			prev = r
		}
	}
	var fs []found
	if prev != nil && len(prev.text) == len(text) {
		fs = prev.found
	} else {
		rt := newRuneText(text, 0)
		from := 0
		if prev != nil {
			// Choices at positions before bound read only the old text,
			// and those between its last mention kept and bound found
			// nothing.
			bound := prev.runes - maxFindRunes - 1
			for _, f := range prev.found {
				if f.start >= bound {
					break
				}
				fs = append(fs, f)
				from = f.end
			}
			from = max(from, bound, 0)
		}
		fs = m.t.findAll(rt, from, fs)
		m.recent[m.next] = searched{text: text, runes: len(rt.rs), found: fs}
		m.next = (m.next + 1) % len(m.recent)
	}
	out := make([]Mention, len(fs))
	for i, f := range fs {
		out[i] = f.Mention
	}
	return out
}
