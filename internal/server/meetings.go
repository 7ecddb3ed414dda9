package server

import (
	"cmp"
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"govarchive/index"
	"govarchive/internal/document"
)

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
