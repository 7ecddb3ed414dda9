package index

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
)

const (
	defaultSuggest = 10
	maxSuggest     = 50
)

// suggestCache holds the completion candidates of one index, built on the
// first Suggest after a write.
type suggestCache struct {
	mu      sync.Mutex
	stale   bool
	built   bool
	entries []suggestEntry
}

type suggestEntry struct {
	Suggestion
	initials string // pinyin initials: 李亚平 → lyp
}

func (c *suggestCache) invalidate() {
	c.mu.Lock()
	c.stale = true
	c.mu.Unlock()
}

// Suggest completes people, departments and titles that start with prefix,
// written in Chinese or as pinyin initials (lyp → 李亚平). Names that merely
// contain prefix follow those that start with it.
func (ix *Index) Suggest(ctx context.Context, prefix string, n int) ([]Suggestion, error) {
	if n == 0 {
		n = defaultSuggest
	}
	if n < 1 || n > maxSuggest {
		return nil, fmt.Errorf("%w: n: must be between 1 and %d", ErrInvalidQuery, maxSuggest)
	}
	prefix = strings.ToLower(strings.TrimSpace(ix.simplify(prefix)))
	if prefix == "" {
		return []Suggestion{}, nil
	}
	if utf8.RuneCountInString(prefix) > 64 {
		return nil, fmt.Errorf("%w: q: too long for a suggestion", ErrInvalidQuery)
	}
	entries, err := ix.suggestEntries(ctx)
	if err != nil {
		return nil, err
	}
	latin := isLatin(prefix)
	type scored struct {
		e    *suggestEntry
		rank int
	}
	var found []scored
	for i := range entries {
		e := &entries[i]
		switch {
		case strings.HasPrefix(strings.ToLower(e.Text), prefix):
			found = append(found, scored{e, 0})
		case latin && strings.HasPrefix(e.initials, prefix):
			found = append(found, scored{e, 1})
		case !latin && strings.Contains(e.Text, prefix):
			found = append(found, scored{e, 2})
		}
	}
	kindRank := map[string]int{SuggestPerson: 0, SuggestDepartment: 1, SuggestTitle: 2}
	sort.SliceStable(found, func(i, j int) bool {
		a, b := found[i], found[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if a.e.Count != b.e.Count {
			return a.e.Count > b.e.Count
		}
		if kindRank[a.e.Kind] != kindRank[b.e.Kind] {
			return kindRank[a.e.Kind] < kindRank[b.e.Kind]
		}
		return len(a.e.Text) < len(b.e.Text)
	})
	out := make([]Suggestion, 0, n)
	seen := map[string]bool{}
	for _, f := range found {
		if len(out) == n {
			break
		}
		if seen[f.e.Kind+"\x00"+f.e.Text] {
			continue
		}
		seen[f.e.Kind+"\x00"+f.e.Text] = true
		out = append(out, f.e.Suggestion)
	}
	return out, nil
}

func (ix *Index) suggestEntries(ctx context.Context) ([]suggestEntry, error) {
	c := &ix.suggest
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.built && !c.stale {
		return c.entries, nil
	}
	var entries []suggestEntry
	for _, src := range []struct{ field, kind string }{
		{fPerson, SuggestPerson}, {fDeptAny, SuggestDepartment}, {fTitleKey, SuggestTitle},
	} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		err := ix.visitTerms(src.field, func(term string, count int) {
			entries = append(entries, suggestEntry{
				Suggestion: Suggestion{Text: term, Kind: src.kind, Count: count},
				initials:   initials(term),
			})
		})
		if err != nil {
			return nil, err
		}
	}
	c.entries, c.built, c.stale = entries, true, false
	return entries, nil
}

func (ix *Index) visitTerms(field string, fn func(term string, count int)) error {
	fd, err := ix.bi.FieldDict(field)
	if err != nil {
		return fmt.Errorf("index: terms of %s: %w", field, err)
	}
	defer fd.Close()
	for {
		e, err := fd.Next()
		if err != nil {
			return fmt.Errorf("index: terms of %s: %w", field, err)
		}
		if e == nil {
			return nil
		}
		fn(e.Term, int(e.Count))
	}
}

// pinyinArgs is read-only after construction.
var pinyinArgs = func() pinyin.Args {
	a := pinyin.NewArgs()
	a.Style = pinyin.FirstLetter
	return a
}()

// initials spells the pinyin first letters of the Han characters of s
// (Latin letters and digits kept), up to 16 of them.
func initials(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == 16 {
			break
		}
		switch {
		case unicode.Is(unicode.Han, r):
			if p := pinyin.SinglePinyin(r, pinyinArgs); len(p) > 0 && p[0] != "" {
				b.WriteString(p[0][:1])
				n++
			}
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToLower(r))
			n++
		}
	}
	return b.String()
}

func isLatin(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}
