// Package segment builds the process-wide gse segmenter. Loading the
// dictionary costs about a second and 130 MB, so a process builds one
// Segmenter, with every user word, before it serves, and only reads it after:
// gse has no locks, and adding words while another goroutine cuts races.
package segment

import (
	"fmt"
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
