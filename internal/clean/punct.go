package clean

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	// parenGroup matches a parenthesised run without ASCII parentheses
	// inside (full-width ones may be, from an earlier pass); content
	// containing Han gets full-width parentheses.
	parenGroup = regexp.MustCompile(`[(（]([^()\n]{1,120})[)）]`)
	// listMarker is content that numbers an item: (二), (12).
	listMarker = regexp.MustCompile(`^[一二三四五六七八九十百零〇○0-9]+$`)
	// spaceAroundWide drops spaces next to full-width punctuation, where
	// they carry no meaning (时间： 2024 → 时间：2024).
	spaceAroundWide = regexp.MustCompile(` ?([，。；：、（）《》“”！]) ?`)
	// bracketGap is a closing bracket, a space and the next entry of a list.
	bracketGap = regexp.MustCompile(`([）)]) (\p{Han})`)
	// emptyField is a label with no value followed by the next label
	// (来源： 时间：…): its space separates two fields and must stay.
	emptyField = regexp.MustCompile(`([\p{Han}]{1,8}：) ([\p{Han}]{1,8}：)`)
)

// foldWidth maps full-width digits and Latin letters to ASCII, and a
// full-width full stop after a digit to "." (１．５ → 1.5). Other full-width
// punctuation stays: the contract keeps （） in titles.
func foldWidth(s string) string {
	hasWide := false
	for _, r := range s {
		if r >= 0xFF0E && r <= 0xFF5A {
			hasWide = true
			break
		}
	}
	if !hasWide {
		return s
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
			rs[i] = r - 0xFEE0
		case r == '．' && i > 0 && rs[i-1] >= '0' && rs[i-1] <= '9':
			rs[i] = '.'
		}
	}
	return string(rs)
}

// normalizeSpaces turns every kind of space (tab, U+3000, NBSP, thin spaces)
// into one ASCII space per run and trims the line. A space between two Han
// characters (韩　正) survives as one space: the extractor decides whether
// it is padding inside a name.
func normalizeSpaces(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		if r == '\t' || r == '\u3000' || r == '\u00a0' || r == '\u202f' || r == '\u205f' ||
			(r >= '\u2000' && r <= '\u200a') || r == ' ' || r == '\f' || r == '\v' {
			pending = b.Len() > 0
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isWide reports whether r is Chinese text or Chinese punctuation, the
// context in which ASCII punctuation is a typing slip.
func isWide(r rune) bool {
	switch {
	case unicode.Is(unicode.Han, r):
		return true
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20:
		return true
	case r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—':
		return true
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

var widePunct = map[rune]rune{',': '，', ';': '；', ':': '：', '!': '！'}

// fixPunctuation turns ASCII , ; : ! next to Chinese text into full-width
// forms, never between two digits (9:30, 1,000), and parentheses around
// Chinese content into （）, leaving list markers such as (二) alone.
func fixPunctuation(line string) string {
	if strings.ContainsAny(line, ",;:!") {
		rs := []rune(line)
		for i, r := range rs {
			w, ok := widePunct[r]
			if !ok {
				continue
			}
			var prev, next, prevNS, nextNS rune
			if i > 0 {
				prev = rs[i-1]
			}
			if i+1 < len(rs) {
				next = rs[i+1]
			}
			for j := i - 1; j >= 0; j-- {
				if rs[j] != ' ' {
					prevNS = rs[j]
					break
				}
			}
			for j := i + 1; j < len(rs); j++ {
				if rs[j] != ' ' {
					nextNS = rs[j]
					break
				}
			}
			if isDigit(prev) && isDigit(next) {
				continue
			}
			if isWide(prevNS) || (isWide(nextNS) && (r != ':' || !isASCIIWord(prev))) {
				rs[i] = w
			}
		}
		line = string(rs)
	}
	line = SentenceStops(line)
	// Innermost groups first; a second pass reaches the enclosing ones.
	for pass := 0; pass < 3 && strings.ContainsAny(line, "()"); pass++ {
		next := parenGroup.ReplaceAllStringFunc(line, func(m string) string {
			inner := parenGroup.FindStringSubmatch(m)[1]
			if listMarker.MatchString(strings.TrimSpace(inner)) || !hasHan(inner) {
				return m
			}
			return "（" + inner + "）"
		})
		if next == line {
			break
		}
		line = next
	}
	if strings.Contains(line, " ") {
		line = emptyField.ReplaceAllString(line, "$1\x00$2")
		// In a list (no sentence ends), a space after a closing bracket
		// separates entries: "贺东明（常务副县长）　易红（副县长）".
		if !strings.ContainsAny(line, "。！？") {
			line = bracketGap.ReplaceAllString(line, "$1\x00$2")
		}
		line = spaceAroundWide.ReplaceAllString(line, "$1")
		line = strings.ReplaceAll(line, "\x00", " ")
	}
	return line
}

// SentenceStops turns an ASCII full stop that ends a Chinese sentence
// (after a Han character or a closing mark, before the line's end or more
// Han text) into 。: "…常务会议.会议审议…". Decimals (3.5), list numbers
// (1.审议, 一.审议, （二）.研究) and addresses (www.gov.cn) keep their points.
func SentenceStops(line string) string {
	if !strings.Contains(line, ".") {
		return line
	}
	rs := []rune(line)
	changed := false
	for i, r := range rs {
		if r != '.' || i == 0 || !endsSentence(rs[:i]) {
			continue
		}
		j := i + 1
		for j < len(rs) && (rs[j] == ' ' || rs[j] == '\u3000') {
			j++
		}
		if j == len(rs) || isHanRune(rs[j]) {
			rs[i], changed = '。', true
		}
	}
	if !changed {
		return line
	}
	return string(rs)
}

// itemNumerals number items (一.审议).
const itemNumerals = "一二三四五六七八九十百〇零"

// endsSentence reports whether a full stop after before ends a sentence:
// before ends in a Han character that is no item numeral, a closing
// quote or title mark, or a closing bracket around more than a number.
func endsSentence(before []rune) bool {
	prev := before[len(before)-1]
	switch {
	case strings.ContainsRune(itemNumerals, prev):
		return false
	case isHanRune(prev), strings.ContainsRune("》”」』", prev):
		return true
	case prev == '）' || prev == ')':
		inner := before[:len(before)-1]
		for k := len(inner) - 1; k >= 0; k-- {
			if inner[k] == '（' || inner[k] == '(' {
				inner = inner[k+1:]
				break
			}
		}
		for _, r := range inner {
			if !strings.ContainsRune(itemNumerals, r) && !isDigit(r) {
				return true // （修订）. closes a sentence
			}
		}
	}
	return false
}

// isASCIIWord reports whether r belongs to a Latin word or number, so that
// "http://", "Email:" keep their colon even before Chinese text.
func isASCIIWord(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || isDigit(r))
}
