package textio

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Limits on what filling merged cells may copy, so a hostile table
// (rowspan="100000" over wide rows) costs no more than a large real one.
const (
	maxRowspan      = 500
	maxColspan      = 50
	maxSpanCopies   = 20000 // cells copied per document
	maxCopiedNodes  = 200   // nodes of one copied cell
	maxTableColumns = 200
)

// fillRowspans copies each cell that spans rows into the rows below it.
// A reader takes the merged 牵头单位 cell of a task table, or the unit
// beside a column of names, as part of every row it spans; the text keeps
// one line per row, so each line has to say it too.
func fillRowspans(table *html.Node, budget *int) {
	type span struct {
		cell *html.Node // the cell to copy; nil for the further columns of a wide one
		left int        // rows it still covers
	}
	var pending []span // by column
	for _, tr := range tableRows(table) {
		col := 0
		cell := nextCell(tr.FirstChild)
		for col < maxTableColumns {
			if col < len(pending) && pending[col].left > 0 {
				p := &pending[col]
				p.left--
				if p.cell != nil {
					if c := copyCell(p.cell, budget); c != nil {
						tr.InsertBefore(c, cell)
					}
				}
				col++
				continue
			}
			if cell == nil {
				if col >= len(pending) {
					break
				}
				col++
				continue
			}
			rows := spanAttr(cell, "rowspan", maxRowspan)
			cols := spanAttr(cell, "colspan", maxColspan)
			for len(pending) < col+cols {
				pending = append(pending, span{})
			}
			for k := range cols {
				pending[col+k] = span{left: rows - 1}
			}
			pending[col].cell = cell
			col += cols
			cell = nextCell(cell.NextSibling)
		}
	}
}

// tableRows returns the rows of a table, inside thead/tbody/tfoot or not,
// leaving nested tables to their own call.
func tableRows(table *html.Node) []*html.Node {
	var rows []*html.Node
	for c := table.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Tr:
			rows = append(rows, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.DataAtom == atom.Tr {
					rows = append(rows, r)
				}
			}
		}
	}
	return rows
}

func nextCell(n *html.Node) *html.Node {
	for ; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th) {
			return n
		}
	}
	return nil
}

// spanAttr reads rowspan or colspan: 1 when absent or invalid.
func spanAttr(n *html.Node, key string, limit int) int {
	for _, a := range n.Attr {
		if a.Key == key {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err != nil || v < 1 {
				return 1
			}
			return min(v, limit)
		}
	}
	return 1
}

// copyCell copies a cell without its spans; a cell too large to copy, or
// one over the document's budget, leaves an empty cell to keep the columns.
func copyCell(cell *html.Node, budget *int) *html.Node {
	out := &html.Node{Type: html.ElementNode, DataAtom: cell.DataAtom, Data: cell.Data}
	if *budget <= 0 {
		return out
	}
	*budget--
	nodes := 0
	var copyChildren func(dst, src *html.Node) bool
	copyChildren = func(dst, src *html.Node) bool {
		for c := src.FirstChild; c != nil; c = c.NextSibling {
			if nodes++; nodes > maxCopiedNodes {
				return false
			}
			n := &html.Node{Type: c.Type, DataAtom: c.DataAtom, Data: c.Data, Namespace: c.Namespace, Attr: append([]html.Attribute(nil), c.Attr...)}
			if !copyChildren(n, c) {
				return false
			}
			dst.AppendChild(n)
		}
		return true
	}
	if !copyChildren(out, cell) {
		return &html.Node{Type: html.ElementNode, DataAtom: cell.DataAtom, Data: cell.Data}
	}
	return out
}
