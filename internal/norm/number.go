// Package norm normalises the forms Chinese government documents write
// numbers, 文号 (document numbers), dates and meeting designations in. Every
// function is pure and safe for concurrent use.
package norm

import (
	"strconv"
	"strings"
)

// cnDigit maps the digit characters of Chinese numerals, including the
// stand-ins for zero seen in scanned and typed documents (○, 〇, the letter
// O) and the financial (大写) forms.
var cnDigit = map[rune]int{
	'〇': 0, '○': 0, '◯': 0, '零': 0, 'O': 0, 'o': 0, 'Ｏ': 0, 'ｏ': 0,
	'一': 1, '壹': 1, '幺': 1,
	'二': 2, '两': 2, '兩': 2, '贰': 2, '貳': 2,
	'三': 3, '叁': 3, '參': 3,
	'四': 4, '肆': 4,
	'五': 5, '伍': 5,
	'六': 6, '陆': 6, '陸': 6,
	'七': 7, '柒': 7,
	'八': 8, '捌': 8,
	'九': 9, '玖': 9,
}

// cnUnit maps the multipliers below 万.
var cnUnit = map[rune]int{
	'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000,
}

// cnBig maps the section multipliers.
var cnBig = map[rune]int{'万': 10000, '萬': 10000, '亿': 100000000, '億': 100000000}

// maxNumber bounds results so that parsing can never overflow.
const maxNumber = 1 << 40

// ParseNumber reads an ASCII, full-width or Chinese number: 四十二→42,
// 十七→17, 一百零八→108, 两→2, 廿三→23, and years written digit by digit
// (二〇〇八, 二○○八, 二OO八 → 2008) and circled numbers (③ → 3). Surrounding spaces are ignored; anything
// else gives ok=false.
func ParseNumber(s string) (int, bool) {
	s = strings.TrimSpace(strings.Trim(s, "\u3000"))
	if s == "" {
		return 0, false
	}
	if n, ok := parseDigits(s); ok {
		return n, true
	}
	rs := []rune(s)
	// ①–⑳ number items.
	if len(rs) == 1 && rs[0] >= '①' && rs[0] <= '⑳' {
		return int(rs[0]-'①') + 1, true
	}
	if n, ok := parseDigitByDigit(rs); ok {
		return n, true
	}
	return parseCnPositional(rs)
}

// halfDigit returns the value of an ASCII or full-width digit, or -1.
func halfDigit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

func parseDigits(s string) (int, bool) {
	n, digits := 0, 0
	for _, r := range s {
		d := halfDigit(r)
		if d < 0 {
			return 0, false
		}
		n = n*10 + d
		digits++
		if n > maxNumber {
			return 0, false
		}
	}
	return n, digits > 0
}

// parseDigitByDigit reads 二〇〇八-style numbers. A lone letter O or a run of
// zeros alone is not a number; a single Chinese digit is.
func parseDigitByDigit(rs []rune) (int, bool) {
	n, real := 0, 0
	for _, r := range rs {
		d, ok := cnDigit[r]
		if !ok {
			return 0, false
		}
		if d != 0 || r == '零' || r == '〇' || r == '○' || r == '◯' {
			real++
		}
		n = n*10 + d
		if n > maxNumber {
			return 0, false
		}
	}
	if real == 0 {
		return 0, false
	}
	if len(rs) > 1 && rs[0] == '零' {
		return 0, false // 零五 is not written; 零 only sits inside 一百零八
	}
	return n, true
}

// parseCnPositional reads numbers with units: 十七, 四十二, 一百零八, 三千零五十,
// 十二万三千, 廿三, 卅一.
func parseCnPositional(rs []rune) (int, bool) {
	total, section, digit := 0, 0, -1
	lastUnit := 0        // unit last applied in this section, to reject 十百
	zeroPending := false // 零 seen: the next digit skips a unit
	hasValue := false
	for i, r := range rs {
		switch {
		case r == '廿' || r == '卅' || r == '卌':
			if digit >= 0 || section != 0 || lastUnit != 0 {
				return 0, false
			}
			section = map[rune]int{'廿': 20, '卅': 30, '卌': 40}[r]
			lastUnit = 10
			hasValue = true
		case cnDigit[r] != 0 || r == '零' || r == '〇' || r == '○':
			d := cnDigit[r]
			if d == 0 {
				if digit >= 0 || zeroPending || i == 0 {
					return 0, false
				}
				zeroPending = true
				continue
			}
			if digit >= 0 {
				return 0, false // two digits in a row: 四二 is not positional
			}
			digit = d
			zeroPending = false
		case cnUnit[r] != 0:
			u := cnUnit[r]
			if lastUnit != 0 && u >= lastUnit {
				return 0, false
			}
			if digit < 0 {
				if u != 10 || section != 0 || zeroPending {
					// 十 alone starts a number (十七) or follows 零 (一百零十 is not written)
					if !(u == 10 && zeroPending && section != 0) {
						return 0, false
					}
				}
				digit = 1
			}
			section += digit * u
			digit, lastUnit, zeroPending = -1, u, false
			hasValue = true
		case cnBig[r] != 0:
			b := cnBig[r]
			if digit >= 0 {
				section += digit
			}
			if section == 0 && total == 0 {
				return 0, false
			}
			total = (total + section) * b
			if total > maxNumber {
				return 0, false
			}
			section, digit, lastUnit, zeroPending = 0, -1, 0, false
			hasValue = true
		default:
			return 0, false
		}
	}
	if zeroPending {
		return 0, false
	}
	if digit >= 0 {
		// A trailing digit after a unit fills the next lower place: 一百零八 → 108,
		// 二十三 → 23. Without 零, 一百八 is colloquial for 180; accept it.
		if lastUnit > 10 && !hasZeroBefore(rs) {
			section += digit * (lastUnit / 10)
		} else {
			section += digit
		}
		hasValue = true
	}
	if !hasValue {
		return 0, false
	}
	return total + section, true
}

// hasZeroBefore reports whether the last digit of rs follows a 零.
func hasZeroBefore(rs []rune) bool {
	if len(rs) < 2 {
		return false
	}
	p := rs[len(rs)-2]
	return p == '零' || p == '〇' || p == '○'
}

// cnDigits writes the digits 0–9.
var cnDigits = [...]string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// FormatNumber writes 1–999 in Chinese numerals as counts and ordinals are
// written (十七, 四十二, 一百零四), the inverse of ParseNumber; other numbers
// in ASCII digits.
func FormatNumber(n int) string {
	if n <= 0 || n > 999 {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	h, t, u := n/100, n/10%10, n%10
	if h > 0 {
		b.WriteString(cnDigits[h] + "百")
		if t == 0 && u > 0 {
			b.WriteString("零")
		}
	}
	if t > 0 {
		if t > 1 || h > 0 {
			b.WriteString(cnDigits[t])
		}
		b.WriteString("十")
	}
	if u > 0 {
		b.WriteString(cnDigits[u])
	}
	return b.String()
}

// FormatDigits writes n digit by digit, as years are (二〇二四), with zero
// as given (〇, ○ or the letter O of retyped documents).
func FormatDigits(n int, zero string) string {
	var b strings.Builder
	for _, r := range strconv.Itoa(n) {
		switch {
		case r == '0':
			b.WriteString(zero)
		case r >= '1' && r <= '9':
			b.WriteString(cnDigits[r-'0'])
		}
	}
	return b.String()
}
