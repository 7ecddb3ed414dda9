package dept

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzDept checks the invariants callers rely on for any input: mentions are
// in order, do not overlap, lie on rune boundaries and name the text they
// span; lengths are decreasing rune boundaries within s; nothing panics.
// Run longer with: go test ./internal/dept -fuzz FuzzDept -fuzztime 60s
func FuzzDept(f *testing.F) {
	for _, s := range []string{
		"由市应急局会同相关部门", "市委编办\n詹利剑 市发改委凌鸣", "人行苏州中支陈军", "（市人力资源社会保障局、市医保局负责）",
		"責成縣婦聯", "市  \n交通局", "\xff市局", "", "市", "委", "人行…中支", "中共", "党委",
	} {
		f.Add(s, "苏州市人民政府")
	}
	tb, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s, issuer string) {
		last := 0
		for _, m := range tb.Find(s) {
			if m.Start < last || m.End <= m.Start || m.End > len(s) {
				t.Fatalf("Find(%q): bad span %+v after %d", s, m, last)
			}
			if utf8.ValidString(s) && (!utf8.RuneStart(s[m.Start]) || m.End < len(s) && !utf8.RuneStart(s[m.End])) {
				t.Fatalf("Find(%q): %+v not on rune boundaries", s, m)
			}
			span := strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) {
					return -1
				}
				return r
			}, s[m.Start:m.End])
			if span != m.Name {
				t.Fatalf("Find(%q): %q spans %q", s, m.Name, s[m.Start:m.End])
			}
			if _, ok := tb.Resolve(m.Name, issuer); !ok {
				t.Fatalf("Find(%q) gave %q, which Resolve rejects", s, m.Name)
			}
			last = m.End
		}
		prev := len(s) + 1
		for _, n := range tb.Lengths(s) {
			if n <= 0 || n >= prev || n > len(s) || utf8.ValidString(s) && n < len(s) && !utf8.RuneStart(s[n]) {
				t.Fatalf("Lengths(%q): bad length %d (previous %d)", s, n, prev)
			}
			prev = n
		}
		tb.Resolve(s, issuer)
		tb.Forms(s)
		PlaceOf(issuer)
	})
}
