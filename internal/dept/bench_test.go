package dept

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkFind measures Find over the whole development corpus.
func BenchmarkFind(b *testing.B) {
	tb, err := New()
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "*", "*.txt"))
	if len(files) == 0 {
		b.Fatal("corpus missing: expected ../shared/corpus beside the repository root")
	}
	var texts []string
	size := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		size += len(t)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, t := range texts {
			tb.Find(t)
		}
	}
}
