package server

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

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
	Years    []index.Facet `json:"years"`   // meetings per year, for the year menu
	Undated  uint64        `json:"undated"` // meetings no year files (year=none)
	Kinds    []index.Facet `json:"kinds"`   // meetings per kind, whatever kind is selected
}

// meetingKinds are the kinds of document that record a meeting.
var meetingKinds = []string{string(document.KindMinutes), string(document.KindNews)}

// handleMeetings lists meetings newest first: minutes and news reports of
// meetings together, or one kind with kind=minutes|news (several may be
// given, comma-separated or repeated).
func (s *Server) handleMeetings(c echo.Context) error {
	var kinds []string
	for _, v := range c.QueryParams()["kind"] {
		for _, k := range strings.Split(v, ",") {
			k = strings.ToLower(strings.TrimSpace(k))
			if named, ok := kindNames[k]; ok { // 纪要, 新闻
				k = string(named)
			}
			switch {
			case k == "":
			case slices.Contains(meetingKinds, k):
				if !slices.Contains(kinds, k) {
					kinds = append(kinds, k)
				}
			default:
				return badParam("kind", "must be minutes or news")
			}
		}
	}
	if len(kinds) == 0 {
		kinds = meetingKinds
	}
	year, undated, err := yearParam(c)
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
	switch v := sortAlias(c.QueryParam("sort")); v {
	case "", index.SortDateDesc:
	case index.SortDateAsc:
		sort = v
	default:
		return badParam("sort", "must be date_desc or date_asc")
	}
	ctx := c.Request().Context()
	res, err := s.ix.Search(ctx, index.Query{Kinds: kinds, Issuer: issuer, Year: year, Undated: undated, Sort: sort,
		Page: page, Size: size, NoFacets: true, IncludeDocuments: true, Brief: true})
	if err != nil {
		return err
	}
	// The year menu counts every year, whichever year is selected.
	years, err := s.ix.Search(ctx, index.Query{Kinds: kinds, Issuer: issuer, Size: 1, FacetSize: allFacetValues,
		Facets: []string{index.FacetYear}})
	if err != nil {
		return err
	}
	// The kind menu counts every meeting kind in the selected year.
	byKind, err := s.ix.Search(ctx, index.Query{Kinds: meetingKinds, Issuer: issuer, Year: year, Undated: undated, Size: 1, FacetSize: len(meetingKinds),
		Facets: []string{index.FacetKind}})
	if err != nil {
		return err
	}
	out := meetingsResponse{Total: res.Total, Page: page, Size: size, Meetings: []meetingItem{},
		Years: nonNil(years.Facets[index.FacetYear]), Kinds: nonNil(byKind.Facets[index.FacetKind])}
	slices.SortFunc(out.Years, func(a, b index.Facet) int { return cmp.Compare(b.Value, a.Value) })
	out.Undated = years.Total
	for _, y := range out.Years {
		out.Undated -= uint64(y.Count)
	}
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
