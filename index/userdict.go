package index

import (
	"context"
	"sort"
	"unicode"
	"unicode/utf8"

	"govarchive/internal/document"
	"govarchive/internal/segment"
)

// UserWords returns the user dictionary the archive in this index implies:
// every person and department name it holds, tagged segment.UserPOS. Build
// the segmenter with it (segment.New), record UserDictionaryVersion of it in
// Options.DictionaryVersion, and reindex when that version changes.
func (ix *Index) UserWords(ctx context.Context) ([]segment.Word, error) {
	set := map[string]bool{}
	for _, f := range []string{fPerson, fDeptAny, fDepartment} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := ix.visitTerms(f, func(term string, _ int) { set[term] = true }); err != nil {
			return nil, err
		}
	}
	return wordsOf(set), nil
}

// UserWordsFrom is UserWords for documents not indexed yet (a first ingest
// or a reindex from the sources).
func UserWordsFrom(docs []*document.Document) []segment.Word {
	set := map[string]bool{}
	for _, d := range docs {
		for _, p := range personNames(d) {
			set[p] = true
		}
		for _, n := range d.Departments {
			set[n] = true
		}
		for _, r := range d.DepartmentRefs {
			set[r.Name] = true
			set[r.Canonical] = true
		}
	}
	return wordsOf(set)
}

func wordsOf(set map[string]bool) []segment.Word {
	out := make([]segment.Word, 0, len(set))
	for w := range set {
		if userWordOK(w) {
			out = append(out, segment.Word{Text: w, Freq: segment.UserFreq, POS: segment.UserPOS})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Text < out[j].Text })
	return out
}

// userWordOK keeps names of 2–24 Han characters: anything else (masked
// names like 李xx, stray punctuation) would teach gse wrong words.
func userWordOK(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < 2 || n > 24 {
		return false
	}
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}
