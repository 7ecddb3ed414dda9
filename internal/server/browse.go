package server

import (
	"cmp"
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"govarchive/index"
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

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

type nameCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

type peopleResponse struct {
	Total     int         `json:"total"`
	Page      int         `json:"page"`
	Size      int         `json:"size"`
	People    []nameCount `json:"people"`
	Truncated bool        `json:"truncated,omitempty"` // only the most frequent names are listed
}

func (s *Server) handlePeople(c echo.Context) error {
	list, truncated, page, size, err := s.facetList(c, index.FacetPerson)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, peopleResponse{Total: len(list), Page: page, Size: size,
		People: pageOf(list, page, size), Truncated: truncated})
}

type departmentsResponse struct {
	Total       int         `json:"total"`
	Page        int         `json:"page"`
	Size        int         `json:"size"`
	Departments []nameCount `json:"departments"`
	Truncated   bool        `json:"truncated,omitempty"`
}

func (s *Server) handleDepartments(c echo.Context) error {
	list, truncated, page, size, err := s.facetList(c, index.FacetDepartment)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, departmentsResponse{Total: len(list), Page: page, Size: size,
		Departments: pageOf(list, page, size), Truncated: truncated})
}

// facetList lists the values of a facet over the whole archive, most
// frequent first, filtered by ?prefix= (departments also match inside the
// name, since canonical names start with the place: 苏州市应急管理局). The
// index gives at most allFacetValues values; with a prefix, the suggester,
// which sees every name, adds the rarer people beyond them.
func (s *Server) facetList(c echo.Context, facet string) (list []nameCount, truncated bool, page, size int, err error) {
	prefix, err := s.textParam(c, "prefix")
	if err != nil {
		return nil, false, 0, 0, err
	}
	page, size, err = s.pageParams(c, 50)
	if err != nil {
		return nil, false, 0, 0, err
	}
	ctx := c.Request().Context()
	res, err := s.ix.Search(ctx, index.Query{Size: 1, FacetSize: allFacetValues})
	if err != nil {
		return nil, false, 0, 0, err
	}
	values := res.Facets[facet]
	truncated = len(values) >= allFacetValues
	list = []nameCount{}
	seen := map[string]bool{}
	for _, f := range values {
		if prefix != "" && !strings.HasPrefix(f.Value, prefix) &&
			(facet != index.FacetDepartment || !strings.Contains(f.Value, prefix)) {
			continue
		}
		seen[f.Value] = true
		list = append(list, nameCount{Name: f.Value, Count: f.Count})
	}
	if prefix != "" && truncated && facet == index.FacetPerson {
		more, err := s.ix.Suggest(ctx, prefix, 50)
		if err != nil && !errors.Is(err, index.ErrInvalidQuery) {
			return nil, false, 0, 0, err
		}
		for _, m := range more {
			if m.Kind == index.SuggestPerson && strings.HasPrefix(m.Text, prefix) && !seen[m.Text] {
				seen[m.Text] = true
				list = append(list, nameCount{Name: m.Text, Count: m.Count})
			}
		}
	}
	slices.SortStableFunc(list, func(a, b nameCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
	})
	return list, truncated, page, size, nil
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
