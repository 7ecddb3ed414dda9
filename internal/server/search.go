package server

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"govarchive/index"
)

// facetNames are the facets every search answer carries, empty or not.
var facetNames = []string{index.FacetDepartment, index.FacetPerson, index.FacetYear, index.FacetKind, index.FacetIssuer}

func (s *Server) handleSearch(c echo.Context) error {
	p, err := s.parseSearch(c)
	if err != nil {
		return err
	}
	switch p.Format {
	case "atom":
		return s.feed(c, p)
	case "csv", "jsonl":
		return s.export(c, p)
	}
	res, err := s.ix.Search(c.Request().Context(), p.Query)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, searchResponse{Result: normaliseResult(res), Page: p.Page, Size: p.Size})
}

// searchResponse is the result with the page it holds, as the other lists
// report theirs (a capped size shows as capped).
type searchResponse struct {
	*index.Result
	Page int `json:"page"`
	Size int `json:"size"`
}

// normaliseResult gives clients arrays, never nulls.
func normaliseResult(res *index.Result) *index.Result {
	if res.Hits == nil {
		res.Hits = []index.Hit{}
	}
	if res.Facets == nil {
		res.Facets = map[string][]index.Facet{}
	}
	for _, f := range facetNames {
		if res.Facets[f] == nil {
			res.Facets[f] = []index.Facet{}
		}
	}
	for i := range res.Hits {
		if res.Hits[i].Snippets == nil {
			res.Hits[i].Snippets = []string{}
		}
	}
	return res
}

func isExport(c echo.Context) bool {
	f := c.QueryParam("format")
	return c.Path() == "/api/search" && (f == "csv" || f == "jsonl")
}

// exportRow is the metadata of one document in an export.
type exportRow struct {
	ID        string  `json:"id"`
	Source    string  `json:"source"`
	Kind      string  `json:"kind"`
	Title     string  `json:"title"`
	Issuer    string  `json:"issuer,omitempty"`
	DocNumber string  `json:"doc_number,omitempty"`
	Date      string  `json:"date,omitempty"`
	Meeting   string  `json:"meeting,omitempty"`
	Session   int     `json:"session,omitempty"`
	Score     float64 `json:"score"`
}

var exportHeader = []string{"id", "source", "kind", "title", "issuer", "doc_number", "date", "meeting", "session", "score"}

func rowOf(h index.Hit) exportRow {
	r := exportRow{ID: h.ID, Source: h.Source, Kind: h.Kind, Title: h.Title, Issuer: h.Issuer,
		DocNumber: h.DocNumber, Date: h.Date, Score: h.Score}
	if h.Meeting != nil {
		r.Meeting, r.Session = h.Meeting.Name, h.Meeting.Session
	}
	return r
}

// errExportCap stops an export at Limits.MaxExportRows.
var errExportCap = errors.New("export row limit reached")

// export streams the metadata of every match, newest first, walking the
// index with Each so memory stays flat and there is no result window. It
// stops when the client goes away or at the configured row cap.
func (s *Server) export(c echo.Context, p searchParams) error {
	ctx := c.Request().Context()
	q := p.Query
	q.NoFacets, q.Page, q.Size = true, 1, 1

	// Count (and validate) before committing the response, so an invalid
	// query still gets a proper 400.
	res, err := s.ix.Search(ctx, q)
	if err != nil {
		return err
	}
	w := c.Response()
	switch p.Format {
	case "csv":
		w.Header().Set(echo.HeaderContentType, "text/csv; charset=utf-8")
		w.Header().Set(echo.HeaderContentDisposition, `attachment; filename="govarchive-search.csv"`)
	default:
		w.Header().Set(echo.HeaderContentType, "application/x-ndjson; charset=utf-8")
		w.Header().Set(echo.HeaderContentDisposition, `attachment; filename="govarchive-search.jsonl"`)
	}
	w.Header().Set("X-Total-Count", strconv.FormatUint(res.Total, 10))
	w.WriteHeader(http.StatusOK)

	// An export of a large archive streams for longer than the server's
	// write timeout: it may, as long as the client keeps reading.
	out := SlidingWriter(w, StreamWindow)
	cw := csv.NewWriter(out)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	if p.Format == "csv" {
		// A byte-order mark tells Excel the file is UTF-8; without it,
		// Excel on a Chinese Windows reads it as GBK and garbles every title.
		if _, err := io.WriteString(out, "\ufeff"); err != nil {
			return err
		}
		if err := cw.Write(exportHeader); err != nil {
			return err
		}
	}
	written := 0
	flush := func() error {
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
		w.Flush()
		return nil
	}
	err = s.ix.Each(ctx, q, func(h index.Hit) error {
		if written >= s.lim.MaxExportRows {
			return errExportCap
		}
		r := rowOf(h)
		var err error
		if p.Format == "csv" {
			err = cw.Write([]string{r.ID, r.Source, r.Kind, r.Title, r.Issuer, r.DocNumber, r.Date,
				r.Meeting, strconv.Itoa(r.Session), strconv.FormatFloat(r.Score, 'f', 4, 64)})
		} else {
			err = enc.Encode(r)
		}
		if err != nil {
			return err
		}
		if written++; written%500 == 0 {
			return flush()
		}
		return nil
	})
	if errors.Is(err, errExportCap) {
		s.log.Warn("export stopped at the row limit", "request_id", requestID(c), "rows", written, "total", res.Total)
		err = nil
	}
	if err != nil {
		// The status is sent: the client sees a short body and the log says why.
		s.log.Warn("export interrupted", "request_id", requestID(c), "rows", written, "err", err)
		return nil
	}
	return flush()
}
