package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"govarchive/internal/document"
)

const (
	defaultSize      = 20
	maxSize          = 100
	defaultFacetSize = 10
	maxFacetSize     = 1000
)

var facetFields = []string{FacetDepartment, FacetPerson, FacetYear, FacetKind, FacetIssuer}

// countText counts the documents holding all of the query's words, with no
// filter.
func (ix *Index) countText(ctx context.Context, p *parsed) (uint64, error) {
	tq, err := ix.buildText(p, allWords, false)
	if err != nil {
		return 0, err
	}
	res, err := ix.bi.SearchInContext(ctx, bleve.NewSearchRequestOptions(tq, 0, 0, false))
	if err != nil {
		return 0, fmt.Errorf("index: count: %w", err)
	}
	return res.Total, nil
}

// fallback is what a query whose words no document holds together does:
// retry with fewer, down to any of them (between query words and between
// the words of one query word, 苏州营商 → 苏州 | 营商), by calling run with
// each step until one finds documents. Under filters, words the archive
// holds together are not relaxed: the answer is that the filters leave none
// of their documents (安全生产 in 2022's minutes), not the documents that hold
// one of the words; unfiltered counts them, so the caller can offer to drop
// the filters. Search and Each share it, so an export holds what the search
// showed.
func (ix *Index) fallback(ctx context.Context, q Query, p *parsed, filtered bool, run func(relax) (uint64, error)) (unfiltered uint64, relaxed bool, err error) {
	if p.strict || q.NoFallback || !p.hasWords() {
		return 0, false, nil
	}
	if filtered {
		if unfiltered, err = ix.countText(ctx, p); err != nil || unfiltered > 0 {
			return unfiltered, false, err
		}
	}
	for _, r := range relaxSteps {
		n, err := run(r)
		if err != nil {
			return 0, false, err
		}
		if n > 0 {
			break
		}
	}
	return 0, true, nil
}

// Search runs a query. Errors wrapping ErrInvalidQuery are the caller's fault.
func (ix *Index) Search(ctx context.Context, q Query) (*Result, error) {
	start := time.Now()
	if err := validate(&q); err != nil {
		return nil, err
	}
	p, err := parseQuery(q.Text)
	if err != nil {
		return nil, err
	}
	filters, err := ix.filters(q)
	if err != nil {
		return nil, err
	}
	sortBy := q.Sort
	if sortBy == "" {
		sortBy = SortRelevance
		if len(p.groups) == 0 {
			sortBy = SortDateDesc
		}
	}

	// Browse pages without query text need structure only: no snippets,
	// no full texts.
	brief := q.Brief && q.IncludeDocuments && !p.hasText()
	// Facets are reused until the next write (facetCache).
	facetSize := cmp.Or(q.FacetSize, defaultFacetSize)
	var cachedFacets map[string][]Facet
	var cacheGen uint64
	var cacheKey string
	if !q.NoFacets {
		cacheKey = facetKey(q, facetSize)
		if cachedFacets, cacheGen = ix.facets.get(cacheKey); cachedFacets != nil {
			q.NoFacets = true
		}
	}
	// Matching text reads where each word occurs in every match when asked
	// to; only the hits shown need it (their snippets), so a query with
	// text is run twice: once to rank and count every match, once for the
	// locations and stored fields of the page's hits. The ranking pass
	// counts the facets from the facet columns as well (facetcols.go).
	locate := p.hasText() && !brief
	var wantFacets []string
	if !q.NoFacets {
		for _, f := range facetFields {
			if q.Facets == nil || slices.Contains(q.Facets, f) {
				wantFacets = append(wantFacets, f)
			}
		}
	}
	var tallied func() *tally // the facets counted while ranking, if any
	var top query.Query
	run := func(r relax) (*bleve.SearchResult, error) {
		tq, err := ix.buildText(p, r, sortBy == SortRelevance)
		if err != nil {
			return nil, err
		}
		top = tq
		if len(filters) > 0 {
			top = bleve.NewConjunctionQuery(append([]query.Query{tq}, filters...)...)
		}
		req := bleve.NewSearchRequestOptions(top, q.Size, (q.Page-1)*q.Size, false)
		switch {
		case brief:
			req.Fields = ix.briefFields
		case !locate:
			req.Fields = fullFields
		}
		req.SortByCustom(ix.sortOrder(sortBy))
		if sortBy != SortRelevance {
			// Scores would only break ties of dates; without them bleve
			// skips term frequencies and intersects filters as bitmaps
			// (a date-sorted deep page: 65 -> 21 ms at 20,000 documents).
			req.Score = "none"
		}
		if ix.cols == nil {
			for _, f := range wantFacets {
				req.AddFacet(f, bleve.NewFacetRequest(f, facetSize))
			}
		}
		// With facet columns the ranking pass counts the facets too.
		sctx := ctx
		if ix.cols != nil && len(wantFacets) > 0 {
			sctx, tallied = ix.cols.ranked(ctx, wantFacets)
		}
		res, err := ix.bi.SearchInContext(sctx, req)
		if err == nil && locate {
			err = ix.locateHits(ctx, tq, res, sortBy != SortRelevance)
		}
		if err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return nil, fmt.Errorf("index: search: %w", ctxErr)
			}
			return nil, fmt.Errorf("index: search: %w", err)
		}
		return res, nil
	}

	res, err := run(allWords)
	if err != nil {
		return nil, err
	}
	out := &Result{Ignored: p.ignored}
	if len(p.groups) > 1 {
		out.Operator = "and"
	}
	if res.Total == 0 {
		relaxed := false
		out.Unfiltered, relaxed, err = ix.fallback(ctx, q, p, len(filters) > 0, func(r relax) (uint64, error) {
			if res, err = run(r); err != nil {
				return 0, err
			}
			return res.Total, nil
		})
		if err != nil {
			return nil, err
		}
		if relaxed {
			out.Operator = "or"
		}
	}
	out.Total = res.Total
	if out.Total == 0 && out.Unfiltered == 0 && len(p.groups) == 1 && len(p.not) == 0 {
		// A courtesy: where the names cannot be read (an index split into
		// shards has no term dictionary), the answer goes without it.
		out.DidYouMean, _ = ix.didYouMean(ctx, q.Text)
	}
	out.Hits = make([]Hit, 0, len(res.Hits))
	need := 1
	if !brief {
		need = ix.topicTermsNeeded(p)
	}
	for _, h := range res.Hits {
		var hit Hit
		var err error
		if brief {
			hit, err = ix.briefHit(h)
		} else {
			hit, err = ix.hit(h, q.IncludeDocuments, need)
		}
		if err != nil {
			return nil, err
		}
		out.Hits = append(out.Hits, hit)
	}
	switch {
	case cachedFacets != nil:
		out.Facets = cachedFacets
	case tallied != nil && tallied() != nil:
		out.Facets = tallied().top(facetSize)
	case len(wantFacets) > 0 && ix.cols != nil:
		// The columns were not ready for this snapshot: wait for them
		// if they are being built and that is cheaper than the fallback.
		ix.cols.await(ctx, res.Total)
		if out.Facets, err = ix.facetCounts(ctx, top, wantFacets, facetSize); err != nil {
			return nil, err
		}
	default:
		out.Facets = bleveFacets(res, wantFacets)
	}
	// Only without query text: a text query would be run again for every
	// generic value shown, which doubled the CPU of an uncached search
	// (bench, 5,000 documents); filter-only counts are cached until the
	// next write, so browsing pays it once.
	if cachedFacets == nil && top != nil && !q.StoredFacets && !p.hasText() {
		if err := ix.recountGeneric(ctx, top, out.Facets); err != nil {
			return nil, err
		}
	}
	if cacheKey != "" && cachedFacets == nil {
		ix.facets.put(cacheGen, cacheKey, out.Facets)
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// genericNamer knows the department names without a place of their own
// (*dept.Table's Generic).
type genericNamer interface {
	Generic(name string) bool
}

// recountGeneric counts each generic value of the department facet (县财政局,
// 统计局) as the filter a click on it runs: every place's unit of that kind,
// where the facet counted only the documents whose unit is named that way
// (1 beside 县财政局, 5 documents after the click). Placed values count
// alike either way.
func (ix *Index) recountGeneric(ctx context.Context, top query.Query, facets map[string][]Facet) error {
	vals := facets[FacetDepartment]
	fm, ok := ix.opts.Departments.(*formsMemo)
	if !ok || len(vals) == 0 {
		return nil
	}
	gn, ok := fm.src.(genericNamer)
	if !ok {
		return nil
	}
	changed := false
	for i, v := range vals {
		if !gn.Generic(v.Value) {
			continue
		}
		fs, err := ix.filters(Query{Department: v.Value})
		if err != nil {
			return err
		}
		req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(append([]query.Query{top}, fs...)...), 0, 0, false)
		req.Score = "none"
		res, err := ix.bi.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("index: facets: %s: %w", v.Value, err)
		}
		if n := int(res.Total); n != v.Count {
			vals[i].Count = n
			changed = true
		}
	}
	if changed {
		slices.SortStableFunc(vals, func(a, b Facet) int { return cmp.Compare(b.Count, a.Count) })
	}
	return nil
}

// facetCounts counts fields' values over q's matches, the size most
// frequent of each (every value when size <= 0): from the facet columns
// once they are built, with bleve's terms facets until then.
func (ix *Index) facetCounts(ctx context.Context, q query.Query, fields []string, size int) (map[string][]Facet, error) {
	if ix.cols != nil {
		out, err := ix.cols.count(ctx, ix, q, fields, size)
		if !errors.Is(err, errColumnsNotReady) && !errors.Is(err, errNoColumns) {
			return out, err
		}
	}
	req := bleve.NewSearchRequestOptions(q, 0, 0, false)
	for _, f := range fields {
		n := size
		if n <= 0 { // every value: as many as the field has terms
			n = 0
			if err := ix.visitTerms(f, func(string, int) { n++ }); err != nil {
				return nil, err
			}
		}
		req.AddFacet(f, bleve.NewFacetRequest(f, max(n, 1)))
	}
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: facets: %w", err)
	}
	return bleveFacets(res, fields), nil
}

// bleveFacets are the terms facets of fields in res.
func bleveFacets(res *bleve.SearchResult, fields []string) map[string][]Facet {
	out := make(map[string][]Facet, len(fields))
	for _, f := range fields {
		vals := []Facet{}
		if fr := res.Facets[f]; fr != nil && fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				vals = append(vals, Facet{Value: t.Term, Count: t.Count})
			}
		}
		out[f] = vals
	}
	return out
}

// locateHits fills the stored fields and match locations of res's hits by
// running the text query tq again over those documents only (without the
// filters, which locate nothing and can be dear to build: a date range).
// withScore takes their scores from this pass too (the first was
// unscored). A hit deleted between the passes is dropped.
func (ix *Index) locateHits(ctx context.Context, tq query.Query, res *bleve.SearchResult, withScore bool) error {
	if len(res.Hits) == 0 {
		return nil
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	only := query.NewDocIDQuery(ids)
	only.SetBoost(0.001)
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(only, tq), len(ids), 0, false)
	req.Fields = fullFields
	req.IncludeLocations = true
	located, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return err
	}
	byID := make(map[string]*search.DocumentMatch, len(located.Hits))
	for _, h := range located.Hits {
		byID[h.ID] = h
	}
	hits := res.Hits[:0]
	for _, h := range res.Hits {
		l := byID[h.ID]
		if l == nil {
			continue
		}
		h.Fields, h.Locations = l.Fields, l.Locations
		if withScore {
			h.Score = l.Score
		}
		hits = append(hits, h)
	}
	res.Hits = hits
	return nil
}

func validate(q *Query) error {
	if q.Page == 0 {
		q.Page = 1
	}
	if q.Size == 0 {
		q.Size = defaultSize
	}
	switch {
	case q.Page < 1:
		return fmt.Errorf("%w: page: must be ≥ 1", ErrInvalidQuery)
	case q.Size < 1 || q.Size > maxSize:
		return fmt.Errorf("%w: size: must be between 1 and %d", ErrInvalidQuery, maxSize)
	case q.Page > maxResultWindow/q.Size || (q.Page-1)*q.Size+q.Size > maxResultWindow:
		return fmt.Errorf("%w: page: only the first %d results can be paged", ErrInvalidQuery, maxResultWindow)
	case q.FacetSize < 0 || q.FacetSize > maxFacetSize:
		return fmt.Errorf("%w: facet_size: must be between 0 and %d", ErrInvalidQuery, maxFacetSize)
	case q.Year < 0 || q.Year > 9999:
		return fmt.Errorf("%w: year: %d is not a year", ErrInvalidQuery, q.Year)
	case q.Undated && q.Year != 0:
		return fmt.Errorf("%w: year: a year and undated exclude each other", ErrInvalidQuery)
	case !q.From.IsZero() && !q.To.IsZero() && isoDay(q.To).Before(isoDay(q.From)):
		return fmt.Errorf("%w: from: after to", ErrInvalidQuery)
	}
	for _, f := range q.Facets {
		if !slices.Contains(facetFields, f) {
			return fmt.Errorf("%w: facet: %q is not one of department, person, year, kind, issuer", ErrInvalidQuery, f)
		}
	}
	switch q.Sort {
	case "", SortRelevance, SortDateAsc, SortDateDesc:
	default:
		return fmt.Errorf("%w: sort: %q is not one of relevance, date_desc, date_asc", ErrInvalidQuery, q.Sort)
	}
	for _, k := range append([]string{q.Kind}, q.Kinds...) {
		if k != "" && !slices.Contains(document.Kinds, document.Kind(k)) {
			return fmt.Errorf("%w: kind: %q is not one of minutes, news, official, other", ErrInvalidQuery, k)
		}
	}
	return nil
}

// isoDay is t's calendar date in its own zone, as UTC midnight: the index
// stores document dates that way.
func isoDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func (ix *Index) filters(q Query) ([]query.Query, error) {
	var fs []query.Query
	anyOf := func(field string, vals ...string) query.Query {
		var qs []query.Query
		seen := map[string]bool{}
		for _, v := range vals {
			if v != "" && !seen[v] {
				seen[v] = true
				qs = append(qs, termQ(field, v, 0.001))
			}
		}
		return disjunction(qs...)
	}
	if q.Department != "" {
		forms := []string{q.Department, ix.simplify(q.Department)}
		if fm, ok := ix.opts.Departments.(*formsMemo); ok {
			// 湘阴县财政局 selects that bureau, not every 财政局.
			forms = append(forms, fm.FilterForms(q.Department)...)
		}
		fs = append(fs, anyOf(fDeptAny, forms...))
	}
	if q.Person != "" {
		fs = append(fs, anyOf(fPerson, q.Person, ix.simplify(q.Person)))
	}
	if q.Kind != "" {
		fs = append(fs, anyOf(fKind, q.Kind))
	}
	if slices.ContainsFunc(q.Kinds, func(k string) bool { return k != "" }) {
		fs = append(fs, anyOf(fKind, q.Kinds...))
	}
	if q.Issuer != "" {
		forms := []string{q.Issuer, ix.simplify(q.Issuer)}
		if fm, ok := ix.opts.Departments.(*formsMemo); ok {
			// 苏州市政府 selects 苏州市人民政府's documents.
			forms = append(forms, fm.FilterForms(q.Issuer)...)
		}
		alts := []query.Query{anyOf(fIssuer, forms...)}
		// 苏州, 苏州市: that place's government and its offices
		// (苏州市人民政府, 苏州市人民政府办公室), as a reader filters by place.
		for _, p := range placeGovernments(ix.simplify(q.Issuer)) {
			alts = append(alts, prefixQ(fIssuer, p, 0.001))
		}
		fs = append(fs, disjunction(alts...))
	}
	if q.Year != 0 {
		fs = append(fs, anyOf(fYear, strconv.Itoa(q.Year)))
	}
	if q.Undated {
		// Every year is one term of at most four digits.
		inclusive := true
		years := bleve.NewTermRangeInclusiveQuery("0", "9999", &inclusive, &inclusive)
		years.SetField(fYear)
		b := bleve.NewBooleanQuery()
		b.AddMust(bleve.NewMatchAllQuery())
		b.AddMustNot(years)
		fs = append(fs, b)
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		var from, to time.Time
		var incFrom, incTo *bool
		t := true
		if !q.From.IsZero() {
			from, incFrom = isoDay(q.From), &t
		}
		if !q.To.IsZero() {
			to, incTo = isoDay(q.To), &t
		}
		dq := bleve.NewDateRangeInclusiveQuery(from, to, incFrom, incTo)
		dq.SetField(fDate)
		dq.SetBoost(0.001)
		fs = append(fs, dq)
	}
	return fs, nil
}

func (ix *Index) sortOrder(s string) search.SortOrder {
	switch s {
	case SortDateDesc:
		return search.SortOrder{ix.dateSort(true)}
	case SortDateAsc:
		return search.SortOrder{ix.dateSort(false)}
	}
	// One key each: a further key makes bleve read it for every match,
	// not just for the hits shown (the date doc value and the external id
	// were 14 % and 6 % of query CPU at 20,000 documents, the id 14 % of a
	// date-sorted browse). Equal keys keep the index's order.
	return search.SortOrder{&search.SortScore{Desc: true}}
}

// dateSort sorts by document date, undated documents last.
func (ix *Index) dateSort(desc bool) *search.SortField {
	if !ix.dateKeys {
		return &search.SortField{Field: fDate, Desc: desc, Type: search.SortFieldAsDate, Missing: search.SortFieldMissingLast}
	}
	return &search.SortField{Field: fDateKey, Desc: desc, Type: search.SortFieldAsString, Missing: search.SortFieldMissingLast}
}

func (ix *Index) hit(h *search.DocumentMatch, withDoc bool, need int) (Hit, error) {
	get := fieldsOf(h.Fields)
	var doc *document.Document
	var spans []topicSpan
	var err error
	if withDoc {
		doc, spans, err = decodeStored(h.ID, get, false)
	} else {
		doc, spans, err = decodeHit(h.ID, get)
	}
	if err != nil {
		return Hit{}, err
	}
	hit := baseHit(h, doc)
	t := storedText(doc, get(fSimplified))
	body := t.blank(display(doc.Text, t.Body))
	inBody := ranges(h.Locations[fBody], -1)
	hit.Snippets = snippets(body, inBody, maxSnippets)
	if len(hit.Snippets) == 0 {
		hit.Snippets = []string{}
	}
	// Topic spans and matches both index the simplified text, and body
	// has its byte layout (display).
	hit.Topics = topicHits(doc, t, body, spans, inBody, h.Locations[fBody], h.Locations[fTopicTitle], need)
	if withDoc {
		fillTopicTexts(doc, spans, t.Body)
		hit.Document = doc
	}
	return hit, nil
}

// The stored fields of a brief hit (Query.Brief), of a whole document,
// and of a search hit. fDocJSON is the whole document in indexes before
// gse-3.
var (
	briefFields = []string{fDocBrief, fSourceStore}
	fullFields  = []string{fDocJSON, fDocBrief, fText, fTopicSpans, fSimplified, fSourceStore}
)

// briefHit is a hit's metadata with its document without the full texts.
// An index built before the brief field existed stores the whole document
// only (Index.briefFields); its texts are dropped after decoding.
func (ix *Index) briefHit(h *search.DocumentMatch) (Hit, error) {
	js, _ := h.Fields[fDocBrief].(string)
	if js == "" {
		js, _ = h.Fields[fDocJSON].(string)
	}
	path, _ := h.Fields[fSourceStore].(string)
	doc, err := decodeDoc(h.ID, js, path)
	if err != nil {
		return Hit{}, err
	}
	doc.Text = ""
	for i := range doc.Topics {
		doc.Topics[i].Text = ""
	}
	hit := baseHit(h, doc)
	hit.Snippets = []string{}
	hit.Document = doc
	return hit, nil
}

// baseHit is a hit's metadata, without snippets.
func baseHit(h *search.DocumentMatch, doc *document.Document) Hit {
	hit := Hit{
		ID: h.ID, Source: doc.Source, Kind: string(doc.Kind), Title: doc.Title,
		Issuer: doc.Issuer, DocNumber: doc.DocNumber, Date: doc.Date, Score: h.Score,
	}
	if m := doc.Meeting; m != nil && (m.Name != "" || m.Session != 0 || m.Date != "") {
		hit.Meeting = &MeetingRef{Name: m.Name, Session: m.Session, Date: m.Date}
	}
	return hit
}

// topicHits lists the topics whose title or text matched, in document
// order. body is the text the body matches index, spans where each topic's
// text lies in it (nil when unknown: then only titles can match).
func topicHits(doc *document.Document, t indexed, body string, spans []topicSpan, inBody []span, bodyTerms, titles search.TermLocationMap, need int) []TopicHit {
	var out []TopicHit
	for i, tp := range doc.Topics {
		var inText []span
		var sp topicSpan
		if i < len(spans) && spans[i].inBody() && spans[i].E <= len(body) {
			sp = spans[i]
			for _, m := range inBody {
				if m.start >= sp.S && m.end <= sp.E {
					inText = append(inText, span{m.start - sp.S, m.end - sp.S})
				}
			}
		}
		inTitle := ranges(titles, i)
		if len(inText) == 0 && len(inTitle) == 0 {
			continue
		}
		// A topic sharing one word of several with the query (提质改造 for
		// 老旧小区改造) is not about what was asked.
		if need > 1 {
			var sp *topicSpan
			if len(inText) > 0 {
				sp = &spans[i]
			}
			if termsIn(bodyTerms, titles, i, sp) < need {
				continue
			}
		}
		var snip []string
		if len(inText) > 0 {
			snip = snippets(body[sp.S:sp.E], inText, 1)
		} else if i < len(t.TopicTitles) {
			snip = snippets(display(tp.Title, t.TopicTitles[i]), inTitle, 1)
		}
		th := TopicHit{No: tp.No, Title: tp.Title}
		if len(snip) > 0 {
			th.Snippet = snip[0]
		}
		out = append(out, th)
	}
	return out
}

// topicTermsNeeded is how many distinct matched terms a topic must hold
// to be listed as matching the query: one for a query of one or two words,
// more than half of the words of a longer one. Counted by the query's
// words, not by the terms a document matched: a word's synonyms and
// sub-words match as several terms.
func (ix *Index) topicTermsNeeded(p *parsed) int {
	if ix.queryAn == nil {
		return 1
	}
	words := map[string]bool{}
	for _, g := range p.groups {
		for _, c := range g {
			for _, tok := range ix.queryAn.Analyze([]byte(c.text)) {
				words[string(tok.Term)] = true
			}
		}
	}
	if n := len(words); n >= 3 {
		return n/2 + 1
	}
	return 1
}

// termsIn counts the distinct terms matched in topic i: in its title, and
// in its text (sp, when the text matched).
func termsIn(body, titles search.TermLocationMap, i int, sp *topicSpan) int {
	terms := map[string]bool{}
	for term, locs := range titles {
		for _, l := range locs {
			if len(l.ArrayPositions) > 0 && int(l.ArrayPositions[0]) == i {
				terms[term] = true
			}
		}
	}
	if sp != nil {
		for term, locs := range body {
			for _, l := range locs {
				if int(l.Start) >= sp.S && int(l.End) <= sp.E {
					terms[term] = true
				}
			}
		}
	}
	return len(terms)
}

// display picks the text a snippet is cut from: the original script when
// every character of the simplified text (which the offsets index) sits at
// the same bytes in it, as with character-for-character t2s; else the
// simplified text.
func display(orig, simplified string) string {
	if len(orig) != len(simplified) || orig == simplified {
		return simplified
	}
	for i := 0; i < len(orig); {
		_, a := utf8.DecodeRuneInString(orig[i:])
		_, b := utf8.DecodeRuneInString(simplified[i:])
		if a != b {
			return simplified
		}
		i += a
	}
	return orig
}

// ranges collects the byte ranges of a field's matches; arrayPos ≥ 0 keeps
// only the matches in that element of an array field.
func ranges(tl search.TermLocationMap, arrayPos int) []span {
	var out []span
	for _, locs := range tl {
		for _, l := range locs {
			if arrayPos >= 0 && (len(l.ArrayPositions) == 0 || int(l.ArrayPositions[0]) != arrayPos) {
				continue
			}
			out = append(out, span{int(l.Start), int(l.End)})
		}
	}
	return out
}

// IsInvalid reports whether err is the caller's fault (a 400).
func IsInvalid(err error) bool { return errors.Is(err, ErrInvalidQuery) }

// placeGovernments returns the names of the governments an issuer filter
// that names a place alone may mean, as prefixes of issuers: 苏州市 →
// 苏州市人民政府; 苏州, its level left out → 苏州市人民政府, 苏州县人民政府 …
// (an archive holds the real one). A name that is no bare place (国务院,
// 苏州市人民政府, 吴庆文) asks for governments no archive holds.
func placeGovernments(s string) []string {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 8 || !phrasePrefixOK(s) || strings.HasSuffix(s, "政府") {
		return nil
	}
	for _, level := range []string{"省", "市", "县", "区", "自治州", "旗", "盟"} { // not 州: 苏州
		if strings.HasSuffix(s, level) {
			return []string{s + "人民政府"}
		}
	}
	return []string{s + "市人民政府", s + "县人民政府", s + "区人民政府", s + "省人民政府"}
}
