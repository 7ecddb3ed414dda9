package textio

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/ledongthuc/pdf"
)

// maxPDFPages bounds the page loop: the page count comes from the file and
// may be absurd in a crafted one.
const maxPDFPages = 5000

// readPDF extracts the text layer, one line per text row (same baseline),
// pages separated by a blank line. The PDF library panics on some malformed
// input; that becomes ErrMalformed, never a crash.
func readPDF(ctx context.Context, name string, data []byte) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("%s: %w: pdf library panic: %v", name, ErrMalformed, r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("%s: %w: %w", name, ErrMalformed, err)
	}
	pages := r.NumPage()
	if pages <= 0 {
		return "", fmt.Errorf("%s: %w: no pages", name, ErrMalformed)
	}
	var b strings.Builder
	for i := 1; i <= min(pages, maxPDFPages); i++ {
		if err := ctx.Err(); err != nil {
			return "", fmt.Errorf("%s: %w", name, err)
		}
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		rows, err := p.GetTextByRow()
		if err != nil {
			return "", fmt.Errorf("%s: %w: page %d: %w", name, ErrMalformed, i, err)
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		for _, row := range rows {
			var line strings.Builder
			for _, t := range row.Content {
				line.WriteString(t.S)
			}
			if l := strings.TrimSpace(line.String()); l != "" {
				b.WriteString(l)
				b.WriteByte('\n')
			}
		}
	}
	out := strings.TrimSpace(b.String())
	if out == "" {
		return "", fmt.Errorf("%s: %w", name, ErrNoText)
	}
	if checkText(out) != nil {
		// Glyph codes without a usable ToUnicode map come out as control
		// characters: the text layer is unreadable.
		return "", fmt.Errorf("%s: %w (unreadable text layer)", name, ErrNoText)
	}
	return out, nil
}
