package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
)

// valueFields are the keyword facets whose complete value lists Values gives.
var valueFields = map[string]string{
	FacetDepartment: fDepartment, FacetPerson: fPerson, FacetYear: fYear,
	FacetKind: fKind, FacetIssuer: fIssuer,
}

// Values lists every value of a facet (FacetDepartment, FacetPerson, …)
// across the whole index, each with the number of live documents that carry
// it, most frequent first. Unlike Search's facets it has no size limit: the
// term dictionary says how many values there are, and one facet request of
// exactly that size counts them (the dictionary's own counts would include
// deleted documents until segments merge).
func (ix *Index) Values(ctx context.Context, facet string) ([]Facet, error) {
	field, ok := valueFields[facet]
	if !ok {
		return nil, fmt.Errorf("%w: facet: %q is not one of department, person, year, kind, issuer", ErrInvalidQuery, facet)
	}
	n := 0
	if err := ix.visitTerms(field, func(string, int) { n++ }); err != nil {
		return nil, err
	}
	out := make([]Facet, 0, n)
	if n == 0 {
		return out, nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 0, 0, false)
	req.AddFacet(facet, bleve.NewFacetRequest(field, n))
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: values of %s: %w", facet, err)
	}
	if fr := res.Facets[facet]; fr != nil && fr.Terms != nil {
		for _, t := range fr.Terms.Terms() {
			out = append(out, Facet{Value: t.Term, Count: t.Count})
		}
	}
	return out, nil
}
