package textio

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"io"
	"strconv"
)

// A paragraph is numbered by its own w:numPr or by its style's: headings
// whose style ("heading 1", basedOn another) carries the list are as common
// as direct numbering, and lose their 一、 without the styles.

// maxStyleChain bounds a basedOn chain: Word nests a few levels; a crafted
// file may chain thousands or loop.
const maxStyleChain = 16

// styleDef is what a paragraph style says of numbering.
type styleDef struct {
	basedOn         string
	numID           string
	ilvl            int
	hasNum, hasIlvl bool
}

// styleNum is a style's resolved numbering.
type styleNum struct {
	numID string
	ilvl  int
}

type styles struct {
	defs     map[string]*styleDef
	resolved map[string]styleNum
}

// loadStyles reads styles.xml, if any.
func loadStyles(ctx context.Context, name string, f *zip.File, limit int64) *styles {
	return loadOptional(ctx, name, f, limit, "style numbering skipped", readStyles)
}

// readStyles collects the paragraph styles' basedOn and numPr; r is already
// size-capped.
func readStyles(ctx context.Context, r io.Reader) (*styles, error) {
	s := &styles{defs: map[string]*styleDef{}, resolved: map[string]styleNum{}}
	var cur *styleDef
	err := xmlTokens(ctx, r, func(tok xml.Token) {
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != wordNS {
				return
			}
			switch t.Name.Local {
			case "style":
				cur = nil
				if wordAttr(t, "type") == "paragraph" || wordAttr(t, "type") == "" {
					cur = &styleDef{}
					s.defs[wordAttr(t, "styleId")] = cur
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = wordVal(t)
				}
			case "numId":
				if cur != nil {
					cur.numID, cur.hasNum = wordVal(t), true
				}
			case "ilvl":
				if cur != nil {
					cur.ilvl, _ = strconv.Atoi(wordVal(t))
					cur.hasIlvl = true
				}
			}
		case xml.EndElement:
			if t.Name.Space == wordNS && t.Name.Local == "style" {
				cur = nil
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// numbering returns the list a paragraph of style id belongs to, following
// basedOn: the nearest style with a numId gives the list, the nearest with
// an ilvl the level. numID is "" when the style is unnumbered.
func (s *styles) numbering(id string) (numID string, ilvl int) {
	if s == nil || id == "" {
		return "", 0
	}
	if r, ok := s.resolved[id]; ok {
		return r.numID, r.ilvl
	}
	seen := map[string]bool{}
	gotNum, gotIlvl := false, false
	for cur, n := id, 0; cur != "" && !seen[cur] && n < maxStyleChain; n++ {
		seen[cur] = true
		d := s.defs[cur]
		if d == nil {
			break
		}
		if d.hasNum && !gotNum {
			numID, gotNum = d.numID, true
		}
		if d.hasIlvl && !gotIlvl {
			ilvl, gotIlvl = d.ilvl, true
		}
		cur = d.basedOn
	}
	s.resolved[id] = styleNum{numID, ilvl}
	return numID, ilvl
}
