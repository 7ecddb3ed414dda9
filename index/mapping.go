package index

import (
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/mapping"

	"govarchive/internal/clean"
	"govarchive/internal/document"
)

// Field names in the bleve documents.
const (
	fTitle       = "title"
	fBody        = "body"
	fTopicTitle  = "topic_title"
	fDepartment  = "department"     // canonical, for facets
	fDeptAny     = "department_any" // written + canonical forms, for filters
	fPerson      = "person"
	fKind        = "kind"
	fIssuer      = "issuer"
	fYear        = "year"
	fDocNumber   = "doc_number"
	fSourcePath  = "source_path"
	fDate        = "date"
	fDateKey     = "date_key"    // YYYY-MM-DD as one term: the date sort's doc value
	fTitleKey    = "title_key"   // whole title as one term, for suggestions
	fDocJSON     = "doc_json"    // the whole Document, stored only, in indexes before gse-3
	fText        = "text"        // the Document's Text as put, stored only
	fTopicSpans  = "topic_spans" // where each topic's text is in Text (store.go), stored only
	fSourceStore = "source_path_stored"
	fSimplified  = "simplified"  // indexed text that differs from the document's, and its chrome, stored only
	fDocBrief    = "doc_brief"   // the Document without its full texts, stored only
	fTopicCount  = "topic_count" // number of topics, a keyword for TopicCount's facet
)

// buildMapping returns the index mapping. textAnalyzer/queryAnalyzerName
// are the gse pair, or bleve's cjk analyzer for the baseline.
func buildMapping(baseline bool) (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	im.ScoringModel = "bm25"
	text := indexAnalyzer
	if baseline {
		text = cjk.AnalyzerName
	} else {
		if err := im.AddCustomTokenizer(indexTokenizer, map[string]interface{}{"type": tokenizerType, "mode": modeIndex}); err != nil {
			return nil, err
		}
		if err := im.AddCustomTokenizer(queryTokenizer, map[string]interface{}{"type": tokenizerType, "mode": modeQuery}); err != nil {
			return nil, err
		}
		// cjk_width folds full-width Latin and digits (ＡＢＣ１２ → abc12) as
		// a token filter, so offsets keep pointing into the stored text.
		filters := []interface{}{cjk.WidthName, lowercase.Name}
		for name, tok := range map[string]string{indexAnalyzer: indexTokenizer, queryAnalyzer: queryTokenizer} {
			if err := im.AddCustomAnalyzer(name, map[string]interface{}{
				"type": custom.Name, "tokenizer": tok, "token_filters": filters,
			}); err != nil {
				return nil, err
			}
		}
	}

	textField := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = text
		f.Store = false // snippets are cut from the stored document
		f.IncludeTermVectors = true
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	kw := func(docValues bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = docValues
		return f
	}
	stored := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = keyword.Name
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	date := bleve.NewDateTimeFieldMapping()
	date.Store = false
	date.IncludeInAll = false
	// Sorts read fDateKey: one short term per document, where a date's
	// doc values are 16 prefix-coded terms (a date-sorted browse of every
	// document spent 40 % of its time visiting them).
	date.DocValues = false

	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fTitle, textField())
	dm.AddFieldMappingsAt(fBody, textField())
	dm.AddFieldMappingsAt(fTopicTitle, textField())
	dm.AddFieldMappingsAt(fDepartment, kw(true))
	dm.AddFieldMappingsAt(fDeptAny, kw(false))
	dm.AddFieldMappingsAt(fPerson, kw(true))
	dm.AddFieldMappingsAt(fKind, kw(true))
	dm.AddFieldMappingsAt(fIssuer, kw(true))
	dm.AddFieldMappingsAt(fYear, kw(true))
	dm.AddFieldMappingsAt(fDocNumber, kw(false))
	dm.AddFieldMappingsAt(fSourcePath, kw(false))
	dm.AddFieldMappingsAt(fTitleKey, kw(false))
	dm.AddFieldMappingsAt(fDate, date)
	dm.AddFieldMappingsAt(fDateKey, kw(true))
	dm.AddFieldMappingsAt(fText, stored())
	dm.AddFieldMappingsAt(fTopicSpans, stored())
	dm.AddFieldMappingsAt(fSourceStore, stored())
	dm.AddFieldMappingsAt(fSimplified, stored())
	dm.AddFieldMappingsAt(fDocBrief, stored())
	dm.AddFieldMappingsAt(fTopicCount, kw(true))
	im.DefaultMapping = dm
	im.DefaultAnalyzer = keyword.Name
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	return im, nil
}

// indexed is the text of a document as the index sees it (simplified
// script). Snippets are cut from the same strings, so offsets from the index
// always match. Where simplification changed a string, the index stores the
// result (fSimplified): converting again at query time would cost ~4 ms per
// 10 KB hit. Chrome is where Body holds page chrome (clean.Chrome), as
// start/end byte pairs: the body field analyses Body with it blanked, and
// snippets are cut from the same, while the stored Text stays as put (its
// ID is its content's hash). An index built before gse-7 stores no chrome.
type indexed struct {
	Title       string   `json:"title,omitempty"`
	Body        string   `json:"body,omitempty"`
	TopicTitles []string `json:"topic_titles,omitempty"`
	Chrome      []int    `json:"chrome,omitempty"`
}

func (ix *Index) indexedText(d *document.Document) indexed {
	s := ix.simplify
	out := indexed{Title: s(d.Title), Body: s(d.Text)}
	for _, t := range d.Topics {
		out.TopicTitles = append(out.TopicTitles, s(t.Title))
	}
	for _, sp := range clean.Chrome(out.Body) {
		out.Chrome = append(out.Chrome, sp.Start, sp.End)
	}
	return out
}

// blank returns text (Body, or the displayed body, which has Body's byte
// layout) with the chrome blanked.
func (t indexed) blank(text string) string {
	if len(t.Chrome) < 2 {
		return text
	}
	spans := make([]clean.Span, 0, len(t.Chrome)/2)
	for i := 0; i+1 < len(t.Chrome); i += 2 {
		spans = append(spans, clean.Span{Start: t.Chrome[i], End: t.Chrome[i+1]})
	}
	return clean.Blank(text, spans)
}

// changes keeps only what simplification changed, and the chrome; nil
// when there is neither.
func (t indexed) changes(d *document.Document) []byte {
	var c indexed
	changed := false
	if t.Title != d.Title {
		c.Title, changed = t.Title, true
	}
	if t.Body != d.Text {
		c.Body, changed = t.Body, true
	}
	for i, tp := range d.Topics {
		if t.TopicTitles[i] != tp.Title {
			c.TopicTitles, changed = t.TopicTitles, true
			break
		}
	}
	if len(t.Chrome) > 0 {
		c.Chrome, changed = t.Chrome, true
	}
	if !changed {
		return nil
	}
	js, _ := json.Marshal(c) // strings only: cannot fail
	return js
}

// storedText rebuilds indexed from a hit's document and stored changes.
func storedText(d *document.Document, changes string) indexed {
	out := indexed{Title: d.Title, Body: d.Text}
	for _, t := range d.Topics {
		out.TopicTitles = append(out.TopicTitles, t.Title)
	}
	if changes == "" {
		return out
	}
	var c indexed
	if json.Unmarshal([]byte(changes), &c) != nil {
		return out
	}
	if c.Title != "" {
		out.Title = c.Title
	}
	if c.Body != "" {
		out.Body = c.Body
	}
	if len(c.TopicTitles) == len(out.TopicTitles) {
		out.TopicTitles = c.TopicTitles
	}
	out.Chrome = c.Chrome
	return out
}

// titleWithIssuer is the title as indexed: with the issuer the hits show
// when the title does not name it, so that a government and a meeting typed
// as one (浙江省政府常务会议) find the report titled 省政府召开第28次常务会议.
func titleWithIssuer(title, issuer string) string {
	if issuer == "" || strings.Contains(title, issuer) {
		return title
	}
	return title + "\n" + issuer
}

// storedBleveDoc is the value handed to bleve for one document: its
// indexed fields (bleveDoc) and its stored form (store.go).
func (ix *Index) storedBleveDoc(d *document.Document) (map[string]interface{}, error) {
	t := ix.indexedText(d)
	st, err := encodeStored(d, t.Body)
	if err != nil {
		return nil, err
	}
	m := ix.indexedFields(d, t)
	m[fDocBrief] = string(st.brief)
	m[fText] = d.Text
	if st.spans != nil {
		m[fTopicSpans] = string(st.spans)
	}
	return m, nil
}

// bleveDoc is the indexed fields of a document.
func (ix *Index) bleveDoc(d *document.Document) map[string]interface{} {
	return ix.indexedFields(d, ix.indexedText(d))
}

func (ix *Index) indexedFields(d *document.Document, t indexed) map[string]interface{} {
	m := map[string]interface{}{
		fTitle:       titleWithIssuer(t.Title, ix.simplify(d.Issuer)),
		fBody:        t.blank(t.Body),
		fKind:        string(d.Kind),
		fSourcePath:  d.SourcePath,
		fSourceStore: d.SourcePath,
	}
	if len(t.TopicTitles) > 0 {
		m[fTopicTitle] = t.TopicTitles
	}
	if d.Title != "" {
		m[fTitleKey] = t.Title
	}
	if len(d.Topics) > 0 {
		m[fTopicCount] = strconv.Itoa(len(d.Topics))
	}
	if ch := t.changes(d); ch != nil {
		m[fSimplified] = string(ch)
	}
	if d.Issuer != "" {
		m[fIssuer] = d.Issuer
	}
	// An undated notice numbered 肇府办〔2008〕62号 was issued in 2008: its
	// 文号's year files it when no date is known.
	if y := cmp.Or(d.Year(), d.DocYear); y > 0 {
		m[fYear] = strconv.Itoa(y)
	}
	if dt, ok := parseISODate(d.Date); ok {
		m[fDate] = dt
		m[fDateKey] = dt.Format(time.DateOnly)
	}
	if canon := d.CanonicalDepartments(); len(canon) > 0 {
		m[fDepartment] = canon
	}
	if forms := ix.departmentForms(d); len(forms) > 0 {
		m[fDeptAny] = forms
	}
	if people := personNames(d); len(people) > 0 {
		m[fPerson] = people
	}
	if nums := docNumberKeys(d); len(nums) > 0 {
		m[fDocNumber] = nums
	}
	return m
}

// departmentForms lists every surface form of the document's departments:
// as written, canonical, simplified and every alias the department table
// knows, so a filter by any of them selects the document.
func (ix *Index) departmentForms(d *document.Document) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	// A name written bare that the document's context read as another unit
	// (发展改革委 in a State Council 通知 is 国家发展和改革委员会) has only
	// the forms of that unit: its own would be every city's and county's
	// (市发展改革委), which a filter or search by a city's unit would find.
	misread := map[string]bool{}
	for _, r := range d.DepartmentRefs {
		if r.Canonical != "" && r.Name != r.Canonical && !ix.sameUnit(r.Name, r.Canonical) {
			misread[r.Name] = true
		}
	}
	var names []string
	for _, n := range d.Departments {
		if !misread[n] {
			names = append(names, n)
		}
	}
	for _, r := range d.DepartmentRefs {
		if !misread[r.Name] {
			names = append(names, r.Name)
		}
		names = append(names, r.Canonical)
	}
	names = append(names, d.CanonicalDepartments()...)
	for _, n := range names {
		add(n)
		add(ix.simplify(n))
		if ix.opts.Departments != nil && n != "" {
			for _, f := range ix.opts.Departments.Forms(n) {
				add(f)
			}
		}
	}
	return out
}

// sameUnit reports whether a department as written and its canonical name
// share a form (市卫健委 and 苏州市卫生健康委员会 share 卫健委), that is
// whether the name alone already reads as the unit it resolved to. Without
// a department table every name is its own unit.
func (ix *Index) sameUnit(written, canonical string) bool {
	if ix.opts.Departments == nil {
		return true
	}
	cf := ix.opts.Departments.Forms(canonical)
	if len(cf) == 0 {
		return true
	}
	wf := ix.opts.Departments.Forms(written)
	if len(wf) == 0 {
		return true
	}
	for _, f := range wf {
		if slices.Contains(cf, f) || slices.Contains(cf, ix.simplify(f)) {
			return true
		}
	}
	return false
}

// personNames collects every person the document names, in any role.
func personNames(d *document.Document) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, p := range d.People {
		add(p)
	}
	if d.Meeting != nil && d.Meeting.Chair != nil {
		add(d.Meeting.Chair.Name)
	}
	for _, a := range d.Attendees {
		add(a.Name)
	}
	for _, p := range d.Observers {
		add(p.Name)
	}
	for _, p := range d.Members {
		add(p.Name)
	}
	add(d.Recorder)
	return out
}

// parseISODate reads the leading YYYY-MM-DD of an ISO 8601 date. Dates are
// stored as UTC midnight so that range filters compare calendar dates.
func parseISODate(s string) (time.Time, bool) {
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}
