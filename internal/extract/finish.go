package extract

import (
	"strings"

	"govarchive/internal/document"
)

// finish collects every person and department the document names and
// resolves departments against the table.
func (st *state) finish() {
	d := st.doc
	var people []string
	add := func(n string) {
		if plausibleName(n) {
			people = append(people, n)
		}
	}
	if d.Meeting != nil && d.Meeting.Chair != nil {
		add(d.Meeting.Chair.Name)
	}
	for _, a := range d.Attendees {
		add(a.Name)
	}
	for _, o := range d.Observers {
		add(o.Name)
		if o.Department != "" {
			st.addDept(o.Department)
		}
	}
	for _, m := range d.Members {
		add(m.Name)
	}
	add(d.Recorder)
	people = append(people, st.people...)
	people = append(people, st.comrades()...)
	d.People = dedupe(people)

	var depts []string
	for _, t := range d.Topics {
		depts = append(depts, t.LeadDepartments...)
	}
	depts = append(depts, st.depts...)
	for _, m := range st.findDepts(st.text) {
		depts = append(depts, m.Name)
	}
	d.Departments = dedupe(depts)
	d.DepartmentRefs = nil
	for _, n := range d.Departments {
		ref := document.DeptRef{Name: n}
		if c, ok := st.resolveDept(n, d.Issuer); ok {
			ref.Canonical = c
		}
		d.DepartmentRefs = append(d.DepartmentRefs, ref)
	}
	if d.Date == "" && d.Meeting != nil {
		d.Date = d.Meeting.Date
	}
}

// comrades finds "区发改局杨玉宇同志" and "梁其明同志": a name right before
// 同志, cut from the title or unit in front of it.
func (st *state) comrades() []string {
	var out []string
	for _, l := range st.lines {
		for rest := l; ; {
			i := strings.Index(rest, "同志")
			if i < 0 {
				break
			}
			r := []rune(rest[:i])
			rest = rest[i+len("同志"):]
			for _, n := range []int{3, 2} {
				if len(r) < n {
					continue
				}
				nm := string(r[len(r)-n:])
				before := string(r[:len(r)-n])
				if n == 3 && surnameLen(nm) == 0 {
					continue
				}
				if plausibleName(nm) && comradeContext(before) {
					out = append(out, nm)
					break
				}
			}
		}
	}
	return out
}

// comradeContext reports whether the text before a name ends where a name
// may start: a title, a unit, punctuation or nothing.
func comradeContext(before string) bool {
	if before == "" {
		return true
	}
	r := []rune(before)
	last := r[len(r)-1]
	if !isHan(last) || strings.ContainsRune(unitSuffixes, last) {
		return true
	}
	_, ok := hasAnySuffix(before, titleSuffixes)
	return ok
}
