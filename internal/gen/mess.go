package gen

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// Mess rates: each kind of damage hits about this share of documents, so
// roughly one document in seven exercises the clean-up paths.
const messRate = 0.03

// mess damages a finished document the ways scraped archives are damaged:
// traditional script (sometimes with pinyin after characters), full-width
// digits, ASCII punctuation, a duplicated paragraph, stray "?" lines and
// a 文号 that lost its closing bracket. The truth is left as written.
func (b *builder) mess(text []byte) []byte {
	if b.chance(messRate) {
		text = b.traditional(text, b.chance(0.2))
	}
	if b.chance(messRate) {
		text = mapRunes(text, func(r rune) string {
			if r >= '0' && r <= '9' {
				return string(r - '0' + '０')
			}
			return ""
		})
	}
	if b.chance(messRate) {
		text = mapRunes(text, func(r rune) string { return asciiPunct[r] })
	}
	if b.chance(messRate) {
		text = b.duplicateParagraph(text)
	}
	if b.chance(messRate) {
		text = b.strayLines(text)
	}
	if b.chance(messRate / 3) {
		// 岳政发〔200916号: the closing bracket dropped in transcription.
		if i := bytes.IndexRune(text, '〕'); i > 0 {
			text = append(text[:i:i], text[i+len("〕"):]...)
		}
	}
	return text
}

var asciiPunct = map[rune]string{'，': ",", '：': ":", '（': "(", '）': ")", '；': ";", '！': "!", '？': "?"}

// mapRunes replaces each rune for which fn returns a non-empty string.
func mapRunes(text []byte, fn func(rune) string) []byte {
	out := make([]byte, 0, len(text)+len(text)/8)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		if s := fn(r); s != "" {
			out = append(out, s...)
		} else {
			out = append(out, text[i:i+n]...)
		}
		i += n
	}
	return out
}

// traditional converts through the small embedded mapping; with pinyin, a
// few converted characters are followed by their reading: 會(huì)議.
func (b *builder) traditional(text []byte, pinyin bool) []byte {
	return mapRunes(text, func(r rune) string {
		t, ok := b.v.trad[r]
		if !ok {
			return ""
		}
		if pinyin && b.chance(0.15) {
			return string(t) + "(" + b.v.pinyin[t] + ")"
		}
		return string(t)
	})
}

func paragraphs(text []byte) [][]byte {
	return bytes.SplitAfter(text, []byte("\n"))
}

// duplicateParagraph repeats one long line, as pages assembled from
// fragments do.
func (b *builder) duplicateParagraph(text []byte) []byte {
	ps := paragraphs(text)
	var long []int
	for i, p := range ps {
		if utf8.RuneCount(p) > 40 {
			long = append(long, i)
		}
	}
	if len(long) == 0 {
		return text
	}
	i := long[b.r.IntN(len(long))]
	out := make([]byte, 0, len(text)+len(ps[i]))
	for j, p := range ps {
		out = append(out, p...)
		if j == i {
			out = append(out, p...)
		}
	}
	return out
}

// strayLines inserts "?" and "|" lines between paragraphs.
func (b *builder) strayLines(text []byte) []byte {
	ps := paragraphs(text)
	var out bytes.Buffer
	out.Grow(len(text) + 64)
	for _, p := range ps {
		out.Write(p)
		if len(p) > 0 && p[len(p)-1] == '\n' && b.chance(0.08) {
			out.WriteString(b.pick([]string{"?", "|", "？", strings.Repeat("?", b.between(2, 4))}) + "\n")
		}
	}
	return out.Bytes()
}
