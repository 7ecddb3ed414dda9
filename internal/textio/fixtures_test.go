package textio

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"govarchive/internal/textio/textiotest"
)

// corpusDir locates ../shared/corpus relative to the repository root.
func corpusDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("shared corpus not found at %s (expected next to the repository): %v", dir, err)
	}
	return dir
}

// corpusLines returns the first n non-blank, trimmed lines of a corpus file,
// the text every fixture is built from.
func corpusLines(t testing.TB, rel string, n int) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpusDir(t), rel))
	if err != nil {
		t.Fatalf("read corpus file: %v", err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
		if len(out) == n {
			break
		}
	}
	if len(out) < n {
		t.Fatalf("%s has fewer than %d lines", rel, n)
	}
	return out
}

// sampleLines is real meeting-report text: Chinese with digits, names,
// punctuation and a short closing line.
func sampleLines(t testing.TB) []string {
	lines := corpusLines(t, filepath.Join("news", "huancui_2024_35.txt"), 3)
	return append(lines, corpusLines(t, filepath.Join("news", "huiji_2023_16.txt"), 2)...)
}

// hanSplit splits s in two near the middle between two Han characters.
func hanSplit(s string) (string, string) { return textiotest.HanSplit(s) }

func gbk(t testing.TB, s string) []byte {
	t.Helper()
	b, err := textiotest.GBK(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16Bytes(s string, bigEndian, bom bool) []byte { return textiotest.UTF16(s, bigEndian, bom) }

// buildDOCX writes a minimal .docx: paragraphs, then a table of rows.
func buildDOCX(t testing.TB, paras []string, rows [][]string) []byte {
	t.Helper()
	b, err := textiotest.DOCX(paras, rows)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func zipFiles(t testing.TB, files map[string]string) []byte {
	t.Helper()
	b, err := textiotest.Zip(files)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// buildZipBomb writes a .docx whose document.xml inflates to size bytes
// from a few kilobytes.
func buildZipBomb(t testing.TB, size int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("<w:p/>"), 1<<14)
	for n := 0; n < size; n += len(chunk) {
		if _, err := w.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// buildHTML wraps content lines in a page full of chrome.
func buildHTML(lines []string, charset string) string { return textiotest.HTML(lines, charset) }

// buildPDF writes a one-page PDF whose text layer holds lines.
func buildPDF(t testing.TB, lines []string) []byte {
	return buildPDFPages(t, [][]string{lines}, "Tm")
}

// buildPDFPages writes a PDF with one page per entry of pages; see
// textiotest.PDF for the styles.
func buildPDFPages(t testing.TB, pages [][]string, style string) []byte {
	t.Helper()
	b, err := textiotest.PDF(pages, style)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// buildImagePDF writes a page that only paints an image: no text operators.
func buildImagePDF(t testing.TB) []byte {
	t.Helper()
	return assemblePDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
		stream("q 595 0 0 842 0 0 cm /Im1 Do Q"),
		"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream",
	})
}

func stream(s string) string { return textiotest.Stream(s) }

func assemblePDF(objects []string) []byte { return textiotest.AssemblePDF(objects) }
