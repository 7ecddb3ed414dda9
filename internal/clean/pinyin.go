package clean

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// maxPinyinSyllables bounds how many syllables one parenthesised annotation
// may hold (會議(huìyì) has two); longer runs are ordinary Latin text.
const maxPinyinSyllables = 4

// toneless maps tone-marked vowels to plain ones; ü is spelled v, as in IMEs.
var toneless = strings.NewReplacer(
	"ā", "a", "á", "a", "ǎ", "a", "à", "a",
	"ē", "e", "é", "e", "ě", "e", "è", "e", "ê", "e",
	"ī", "i", "í", "i", "ǐ", "i", "ì", "i",
	"ō", "o", "ó", "o", "ǒ", "o", "ò", "o",
	"ū", "u", "ú", "u", "ǔ", "u", "ù", "u",
	"ǖ", "v", "ǘ", "v", "ǚ", "v", "ǜ", "v", "ü", "v", "u:", "v",
	"ń", "n", "ň", "n", "ǹ", "n", "ḿ", "m",
)

// buildSyllables derives the set of valid tone-less syllables from the
// go-pinyin reading table, so no syllable list is maintained by hand.
func buildSyllables() map[string]bool {
	set := make(map[string]bool, 512)
	for _, readings := range pinyin.PinyinDict {
		for _, r := range strings.Split(readings, ",") {
			if s := toneless.Replace(r); s != "" {
				set[s] = true
			}
		}
	}
	return set
}

// removePinyin deletes pinyin annotations that mirror sites insert after
// characters: 會(huì)議, 區（qū）, 会(hui4)议, 会议(huìyì).
func (c *Cleaner) removePinyin(text string) string {
	if !strings.ContainsAny(text, "(（") {
		return text
	}
	rs := []rune(text)
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != '(' && r != '（' {
			out = append(out, r)
			continue
		}
		end := -1
		for j := i + 1; j < len(rs) && j <= i+32; j++ {
			if rs[j] == ')' || rs[j] == '）' {
				end = j
				break
			}
			if rs[j] == '(' || rs[j] == '（' || rs[j] == '\n' {
				break
			}
		}
		if end < 0 {
			out = append(out, r)
			continue
		}
		n := c.pinyinSyllables(string(rs[i+1 : end]))
		if n > 0 && hanBefore(out, n) {
			i = end // drop the annotation
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// hanBefore reports whether the n runes at the end of out are Han characters,
// the ones an annotation of n syllables would belong to.
func hanBefore(out []rune, n int) bool {
	if len(out) < n {
		return false
	}
	for _, r := range out[len(out)-n:] {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// pinyinSyllables returns how many syllables s spells as lower-case pinyin
// (tone marks, tone numbers or neither), or 0 when it is not pinyin.
func (c *Cleaner) pinyinSyllables(s string) int {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	marked := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r == ' ', r == '\'', r == ':':
		case r >= '0' && r <= '5':
			marked = true
		case r > 0x7f && unicode.IsLower(r):
			marked = true
		default:
			return 0 // capitals, other digits, CJK: not an annotation
		}
	}
	plain := toneless.Replace(s)
	total := 0
	for _, tok := range strings.FieldsFunc(plain, func(r rune) bool {
		return r == ' ' || r == '\'' || (r >= '0' && r <= '5')
	}) {
		n := c.splitSyllables(tok)
		if n == 0 {
			return 0
		}
		total += n
	}
	if total == 0 || total > maxPinyinSyllables {
		return 0
	}
	// A bare one-letter "syllable" (a, e, o) without a tone is too likely to
	// be a real "(a)" item label.
	if !marked && len(plain) < 2 {
		return 0
	}
	return total
}

// splitSyllables counts the syllables of a run like "huiyi" with the fewest
// pieces, or returns 0 when it cannot be split into valid syllables.
func (c *Cleaner) splitSyllables(tok string) int {
	const inf = 1 << 20
	best := make([]int, len(tok)+1)
	for i := range best {
		best[i] = inf
	}
	best[0] = 0
	for i := 0; i < len(tok); i++ {
		if best[i] == inf {
			continue
		}
		for j := i + 1; j <= len(tok) && j <= i+6; j++ {
			if c.syllables[tok[i:j]] && best[i]+1 < best[j] {
				best[j] = best[i] + 1
			}
		}
	}
	if best[len(tok)] == inf {
		return 0
	}
	return best[len(tok)]
}
