package server

import (
	"cmp"
	"context"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"govarchive/index"
	"govarchive/internal/document"
)

type ledTopic struct {
	DocumentID string `json:"document_id"`
	Issuer     string `json:"issuer,omitempty"`
	Date       string `json:"date,omitempty"`
	No         int    `json:"no"`
	Title      string `json:"title"`
}

type activity struct {
	Year      int `json:"year"`
	Meetings  int `json:"meetings"`
	LedTopics int `json:"led_topics"`
}

type deptMeeting struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Kind   string `json:"kind"`
	Issuer string `json:"issuer,omitempty"`
	Date   string `json:"date,omitempty"`
	Led    int    `json:"led_topics"`
}

type departmentResponse struct {
	Name          string        `json:"name"`
	Aliases       []string      `json:"aliases"`
	MeetingsTotal int           `json:"meetings_total"`
	Page          int           `json:"page"`
	Size          int           `json:"size"`
	Meetings      []deptMeeting `json:"meetings"`
	LedTopics     []ledTopic    `json:"led_topics"` // the newest
	LedTotal      int           `json:"led_topics_total"`
	People        []nameCount   `json:"people"` // the most frequent
	PeopleTotal   int           `json:"people_total"`
	Activity      []activity    `json:"activity"`
	Truncated     bool          `json:"truncated,omitempty"`
}

// Bounds of the sub-lists of a department page (the meetings are paged).
const (
	maxLedTopics  = 200
	maxDeptPeople = 100
)

func (s *Server) handleDepartment(c echo.Context) error {
	name, err := s.nameParam(c)
	if err != nil {
		return err
	}
	// The parser names units in simplified script: 市應急局 is 市应急局.
	name = s.simplified(name)
	page, size, err := s.pageParams(c, 50)
	if err != nil {
		return err
	}
	full, err := cached(s, "department\x00"+name, func() (*departmentResponse, error) {
		return s.department(c.Request().Context(), name)
	})
	if err != nil {
		return err
	}
	out := *full // shared: page a copy
	out.Page, out.Size, out.Meetings = page, size, pageOf(full.Meetings, page, size)
	return c.JSON(http.StatusOK, out)
}

// department aggregates every document that names the department.
func (s *Server) department(ctx context.Context, name string) (*departmentResponse, error) {
	var docs []*document.Document
	total, truncated, err := s.scan(ctx, index.Query{Department: name}, func(h index.Hit) { docs = append(docs, h.Document) })
	if err != nil {
		return nil, err
	}
	if total == 0 || len(docs) == 0 {
		return nil, notFound("no department called " + strconv.Quote(name) + " in the archive")
	}
	canon, err := s.canonicalDepartment(ctx, name, docs)
	if err != nil {
		return nil, err
	}
	if canon != name {
		// The canonical entry gathers every surface form, not just this one.
		var all []*document.Document
		_, truncated, err = s.scan(ctx, index.Query{Department: canon}, func(h index.Hit) { all = append(all, h.Document) })
		if err != nil {
			return nil, err
		}
		if len(all) >= len(docs) {
			docs = all
		}
	}

	aliases := map[string]bool{}
	if name != canon {
		aliases[name] = true
	}
	forms := map[string]bool{}
	if s.depts != nil {
		for _, a := range s.depts.Forms(canon) {
			aliases[a] = true
			forms[a] = true
		}
	}
	if canon != name {
		// 市应急局 is 苏州市应急管理局 where the archive resolves it so; the
		// generic form also matched documents whose unit is another place's
		// (攀枝花东区's 区应急管理局), which are not this bureau's meetings.
		if kept := slices.DeleteFunc(slices.Clone(docs), func(d *document.Document) bool {
			return !namesUnit(d, canon, name, forms)
		}); len(kept) > 0 {
			docs = kept
		}
	}
	names := s.filterNames(name)
	out := &departmentResponse{Name: canon, LedTopics: []ledTopic{}}
	var meetings []deptMeeting
	people := map[string]int{}
	years := map[int]*activity{}
	for _, d := range docs {
		refs := refMap(d)
		// A form this document resolved belongs to us only if it resolved
		// to us; an unresolved one is ours when it is one of our forms.
		is := func(s string) bool {
			if c, ok := refs[s]; ok {
				return c == canon || c == name
			}
			return s == canon || s == name || forms[s]
		}
		for w, c := range refs {
			if c == canon {
				aliases[w] = true
			}
		}
		m := deptMeeting{ID: d.ID, Title: d.Title, Kind: string(d.Kind), Issuer: d.Issuer, Date: d.Date}
		// A generic name (应急局) leads wherever a place's bureau does, as
		// the decisions list counts it.
		canonHere := canonicalsOf(d, names)
		for _, t := range d.Topics {
			if slices.ContainsFunc(t.LeadDepartments, is) || ledBy(d, t, names, canonHere) {
				m.Led++
				out.LedTopics = append(out.LedTopics, ledTopic{DocumentID: d.ID, Issuer: d.Issuer, Date: d.Date, No: t.No, Title: t.Title})
			}
		}
		meetings = append(meetings, m)
		seen := map[string]bool{}
		for _, p := range append(append([]document.Person{}, d.Observers...), d.Members...) {
			if p.Department != "" && is(p.Department) && !seen[p.Name] {
				seen[p.Name] = true
				people[p.Name]++
			}
		}
		for _, a := range d.Attendees {
			if a.Department != "" && is(a.Department) && !seen[a.Name] {
				seen[a.Name] = true
				people[a.Name]++
			}
		}
		if y := d.Year(); y > 0 {
			if years[y] == nil {
				years[y] = &activity{Year: y}
			}
			years[y].Meetings++
			years[y].LedTopics += m.Led
		}
	}
	delete(aliases, canon)
	out.Aliases = nonNil(slices.Sorted(maps.Keys(aliases)))
	out.MeetingsTotal = len(meetings)
	out.Meetings = nonNil(meetings)
	out.LedTotal = len(out.LedTopics)
	out.LedTopics = out.LedTopics[:min(len(out.LedTopics), maxLedTopics)]
	out.People = []nameCount{}
	for n, k := range people {
		out.People = append(out.People, nameCount{Name: n, Count: k})
	}
	slices.SortFunc(out.People, func(a, b nameCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
	})
	out.PeopleTotal = len(out.People)
	out.People = out.People[:min(len(out.People), maxDeptPeople)]
	out.Activity = []activity{}
	for _, a := range years {
		out.Activity = append(out.Activity, *a)
	}
	slices.SortFunc(out.Activity, func(a, b activity) int { return cmp.Compare(a.Year, b.Year) })
	out.Truncated = truncated
	return out, nil
}

// canonicalDepartment finds the canonical entry name stands for: from the
// documents' own resolution of that surface form when they have one, else
// the department facet value every matching document shares.
func (s *Server) canonicalDepartment(ctx context.Context, name string, docs []*document.Document) (string, error) {
	counts := map[string]int{}
	for _, d := range docs {
		for c := range canonicalsOf(d, map[string]bool{name: true}) {
			counts[c]++
		}
	}
	best, bestN := "", 0
	for c, n := range counts {
		if n > bestN || n == bestN && c < best {
			best, bestN = c, n
		}
	}
	// A bare form (发改委) resolves to different entries in different
	// places; only a resolution most documents agree on names the page.
	if best != "" && 2*bestN >= len(docs) {
		return best, nil
	}
	// The index resolved an alias the documents do not spell out.
	res, err := s.ix.Search(ctx, index.Query{Department: name, Size: 1, FacetSize: allFacetValues,
		Facets: []string{index.FacetDepartment}, StoredFacets: true})
	if err != nil {
		// A timeout must not leave a page under the wrong name in the cache.
		return "", err
	}
	var selects []string // (苏州应急局, a place without its level, selects 苏州市应急管理局.)
	if s.depts != nil {
		selects = s.depts.FilterForms(name)
	}
	for _, f := range res.Facets[index.FacetDepartment] {
		if uint64(f.Count) != res.Total {
			continue
		}
		if strings.Contains(f.Value, name) || s.depts != nil && (slices.Contains(s.depts.Forms(f.Value), name) || slices.Contains(selects, f.Value)) {
			return f.Value, nil
		}
	}
	return name, nil
}

// namesUnit reports whether d names the unit canon (typed as name, with the
// surface forms forms): a form it resolved, resolved to canon or name; one it
// left unresolved, one of the unit's forms.
func namesUnit(d *document.Document, canon, name string, forms map[string]bool) bool {
	refs := refMap(d)
	for _, r := range d.DepartmentRefs {
		if r.Canonical == canon || r.Canonical == name {
			return true
		}
	}
	for _, w := range d.Departments {
		if _, resolved := refs[w]; !resolved && (w == canon || w == name || forms[w]) {
			return true
		}
	}
	return false
}
