package norm

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are corpus forms plus damaged ones.
var fuzzSeeds = []string{
	"2020年1月6日上午，李亚平市长主持召开市政府第86次常务会议",
	"2023年11月20日(星期一)上午9:30", "二OO五年四月二十九日", "20xx年11月7日下午2:30", "2022年33日",
	"13日下午", "2023/02/01", "2019.11.15 10:11", "〔2020〕3号", "岳政发〔200916号", "国令第707号",
	"（国办发〔1996〕54号）", "[2013]4号", "(2005)20号", "〔2019〕55 號", "十七届十三次常务会议",
	"调度会第三次会议", "2018年第八次", "第 32 次", "二〇〇八年五月二十七日",
}

// addCorpusSeeds adds the first lines of the corpus documents when the
// corpus is present; fuzzing works without it.
func addCorpusSeeds(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*", "*.txt"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		s := string(b)
		if len(s) > 600 {
			s = s[:600]
		}
		f.Add(strings.ToValidUTF8(s, ""))
	}
}

func FuzzFindDates(f *testing.F) {
	addCorpusSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, m := range FindDates(s) {
			if m.Start < prev || m.End <= m.Start || m.End > len(s) {
				t.Fatalf("bad span [%d:%d] after %d in %q", m.Start, m.End, prev, s)
			}
			prev = m.End
			if !utf8.ValidString(s[m.Start:m.End]) && utf8.ValidString(s) {
				t.Fatalf("span cuts a character: %q", s[m.Start:m.End])
			}
			d := m.Date
			if !d.Valid() || !yearInRange(d.Year) {
				t.Fatalf("invalid date %+v from %q", d, s[m.Start:m.End])
			}
			if d.Year != 0 && d.Month != 0 && d.ISO() == "" {
				t.Fatalf("no ISO for %+v", d)
			}
			if d.Month == 0 && d.Year != 0 {
				t.Fatalf("year without month: %+v", d)
			}
		}
	})
}

func FuzzFindDocNumber(f *testing.F) {
	addCorpusSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		d, start, end, ok := FindDocNumber(s)
		if !ok {
			return
		}
		if start < 0 || end <= start || end > len(s) {
			t.Fatalf("bad span [%d:%d] in %q", start, end, s)
		}
		if d.Seq <= 0 || d.Text == "" || !strings.HasSuffix(d.Text, "号") || !strings.HasPrefix(d.Text, d.Prefix) {
			t.Fatalf("bad doc number %+v from %q", d, s[start:end])
		}
		if d.Year != 0 && !plausibleDocYear(d.Year) {
			t.Fatalf("bad year %+v", d)
		}
		// The span alone parses to the same number.
		if p, ok := ParseDocNumber(s[start:end]); !ok || p != d {
			t.Fatalf("ParseDocNumber(%q) = %+v, %v; FindDocNumber gave %+v", s[start:end], p, ok, d)
		}
	})
}

func FuzzFindMeetingNo(f *testing.F) {
	addCorpusSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := FindMeetingNo(s)
		if !ok {
			return
		}
		if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
			t.Fatalf("bad span %+v in %q", m, s)
		}
		if m.Session < 1 || !strings.HasSuffix(m.Name, removeSpaces(m.Text)) || strings.TrimSpace(m.Text) != m.Text {
			t.Fatalf("bad meeting %+v", m)
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"四十二", "一百零八", "二○○八", "两", "１２", "十万零三"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n, ok := ParseNumber(s); ok && (n < 0 || n > maxNumber*10) {
			t.Fatalf("ParseNumber(%q) = %d", s, n)
		}
	})
}
