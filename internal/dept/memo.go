package dept

// Memo answers Lengths as its Table does, remembering what it has worked
// out. The attendee parser reads a list wrapped across lines again each time
// it joins the next line, asking for the units at every offset of the run;
// Lengths reads only a unit's length of text, so most questions repeat.
// (Find's answers at a position depend on more text around it and repeated
// too rarely to pay for the memo: BENCHMARKS.md.) One Memo serves one
// document; it is not safe for concurrent use.
type Memo struct {
	t       *Table
	lengths map[string][]int // by the prefix Lengths reads
}

// NewMemo returns an empty Memo over t.
func (t *Table) NewMemo() *Memo {
	return &Memo{t: t, lengths: map[string][]int{}}
}

// Lengths is Table.Lengths. The slice is shared: callers must not modify it.
func (m *Memo) Lengths(s string) []int {
	rt := lengthsRead(s)
	key := s[:rt.read]
	if ls, ok := m.lengths[key]; ok {
		return ls
	}
	ls := m.t.lengths(rt)
	m.lengths[key] = ls
	return ls
}
