package textio

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzRead feeds arbitrary bytes to every decoder (the name selects it) and
// checks that Read never panics, returns valid UTF-8 with \n line endings,
// and reports failures as one of the package's errors.
//
// Run longer with: go test ./internal/textio -run XXX -fuzz FuzzRead -fuzztime 5m
func FuzzRead(f *testing.F) {
	lines := sampleLines(f)
	text := strings.Join(lines, "\n")
	seeds := []struct {
		name string
		data []byte
	}{
		{"a.txt", []byte(text)},
		{"a.txt", gbk(f, text)},
		{"a.txt", utf16Bytes(text, false, true)},
		{"a.txt", utf16Bytes(text, true, false)},
		{"a.md", []byte("# 标题\r\n\r\n**出席：**张三  \r\n")},
		{"a.html", []byte(buildHTML(lines, "utf-8"))},
		{"a.htm", gbk(f, buildHTML(lines, "gbk"))},
		{"a.docx", buildDOCX(f, lines, [][]string{{"组长：", "韩正"}})},
		{"a.pdf", buildPDF(f, lines[:2])},
		{"a.pdf", buildImagePDF(f)},
		{"a.txt", nil},
		{"a.bin", []byte{0, 1, 2, 3, 0xff, 0xfe}},
	}
	for _, s := range seeds {
		f.Add(s.name, s.data)
	}
	known := []error{ErrEmpty, ErrBinary, ErrTooLarge, ErrNoText, ErrUnsupported, ErrMalformed, context.DeadlineExceeded}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		got, err := Read(ctx, name, bytes.NewReader(data), Options{MaxBytes: 1 << 20})
		if err != nil {
			for _, k := range known {
				if errors.Is(err, k) {
					return
				}
			}
			t.Fatalf("Read(%q) returned an error outside the contract: %v", name, err)
		}
		if !utf8.ValidString(got) {
			t.Fatalf("Read(%q) returned invalid UTF-8", name)
		}
		if strings.Contains(got, "\r") {
			t.Fatalf("Read(%q) left a carriage return", name)
		}
		if strings.TrimSpace(got) == "" {
			t.Fatalf("Read(%q) returned blank text without ErrEmpty", name)
		}
	})
}
