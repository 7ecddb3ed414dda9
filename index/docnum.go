package index

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"govarchive/internal/document"
	"govarchive/internal/norm"
)

// docNum is a 文号 reduced to what identifies it.
type docNum struct {
	Prefix string // 国办发; may be empty
	Year   int    // 0 for 国令第707号
	Seq    int
}

// A 文号 as people type it: 〔2020〕3号, [2020]3号, (2005)20号, 2020年3号,
// 国办发〔2018〕15号, 〔2019〕55 号, 號, and the year-less 国令第707号.
var (
	docNumRe = regexp.MustCompile(`^([\p{Han}A-Za-z]*?)\s*[〔\[［(（【{]?\s*((?:19|20)\d\d)\s*[〕\]］)）】}]?\s*年?\s*第?\s*(\d{1,6})\s*[号號]$`)
	docNoYr  = regexp.MustCompile(`^(\p{Han}{1,12}?)\s*第\s*(\d{1,6})\s*[号號]$`)
)

// parseDocNumber recognises a 文号 in s (the whole of s). internal/norm
// reads the forms found in documents; the local patterns add the looser
// ones people type ((2019)3号 without a prefix, 2020年第3號).
func parseDocNumber(s string) (docNum, bool) {
	if d, ok := norm.ParseDocNumber(s); ok && d.Seq > 0 {
		return docNum{Prefix: d.Prefix, Year: d.Year, Seq: d.Seq}, true
	}
	s = strings.TrimSpace(width.Fold.String(s))
	if m := docNumRe.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[2])
		n, _ := strconv.Atoi(m[3])
		// Without any bracket, 年 must mark the year: 20203号 is not a 文号.
		if !strings.ContainsAny(s, "〔[(【{〕])】}年") {
			return docNum{}, false
		}
		return docNum{Prefix: m[1], Year: y, Seq: n}, n > 0
	}
	if m := docNoYr.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[2])
		return docNum{Prefix: m[1], Seq: n}, n > 0
	}
	return docNum{}, false
}

// keys are the terms indexed in the doc_number field: with and without the
// issuer prefix, so 〔2018〕15号 and 国办发〔2018〕15号 both find it.
func (d docNum) keys() []string {
	if d.Year == 0 {
		return []string{d.Prefix + "#" + strconv.Itoa(d.Seq)}
	}
	base := strconv.Itoa(d.Year) + "-" + strconv.Itoa(d.Seq)
	if d.Prefix == "" {
		return []string{base}
	}
	return []string{base, d.Prefix + base}
}

// queryKey is the most specific key of a typed 文号.
func (d docNum) queryKey() string {
	k := d.keys()
	return k[len(k)-1]
}

// written is the number as documents write it: 〔2020〕3号.
func (d docNum) written() string {
	return d.Prefix + "〔" + strconv.Itoa(d.Year) + "〕" + strconv.Itoa(d.Seq) + "号"
}

func docNumberKeys(doc *document.Document) []string {
	var dn docNum
	if doc.DocYear > 0 && doc.DocSeq > 0 {
		dn = docNum{Prefix: doc.DocPrefix, Year: doc.DocYear, Seq: doc.DocSeq}
	} else if p, ok := parseDocNumber(doc.DocNumber); ok {
		dn = p
	} else {
		return nil
	}
	return dn.keys()
}
