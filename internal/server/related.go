package server

import (
	"cmp"
	"context"
	"errors"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"govarchive/index"
	"govarchive/internal/document"
)

// A cited title: 《…》 without nested brackets, of a plausible length.
var citedTitleRE = regexp.MustCompile(`《([^《》\n]{2,80})》`)

// A 文号 as documents cite it: 苏府〔2020〕3号, 国办发[2018]15号.
var docNumberRE = regexp.MustCompile(`[\p{Han}]{1,10}[〔\[［(（]\d{4}[〕\]］)）]\d{1,5}号`)

// draftSuffixes are stripped so that a draft and the adopted text match.
var draftSuffixes = []string{"（草案）", "(草案)", "（送审稿）", "(送审稿)", "（征求意见稿）", "(征求意见稿)", "（修订草案）", "（试行）", "(试行)"}

func baseTitle(t string) string {
	t = strings.TrimSpace(t)
	for changed := true; changed; {
		changed = false
		for _, s := range draftSuffixes {
			if strings.HasSuffix(t, s) {
				t, changed = strings.TrimSpace(strings.TrimSuffix(t, s)), true
			}
		}
	}
	return t
}

// normNumber reduces a 文号 to comparable form: brackets unified.
func normNumber(n string) string {
	return strings.NewReplacer("[", "〔", "]", "〕", "［", "〔", "］", "〕", "(", "〔", ")", "〕", "（", "〔", "）", "〕").Replace(n)
}

// Relations between two documents.
const (
	relSameTitle   = "same_document" // both review or cite the same 《title》
	relCitesThis   = "cites_this"    // the other cites this one's title or 文号
	relCitedByThis = "cited_by_this" // this one cites the other's title or 文号
)

type relatedItem struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Kind      string   `json:"kind"`
	Date      string   `json:"date,omitempty"`
	DocNumber string   `json:"doc_number,omitempty"`
	Relations []string `json:"relations"`
	Via       []string `json:"via"` // the shared titles and 文号
}

type relatedResponse struct {
	ID    string `json:"id"`
	Total int    `json:"total"`
	Page  int    `json:"page"`
	Size  int    `json:"size"`
	// Related is a timeline: oldest first, so a regulation can be followed
	// from draft to adoption.
	Related []relatedItem `json:"related"`
}

// maxRelatedKeys bounds the searches one request makes.
const maxRelatedKeys = 16

// maxSharedTitleDocs: a title cited by more documents than this links none.
const maxSharedTitleDocs = 12

func (s *Server) handleRelated(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	page, size, err := s.pageParams(c, 50)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	doc, err := s.ix.Get(ctx, id)
	if err != nil {
		return err
	}
	items, err := s.related(ctx, doc)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, relatedResponse{ID: id, Total: len(items), Page: page, Size: size, Related: pageOf(items, page, size)})
}

// related finds documents linked to doc through cited titles and 文号. The
// index narrows the candidates; the stored text decides.
func (s *Server) related(ctx context.Context, doc *document.Document) ([]relatedItem, error) {
	var titles []string // base titles this document cites
	addTitle := func(t string) {
		if b := baseTitle(t); len([]rune(b)) >= 4 && !slices.Contains(titles, b) && len(titles) < maxRelatedKeys {
			titles = append(titles, b)
		}
	}
	for _, t := range doc.Topics {
		for _, d := range t.Documents {
			addTitle(d)
		}
	}
	for _, m := range citedTitleRE.FindAllStringSubmatch(doc.Text, -1) {
		addTitle(m[1])
	}
	var numbers []string // 文号 this document cites
	for _, n := range docNumberRE.FindAllString(doc.Text, -1) {
		n = normNumber(n)
		if n != normNumber(doc.DocNumber) && !slices.Contains(numbers, n) && len(numbers) < maxRelatedKeys {
			numbers = append(numbers, n)
		}
	}
	ownTitle := baseTitle(doc.Title)
	ownNumber := normNumber(doc.DocNumber)

	found := map[string]*relatedItem{}
	link := func(d *document.Document, rel, via string) {
		if d.ID == doc.ID {
			return
		}
		it := found[d.ID]
		if it == nil {
			it = &relatedItem{ID: d.ID, Title: d.Title, Kind: string(d.Kind), Date: d.Date, DocNumber: d.DocNumber, Relations: []string{}, Via: []string{}}
			found[d.ID] = it
		}
		if !slices.Contains(it.Relations, rel) {
			it.Relations = append(it.Relations, rel)
		}
		if !slices.Contains(it.Via, via) {
			it.Via = append(it.Via, via)
		}
	}
	search := func(text string, fn func(*document.Document)) error {
		// A quoted phrase keeps the title's punctuation from being read as
		// query syntax; a title the query parser still refuses links nothing.
		phrase := `"` + strings.ReplaceAll(text, `"`, "") + `"`
		res, err := s.ix.Search(ctx, index.Query{Text: phrase, Size: 50, NoFacets: true, IncludeDocuments: true})
		if errors.Is(err, index.ErrInvalidQuery) {
			return nil
		}
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			if h.Document != nil {
				fn(h.Document)
			}
		}
		return nil
	}
	for _, t := range titles {
		var same []*document.Document
		err := search(t, func(d *document.Document) {
			switch {
			case baseTitle(d.Title) == t:
				link(d, relCitedByThis, "《"+t+"》")
			case strings.Contains(d.Text, t):
				same = append(same, d)
			}
		})
		if err != nil {
			return nil, err
		}
		// A title that many documents cite (the constitution, 政府工作报告)
		// is a common reference, not the thread of one regulation.
		if len(same) <= maxSharedTitleDocs {
			for _, d := range same {
				link(d, relSameTitle, "《"+t+"》")
			}
		}
	}
	for _, n := range numbers {
		err := search(n, func(d *document.Document) {
			if normNumber(d.DocNumber) == n || strings.HasSuffix(n, normNumber(d.DocNumber)) && d.DocPrefix != "" && strings.HasPrefix(n, d.DocPrefix) {
				link(d, relCitedByThis, n)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	// Documents that cite this one, by title or by 文号.
	if ownTitle != "" && doc.Kind == document.KindOfficial && len([]rune(ownTitle)) >= 6 {
		err := search(ownTitle, func(d *document.Document) {
			if strings.Contains(d.Text, "《"+ownTitle) {
				link(d, relCitesThis, "《"+ownTitle+"》")
			}
		})
		if err != nil {
			return nil, err
		}
	}
	if ownNumber != "" && doc.DocPrefix != "" {
		full := ownNumber
		if !strings.HasPrefix(full, doc.DocPrefix) {
			full = doc.DocPrefix + full
		}
		err := search(full, func(d *document.Document) {
			for _, n := range docNumberRE.FindAllString(d.Text, -1) {
				if normNumber(n) == full {
					link(d, relCitesThis, full)
					return
				}
			}
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]relatedItem, 0, len(found))
	for _, it := range found {
		out = append(out, *it)
	}
	slices.SortFunc(out, func(a, b relatedItem) int { return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.ID, b.ID)) })
	return out, nil
}
