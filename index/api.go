package index

import (
	"errors"
	"time"

	"govarchive/internal/document"
)

// ErrNotFound is returned by Get and Delete for an unknown id.
var ErrNotFound = errors.New("document not found")

// ErrInvalidQuery wraps query-syntax and parameter errors (a 400, not a 500).
var ErrInvalidQuery = errors.New("invalid query")

// Sort orders.
const (
	SortRelevance = "relevance"
	SortDateDesc  = "date_desc"
	SortDateAsc   = "date_asc"
)

// Facet names, as the API returns them.
const (
	FacetDepartment = "department"
	FacetPerson     = "person"
	FacetYear       = "year"
	FacetKind       = "kind"
	FacetIssuer     = "issuer"
)

// Query is a search request. Zero values mean "no constraint"; an empty
// Text with no filters selects every document, newest first.
type Query struct {
	Text       string
	Department string // canonical name or any surface form / alias
	Person     string
	Kind       string
	Kinds      []string // any of these kinds (as well as Kind when both are set)
	Issuer     string
	Year       int
	// Undated selects the documents no year files: no date and no year in
	// a 文号 (meetings reported by day and month only). Not with Year.
	Undated   bool
	From, To  time.Time // inclusive date range on the document date
	Sort      string    // SortRelevance (default with Text), SortDateDesc (default without)
	Page      int       // 1-based
	Size      int       // hits per page
	FacetSize int       // values per facet; 0 = default
	NoFacets  bool
	// Facets names the facets to count (FacetYear, …); nil counts all of
	// them. Each costs a pass over every match's values.
	Facets []string
	// StoredFacets counts each department as the documents resolved it:
	// a generic value (县财政局) counts only the documents whose unit is
	// named so, not every place's its click selects (the default).
	StoredFacets bool
	// IncludeDocuments fills Hit.Document with the stored document, for
	// browse pages that aggregate over matches.
	IncludeDocuments bool
	// Brief, with IncludeDocuments, leaves the full texts out of
	// Hit.Document (Document.Text and Topic.Text are empty) and skips
	// snippets and topic hits when there is no query text: browse pages
	// aggregate over structure only, and decoding thousands of full texts
	// would dominate their cost.
	Brief bool
	// NoFallback keeps the AND of all words even when it finds nothing
	// (relevance measurements of the analysis alone).
	NoFallback bool
}

// Result is one page of hits plus facet counts over all matching documents.
type Result struct {
	Total  uint64             `json:"total"`
	TookMS float64            `json:"took_ms"`
	Hits   []Hit              `json:"hits"`
	Facets map[string][]Facet `json:"facets"`
	// Operator says how several words were combined: "and", or "or" when
	// the AND query found nothing and the search fell back to any word.
	Operator string `json:"operator,omitempty"`
	// Unfiltered counts the documents that hold all the words when the
	// filters left none of them (and no fallback was tried).
	Unfiltered uint64 `json:"unfiltered_total,omitempty"`
	// DidYouMean is a person or department one character away from a
	// query that found nothing (吴庆闻 → 吴庆文).
	DidYouMean string `json:"did_you_mean,omitempty"`
	// Ignored are the parts of the query left out for holding no letter or
	// digit (。, *, an emoji); a query of nothing else lists every document.
	Ignored []string `json:"ignored,omitempty"`
}

// Hit is one matching document.
type Hit struct {
	ID        string      `json:"id"`
	Source    string      `json:"source"`
	Kind      string      `json:"kind"`
	Title     string      `json:"title"`
	Issuer    string      `json:"issuer,omitempty"`
	DocNumber string      `json:"doc_number,omitempty"`
	Date      string      `json:"date,omitempty"`
	Score     float64     `json:"score"`
	Snippets  []string    `json:"snippets"` // HTML: matches in <mark>, the rest escaped
	Topics    []TopicHit  `json:"topics,omitempty"`
	Meeting   *MeetingRef `json:"meeting,omitempty"`

	Document *document.Document `json:"document,omitempty"` // only with Query.IncludeDocuments
}

// TopicHit is an agenda topic of a hit that matched the query.
type TopicHit struct {
	No      int    `json:"no"`
	Title   string `json:"title"`
	Snippet string `json:"snippet"` // HTML like Hit.Snippets
}

// MeetingRef summarises the meeting of a hit.
type MeetingRef struct {
	Name    string `json:"name,omitempty"`
	Session int    `json:"session,omitempty"`
	Date    string `json:"date,omitempty"`
}

// Facet is one value of a facet with its document count.
type Facet struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// PutStatus says what adding a document did.
type PutStatus string

const (
	Added     PutStatus = "added"
	Updated   PutStatus = "updated"   // same source path, new content: old version replaced
	Unchanged PutStatus = "unchanged" // same content already indexed
	// Copy is another format or capture of an indexed document (the same
	// kind, title, date and 文号, the same text but for a few percent): it
	// is not indexed again; PutResult.ID names the document it copies.
	Copy PutStatus = "copy"
)

// PutResult says what Put did with one document.
type PutResult struct {
	Status PutStatus
	// ID is the indexed document the input is: its own id, or for a Copy
	// the original's, found in the same locked write that decided it was
	// a copy (a look-up afterwards could race a delete of the original).
	ID string
}

// Suggestion completes what a user is typing.
type Suggestion struct {
	Text  string `json:"text"`
	Kind  string `json:"kind"`  // SuggestPerson, SuggestDepartment or SuggestTitle
	Count int    `json:"count"` // documents that carry it
}

// Suggestion kinds.
const (
	SuggestPerson     = "person"
	SuggestDepartment = "department"
	SuggestTitle      = "title"
)
