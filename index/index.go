// Package index is govarchive's search index: the gse tokenizer registered
// with bleve, the mapping, and a small API over it. Nothing outside this
// package imports bleve.
package index

import (
	"context"
	"errors"

	"govarchive/internal/document"
)

// Options configure an index.
type Options struct {
	// SynonymsFile extends the built-in synonyms (one group per line).
	SynonymsFile string
}

// Index is an open search index. It is safe for concurrent use.
type Index struct{}

var errTODO = errors.New("index: not implemented yet")

// Open opens the index in dir, creating it when dir holds none.
func Open(ctx context.Context, dir string, opts Options) (*Index, error) { return nil, errTODO }

// Put adds or replaces documents in one batch and reports, per document,
// whether it was added, updated (same source path, new content) or unchanged.
func (ix *Index) Put(ctx context.Context, docs []*document.Document) ([]PutStatus, error) {
	return nil, errTODO
}

// Delete removes one document; ErrNotFound when there is none with that id.
func (ix *Index) Delete(ctx context.Context, id string) error { return errTODO }

// Get returns a stored document; ErrNotFound when there is none.
func (ix *Index) Get(ctx context.Context, id string) (*document.Document, error) {
	return nil, errTODO
}

// Search runs a query. Errors wrapping ErrInvalidQuery are the caller's fault.
func (ix *Index) Search(ctx context.Context, q Query) (*Result, error) { return nil, errTODO }

// Count returns the number of documents in the index.
func (ix *Index) Count(ctx context.Context) (uint64, error) { return 0, errTODO }

// Close flushes and closes the index.
func (ix *Index) Close() error { return nil }
