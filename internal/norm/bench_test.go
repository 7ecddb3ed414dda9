package norm

import (
	"os"
	"path/filepath"
	"testing"
)

func benchCorpus(b *testing.B) []string {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*", "*.txt"))
	if len(files) == 0 {
		b.Fatalf("corpus not found at %s", corpusDir)
	}
	var docs []string
	size := 0
	for _, p := range files {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, string(raw))
		size += len(raw)
	}
	b.SetBytes(int64(size))
	return docs
}

// BenchmarkFinders runs the three finders over the whole corpus, the way
// the extractor calls them once per document.
func BenchmarkFinders(b *testing.B) {
	docs := benchCorpus(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range docs {
			FindDates(s)
			FindDocNumber(s)
			FindMeetingNo(s)
		}
	}
}

func BenchmarkFindDates(b *testing.B) {
	docs := benchCorpus(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range docs {
			FindDates(s)
		}
	}
}

func BenchmarkFindDocNumber(b *testing.B) {
	docs := benchCorpus(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range docs {
			FindDocNumber(s)
		}
	}
}

func BenchmarkFindMeetingNo(b *testing.B) {
	docs := benchCorpus(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range docs {
			FindMeetingNo(s)
		}
	}
}
