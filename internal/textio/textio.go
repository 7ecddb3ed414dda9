// Package textio reads a document file of any supported format and encoding
// and returns its text as UTF-8 with \n line endings. It does no language
// clean-up (that is package clean); it only recovers the text and its line
// structure, and reports files that are not documents with sentinel errors
// so that callers can report and skip them.
package textio

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// DefaultMaxBytes is the input size limit when Options.MaxBytes is zero.
const DefaultMaxBytes int64 = 64 << 20

// Sentinel errors, always wrapped with the file name:
// fmt.Errorf("%s: %w", name, ErrBinary).
var (
	ErrEmpty       = errors.New("empty file")
	ErrBinary      = errors.New("binary file, not a text document")
	ErrTooLarge    = errors.New("file exceeds the size limit")
	ErrNoText      = errors.New("document has no text layer")
	ErrUnsupported = errors.New("unsupported file format")
	ErrMalformed   = errors.New("malformed document")
)

// Options tunes reading.
type Options struct {
	// MaxBytes caps the input size, and also the uncompressed text a
	// .docx may expand to. Zero means DefaultMaxBytes.
	MaxBytes int64
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// ReadFile reads the file at path; its extension and content select the
// decoder. A file larger than the limit is rejected before it is read.
func ReadFile(ctx context.Context, path string, opts Options) (string, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > opts.maxBytes() {
		return "", fmt.Errorf("%s: %w (%d bytes > %d)", name, ErrTooLarge, st.Size(), opts.maxBytes())
	}
	return Read(ctx, name, f, opts)
}

// Read reads a document from r; name supplies the extension and the name in
// errors. It never buffers more than the size limit plus one byte.
func Read(ctx context.Context, name string, r io.Reader, opts Options) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	limit := opts.maxBytes()
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return "", fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return "", fmt.Errorf("%s: %w (limit %d bytes)", name, ErrTooLarge, limit)
	}
	text, err := decode(ctx, name, data, limit)
	if err != nil {
		return "", err
	}
	text = normalizeNewlines(text)
	if strings.TrimSpace(text) == "" {
		return "", fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	return text, nil
}

// format is a document format the package can decode.
type format int

const (
	formatText format = iota
	formatHTML
	formatDOCX
	formatPDF
	formatUnsupported
)

// unsupportedExt are formats recognised but not decoded, so the error says
// so instead of calling them binary.
var unsupportedExt = map[string]bool{
	".doc": true, ".xls": true, ".xlsx": true, ".ppt": true, ".pptx": true, ".wps": true,
	".rtf": true, ".odt": true, ".ofd": true, ".zip": true, ".rar": true, ".7z": true,
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".bmp": true, ".tif": true, ".tiff": true,
}

// detectFormat prefers magic bytes for binary containers (a PDF saved as
// .txt is still a PDF), then the extension, then sniffs HTML.
func detectFormat(name string, data []byte) format {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return formatPDF
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if ext == ".docx" || ext == "" || !unsupportedExt[ext] {
			return formatDOCX
		}
		return formatUnsupported
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}): // OLE2: .doc, .xls
		return formatUnsupported
	}
	switch ext {
	case ".pdf":
		return formatPDF
	case ".docx":
		return formatDOCX
	case ".html", ".htm", ".xhtml", ".shtml":
		// Text without a tag (not even a <) is laid out by its own line
		// breaks, which HTML would run into one line.
		if bytes.IndexByte(data, '<') < 0 {
			return formatText
		}
		return formatHTML
	case ".txt", ".md", ".markdown", ".text":
		// A saved web page keeps its markup whatever it is called.
		if looksLikeHTML(data) {
			return formatHTML
		}
		return formatText
	}
	if unsupportedExt[ext] {
		return formatUnsupported
	}
	if looksLikeHTML(data) {
		return formatHTML
	}
	return formatText
}

// looksLikeHTML reports whether the data starts (after a BOM and spaces)
// with an HTML document opening.
func looksLikeHTML(data []byte) bool {
	head := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	head = bytes.TrimSpace(head[:min(len(head), 512)])
	head = bytes.ToLower(head)
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		(bytes.HasPrefix(head, []byte("<?xml")) && bytes.Contains(head, []byte("<html")))
}

func decode(ctx context.Context, name string, data []byte, limit int64) (string, error) {
	if len(data) == 0 {
		return "", fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	switch detectFormat(name, data) {
	case formatPDF:
		return readPDF(ctx, name, data)
	case formatDOCX:
		return readDOCX(ctx, name, data, limit)
	case formatHTML:
		return readHTML(ctx, name, data)
	case formatUnsupported:
		return "", fmt.Errorf("%s: %w", name, ErrUnsupported)
	}
	return decodeText(name, data)
}

func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
