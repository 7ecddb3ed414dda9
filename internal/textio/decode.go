package textio

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

const (
	// maxControlShare is the share of control characters above which
	// decoded data is taken for a binary file.
	maxControlShare = 0.02
	// maxReplacementShare is the share of undecodable characters above
	// which data is taken for binary rather than text with a few bad bytes.
	maxReplacementShare = 0.10
	// sniffBytes is how much of a file the NUL heuristic looks at.
	sniffBytes = 4096
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText turns bytes of unknown encoding into UTF-8: BOMs first, then
// UTF-16 by the NUL-byte pattern, then UTF-8, then GB18030 (a superset of
// GBK and GB2312), and finally line by line for files that mix encodings.
// Invalid bytes become U+FFFD; only data that is mostly undecodable or
// full of control characters is rejected as binary.
func decodeText(name string, data []byte) (string, error) {
	var text string
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		text = toValidUTF8(data[len(bomUTF8):])
	case bytes.HasPrefix(data, bomUTF16LE):
		text = decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), data)
	case bytes.HasPrefix(data, bomUTF16BE):
		text = decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), data)
	default:
		if enc := sniffUTF16(data); enc != nil {
			text = decodeWith(enc, data)
			break
		}
		if bytes.IndexByte(data, 0) >= 0 {
			return "", fmt.Errorf("%s: %w (NUL bytes)", name, ErrBinary)
		}
		text = decodeUnknown(data)
	}
	if err := checkText(text); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return text, nil
}

// decodeUnknown decodes BOM-less, NUL-free data.
func decodeUnknown(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	// GB18030 accepts most byte pairs, so UTF-8 with a few damaged bytes
	// (a file cut inside a character) would decode "cleanly" into nonsense:
	// only data that is not predominantly UTF-8 is tried as GB18030.
	if !mostlyUTF8(data) {
		if s, bad := decodeGB18030(data); bad == 0 {
			return s
		}
	}
	// Mixed or damaged: decide per line, so a GBK paragraph pasted into a
	// UTF-8 file, or a few stray bytes, do not spoil the rest.
	lines := bytes.SplitAfter(data, []byte("\n"))
	var b strings.Builder
	b.Grow(len(data))
	for _, l := range lines {
		if utf8.Valid(l) || mostlyUTF8(l) {
			b.WriteString(toValidUTF8(l))
			continue
		}
		// A GBK line with a broken byte or two is GBK: read as UTF-8,
		// every character of it would be lost.
		if s, bad := decodeGB18030(l); bad == 0 || bad*10 <= utf8.RuneCountInString(s) {
			b.WriteString(s)
			continue
		}
		b.WriteString(toValidUTF8(l))
	}
	return b.String()
}

// mostlyUTF8 reports whether data holds well-formed multi-byte UTF-8
// sequences and only a few invalid bytes. GBK text forms an accidental
// UTF-8 sequence now and then, but far more invalid bytes.
func mostlyUTF8(data []byte) bool {
	var multi, bad int
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
		case size > 1:
			multi++
		}
		data = data[size:]
	}
	return multi > 0 && bad*10 <= multi
}

// decodeGB18030 decodes data as GB18030 and counts the byte sequences that
// are not valid GB18030 (the decoder turns them into U+FFFD).
func decodeGB18030(data []byte) (string, int) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", len(data)
	}
	s := string(out)
	return s, strings.Count(s, "\uFFFD") - bytes.Count(data, []byte("\xef\xbf\xbd"))
}

func decodeWith(enc encoding.Encoding, data []byte) string {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return toValidUTF8(data)
	}
	return toValidUTF8(out)
}

func toValidUTF8(b []byte) string {
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// sniffUTF16 recognises BOM-less UTF-16: data with NUL bytes that decodes,
// in one byte order, to text made of the characters Chinese documents use.
// It returns nil when neither byte order gives such text.
func sniffUTF16(data []byte) encoding.Encoding {
	head := data[:min(len(data), sniffBytes)&^1]
	if len(head) < 4 || bytes.IndexByte(head, 0) < 0 {
		return nil
	}
	var best encoding.Encoding
	bestScore := 0.0
	for _, enc := range []encoding.Encoding{
		xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM),
		xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM),
	} {
		if s := textScore(decodeWith(enc, head)); s > bestScore {
			best, bestScore = enc, s
		}
	}
	if bestScore < minTextScore {
		return nil
	}
	return best
}

// minTextScore is the share of common characters UTF-16 sniffing requires.
const minTextScore = 0.95

// textScore is the share of runes that are common in Chinese documents:
// ASCII text, CJK ideographs and punctuation, full-width forms.
func textScore(s string) float64 {
	var total, common int
	for _, r := range s {
		total++
		switch {
		case r == '\n' || r == '\r' || r == '\t' || (r >= 0x20 && r < 0x7f):
			common++
		case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF,
			r >= 0x2010 && r <= 0x206F, r == 0xA0 || r == 0xB7:
			common++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(common) / float64(total)
}

// checkText rejects decoded text that is really binary data.
func checkText(s string) error {
	var total, control, bad int
	for _, r := range s {
		total++
		switch {
		case r == utf8.RuneError:
			bad++
		case r == '\n' || r == '\r' || r == '\t' || r == '\f':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			control++
		case r >= 0xE000 && r <= 0xF8FF, r >= 0xF0000:
			// Private-use characters: what GB18030 makes of random bytes.
			control++
		case !unicode.IsPrint(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r):
			control++
		}
	}
	if total == 0 {
		return nil
	}
	if float64(control)/float64(total) > maxControlShare {
		return ErrBinary
	}
	if float64(bad)/float64(total) > maxReplacementShare {
		return ErrBinary
	}
	return nil
}
