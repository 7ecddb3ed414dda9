package server

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"govarchive/index"
	"govarchive/internal/document"
)

// searchParams are the query parameters of /api/search, validated.
type searchParams struct {
	index.Query
	Format string // "", "csv", "jsonl", "atom"
}

const dateLayout = "2006-01-02"

// maxFacetSize bounds facet_size: a facet's values are shown, not exported.
const maxFacetSize = 500

// parseSearch validates the parameters of a search; every error names the
// parameter at fault.
func (s *Server) parseSearch(c echo.Context) (searchParams, error) {
	var p searchParams
	var err error
	if p.Text, err = s.textParam(c, "q"); err != nil {
		return p, err
	}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"department", &p.Department}, {"person", &p.Person}, {"issuer", &p.Issuer}} {
		if *f.dst, err = s.textParam(c, f.name); err != nil {
			return p, err
		}
	}
	if p.Kind, err = kindParam(c); err != nil {
		return p, err
	}
	if p.Year, p.Undated, err = yearParam(c); err != nil {
		return p, err
	}
	if p.From, err = dateParam(c, "from"); err != nil {
		return p, err
	}
	if p.To, err = dateParam(c, "to"); err != nil {
		return p, err
	}
	if !p.From.IsZero() && !p.To.IsZero() && p.To.Before(p.From) {
		return p, badParam("to", "is before from")
	}
	switch v := sortAlias(c.QueryParam("sort")); v {
	case "":
	case index.SortRelevance, index.SortDateDesc, index.SortDateAsc:
		p.Sort = v
	default:
		return p, badParam("sort", "must be relevance, date_desc or date_asc")
	}
	if p.Page, p.Size, err = s.pageParams(c, 20); err != nil {
		return p, err
	}
	// One facet's longer list ("更多"): facet=issuer&facet_size=200.
	if v := c.QueryParam("facet"); v != "" {
		for _, f := range strings.Split(v, ",") {
			if !slices.Contains(facetNames, f) {
				return p, badParam("facet", "must be among "+strings.Join(facetNames, ", "))
			}
			p.Facets = append(p.Facets, f)
		}
	}
	if v := c.QueryParam("facet_size"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxFacetSize {
			return p, badParam("facet_size", fmt.Sprintf("must be a whole number from 1 to %d", maxFacetSize))
		}
		p.FacetSize = n
	}
	switch v := c.QueryParam("format"); v {
	case "", "json":
	case "csv", "jsonl", "atom":
		p.Format = v
	default:
		return p, badParam("format", "must be json, csv, jsonl or atom")
	}
	return p, nil
}

// textParam returns a trimmed free-text parameter, bounded in length.
func (s *Server) textParam(c echo.Context, name string) (string, error) {
	v := strings.TrimSpace(c.QueryParam(name))
	if !utf8.ValidString(v) {
		return "", badParam(name, "is not valid UTF-8")
	}
	if n := utf8.RuneCountInString(v); n > s.lim.MaxQueryRunes {
		return "", badParam(name, fmt.Sprintf("is too long (%d characters, at most %d)", n, s.lim.MaxQueryRunes))
	}
	if strings.ContainsFunc(v, func(r rune) bool { return r < 0x20 }) {
		return "", badParam(name, "contains control characters")
	}
	return v, nil
}

// kindNames are the kinds as readers call them.
var kindNames = map[string]document.Kind{
	"纪要": document.KindMinutes, "会议纪要": document.KindMinutes,
	"新闻": document.KindNews, "新闻报道": document.KindNews, "报道": document.KindNews,
	"公文": document.KindOfficial, "文件": document.KindOfficial,
	"其他": document.KindOther,
}

func kindParam(c echo.Context) (string, error) {
	v := strings.ToLower(strings.TrimSpace(c.QueryParam("kind")))
	if k, ok := kindNames[v]; ok {
		v = string(k)
	}
	if v == "" || slices.Contains(document.Kinds, document.Kind(v)) {
		return v, nil
	}
	names := make([]string, len(document.Kinds))
	for i, k := range document.Kinds {
		names[i] = string(k)
	}
	return "", badParam("kind", "must be one of "+strings.Join(names, ", "))
}

// yearParam reads year: a year such as 2020, or "none" for the documents
// no year files (no date, no 文号 year), which year menus leave out.
func yearParam(c echo.Context) (year int, undated bool, err error) {
	v := strings.TrimSuffix(strings.TrimSpace(c.QueryParam("year")), "年") // 2020年 as typed
	switch v {
	case "":
		return 0, false, nil
	case "none":
		return 0, true, nil
	}
	y, err := strconv.Atoi(v)
	if err != nil || y < 1900 || y > 2200 {
		return 0, false, badParam("year", "must be a year such as 2020, or none")
	}
	return y, false, nil
}

// partialDateRe is a date as typed: 2023, 2023-03, 2023-3-8, 2023/03/08,
// 2023.3.8.
var partialDateRe = regexp.MustCompile(`^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$`)

// dateParam reads from or to: a day, or a month or year, which from opens
// with its first day and to closes with its last (from=2023&to=2023-06 is
// the first half of 2023).
func dateParam(c echo.Context, name string) (time.Time, error) {
	v := strings.TrimSpace(c.QueryParam(name))
	if v == "" {
		return time.Time{}, nil
	}
	bad := badParam(name, "must be a date YYYY-MM-DD (or a month YYYY-MM, a year YYYY)")
	m := partialDateRe.FindStringSubmatch(v)
	if m == nil {
		return time.Time{}, bad
	}
	y, _ := strconv.Atoi(m[1])
	mo, d := 1, 1
	if m[2] != "" {
		mo, _ = strconv.Atoi(m[2])
	}
	if m[3] != "" {
		d, _ = strconv.Atoi(m[3])
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if mo < 1 || mo > 12 || d < 1 || t.Day() != d {
		return time.Time{}, bad
	}
	if name == "to" {
		switch {
		case m[2] == "":
			t = t.AddDate(1, 0, -1)
		case m[3] == "":
			t = t.AddDate(0, 1, -1)
		}
	}
	return t, nil
}

// pageParams reads page (1-based) and size; size is capped to the limit and
// pages deeper than MaxResultDepth are refused, since bleve pays for every
// hit before the page.
func (s *Server) pageParams(c echo.Context, defSize int) (page, size int, err error) {
	page, size = 1, defSize
	if v := c.QueryParam("page"); v != "" {
		page, err = strconv.Atoi(v)
		if errors.Is(err, strconv.ErrRange) && !strings.HasPrefix(v, "-") {
			page = math.MaxInt // a number too large to read is too deep
		} else if err != nil || page < 1 {
			return 0, 0, badParam("page", "must be a whole number ≥ 1")
		}
	}
	if v := c.QueryParam("size"); v != "" {
		size, err = strconv.Atoi(v)
		if err != nil || size < 1 {
			return 0, 0, badParam("size", "must be a whole number ≥ 1")
		}
	}
	size = min(size, s.lim.MaxPageSize)
	if page > s.lim.MaxResultDepth/size {
		return 0, 0, badParam("page", fmt.Sprintf("is too deep (at most %d results can be paged through)", s.lim.MaxResultDepth))
	}
	return page, size, nil
}

// sortAlias reads the sort orders as people write them in a URL: sort=date
// (newest first, as a date-sorted list is read), date-asc, DATE_DESC.
func sortAlias(v string) string {
	v = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(v)), "-", "_")
	if v == "date" {
		return index.SortDateDesc
	}
	return v
}
