package extract

import "govarchive/internal/document"

// keepWritten gives every person field the name in the characters the
// original text writes it with. Names are read from the cleaned, simplified
// text, where t2s has folded 於明 into 于明 and 王乾 into 王干; a name is
// the person's as written (see clean.Written for what a traditional text
// keeps).
func (st *state) keepWritten(raw string) {
	if st.p.cleaner == nil {
		return
	}
	w := st.p.cleaner.Written(raw)
	if w == nil {
		return
	}
	d := st.doc
	fix := func(s *string) { *s = w.AsWritten(*s) }
	if d.Meeting != nil && d.Meeting.Chair != nil {
		fix(&d.Meeting.Chair.Name)
	}
	for i := range d.Attendees {
		fix(&d.Attendees[i].Name)
	}
	for _, list := range [][]document.Person{d.Observers, d.Members, d.Absent} {
		for i := range list {
			fix(&list[i].Name)
		}
	}
	fix(&d.Recorder)
	for i := range d.People {
		fix(&d.People[i])
	}
	d.People = dedupe(d.People)
}
