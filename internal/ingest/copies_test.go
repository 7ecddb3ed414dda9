package ingest

import (
	"context"
	"govarchive/internal/document"
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
	ctx := context.Background()
	ix := openIndex(t)
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

// deleteAfterPut is an index whose original document is deleted right after
// a Put, as a concurrent DELETE may be between an upload's write and its
// answer.
type deleteAfterPut struct {
	*index.Index
	victim string
}

func (s *deleteAfterPut) Put(ctx context.Context, docs []*document.Document) ([]index.PutResult, error) {
	res, err := s.Index.Put(ctx, docs)
	if err == nil && s.victim != "" {
		if err := s.Index.Delete(ctx, s.victim); err != nil {
			return nil, err
		}
	}
	return res, err
}

// TestCopyAnswersTheOriginalItsWriteFound: an upload that is a copy answers
// the id of the original the write compared it with, even when that original
// is deleted before the answer (it answered the copy's own id, which is not
// indexed, once the look-up after the write found no original).
func TestCopyAnswersTheOriginalItsWriteFound(t *testing.T) {
	ctx := context.Background()
	ix := openIndex(t)
	store := &deleteAfterPut{Index: ix}
	pl := &Pipeline{Parser: testParser(t), Store: store}
	body, err := os.ReadFile(filepath.Join("..", "sample", "corpus", "suzhou-2020-3.txt"))
	if err != nil {
		t.Fatal(err)
	}
	orig, st, err := pl.IngestBytes(ctx, "minutes.txt", body)
	if err != nil || st != index.Added {
		t.Fatalf("original: %q %s %v", orig, st, err)
	}
	store.victim = orig
	page := "当前位置：首页 > 政务公开 > 会议纪要\n" + string(body) + "\n【打印本页】【关闭窗口】"
	id, st, err := pl.IngestBytes(ctx, "minutes-page.txt", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if st != index.Copy || id != orig {
		t.Errorf("the copy answered %q %s, want a copy of %s", id, st, orig)
	}
}

// openIndex opens an empty index with gse's segmenter, closed with the test.
func openIndex(t *testing.T) *index.Index {
	t.Helper()
	seg, err := segment.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(context.Background(), t.TempDir(), index.Options{Segmenter: seg})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}
