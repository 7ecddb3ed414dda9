package clean

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// OCR reads 0 as O or o, 1 as l or I, 日 as 曰 and 。 as ． ("2OO3年5月2l曰"), which
// loses the dates, 文号 and meeting numbers of every scanned document. The
// letters are only read as digits inside a number that is one: a run of
// digits and look-alikes holding at least one real digit, not part of a
// Latin word, and followed by what follows numbers in these documents (年,
// 月, 日, 号, 次, 届, 期, 〕) or inside 〔…〕. 曰 is 日 after a day.

// numberAfter are the characters that make a run before them a number.
const numberAfter = "年月日曰号號次届期〕]］"

// numberBefore are the characters that make a run after them a number (a
// 文号's year: 〔2OO3〕).
const numberBefore = "〔[［"

func lookalike(b byte) bool { return b == 'O' || b == 'o' || b == 'l' || b == 'I' }

func asDigit(b byte) byte {
	switch b {
	case 'O', 'o':
		return '0'
	case 'l', 'I':
		return '1'
	}
	return b
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// repairOCRDigits reads the look-alike letters of a number as its digits
// and 曰 after a day as 日.
func repairOCRDigits(line string) string {
	if !strings.ContainsAny(line, "OolI曰．") {
		return line
	}
	var b []byte // nil until the first change
	for i := 0; i < len(line); {
		c := line[i]
		if !isDigit(rune(c)) && !lookalike(c) {
			i++
			continue
		}
		j := i
		digits, letters := 0, 0
		for j < len(line) && (isDigit(rune(line[j])) || lookalike(line[j])) {
			if isDigit(rune(line[j])) {
				digits++
			} else {
				letters++
			}
			j++
		}
		if letters > 0 && digits > 0 && numberContext(line, i, j) {
			if b == nil {
				b = []byte(line)
			}
			for k := i; k < j; k++ {
				b[k] = asDigit(line[k])
			}
		}
		i = j
	}
	if b != nil {
		line = string(b)
	}
	if strings.Contains(line, "曰") {
		line = dayCharacter(line)
	}
	if strings.Contains(line, "．") {
		line = fullStops(line)
	}
	return line
}

// fullStops reads "．" after a word as the "。" it stands for ("组织实施．各乡
// 要…"), keeping it after numerals, where it numbers an item ("一．").
func fullStops(line string) string {
	rs := []rune(line)
	for i, r := range rs {
		if r == '．' && i > 0 && isHanRune(rs[i-1]) && !strings.ContainsRune("一二三四五六七八九十百〇零", rs[i-1]) {
			rs[i] = '。'
		}
	}
	return string(rs)
}

// numberContext reports whether line[i:j] stands where a number does.
func numberContext(line string, i, j int) bool {
	if i > 0 && isASCIILetter(line[i-1]) || j < len(line) && isASCIILetter(line[j]) {
		return false
	}
	rest := strings.TrimLeft(line[j:], " ")
	if r, _ := utf8.DecodeRuneInString(rest); r != utf8.RuneError && strings.ContainsRune(numberAfter, r) {
		return true
	}
	head := strings.TrimRight(line[:i], " ")
	r, _ := utf8.DecodeLastRuneInString(head)
	return r != utf8.RuneError && strings.ContainsRune(numberBefore, r)
}

// dayCharacter turns 曰 into 日 after a day: digits, or Chinese numerals
// after 月 ("五月二十一曰").
func dayCharacter(line string) string {
	var sb strings.Builder
	for {
		k := strings.Index(line, "曰")
		if k < 0 {
			sb.WriteString(line)
			return sb.String()
		}
		head := line[:k]
		sb.WriteString(head)
		if afterDay(strings.TrimRight(head, " ")) {
			sb.WriteString("日")
		} else {
			sb.WriteString("曰")
		}
		line = line[k+len("曰"):]
	}
}

func afterDay(head string) bool {
	if head != "" && isDigit(rune(head[len(head)-1])) {
		return true
	}
	n := 0
	for head != "" {
		r, size := utf8.DecodeLastRuneInString(head)
		if !strings.ContainsRune("一二三四五六七八九十廿卅", r) {
			return n > 0 && n <= 3 && r == '月'
		}
		head = head[:len(head)-size]
		n++
	}
	return false
}

// spacedYearRe is a year letter-spaced by a scan or a red header's layout
// (〔 2 0 2 1 〕, OCR's 2 O 2 1): four digits or look-alikes, one space apart.
var spacedYearRe = regexp.MustCompile(`(^|[^0-9A-Za-z ])\s*([0-9OoIl]) ([0-9OoIl]) ([0-9OoIl]) ([0-9OoIl])\s*($|[^0-9A-Za-z ])`)

// joinSpacedYear closes up a letter-spaced year with three real digits or
// more that reads as a year (1949–2100): a 文号 written so was not found.
func joinSpacedYear(line string) string {
	if !strings.Contains(line, " ") {
		return line
	}
	return spacedYearRe.ReplaceAllStringFunc(line, func(m string) string {
		sm := spacedYearRe.FindStringSubmatch(m)
		var y []byte
		digits := 0
		for _, g := range sm[2:6] {
			if isDigit(rune(g[0])) {
				digits++
			}
			y = append(y, asDigit(g[0]))
		}
		if n, err := strconv.Atoi(string(y)); err != nil || digits < 3 || n < 1949 || n > 2100 {
			return m
		}
		return sm[1] + string(y) + sm[6]
	})
}
