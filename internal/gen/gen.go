// Package gen writes synthetic Chinese government documents — meeting
// minutes (常务会议纪要), news reports of meetings and official documents
// (通知/意见/批复) — for benchmarks and demos. The documents follow the
// shapes of the real corpus (headers, 文号 and date forms, wrapped attendee
// runs, occasional traditional characters and other mess) and draw on
// vocabularies with real cardinality: about eighty cities with their 776
// counties and districts, some 170 generic local departments and units,
// sixty State Council bodies, policy vocabulary for hundreds of topics, and
// a name generator with millions of combinations whose rosters keep a
// government's leaders and department heads stable through a term.
//
// Output is deterministic: document i depends only on the seed and i, so a
// corpus of N documents is the prefix of any larger one with the same seed.
package gen

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"

	"govarchive/internal/document"
)

// Options says how many documents to generate and from which seed.
type Options struct {
	Count int
	Seed  int64
	// Places, when positive, restricts the documents to the first Places
	// cities (and their counties), so that a small corpus shares departments
	// and people across documents. Zero uses every place.
	Places int
	// Workers generates documents on this many goroutines (the callback
	// still sees them one at a time, in order). Zero means GOMAXPROCS.
	Workers int
}

// Mix of kinds, in percent: minutes, news, the rest official.
const (
	minutesShare = 50
	newsShare    = 30
)

// Generate calls fn for each document in order with its file name
// ("minutes/000123.txt", "news/…", "official/…") and text. It stops at the
// first error fn returns, or when ctx is done.
func Generate(ctx context.Context, opts Options, fn func(name string, text []byte) error) error {
	return generate(ctx, opts, func(name string, text []byte, _ *document.Document) error {
		return fn(name, text)
	})
}

// GenerateDocs is Generate with the ground truth of each document: the
// facts the generator wrote (kind, issuer, 文号, date, meeting, topics,
// attendees, observers, members, departments and people as written, in
// simplified script), so a parser can be scored against it. Text holds the
// document as written (with any injected mess); ID is its content id.
func GenerateDocs(ctx context.Context, opts Options, fn func(name string, doc *document.Document) error) error {
	return generate(ctx, opts, func(name string, text []byte, doc *document.Document) error {
		doc.Text = string(text)
		doc.ID = document.ContentID(doc.Text)
		return fn(name, doc)
	})
}

func generate(ctx context.Context, opts Options, fn func(name string, text []byte, doc *document.Document) error) error {
	if opts.Count < 0 {
		return fmt.Errorf("gen: count %d is negative", opts.Count)
	}
	v, err := loadVocab()
	if err != nil {
		return err
	}
	places := v.places
	if opts.Places > 0 {
		places = nil
		for _, c := range v.cities[:min(opts.Places, len(v.cities))] {
			places = append(places, c)
			places = append(places, c.Counties...)
		}
	}
	newBuilder := func() *builder { return &builder{v: v, seed: uint64(opts.Seed), places: places} }
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers == 1 || opts.Count < 2*chunkSize {
		b := newBuilder()
		for i := range opts.Count {
			if i%chunkSize == 0 {
				if err := ctx.Err(); err != nil {
					return fmt.Errorf("gen: stopped after %d documents: %w", i, err)
				}
			}
			name, text, doc := b.document(i)
			if err := fn(name, text, doc); err != nil {
				return err
			}
		}
		return nil
	}
	return generateParallel(ctx, opts.Count, workers, newBuilder, fn)
}

// chunkSize is the number of documents a worker generates per job: large
// enough to amortise channel traffic, small enough to bound memory.
const chunkSize = 64

type chunk struct {
	start int
	names []string
	texts [][]byte
	docs  []*document.Document
	done  chan struct{}
}

// generateParallel generates chunks on several workers and hands documents
// to fn in order. At most 2×workers chunks are in flight.
func generateParallel(ctx context.Context, count, workers int, newBuilder func() *builder,
	fn func(name string, text []byte, doc *document.Document) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ordered := make(chan *chunk, 2*workers)
	jobs := make(chan *chunk)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := newBuilder()
			for c := range jobs {
				for i := c.start; i < min(c.start+chunkSize, count) && ctx.Err() == nil; i++ {
					name, text, doc := b.document(i)
					c.names, c.texts, c.docs = append(c.names, name), append(c.texts, text), append(c.docs, doc)
				}
				close(c.done)
			}
		}()
	}
	go func() {
		defer close(ordered)
		defer close(jobs)
		for start := 0; start < count; start += chunkSize {
			c := &chunk{start: start, done: make(chan struct{})}
			select {
			case ordered <- c:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- c:
			case <-ctx.Done():
				close(c.done) // queued but never generated: release the reader
				return
			}
		}
	}()
	var err error
	emitted := 0
	for c := range ordered {
		<-c.done
		if err != nil {
			continue // drain so every goroutine ends
		}
		if ctx.Err() != nil || len(c.names) < min(chunkSize, count-c.start) {
			err = fmt.Errorf("gen: stopped after %d documents: %w", emitted, context.Cause(ctx))
			continue
		}
		for i := range c.names {
			if e := fn(c.names[i], c.texts[i], c.docs[i]); e != nil {
				err = e
				cancel()
				break
			}
			emitted++
		}
	}
	wg.Wait()
	if err == nil && emitted < count {
		// The producer saw the cancellation before queuing every chunk.
		err = fmt.Errorf("gen: stopped after %d documents: %w", emitted, context.Cause(ctx))
	}
	return err
}

// WriteDir writes the corpus under dir, one file per document in the
// subfolders minutes/, news/ and official/, and returns the number of files
// and bytes written.
func WriteDir(ctx context.Context, dir string, opts Options) (files int, bytes int64, err error) {
	for _, k := range []document.Kind{document.KindMinutes, document.KindNews, document.KindOfficial} {
		if err := os.MkdirAll(filepath.Join(dir, string(k)), 0o755); err != nil {
			return 0, 0, fmt.Errorf("gen: create folder: %w", err)
		}
	}
	err = Generate(ctx, opts, func(name string, text []byte) error {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), text, 0o644); err != nil {
			return fmt.Errorf("gen: write %s: %w", name, err)
		}
		files++
		bytes += int64(len(text))
		return nil
	})
	return files, bytes, err
}

// SampleSeed is the seed SampleCorpus uses.
const SampleSeed = 20200106

// SampleCorpus returns n documents generated with SampleSeed from a few
// cities, so a demo index has facets with several shared values.
func SampleCorpus(n int) map[string][]byte {
	out := make(map[string][]byte, n)
	err := Generate(context.Background(), Options{Count: n, Seed: SampleSeed, Places: 3},
		func(name string, text []byte) error {
			out[name] = text
			return nil
		})
	if err != nil {
		// Only a broken embedded vocabulary can fail here; tests catch it.
		panic(errors.Join(errors.New("gen: sample corpus"), err))
	}
	return out
}

// builder holds the per-run immutable inputs and the scratch state of the
// document being written; it is not shared between goroutines.
type builder struct {
	v      *vocab
	seed   uint64
	places []*place

	r      *rand.Rand
	buf    []byte
	doc    *document.Document
	depts  map[string]bool
	people map[string]bool
	forms  map[string]string // department → the form this document writes it in
	// fullShare is the share of departments this document writes in full.
	fullShare float64
	national  bool // a State Council document: requirements address 各地区、各部门
}

// document writes document i. Each document has its own random stream
// seeded from (seed, i), which is what makes the output order-independent.
func (b *builder) document(i int) (string, []byte, *document.Document) {
	b.r = rand.New(rand.NewPCG(b.seed, uint64(i)*0x9e3779b97f4a7c15+1))
	b.buf = make([]byte, 0, 8<<10)
	b.doc = &document.Document{}
	b.depts = map[string]bool{}
	b.people = map[string]bool{}
	b.forms = map[string]string{}
	b.national = false
	b.fullShare = []float64{0.05, 0.2, 0.6}[b.r.IntN(3)]

	k := b.r.IntN(100)
	switch {
	case k < minutesShare:
		b.doc.Kind = document.KindMinutes
		b.minutes()
	case k < minutesShare+newsShare:
		b.doc.Kind = document.KindNews
		b.news()
	default:
		b.doc.Kind = document.KindOfficial
		b.official()
	}
	text := b.mess(b.buf)
	name := string(b.doc.Kind) + "/" + pad6(i) + ".txt"
	b.doc.Source = name[len(b.doc.Kind)+1:]
	return name, text, b.doc
}

func pad6(i int) string {
	s := strconv.Itoa(i)
	for len(s) < 6 {
		s = "0" + s
	}
	return s
}
