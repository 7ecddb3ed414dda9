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
// characters: 會(huì)議, 區（qū）, 会(hui4)议, 会议(huìyì). An annotation is
// removed only when its syllables are readings of the characters before it,
// so (PPP), (a) item labels and English words stay.
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
		if end >= 0 && c.annotates(string(rs[i+1:end]), out) {
			i = end // drop the annotation
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// annotates reports whether s spells, in lower-case pinyin (tone marks,
// tone numbers or neither), the readings of the last one to
// maxPinyinSyllables Han characters of before.
func (c *Cleaner) annotates(s string, before []rune) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r == ' ', r == '\'', r == ':', r >= '0' && r <= '5':
		case r > 0x7f && unicode.IsLower(r):
		default:
			return false // capitals, other digits, CJK: not an annotation
		}
	}
	plain := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\'' || (r >= '0' && r <= '5') {
			return -1
		}
		return r
	}, toneless.Replace(s))
	if plain == "" {
		return false
	}
	for n := 1; n <= maxPinyinSyllables && n <= len(before); n++ {
		ch := before[len(before)-n]
		if !unicode.Is(unicode.Han, ch) {
			break
		}
		if c.spells(plain, before[len(before)-n:]) {
			return true
		}
	}
	return false
}

// spells reports whether plain splits into one syllable per character of
// chars, each a reading of its character. A character missing from the
// reading table accepts any valid syllable.
func (c *Cleaner) spells(plain string, chars []rune) bool {
	if len(chars) == 0 {
		return plain == ""
	}
	for j := 1; j <= len(plain) && j <= 6; j++ {
		syl := plain[:j]
		if !c.syllables[syl] || !readingOf(chars[0], syl) {
			continue
		}
		if c.spells(plain[j:], chars[1:]) {
			return true
		}
	}
	return false
}

// readingOf reports whether syl (tone-less, v for ü) is a reading of r.
func readingOf(r rune, syl string) bool {
	readings, ok := pinyin.PinyinDict[int(r)]
	if !ok {
		return true
	}
	for _, p := range strings.Split(readings, ",") {
		if toneless.Replace(p) == syl {
			return true
		}
	}
	return false
}
