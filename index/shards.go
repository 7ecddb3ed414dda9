package index

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"sync"

	"github.com/blevesearch/bleve/v2"

	"govarchive/internal/document"
)

// Shards is an index split into shards behind a bleve index alias: a
// document goes to the shard its id hashes to, a search goes to every shard
// and bleve merges hits and facets. It exists for the benchmark's shard
// trial (`govarchive bench --shards N`, BENCHMARKS.md), which keeps the
// service on one index: on two cores the shards did not pay for the
// merging of their facets. It supports what the benchmark needs: Put,
// Search, Count, DiskSize, Settle and Close. A changed file at the same path may
// land in another shard than its old version, so Put's "updated" is only
// reliable within a shard.
type Shards struct {
	shards []*Index
	view   *Index // searches all shards through a bleve index alias
}

// OpenShards opens (or creates) n shards in dir/shard-K.
func OpenShards(ctx context.Context, dir string, n int, opts Options) (*Shards, error) {
	if n < 1 {
		return nil, fmt.Errorf("index: %d shards", n)
	}
	s := &Shards{}
	alias := bleve.NewIndexAlias()
	for k := range n {
		ix, err := Open(ctx, filepath.Join(dir, fmt.Sprintf("shard-%d", k)), opts)
		if err != nil {
			s.Close()
			return nil, err
		}
		// Searches go through the alias, which bleve facets: the shard's
		// own columns would never be read.
		ix.cols.stop()
		ix.cols = nil
		s.shards = append(s.shards, ix)
		alias.Add(ix.bi)
	}
	first := s.shards[0]
	s.view = &Index{
		bi: alias, opts: first.opts, meta: first.meta, syn: first.syn, textAn: first.textAn, queryAn: first.queryAn, phraseAn: first.phraseAn,
		simplify: first.simplify, seg: first.seg, dir: dir,
		briefFields: first.briefFields, topicCounts: first.topicCounts,
	}
	return s, nil
}

func (s *Shards) shardOf(id string) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(len(s.shards)))
}

// Put writes each shard's part of docs, the shards in parallel.
func (s *Shards) Put(ctx context.Context, docs []*document.Document) ([]PutResult, error) {
	parts := make([][]int, len(s.shards))
	for i, d := range docs {
		if d == nil {
			return nil, fmt.Errorf("index: document %d is nil", i)
		}
		id := d.ID
		if id == "" {
			id = document.ContentID(d.Text)
		}
		k := s.shardOf(id)
		parts[k] = append(parts[k], i)
	}
	out := make([]PutResult, len(docs))
	errs := make([]error, len(s.shards))
	var wg sync.WaitGroup
	for k, idx := range parts {
		if len(idx) == 0 {
			continue
		}
		wg.Go(func() {
			part := make([]*document.Document, len(idx))
			for j, i := range idx {
				part[j] = docs[i]
			}
			st, err := s.shards[k].Put(ctx, part)
			if err != nil {
				errs[k] = err
				return
			}
			for j, i := range idx {
				out[i] = st[j]
			}
		})
	}
	wg.Wait()
	s.view.facets.invalidate()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// Search searches every shard.
func (s *Shards) Search(ctx context.Context, q Query) (*Result, error) {
	return s.view.Search(ctx, q)
}

// DropFacetCache forgets the cached facets of the shards' searches.
func (s *Shards) DropFacetCache() { s.view.facets.invalidate() }

// Count is the number of documents in all shards.
func (s *Shards) Count(ctx context.Context) (uint64, error) { return s.view.Count(ctx) }

// DiskSize is the size of all shards' files.
func (s *Shards) DiskSize() (int64, error) { return s.view.DiskSize() }

// Settle settles every shard.
func (s *Shards) Settle(ctx context.Context) error {
	for _, ix := range s.shards {
		if err := ix.Settle(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Close closes every shard.
func (s *Shards) Close() error {
	var errs []error
	for _, ix := range s.shards {
		errs = append(errs, ix.Close())
	}
	return errors.Join(errs...)
}
