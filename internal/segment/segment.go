// Package segment builds the process-wide gse segmenter. Loading the
// dictionary costs about a second and 130 MB, so a process builds one
// Segmenter, with every user word, before it serves, and only reads it after:
// gse has no locks, and adding words while another goroutine cuts races.
package segment

import (
	"fmt"
	"sort"
	"strings"

	"github.com/go-ego/gse"
)

// zhSWords is the number of words in gse's embedded zh_s dictionary.
const zhSWords = 352_275

// UserPOS tags words from our own dictionaries (departments, people), so the
// tokenizer can keep them whole instead of emitting their sub-words.
const UserPOS = "ud"

// Word is a user-dictionary entry.
type Word struct {
	Text string
	Freq float64 // ≥ 2, or gse drops it silently
	POS  string
}

// New returns a segmenter with the embedded simplified-Chinese dictionary
// and the given user words. User words are loaded first because gse keeps
// the first frequency it sees for a word.
func New(user []Word) (*gse.Segmenter, error) {
	// No HMM: nothing here cuts with it, and loading its model writes
	// gse's package-level tables, a race between two segmenters loading.
	seg := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	// gse appends each word to Dict.Tokens one at a time; grown that way the
	// slice of 352,000 tokens is copied over and over, a fifth of the load.
	seg.Dict = gse.NewDict()
	seg.Dict.Tokens = make([]gse.Token, 0, zhSWords+len(user))
	seg.Init()
	if len(user) > 0 {
		var b strings.Builder
		for _, w := range user {
			t := strings.TrimSpace(w.Text)
			if t == "" || strings.ContainsAny(t, " \t\n") {
				continue
			}
			f := w.Freq
			if f < 2 {
				f = 2
			}
			pos := w.POS
			if pos == "" {
				pos = UserPOS
			}
			fmt.Fprintf(&b, "%s %g %s\n", t, f, pos)
		}
		if err := seg.LoadDictStr(b.String()); err != nil {
			return nil, fmt.Errorf("load user dictionary: %w", err)
		}
	}
	// zh_s only: the traditional dictionary costs another 70 MB, and text is
	// converted to simplified before it is segmented.
	if err := seg.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("load gse dictionary: %w", err)
	}
	// LoadDictEmbed does not set Load; without it a later LoadDict would
	// replace the embedded dictionary instead of adding to it.
	seg.Load = true
	return seg, nil
}

// UserFreq keeps a user word whole against gse's own cuts (市民/政局).
const UserFreq = 1000

// Corrections to gse's dictionary, loaded before it so that they win (gse
// keeps the first frequency it sees): 市政府第86次 must not cut as 市政/府第,
// nor 后发文 as 后发/文. A frequency of 2 is the least gse accepts.
var dictionaryFixes = []Word{
	{Text: "市政府", Freq: 50000}, {Text: "区政府", Freq: 50000}, {Text: "县政府", Freq: 50000},
	{Text: "府第", Freq: 2}, {Text: "后发", Freq: 2},
	// 常务副市长 is one word whose parts (常务, 常务副, 副市长, 市长) are
	// indexed with it, or a search for 副市长 misses every executive
	// vice-mayor (gse cut 常务副/市长).
	{Text: "副市长", Freq: 3000}, {Text: "副主任", Freq: 3000}, {Text: "副秘书长", Freq: 3000},
	{Text: "旗长", Freq: 1000}, {Text: "副旗长", Freq: 1000},
	{Text: "常务副市长", Freq: 3000}, {Text: "常务副县长", Freq: 3000}, {Text: "常务副区长", Freq: 3000},
	{Text: "常务副省长", Freq: 3000}, {Text: "常务副州长", Freq: 3000}, {Text: "常务副主任", Freq: 3000},
	{Text: "常务副秘书长", Freq: 3000}, {Text: "常务副旗长", Freq: 3000}, {Text: "常务副盟长", Freq: 3000},
}

// UserWords is the user dictionary every segmenter of the project loads:
// the corrections above, the department names (bare, 民政局, and with the
// relative place prefixes minutes use, 市民政局, or gse would cut 市民/政局)
// and the archive's own words.
func UserWords(deptNames []string, archive []Word) []Word {
	seen := map[string]bool{}
	var words []Word
	add := func(w Word) {
		if !seen[w.Text] {
			seen[w.Text] = true
			words = append(words, w)
		}
	}
	for _, w := range dictionaryFixes {
		add(Word{Text: w.Text, Freq: w.Freq, POS: "n"})
	}
	for _, w := range deptNames {
		add(Word{Text: w, Freq: UserFreq, POS: UserPOS})
		if !strings.HasPrefix(w, "市") && !strings.HasPrefix(w, "区") && !strings.HasPrefix(w, "县") {
			for _, place := range []string{"市", "区", "县"} {
				add(Word{Text: place + w, Freq: UserFreq, POS: UserPOS})
			}
		}
	}
	for _, w := range archive {
		add(w)
	}
	sort.Slice(words, func(i, j int) bool { return words[i].Text < words[j].Text })
	return words
}
