package ingest_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"govarchive/internal/app"
	"govarchive/internal/document"
	"govarchive/internal/extract"
	"govarchive/internal/ingest"
	"govarchive/internal/textio"
)

// FuzzParseBytes drives the whole path an upload takes before indexing —
// decode (any format, by name and content), clean-up, structural parse —
// with arbitrary names and bytes. Every outcome must be a document whose id
// is its content's or one of the documented rejections; a panic that the
// pipeline's recover() turned into "parser failed"/"internal error" is a bug
// in the parser, so it fails here even though the service would survive it.
//
// Run longer with: go test ./internal/ingest -run XXX -fuzz FuzzParseBytes -fuzztime 10m
func FuzzParseBytes(f *testing.F) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		f.Fatalf("corpus not found beside the repository (%s): %v", dir, err)
	}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".md") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		// The head of each document: its header is where the structure
		// is decided, and short inputs keep the fuzzer fast.
		f.Add(d.Name(), b[:min(len(b), 3000)])
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Add("empty.txt", []byte{})
	f.Add("bin.txt", []byte{0, 1, 2, 0xff, 0xfe, 0})
	f.Add("x.html", []byte(strings.Repeat("<div>", 3000)+"会议纪要"))

	p, err := app.NewParsing(nil)
	if err != nil {
		f.Fatal(err)
	}
	pipe := &ingest.Pipeline{Parser: p.Parser, MaxBytes: 1 << 20}
	known := []error{
		textio.ErrEmpty, textio.ErrBinary, textio.ErrTooLarge, textio.ErrNoText,
		textio.ErrUnsupported, textio.ErrMalformed, extract.ErrEmpty,
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		doc, err := pipe.ParseBytes(ctx, name, data)
		if err != nil {
			for _, k := range known {
				if errors.Is(err, k) {
					return
				}
			}
			t.Fatalf("ParseBytes(%q, %d bytes): error outside the contract: %v", name, len(data), err)
		}
		if doc.ID != document.ContentID(doc.Text) || doc.Text == "" {
			t.Fatalf("ParseBytes(%q): id %q does not identify the text", name, doc.ID)
		}
		for _, s := range append(append([]string{doc.Title, doc.Issuer}, doc.People...), doc.Departments...) {
			if !utf8.ValidString(s) {
				t.Fatalf("ParseBytes(%q): invalid UTF-8 in an extracted field: %q", name, s)
			}
		}
	})
}
