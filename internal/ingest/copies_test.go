package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"govarchive/index"
	"govarchive/internal/segment"
)

// TestFormatCopiesAreOneDocument uploads every corpus document as .txt and
// then as HTML, DOCX and PDF renderings through a real index: a rendering is
// a copy of its .txt, not a document of its own, and no two corpus
// documents are taken for copies of each other.
func TestFormatCopiesAreOneDocument(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("shared corpus not found at %s (expected ../shared/corpus next to the repository): %v", dir, err)
	}
	p, err := formatsParser()
	if err != nil {
		t.Fatalf("build parser: %v", err)
	}
	seg, err := segment.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ix, err := index.Open(ctx, t.TempDir(), index.Options{Segmenter: seg})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	pl := &Pipeline{Parser: p, Store: ix}

	formats := map[string]bool{"html": true, "docx": true, "pdf": true}
	copies, made := 0, 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		base := strings.TrimSuffix(filepath.Base(f), ".txt")
		id, st, err := pl.IngestBytes(ctx, base+".txt", raw)
		if err != nil || st != index.Added {
			t.Fatalf("%s: %q %v, want added", base, st, err)
		}
		lines := paragraphs(string(raw))
		for _, r := range renderings {
			if !formats[r.name] {
				continue
			}
			data, err := r.build(string(raw), lines)
			if err != nil {
				t.Fatal(err)
			}
			got, st, err := pl.IngestBytes(ctx, base+r.ext, data)
			if err != nil {
				t.Fatalf("%s as %s: %v", base, r.name, err)
			}
			made++
			switch {
			case st == index.Copy && got == id:
				copies++
			case st == index.Copy:
				t.Errorf("%s as %s: a copy of %s, want of its .txt %s", base, r.name, got, id)
			default:
				t.Logf("%s as %s: %s, not recognised as a copy", base, r.name, st)
			}
		}
	}
	n, err := ix.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if int(n) < len(files) {
		t.Errorf("%d documents for %d corpus files: distinct documents were taken for copies", n, len(files))
	}
	t.Logf("%d of %d renderings recognised as copies; %d documents for %d files", copies, made, n, len(files))
	if copies < made*9/10 {
		t.Errorf("only %d of %d renderings recognised as copies of their .txt", copies, made)
	}
}
