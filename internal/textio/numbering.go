package textio

import (
	"context"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"govarchive/internal/norm"
)

// Word's automatic list numbers (一、 （二） 1.) are not in document.xml's
// text: they come from numbering.xml. The topics of minutes are often
// numbered that way, so the labels are rebuilt here.

type numLevel struct {
	start        int
	format, text string // numFmt (decimal, chineseCounting …) and lvlText (%1、)
}

type numbering struct {
	abstract  map[string]map[int]numLevel // abstractNumId → ilvl → level
	nums      map[string]string           // numId → abstractNumId
	overrides map[string]map[int]int      // numId → ilvl → start override
}

func wordVal(e xml.StartElement) string {
	for _, a := range e.Attr {
		if a.Name.Local == "val" {
			return a.Value
		}
	}
	return ""
}

func wordAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// readNumbering parses numbering.xml; r is already size-capped.
func readNumbering(ctx context.Context, r io.Reader) (*numbering, error) {
	n := &numbering{
		abstract:  map[string]map[int]numLevel{},
		nums:      map[string]string{},
		overrides: map[string]map[int]int{},
	}
	var absID, numID string
	lvl, overrideLvl := -1, -1
	var cur numLevel
	err := xmlTokens(ctx, r, func(tok xml.Token) {
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != wordNS {
				return
			}
			switch t.Name.Local {
			case "abstractNum":
				absID = wordAttr(t, "abstractNumId")
				n.abstract[absID] = map[int]numLevel{}
			case "lvl":
				lvl, _ = strconv.Atoi(wordAttr(t, "ilvl"))
				cur = numLevel{start: 1, format: "decimal"}
			case "start":
				if lvl >= 0 {
					cur.start, _ = strconv.Atoi(wordVal(t))
				}
			case "numFmt":
				if lvl >= 0 {
					cur.format = wordVal(t)
				}
			case "lvlText":
				if lvl >= 0 {
					cur.text = wordVal(t)
				}
			case "num":
				numID = wordAttr(t, "numId")
			case "abstractNumId":
				if numID != "" {
					n.nums[numID] = wordVal(t)
				}
			case "lvlOverride":
				overrideLvl, _ = strconv.Atoi(wordAttr(t, "ilvl"))
			case "startOverride":
				if numID != "" && overrideLvl >= 0 {
					if n.overrides[numID] == nil {
						n.overrides[numID] = map[int]int{}
					}
					n.overrides[numID][overrideLvl], _ = strconv.Atoi(wordVal(t))
				}
			}
		case xml.EndElement:
			if t.Name.Space != wordNS {
				return
			}
			switch t.Name.Local {
			case "lvl":
				if absID != "" && lvl >= 0 && numID == "" {
					n.abstract[absID][lvl] = cur
				}
				lvl = -1
			case "abstractNum":
				absID = ""
			case "num":
				numID = ""
			case "lvlOverride":
				overrideLvl = -1
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return n, nil
}

// xmlTokens calls fn with each token of r, checking ctx as it goes; the
// parts it reads are size-capped before.
func xmlTokens(ctx context.Context, r io.Reader, fn func(xml.Token)) error {
	dec := xml.NewDecoder(r)
	for i := 0; ; i++ {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		fn(tok)
	}
}

// numberer keeps the running counters of each list while the document is
// read.
type numberer struct {
	n      *numbering
	counts map[string]*[9]int // numId → counter per level, 0 = not started
}

func newNumberer(n *numbering) *numberer {
	return &numberer{n: n, counts: map[string]*[9]int{}}
}

// label returns the list label of the next paragraph of list numID at level
// ilvl ("一、", "（二）", "3."), or "" for bullets and unknown lists.
func (s *numberer) label(numID string, ilvl int) string {
	if s == nil || s.n == nil || numID == "" || numID == "0" || ilvl < 0 || ilvl > 8 {
		return ""
	}
	levels := s.n.abstract[s.n.nums[numID]]
	lv, ok := levels[ilvl]
	if !ok || lv.format == "bullet" || lv.format == "none" || lv.text == "" {
		return ""
	}
	c := s.counts[numID]
	if c == nil {
		c = &[9]int{}
		s.counts[numID] = c
	}
	start := func(l int) int {
		if v, ok := s.n.overrides[numID][l]; ok {
			return v
		}
		if lv, ok := levels[l]; ok {
			return lv.start
		}
		return 1
	}
	if c[ilvl] == 0 {
		c[ilvl] = start(ilvl)
	} else {
		c[ilvl]++
	}
	for l := ilvl + 1; l < len(c); l++ {
		c[l] = 0
	}
	text := lv.text
	for l := 0; l <= ilvl; l++ {
		ph := "%" + strconv.Itoa(l+1)
		if !strings.Contains(text, ph) {
			continue
		}
		v := c[l]
		if v == 0 {
			v = start(l)
		}
		f := levels[l].format
		if l != ilvl && levels[l].format == "" {
			f = "decimal"
		}
		text = strings.ReplaceAll(text, ph, formatListNumber(v, f))
	}
	return text
}

// formatListNumber renders n in a Word numFmt; unknown formats fall back to
// decimal.
func formatListNumber(n int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting",
		"japaneseCounting", "ideographDigital", "taiwaneseCountingThousand":
		if format == "ideographDigital" {
			return norm.FormatDigits(n, "〇")
		}
		return norm.FormatNumber(n)
	case "chineseLegalSimplified":
		return strings.NewReplacer("一", "壹", "二", "贰", "三", "叁", "四", "肆", "五", "伍",
			"六", "陆", "七", "柒", "八", "捌", "九", "玖", "十", "拾", "百", "佰").Replace(norm.FormatNumber(n))
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "lowerLetter", "upperLetter":
		if n >= 1 && n <= 26 {
			s := string(rune('a' + n - 1))
			if format == "upperLetter" {
				s = strings.ToUpper(s)
			}
			return s
		}
	case "lowerRoman", "upperRoman":
		if n >= 1 && n < 40 {
			s := roman(n)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}
