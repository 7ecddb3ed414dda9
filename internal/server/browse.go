package server

import (
	"cmp"
	"context"
	"errors"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"govarchive/index"
	"govarchive/internal/document"
)

// allFacetValues asks the index for as many values of a facet as it gives
// (its maximum); browse lists page over them here because bleve facets
// have no offset.
const allFacetValues = 1000

// scanPage is how many stored documents one index call returns when a
// browse page aggregates over every match (the index's maximum page size).
const scanPage = 100

// scan calls fn for every hit of q (with its stored document), newest
// first, up to MaxScanDocs documents. It returns the total number of
// matches and whether the scan stopped early.
func (s *Server) scan(ctx context.Context, q index.Query, fn func(index.Hit)) (total uint64, truncated bool, err error) {
	q.IncludeDocuments = true
	q.NoFacets = true
	q.Size = scanPage
	if q.Sort == "" {
		q.Sort = index.SortDateDesc
	}
	seen := 0
	for q.Page = 1; ; q.Page++ {
		res, err := s.ix.Search(ctx, q)
		if err != nil {
			if q.Page > 1 && errors.Is(err, index.ErrInvalidQuery) {
				return total, true, nil // past the index's result window
			}
			return 0, false, err
		}
		total = res.Total
		for _, h := range res.Hits {
			if seen >= s.lim.MaxScanDocs {
				return total, true, nil
			}
			if h.Document != nil {
				fn(h)
			}
			seen++
		}
		if len(res.Hits) < q.Size || uint64(seen) >= total {
			return total, false, nil
		}
	}
}

// pageOf returns the page of items and the slice bounds' validity.
func pageOf[T any](items []T, page, size int) []T {
	from := (page - 1) * size
	if from >= len(items) {
		return []T{}
	}
	return items[from:min(from+size, len(items))]
}

// ---- meetings ----

type meetingItem struct {
	ID         string           `json:"id"`
	Title      string           `json:"title"`
	Kind       string           `json:"kind"`
	Issuer     string           `json:"issuer,omitempty"`
	DocNumber  string           `json:"doc_number,omitempty"`
	Date       string           `json:"date,omitempty"`
	Name       string           `json:"name,omitempty"`
	Type       string           `json:"type,omitempty"`
	Term       int              `json:"term,omitempty"`
	Session    int              `json:"session,omitempty"`
	Chair      *document.Person `json:"chair,omitempty"`
	TopicCount int              `json:"topic_count"`
}

type meetingsResponse struct {
	Total    uint64        `json:"total"`
	Page     int           `json:"page"`
	Size     int           `json:"size"`
	Meetings []meetingItem `json:"meetings"`
	Years    []index.Facet `json:"years"` // meetings per year, for the year menu
}

// handleMeetings lists meetings newest first. kind is minutes (default) or
// news: the index filters on one kind at a time.
func (s *Server) handleMeetings(c echo.Context) error {
	kind := c.QueryParam("kind")
	switch kind {
	case "":
		kind = string(document.KindMinutes)
	case string(document.KindMinutes), string(document.KindNews):
	default:
		return badParam("kind", "must be minutes or news")
	}
	year, err := yearParam(c)
	if err != nil {
		return err
	}
	issuer, err := s.textParam(c, "issuer")
	if err != nil {
		return err
	}
	page, size, err := s.pageParams(c, 20)
	if err != nil {
		return err
	}
	sort := index.SortDateDesc
	if c.QueryParam("sort") == index.SortDateAsc {
		sort = index.SortDateAsc
	}
	ctx := c.Request().Context()
	res, err := s.ix.Search(ctx, index.Query{Kind: kind, Issuer: issuer, Year: year, Sort: sort,
		Page: page, Size: size, NoFacets: true, IncludeDocuments: true})
	if err != nil {
		return err
	}
	// The year menu counts every year, whichever year is selected.
	years, err := s.ix.Search(ctx, index.Query{Kind: kind, Issuer: issuer, Size: 1, FacetSize: allFacetValues})
	if err != nil {
		return err
	}
	out := meetingsResponse{Total: res.Total, Page: page, Size: size, Meetings: []meetingItem{},
		Years: nonNil(years.Facets[index.FacetYear])}
	slices.SortFunc(out.Years, func(a, b index.Facet) int { return cmp.Compare(b.Value, a.Value) })
	for _, h := range res.Hits {
		m := meetingItem{ID: h.ID, Title: h.Title, Kind: h.Kind, Issuer: h.Issuer, DocNumber: h.DocNumber, Date: h.Date}
		if d := h.Document; d != nil {
			m.TopicCount = len(d.Topics)
			if mt := d.Meeting; mt != nil {
				m.Name, m.Type, m.Term, m.Session, m.Chair = mt.Name, mt.Type, mt.Term, mt.Session, mt.Chair
			}
		}
		out.Meetings = append(out.Meetings, m)
	}
	return c.JSON(http.StatusOK, out)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// ---- decisions ----

type decisionItem struct {
	DocumentID      string   `json:"document_id"`
	DocumentTitle   string   `json:"document_title"`
	Meeting         string   `json:"meeting,omitempty"`
	Session         int      `json:"session,omitempty"`
	Date            string   `json:"date,omitempty"`
	Issuer          string   `json:"issuer,omitempty"`
	No              int      `json:"no"`
	Title           string   `json:"title"`
	Decisions       []string `json:"decisions,omitempty"`
	LeadDepartments []string `json:"lead_departments,omitempty"`
	Documents       []string `json:"documents,omitempty"`
}

type decisionsResponse struct {
	Total     int            `json:"total"`
	Page      int            `json:"page"`
	Size      int            `json:"size"`
	Truncated bool           `json:"truncated,omitempty"` // more documents matched than were scanned
	Decisions []decisionItem `json:"decisions"`
}

// handleDecisions lists agenda topics across meetings, newest meeting first.
// With q only the topics that match are listed; with department only the
// topics that department led.
func (s *Server) handleDecisions(c echo.Context) error {
	q, err := s.textParam(c, "q")
	if err != nil {
		return err
	}
	dept, err := s.textParam(c, "department")
	if err != nil {
		return err
	}
	year, err := yearParam(c)
	if err != nil {
		return err
	}
	page, size, err := s.pageParams(c, 20)
	if err != nil {
		return err
	}
	var items []decisionItem
	_, truncated, err := s.scan(c.Request().Context(), index.Query{Text: q, Department: dept, Year: year}, func(h index.Hit) {
		d := h.Document
		if len(d.Topics) == 0 {
			return
		}
		matched := map[int]bool{}
		for _, t := range h.Topics {
			matched[t.No] = true
		}
		var deptCanon map[string]bool
		if dept != "" {
			deptCanon = canonicalsOf(d, dept)
		}
		for _, t := range d.Topics {
			if q != "" && len(matched) > 0 && !matched[t.No] {
				continue
			}
			if q != "" && len(matched) == 0 && !topicMentions(t, q) {
				continue
			}
			if dept != "" && !ledBy(d, t, dept, deptCanon) {
				continue
			}
			it := decisionItem{DocumentID: d.ID, DocumentTitle: d.Title, Date: d.Date, Issuer: d.Issuer,
				No: t.No, Title: t.Title, Decisions: t.Decisions, LeadDepartments: t.LeadDepartments, Documents: t.Documents}
			if d.Meeting != nil {
				it.Meeting, it.Session = d.Meeting.Name, d.Meeting.Session
			}
			items = append(items, it)
		}
	})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, decisionsResponse{Total: len(items), Page: page, Size: size,
		Truncated: truncated, Decisions: pageOf(items, page, size)})
}

// topicMentions is the fallback when the index reports no matching topics.
func topicMentions(t document.Topic, q string) bool {
	if strings.Contains(t.Title, q) || strings.Contains(t.Text, q) {
		return true
	}
	for _, d := range t.Decisions {
		if strings.Contains(d, q) {
			return true
		}
	}
	return false
}

// refMap maps a department as written in d to its canonical entry.
func refMap(d *document.Document) map[string]string {
	m := make(map[string]string, len(d.DepartmentRefs))
	for _, r := range d.DepartmentRefs {
		if r.Canonical != "" {
			m[r.Name] = r.Canonical
		}
	}
	return m
}

// canonicalsOf returns the canonical entries that name (a surface form or
// a canonical name) stands for in d.
func canonicalsOf(d *document.Document, name string) map[string]bool {
	out := map[string]bool{}
	for _, r := range d.DepartmentRefs {
		if r.Name == name || r.Canonical == name {
			out[cmp.Or(r.Canonical, r.Name)] = true
		}
	}
	return out
}

// ledBy says whether topic t of d was led by the department called name.
func ledBy(d *document.Document, t document.Topic, name string, canon map[string]bool) bool {
	refs := refMap(d)
	for _, l := range t.LeadDepartments {
		if l == name || canon[l] || canon[refs[l]] {
			return true
		}
	}
	return false
}

// ---- people ----

type nameCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

type peopleResponse struct {
	Total  int         `json:"total"`
	Page   int         `json:"page"`
	Size   int         `json:"size"`
	People []nameCount `json:"people"`
}

func (s *Server) handlePeople(c echo.Context) error {
	list, page, size, err := s.facetList(c, index.FacetPerson)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, peopleResponse{Total: len(list), Page: page, Size: size, People: pageOf(list, page, size)})
}

type departmentsResponse struct {
	Total       int         `json:"total"`
	Page        int         `json:"page"`
	Size        int         `json:"size"`
	Departments []nameCount `json:"departments"`
}

func (s *Server) handleDepartments(c echo.Context) error {
	list, page, size, err := s.facetList(c, index.FacetDepartment)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, departmentsResponse{Total: len(list), Page: page, Size: size, Departments: pageOf(list, page, size)})
}

// facetList lists every value of a facet over the whole archive, most
// frequent first, filtered by ?prefix= (departments also match inside the
// name, since canonical names start with the place: 苏州市应急管理局).
func (s *Server) facetList(c echo.Context, facet string) ([]nameCount, int, int, error) {
	prefix, err := s.textParam(c, "prefix")
	if err != nil {
		return nil, 0, 0, err
	}
	page, size, err := s.pageParams(c, 50)
	if err != nil {
		return nil, 0, 0, err
	}
	res, err := s.ix.Search(c.Request().Context(), index.Query{Size: 1, FacetSize: allFacetValues})
	if err != nil {
		return nil, 0, 0, err
	}
	list := []nameCount{}
	for _, f := range res.Facets[facet] {
		if prefix != "" && !strings.HasPrefix(f.Value, prefix) &&
			(facet != index.FacetDepartment || !strings.Contains(f.Value, prefix)) {
			continue
		}
		list = append(list, nameCount{Name: f.Value, Count: f.Count})
	}
	slices.SortStableFunc(list, func(a, b nameCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
	})
	return list, page, size, nil
}

// nameParam validates a person or department name in the path.
func (s *Server) nameParam(c echo.Context) (string, error) {
	v := strings.TrimSpace(c.Param("name"))
	if v == "" {
		return "", badParam("name", "is required")
	}
	if len([]rune(v)) > 64 || strings.ContainsFunc(v, func(r rune) bool { return r < 0x20 }) {
		return "", badParam("name", "is not a name")
	}
	return v, nil
}

// seenAt is a fact about an entity with the dates of the documents that say it.
type seenAt struct {
	Name  string   `json:"name"`
	First string   `json:"first,omitempty"`
	Last  string   `json:"last,omitempty"`
	Dates []string `json:"dates"`
}

type dated struct {
	order []string
	dates map[string][]string
}

func (d *dated) add(name, date string) {
	if name == "" {
		return
	}
	if d.dates == nil {
		d.dates = map[string][]string{}
	}
	if _, ok := d.dates[name]; !ok {
		d.order = append(d.order, name)
		d.dates[name] = []string{}
	}
	if date != "" && !slices.Contains(d.dates[name], date) {
		d.dates[name] = append(d.dates[name], date)
	}
}

func (d *dated) list() []seenAt {
	out := []seenAt{}
	for _, n := range d.order {
		ds := d.dates[n]
		slices.Sort(ds)
		s := seenAt{Name: n, Dates: ds}
		if len(ds) > 0 {
			s.First, s.Last = ds[0], ds[len(ds)-1]
		}
		out = append(out, s)
	}
	return out
}

type personMeeting struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Kind     string `json:"kind"`
	Date     string `json:"date,omitempty"`
	Role     string `json:"role"`
	Position string `json:"position,omitempty"` // the person's title in that document
}

type personResponse struct {
	Name          string          `json:"name"`
	Departments   []seenAt        `json:"departments"`
	Titles        []seenAt        `json:"titles"`
	MeetingsTotal int             `json:"meetings_total"`
	Page          int             `json:"page"`
	Size          int             `json:"size"`
	Meetings      []personMeeting `json:"meetings"`
	CoAttendees   []nameCount     `json:"co_attendees"`
	Truncated     bool            `json:"truncated,omitempty"`
}

// Roles of a person in a document, as the API names them.
const (
	roleChair     = "chair"
	roleAttendee  = "attendee"
	roleObserver  = "observer"
	roleRecorder  = "recorder"
	roleMentioned = "mentioned"
)

// personIn finds name's role in d and what d says about them.
func personIn(d *document.Document, name string) (role string, p document.Person) {
	if m := d.Meeting; m != nil && m.Chair != nil && m.Chair.Name == name {
		return roleChair, *m.Chair
	}
	for _, a := range d.Attendees {
		if a.Name == name {
			return roleAttendee, document.Person(a)
		}
	}
	for _, o := range d.Observers {
		if o.Name == name {
			return roleObserver, o
		}
	}
	if d.Recorder == name {
		return roleRecorder, document.Person{Name: name}
	}
	for _, m := range d.Members {
		if m.Name == name {
			return roleMentioned, m
		}
	}
	return roleMentioned, document.Person{Name: name}
}

// participants are the people present at the meeting d records.
func participants(d *document.Document) []string {
	var out []string
	if m := d.Meeting; m != nil && m.Chair != nil {
		out = append(out, m.Chair.Name)
	}
	for _, a := range d.Attendees {
		out = append(out, a.Name)
	}
	for _, o := range d.Observers {
		out = append(out, o.Name)
	}
	return out
}

func (s *Server) handlePerson(c echo.Context) error {
	name, err := s.nameParam(c)
	if err != nil {
		return err
	}
	page, size, err := s.pageParams(c, 50)
	if err != nil {
		return err
	}
	var (
		depts, titles dated
		meetings      []personMeeting
		co            = map[string]int{}
	)
	total, truncated, err := s.scan(c.Request().Context(), index.Query{Person: name}, func(h index.Hit) {
		d := h.Document
		role, p := personIn(d, name)
		depts.add(p.Department, d.Date)
		titles.add(p.Title, d.Date)
		meetings = append(meetings, personMeeting{ID: d.ID, Title: d.Title, Kind: string(d.Kind), Date: d.Date, Role: role, Position: p.Title})
		if role == roleMentioned || role == roleRecorder {
			return
		}
		seen := map[string]bool{name: true}
		for _, other := range participants(d) {
			if !seen[other] {
				seen[other] = true
				co[other]++
			}
		}
	})
	if err != nil {
		return err
	}
	if total == 0 {
		return notFound("no person called " + strconv.Quote(name) + " in the archive")
	}
	coList := make([]nameCount, 0, len(co))
	for n, k := range co {
		coList = append(coList, nameCount{Name: n, Count: k})
	}
	slices.SortFunc(coList, func(a, b nameCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
	})
	return c.JSON(http.StatusOK, personResponse{
		Name: name, Departments: depts.list(), Titles: titles.list(),
		MeetingsTotal: len(meetings), Page: page, Size: size, Meetings: pageOf(meetings, page, size),
		CoAttendees: coList[:min(len(coList), 30)], Truncated: truncated,
	})
}

// ---- departments ----

type ledTopic struct {
	DocumentID string `json:"document_id"`
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
	ID    string `json:"id"`
	Title string `json:"title"`
	Kind  string `json:"kind"`
	Date  string `json:"date,omitempty"`
	Led   int    `json:"led_topics"`
}

type departmentResponse struct {
	Name          string        `json:"name"`
	Aliases       []string      `json:"aliases"`
	MeetingsTotal int           `json:"meetings_total"`
	Page          int           `json:"page"`
	Size          int           `json:"size"`
	Meetings      []deptMeeting `json:"meetings"`
	LedTopics     []ledTopic    `json:"led_topics"`
	People        []nameCount   `json:"people"`
	Activity      []activity    `json:"activity"`
	Truncated     bool          `json:"truncated,omitempty"`
}

func (s *Server) handleDepartment(c echo.Context) error {
	name, err := s.nameParam(c)
	if err != nil {
		return err
	}
	page, size, err := s.pageParams(c, 50)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	var docs []*document.Document
	total, truncated, err := s.scan(ctx, index.Query{Department: name}, func(h index.Hit) { docs = append(docs, h.Document) })
	if err != nil {
		return err
	}
	if total == 0 || len(docs) == 0 {
		return notFound("no department called " + strconv.Quote(name) + " in the archive")
	}
	canon := s.canonicalDepartment(ctx, name, docs)
	if canon != name {
		// The canonical entry gathers every surface form, not just this one.
		var all []*document.Document
		_, truncated, err = s.scan(ctx, index.Query{Department: canon}, func(h index.Hit) { all = append(all, h.Document) })
		if err != nil {
			return err
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
	out := departmentResponse{Name: canon, Page: page, Size: size, LedTopics: []ledTopic{}}
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
		m := deptMeeting{ID: d.ID, Title: d.Title, Kind: string(d.Kind), Date: d.Date}
		for _, t := range d.Topics {
			if slices.ContainsFunc(t.LeadDepartments, is) {
				m.Led++
				out.LedTopics = append(out.LedTopics, ledTopic{DocumentID: d.ID, Date: d.Date, No: t.No, Title: t.Title})
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
	out.Meetings = pageOf(meetings, page, size)
	out.People = []nameCount{}
	for n, k := range people {
		out.People = append(out.People, nameCount{Name: n, Count: k})
	}
	slices.SortFunc(out.People, func(a, b nameCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
	})
	out.Activity = []activity{}
	for _, a := range years {
		out.Activity = append(out.Activity, *a)
	}
	slices.SortFunc(out.Activity, func(a, b activity) int { return cmp.Compare(a.Year, b.Year) })
	out.Truncated = truncated
	return c.JSON(http.StatusOK, out)
}

// canonicalDepartment finds the canonical entry name stands for: from the
// documents' own resolution of that surface form when they have one, else
// the department facet value every matching document shares.
func (s *Server) canonicalDepartment(ctx context.Context, name string, docs []*document.Document) string {
	counts := map[string]int{}
	for _, d := range docs {
		for c := range canonicalsOf(d, name) {
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
		return best
	}
	// The index resolved an alias the documents do not spell out.
	res, err := s.ix.Search(ctx, index.Query{Department: name, Size: 1, FacetSize: allFacetValues})
	if err != nil {
		return name
	}
	for _, f := range res.Facets[index.FacetDepartment] {
		if uint64(f.Count) != res.Total {
			continue
		}
		if strings.Contains(f.Value, name) || s.depts != nil && slices.Contains(s.depts.Forms(f.Value), name) {
			return f.Value
		}
	}
	return name
}
