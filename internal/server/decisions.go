package server

import (
	"cmp"
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"govarchive/index"
	"govarchive/internal/document"
)

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
	// Canonical names the document resolved its lead departments to (县住建局 →
	// 湘阴县住房和城乡建设局), so a link can go to that unit's page.
	Canonical map[string]string `json:"canonical,omitempty"`
	Documents []string          `json:"documents,omitempty"`
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
	dept = s.simplified(dept) // as the parser names units: 市應急局 is 市应急局
	year, undated, err := yearParam(c)
	if err != nil {
		return err
	}
	page, size, err := s.pageParams(c, 20)
	if err != nil {
		return err
	}
	if q == "" && dept == "" {
		// Every topic of every meeting: the index counts them, and only the
		// documents up to the requested page are read.
		out, err := s.decisionsPage(c.Request().Context(), index.Query{Year: year, Undated: undated}, page, size)
		if err == nil {
			return c.JSON(http.StatusOK, out)
		}
		if !errors.Is(err, index.ErrUnsupported) {
			return err
		}
	}
	type agg struct {
		items     []decisionItem
		truncated bool
	}
	names := s.filterNames(dept)
	key := strings.Join([]string{"decisions", q, dept, strconv.Itoa(year), strconv.FormatBool(undated)}, "\x00")
	a, err := cached(s, key, func() (agg, error) {
		var a agg
		var err error
		_, a.truncated, err = s.scan(c.Request().Context(), index.Query{Text: q, Department: dept, Year: year, Undated: undated}, func(h index.Hit) {
			a.items = append(a.items, topicsOf(h, q, names)...)
		})
		return a, err
	})
	if err != nil {
		return err
	}
	items, truncated := a.items, a.truncated
	return c.JSON(http.StatusOK, decisionsResponse{Total: len(items), Page: page, Size: size,
		Truncated: truncated, Decisions: pageOf(items, page, size)})
}

// errPageFull stops the walk of decisionsPage.
var errPageFull = errors.New("page full")

// decisionsPage lists one page of every topic (of the year's documents),
// newest meeting first, reading only the documents before and on the page.
func (s *Server) decisionsPage(ctx context.Context, when index.Query, page, size int) (*decisionsResponse, error) {
	total, err := s.ix.TopicCount(ctx, index.Query{Year: when.Year, Undated: when.Undated})
	if err != nil {
		return nil, err
	}
	out := &decisionsResponse{Total: total, Page: page, Size: size, Decisions: []decisionItem{}}
	skip := (page - 1) * size
	if skip >= total {
		return out, nil
	}
	err = s.ix.Each(ctx, index.Query{Year: when.Year, Undated: when.Undated, IncludeDocuments: true, Brief: true}, func(h index.Hit) error {
		if h.Document == nil {
			return nil
		}
		if n := len(h.Document.Topics); skip >= n {
			skip -= n
			return nil
		}
		items := topicsOf(h, "", nil)
		out.Decisions = append(out.Decisions, items[min(skip, len(items)):]...)
		skip = 0
		if len(out.Decisions) >= size {
			out.Decisions = out.Decisions[:size]
			return errPageFull
		}
		return nil
	})
	if err != nil && !errors.Is(err, errPageFull) {
		return nil, err
	}
	return out, nil
}

// filterNames is the set of names a department filter selects: the name,
// and its forms less those that drop the place it has.
func (s *Server) filterNames(dept string) map[string]bool {
	if dept == "" {
		return nil
	}
	names := map[string]bool{dept: true}
	if s.depts != nil {
		for _, f := range s.depts.FilterForms(dept) {
			names[f] = true
		}
	}
	return names
}

// topicsOf lists the topics of a hit that the decisions page shows: with q
// only those that match, with dept (the names filterNames gives) only those
// the department led.
func topicsOf(h index.Hit, q string, dept map[string]bool) []decisionItem {
	d := h.Document
	matched := map[int]bool{}
	for _, t := range h.Topics {
		matched[t.No] = true
	}
	var deptCanon map[string]bool
	if dept != nil {
		deptCanon = canonicalsOf(d, dept)
	}
	refs := refMap(d)
	var out []decisionItem
	for _, t := range d.Topics {
		if q != "" && len(matched) > 0 && !matched[t.No] {
			continue
		}
		if q != "" && len(matched) == 0 && !topicMentions(t, q) {
			continue
		}
		if dept != nil && !ledBy(d, t, dept, deptCanon) {
			continue
		}
		it := decisionItem{DocumentID: d.ID, DocumentTitle: d.Title, Date: d.Date, Issuer: d.Issuer,
			No: t.No, Title: t.Title, Decisions: t.Decisions, LeadDepartments: t.LeadDepartments, Documents: t.Documents}
		if d.Meeting != nil {
			it.Meeting, it.Session = d.Meeting.Name, d.Meeting.Session
		}
		for _, l := range t.LeadDepartments {
			if c := refs[l]; c != "" && c != l {
				if it.Canonical == nil {
					it.Canonical = map[string]string{}
				}
				it.Canonical[l] = c
			}
		}
		out = append(out, it)
	}
	return out
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

// canonicalsOf returns the canonical entries that names (surface forms or
// canonical names) stand for in d.
func canonicalsOf(d *document.Document, names map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, r := range d.DepartmentRefs {
		if names[r.Name] || names[r.Canonical] {
			out[cmp.Or(r.Canonical, r.Name)] = true
		}
	}
	return out
}

// ledBy says whether topic t of d was led by the department called by one
// of names.
func ledBy(d *document.Document, t document.Topic, names, canon map[string]bool) bool {
	refs := refMap(d)
	for _, l := range t.LeadDepartments {
		if c, ok := refs[l]; ok && c != "" {
			// Resolved: ours only if it resolved to us (市应急局 in another
			// city's minutes is that city's bureau).
			if canon[c] {
				return true
			}
			continue
		}
		if names[l] || canon[l] {
			return true
		}
	}
	return false
}
