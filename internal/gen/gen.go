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
	"strconv"

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
	b := &builder{v: v, seed: uint64(opts.Seed), places: places}
	for i := range opts.Count {
		if i%256 == 0 {
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
