package textio

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
)

// maxZipEntries caps the entries of a .docx; real documents have a few
// dozen, zip bombs and crafted archives many thousands.
const maxZipEntries = 10000

const (
	wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	// Text boxes appear twice, in mc:Choice and again in mc:Fallback for
	// old readers; the fallback copy is skipped.
	compatNS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// readDOCX extracts word/document.xml: one line per paragraph, one line per
// table row with cells separated by tabs. The XML is streamed through a
// reader capped at the size limit, whatever sizes the archive declares.
func readDOCX(ctx context.Context, name string, data []byte, limit int64) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("%s: %w: not a zip archive: %w", name, ErrMalformed, err)
	}
	if len(zr.File) > maxZipEntries {
		return "", fmt.Errorf("%s: %w (%d zip entries)", name, ErrTooLarge, len(zr.File))
	}
	var doc, numFile, styleFile *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			doc = f
		case "word/numbering.xml":
			numFile = f
		case "word/styles.xml":
			styleFile = f
		}
	}
	if doc == nil {
		return "", fmt.Errorf("%s: %w: zip archive without word/document.xml", name, ErrUnsupported)
	}
	if doc.UncompressedSize64 > uint64(limit) {
		return "", fmt.Errorf("%s: %w (document.xml expands to %d bytes)", name, ErrTooLarge, doc.UncompressedSize64)
	}
	num := loadNumbering(ctx, name, numFile, limit)
	rc, err := doc.Open()
	if err != nil {
		return "", fmt.Errorf("%s: %w: %w", name, ErrMalformed, err)
	}
	defer rc.Close()
	lr := &io.LimitedReader{R: rc, N: limit + 1}
	text, err := docxText(ctx, lr, newNumberer(num), loadStyles(ctx, name, styleFile, limit))
	if lr.N <= 0 {
		return "", fmt.Errorf("%s: %w (document.xml expands beyond %d bytes)", name, ErrTooLarge, limit)
	}
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return "", fmt.Errorf("%s: %w", name, err)
		}
		return "", fmt.Errorf("%s: %w: %w", name, ErrMalformed, err)
	}
	if strings.TrimSpace(text) == "" {
		return "", fmt.Errorf("%s: %w", name, ErrNoText)
	}
	return text, nil
}

// loadNumbering reads the list definitions, if any.
func loadNumbering(ctx context.Context, name string, f *zip.File, limit int64) *numbering {
	return loadOptional(ctx, name, f, limit, "list labels skipped", readNumbering)
}

// loadOptional reads an optional part of a .docx (numbering.xml,
// styles.xml). Such parts only add list labels, so a missing, oversized or
// broken one is logged and skipped.
func loadOptional[T any](ctx context.Context, name string, f *zip.File, limit int64, skipped string,
	read func(context.Context, io.Reader) (*T, error)) *T {
	if f == nil {
		return nil
	}
	if f.UncompressedSize64 > uint64(limit) {
		slog.Warn("docx part too large, "+skipped, "file", name, "part", f.Name)
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		slog.Warn("docx part unreadable, "+skipped, "file", name, "part", f.Name, "err", err)
		return nil
	}
	defer rc.Close()
	v, err := read(ctx, io.LimitReader(rc, limit))
	if err != nil {
		slog.Warn("docx part malformed, "+skipped, "file", name, "part", f.Name, "err", err)
		return nil
	}
	return v
}

// docxText walks the WordprocessingML token stream.
func docxText(ctx context.Context, r io.Reader, nums *numberer, st *styles) (string, error) {
	dec := xml.NewDecoder(r)
	var b strings.Builder
	inText := false
	tableDepth := 0
	cellStart := false // a paragraph inside a cell continues the row
	fallback := 0
	numID, ilvl := "", 0 // list membership of the current paragraph (w:numPr)
	hasIlvl := false     // ilvl is the paragraph's own, not its style's
	pStyle := ""         // the current paragraph's style
	labelled := false    // the current paragraph's label is written
	revision := 0        // inside w:pPrChange: former properties, ignored
	var merge vmerges    // cells merged down the outer table's columns
	for n := 0; ; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return "", err
			}
		}
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space == compatNS && t.Name.Local == "Fallback" {
				fallback++
			}
			if t.Name.Space != wordNS || fallback > 0 {
				continue
			}
			switch t.Name.Local {
			case "p":
				numID, ilvl, labelled = "", 0, false
				hasIlvl, pStyle = false, ""
			case "pPrChange":
				revision++
			case "numId":
				if revision == 0 {
					numID = wordVal(t)
				}
			case "ilvl":
				if revision == 0 {
					ilvl, _ = strconv.Atoi(wordVal(t))
					hasIlvl = true
				}
			case "pStyle":
				if revision == 0 {
					pStyle = wordVal(t)
				}
			case "t":
				inText = true
			case "tab":
				b.WriteByte('\t')
			case "br", "cr":
				b.WriteByte('\n')
			case "tbl":
				if tableDepth++; tableDepth == 1 {
					merge = vmerges{}
				}
			case "tc":
				if !cellStart {
					b.WriteByte('\t')
				}
				cellStart = true
				if tableDepth == 1 {
					merge.startCell(b.Len())
				}
			case "tr":
				cellStart = true
				if tableDepth == 1 {
					merge.col = 0
				}
			case "gridBefore", "gridSpan", "vMerge":
				if tableDepth == 1 {
					merge.property(t.Name.Local, t)
				}
			}
		case xml.EndElement:
			if t.Name.Space == compatNS && t.Name.Local == "Fallback" {
				fallback--
			}
			if t.Name.Space != wordNS || fallback > 0 {
				continue
			}
			switch t.Name.Local {
			case "pPrChange":
				revision--
			case "pPr":
				// Paragraph properties come first: the label precedes the text.
				if revision > 0 || labelled {
					continue
				}
				labelled = true
				if numID == "" {
					// No numId of its own: the style's list, at the
					// paragraph's own level if it sets one.
					sID, sLvl := st.numbering(pStyle)
					if numID = sID; !hasIlvl {
						ilvl = sLvl
					}
				}
				if l := nums.label(numID, ilvl); l != "" {
					b.WriteString(l)
					cellStart = false
				}
			case "t":
				inText = false
			case "p":
				if tableDepth > 0 {
					b.WriteByte(' ')
				} else {
					b.WriteByte('\n')
				}
			case "tc":
				if tableDepth == 1 {
					if fill := merge.endCell(b.String()); fill != "" {
						b.WriteString(fill)
					}
				}
				cellStart = false
			case "tr":
				b.WriteByte('\n')
			case "tbl":
				tableDepth--
			}
		case xml.CharData:
			if inText && fallback == 0 {
				b.Write(t)
				cellStart = false
			}
		}
	}
	return tidyTabs(b.String()), nil
}

// tidyTabs trims the padding left by empty cells and paragraph ends.
func tidyTabs(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(strings.TrimLeft(l, "\t "), "\t ")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

// vmerges fills the cells Word merges down a column (w:vMerge): the cells
// below the first are empty in the file, while a reader takes the merged
// text (the unit beside a column of names, a task's 牵头单位) as part of
// every row it spans.
type vmerges struct {
	col    int            // grid column of the current cell
	from   int            // where the current cell's text starts
	span   int            // grid columns the current cell spans
	state  string         // its vMerge: "", "restart" or "continue"
	texts  map[int]string // the text of each column's open merge
	copies int
}

// Bounds on the text copied into merged cells of a document.
const (
	maxMergeCopies = 20000
	maxMergeText   = 2000 // bytes of one merged cell
)

func (m *vmerges) startCell(at int) {
	m.from, m.span, m.state = at, 1, ""
}

func (m *vmerges) property(name string, t xml.StartElement) {
	v := wordVal(t)
	switch name {
	case "gridBefore":
		if n, err := strconv.Atoi(v); err == nil && n > 0 && n < 64 {
			m.col += n
		}
	case "gridSpan":
		if n, err := strconv.Atoi(v); err == nil && n > 0 && n < 64 {
			m.span = n
		}
	case "vMerge":
		if v == "restart" {
			m.state = "restart"
		} else {
			m.state = "continue"
		}
	}
}

// endCell records or fills the cell that ends with text; it returns the
// text to write into an empty continued cell.
func (m *vmerges) endCell(text string) string {
	if m.texts == nil {
		m.texts = map[int]string{}
	}
	cell := strings.TrimSpace(text[min(m.from, len(text)):])
	fill := ""
	switch m.state {
	case "restart":
		if len(cell) > maxMergeText {
			cell = "" // a long merged cell is no label of its rows
		}
		m.texts[m.col] = cell
	case "continue":
		if cell == "" && m.copies < maxMergeCopies {
			fill = m.texts[m.col]
			m.copies++
		}
	default:
		delete(m.texts, m.col)
	}
	m.col += m.span
	return fill
}
