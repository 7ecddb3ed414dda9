package textio

import (
	"bytes"
	"io"
	"slices"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// Chromium prints synthetic bold in Type3 fonts, one per 256 glyphs, whose
// codes mean nothing without the font's /ToUnicode map. The PDF library
// decodes a Type3 font by its /Encoding only, so such text comes out as
// garbage (often control characters), and Text does not say which font a
// glyph came from: Type3 fonts have no BaseFont.
//
// type3Text walks the page's content stream again with the library's own
// interpreter, following Tf and the text-showing operators exactly as
// Content does, to learn which glyphs a Type3 font with a ToUnicode map
// showed, and decodes those glyphs by that map. Every other glyph must come
// out of the walk as Content gave it; if one does not, the walk has lost
// step, and the page's text is returned unchanged.
func type3Text(p pdf.Page, texts []pdf.Text) (out []pdf.Text) {
	maps := map[string]map[byte]string{}
	for _, name := range p.Fonts() {
		f := p.Font(name)
		if f.V.Key("Subtype").Name() != "Type3" || f.V.Key("ToUnicode").Kind() != pdf.Stream {
			continue
		}
		if m := readByteCMap(f.V.Key("ToUnicode")); len(m) > 0 {
			maps[name] = m
		}
	}
	if len(maps) == 0 {
		return texts
	}
	defer func() {
		if recover() != nil {
			out = texts // the walk is only a better reading, never a failure
		}
	}()
	out = slices.Clone(texts)
	encs := map[string]pdf.TextEncoding{}
	var enc pdf.TextEncoding = identityEncoding{}
	var cur map[byte]string // the current font's map, nil if not Type3
	i, ok := 0, true
	show := func(raw string, m map[byte]string) {
		k := 0
		for _, ch := range enc.Decode(raw) {
			if !ok || i >= len(out) || out[i].S != string(ch) {
				ok = false
				return
			}
			if m != nil && k < len(raw) {
				if u, found := m[raw[k]]; found {
					out[i].S = u
				}
			}
			k++
			i++
		}
	}
	pdf.Interpret(p.V.Key("Contents"), func(stk *pdf.Stack, op string) {
		args := make([]pdf.Value, stk.Len())
		for j := len(args) - 1; j >= 0; j-- {
			args[j] = stk.Pop()
		}
		if !ok {
			return
		}
		switch op {
		case "Tf":
			if len(args) != 2 {
				return
			}
			name := args[0].Name()
			e, seen := encs[name]
			if !seen {
				f := p.Font(name)
				if e = f.Encoder(); e == nil {
					e = identityEncoding{}
				}
				encs[name] = e
			}
			enc, cur = e, maps[name]
		case "Tj", "'":
			if len(args) == 1 {
				show(args[0].RawString(), cur)
			}
		case "\"":
			if len(args) == 3 {
				show(args[2].RawString(), cur)
			}
		case "TJ":
			if len(args) != 1 {
				return
			}
			for j := 0; j < args[0].Len(); j++ {
				if x := args[0].Index(j); x.Kind() == pdf.String {
					show(x.RawString(), cur)
				}
			}
			show("\n", nil) // Content's end-of-TJ pseudo-glyph
		}
	})
	if !ok || i != len(out) {
		return texts
	}
	return out
}

// identityEncoding is what Content uses for a font without an encoder.
type identityEncoding struct{}

func (identityEncoding) Decode(raw string) string { return raw }

// readByteCMap reads the one-byte codes of a ToUnicode CMap (bfchar and
// bfrange), which is all a Type3 font has. The library's interpreter
// cannot be used: its CMap operators (findresource) are the library's own.
func readByteCMap(v pdf.Value) map[byte]string {
	rc := v.Reader()
	data, err := io.ReadAll(io.LimitReader(rc, maxPDFStream))
	rc.Close()
	if err != nil {
		return nil
	}
	m := map[byte]string{}
	budget := maxCMapEntries
	var stack []cmapToken
	for _, t := range cmapTokens(data) {
		switch {
		case t.op == "endbfchar":
			for len(stack) >= 2 {
				src, dst := stack[len(stack)-2], stack[len(stack)-1]
				stack = stack[:len(stack)-2]
				if src.str != nil && len(*src.str) == 1 && dst.str != nil {
					m[(*src.str)[0]] = utf16BE(*dst.str)
				}
			}
		case t.op == "endbfrange":
			for len(stack) >= 3 {
				lo, hi, dst := stack[len(stack)-3], stack[len(stack)-2], stack[len(stack)-1]
				stack = stack[:len(stack)-3]
				if lo.str == nil || hi.str == nil || len(*lo.str) != 1 || len(*hi.str) != 1 {
					continue
				}
				first, last := int((*lo.str)[0]), int((*hi.str)[0])
				for c := first; c <= last && budget > 0; c, budget = c+1, budget-1 {
					switch {
					case dst.str != nil:
						// The last UTF-16 unit counts up from the first code.
						u := units(*dst.str)
						if len(u) > 0 {
							u[len(u)-1] += uint16(c - first)
							m[byte(c)] = string(utf16.Decode(u))
						}
					case c-first < len(dst.arr):
						m[byte(c)] = utf16BE(dst.arr[c-first])
					}
				}
			}
		case t.op != "":
			stack = stack[:0] // beginbfchar and the like start afresh
		default:
			stack = append(stack, t)
		}
	}
	return m
}

// maxCMapEntries bounds the codes a Type3 CMap may map, overwrites
// included: 256 are all there are, a crafted map repeats its ranges.
const maxCMapEntries = 1 << 16

// cmapToken is a hex string, an array of hex strings, or an operator.
// Numbers and names are operators here: they only precede begin… and are
// dropped with it.
type cmapToken struct {
	str *string
	arr []string
	op  string
}

// cmapTokens splits a CMap into the tokens readByteCMap needs.
func cmapTokens(data []byte) []cmapToken {
	var out []cmapToken
	var arr []string
	inArr := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case c == '<' && i+1 < len(data) && data[i+1] == '<', c == '>' && i+1 < len(data) && data[i+1] == '>':
			i++
		case c == '<':
			j := bytes.IndexByte(data[i+1:], '>')
			if j < 0 {
				return out
			}
			s := string(hexBytes(data[i+1 : i+1+j]))
			i += j + 1
			if inArr {
				arr = append(arr, s)
			} else {
				out = append(out, cmapToken{str: &s})
			}
		case c == '[':
			inArr, arr = true, nil
		case c == ']':
			if inArr {
				out = append(out, cmapToken{arr: arr})
			}
			inArr = false
		case c <= ' ' || c == '>':
		default:
			j := i
			for j < len(data) && data[j] > ' ' && !bytes.ContainsRune([]byte("<>[]()%"), rune(data[j])) {
				j++
			}
			if j == i {
				j++ // ( ) and the like: not in a ToUnicode map worth reading
			}
			out = append(out, cmapToken{op: string(data[i:j])})
			i = j - 1
		}
	}
	return out
}

// hexBytes decodes a PDF hex string; spaces are skipped and an odd final
// digit is followed by 0.
func hexBytes(h []byte) []byte {
	var out []byte
	var hi byte
	half := false
	for _, c := range h {
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return out
}

func units(s string) []uint16 {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return u
}

func utf16BE(s string) string { return string(utf16.Decode(units(s))) }
