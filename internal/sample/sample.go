// Package sample is the corpus a fresh service indexes on first start: the
// project's specification document (a real 常务会议纪要) and a few generated
// documents of every kind, so that facets have several values.
package sample

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"

	"govarchive/internal/gen"
)

//go:embed corpus/*.txt
var corpus embed.FS

// Generated is how many synthetic documents join the real sample.
const Generated = 40

// File is one sample document.
type File struct {
	Name string
	Data []byte
}

// Files returns the sample corpus in a stable order.
func Files() ([]File, error) {
	entries, err := fs.ReadDir(corpus, "corpus")
	if err != nil {
		return nil, fmt.Errorf("sample corpus: %w", err)
	}
	var out []File
	for _, e := range entries {
		b, err := corpus.ReadFile("corpus/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("sample corpus: %w", err)
		}
		out = append(out, File{Name: e.Name(), Data: b})
	}
	generated := gen.SampleCorpus(Generated)
	names := make([]string, 0, len(generated))
	for n := range generated {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		out = append(out, File{Name: n, Data: generated[n]})
	}
	return out, nil
}
