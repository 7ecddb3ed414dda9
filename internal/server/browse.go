package server

import (
	"cmp"
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"govarchive/index"
)

// allFacetValues is the facet size of the menus that list a few values
// (years, kinds), which never approach it.
const allFacetValues = 1000

// scanPage is how many stored documents one index call returns when a
// browse page aggregates over the matches of a text query (the index's
// maximum page size).
const scanPage = 100

// errScanFull stops a scan at Limits.MaxScanDocs.
var errScanFull = errors.New("scan limit reached")

// scan calls fn for every hit of q (with its stored document), newest
// first, up to MaxScanDocs documents. It returns the number of documents
// seen and whether the scan stopped early. Without query text it walks the
// index with Each (no snippets, no result window); with text it pages
// through Search, whose hits say which topics matched.
func (s *Server) scan(ctx context.Context, q index.Query, fn func(index.Hit)) (total uint64, truncated bool, err error) {
	q.IncludeDocuments = true
	q.Brief = true // structure only: browse pages never show full texts
	q.NoFacets = true
	seen := 0
	if q.Text == "" {
		err := s.ix.Each(ctx, q, func(h index.Hit) error {
			if seen >= s.lim.MaxScanDocs {
				return errScanFull
			}
			seen++
			if h.Document != nil {
				fn(h)
			}
			return nil
		})
		if errors.Is(err, errScanFull) {
			return uint64(seen), true, nil
		}
		return uint64(seen), false, err
	}
	q.Size = scanPage
	if q.Sort == "" {
		q.Sort = index.SortDateDesc
	}
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

// facetList lists every value of a facet over the whole archive with its
// document count, most frequent first, filtered by ?prefix= (departments
// also match inside the name, since canonical names start with the place:
// 苏州市应急管理局). The complete list comes from the index's term
// dictionary and is kept for paging like the other aggregations.
func (s *Server) facetList(c echo.Context, facet string) (list []nameCount, page, size int, err error) {
	prefix, err := s.textParam(c, "prefix")
	if err != nil {
		return nil, 0, 0, err
	}
	page, size, err = s.pageParams(c, 50)
	if err != nil {
		return nil, 0, 0, err
	}
	all, err := cached(s, "values\x00"+facet, func() ([]nameCount, error) {
		values, err := s.ix.Values(c.Request().Context(), facet)
		if err != nil {
			return nil, err
		}
		out := make([]nameCount, 0, len(values))
		for _, f := range values {
			out = append(out, nameCount{Name: f.Value, Count: f.Count})
		}
		slices.SortStableFunc(out, func(a, b nameCount) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
		})
		return out, nil
	})
	if err != nil {
		return nil, 0, 0, err
	}
	if prefix == "" {
		return all, page, size, nil
	}
	list = []nameCount{}
	for _, f := range all {
		if strings.HasPrefix(f.Name, prefix) || facet == index.FacetDepartment && strings.Contains(f.Name, prefix) {
			list = append(list, f)
		}
	}
	return list, page, size, nil
}

// simplified writes v in simplified script as the index does (謝義維 →
// 谢义维), where the index can; the parser writes names of people and units
// so.
func (s *Server) simplified(v string) string {
	if sp, ok := s.ix.(interface{ Simplify(string) string }); ok {
		return sp.Simplify(v)
	}
	return v
}

// nameParam validates a person or department name in the path.
func (s *Server) nameParam(c echo.Context) (string, error) {
	// echo routes on the raw path when the request's escaping is not Go's
	// canonical one (lower-case hex, some clients' raw UTF-8), and then
	// hands the parameter over still escaped.
	raw, err := url.PathUnescape(c.Param("name"))
	if err != nil {
		return "", badParam("name", "is not a valid path segment")
	}
	v := strings.TrimSpace(raw)
	if v == "" {
		return "", badParam("name", "is required")
	}
	if !utf8.ValidString(v) {
		return "", badParam("name", "is not valid UTF-8")
	}
	if len([]rune(v)) > 64 || strings.ContainsFunc(v, func(r rune) bool { return r < 0x20 }) {
		return "", badParam("name", "is not a name")
	}
	return v, nil
}

// seenAt is a fact about an entity with the dates of the documents that say it.
type seenAt struct {
	Name string `json:"name"`
	// Unit is the department a name written without its place (区住建局)
	// stands for in the documents that say it, where it is known.
	Unit  string   `json:"unit,omitempty"`
	First string   `json:"first,omitempty"`
	Last  string   `json:"last,omitempty"`
	Dates []string `json:"dates"`
}

// dated collects facts with their dates, each fact once: a department by
// its name and the unit it stands for (区住建局 of two districts are two).
type dated struct {
	order []string
	dates map[string][]string
	names map[string]string // key → the name as first written
	units map[string]string // key → unit
}

func (d *dated) add(name, date string) { d.addUnit(name, "", date) }

func (d *dated) addUnit(name, unit, date string) {
	if name == "" {
		return
	}
	if d.dates == nil {
		d.dates, d.names, d.units = map[string][]string{}, map[string]string{}, map[string]string{}
	}
	key := name + "\x00" + unit
	if _, ok := d.dates[key]; !ok {
		d.order = append(d.order, key)
		d.dates[key] = []string{}
		d.names[key], d.units[key] = name, unit
	}
	if date != "" && !slices.Contains(d.dates[key], date) {
		d.dates[key] = append(d.dates[key], date)
	}
}

func (d *dated) list() []seenAt {
	out := []seenAt{}
	for _, k := range d.order {
		ds := d.dates[k]
		slices.Sort(ds)
		s := seenAt{Name: d.names[k], Unit: d.units[k], Dates: ds}
		if len(ds) > 0 {
			s.First, s.Last = ds[0], ds[len(ds)-1]
		}
		out = append(out, s)
	}
	return out
}
