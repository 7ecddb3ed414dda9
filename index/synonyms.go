package index

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode/utf8"
)

//go:embed synonyms.txt
var builtinSynonyms string

// synonyms maps each term to its equivalence group. Built once by Open and
// read-only afterwards.
type synonyms struct {
	group  map[string]int
	groups [][]string
	terms  []string // all terms, longest first, for substring matches
}

func loadSynonyms(extraFile string, extra [][]string, simplify func(string) string) (*synonyms, error) {
	var all [][]string
	g, err := parseSynonyms(strings.NewReader(builtinSynonyms))
	if err != nil {
		return nil, fmt.Errorf("built-in synonyms: %w", err)
	}
	all = append(all, g...)
	if extraFile != "" {
		f, err := os.Open(extraFile)
		if err != nil {
			return nil, fmt.Errorf("synonyms file: %w", err)
		}
		g, err := parseSynonyms(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("synonyms file %s: %w", extraFile, err)
		}
		all = append(all, g...)
	}
	all = append(all, extra...)

	s := &synonyms{group: map[string]int{}}
	for _, grp := range all {
		// Merge groups that share a term: a deployment may extend a built-in one.
		target := -1
		for _, t := range grp {
			if i, ok := s.group[strings.ToLower(simplify(t))]; ok {
				target = i
				break
			}
		}
		if target < 0 {
			target = len(s.groups)
			s.groups = append(s.groups, nil)
		}
		for _, t := range grp {
			// Latin terms in lower case, as variants looks them up (PPP, COVID-19).
			t = strings.ToLower(simplify(strings.TrimSpace(t)))
			if t == "" {
				continue
			}
			if _, ok := s.group[t]; ok {
				continue
			}
			s.group[t] = target
			s.groups[target] = append(s.groups[target], t)
			s.terms = append(s.terms, t)
		}
	}
	sort.SliceStable(s.terms, func(i, j int) bool {
		return utf8.RuneCountInString(s.terms[i]) > utf8.RuneCountInString(s.terms[j])
	})
	return s, nil
}

func parseSynonyms(r io.Reader) ([][]string, error) {
	var out [][]string
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.FieldsFunc(line, func(r rune) bool { return r == '=' || r == '＝' || r == ',' || r == '，' })
		var grp []string
		for _, p := range parts {
			if p = strings.TrimSpace(p); p != "" {
				grp = append(grp, p)
			}
		}
		if len(grp) < 2 {
			return nil, fmt.Errorf("line %d: a group needs at least two terms", n)
		}
		out = append(out, grp)
	}
	return out, sc.Err()
}

// variants returns the other ways to write term: every other member of its
// group, or, when a member occurs inside term, term with that member
// replaced by each other one. term itself is not included.
func (s *synonyms) variants(term string) []string {
	if s == nil || term == "" {
		return nil
	}
	term = strings.ToLower(term) // COVID-19 as the list writes it
	if i, ok := s.group[term]; ok {
		return others(s.groups[i], term)
	}
	for _, t := range s.terms {
		if utf8.RuneCountInString(t) < 2 || !strings.Contains(term, t) {
			continue
		}
		var out []string
		for _, o := range others(s.groups[s.group[t]], t) {
			out = append(out, strings.Replace(term, t, o, 1))
		}
		return out
	}
	return nil
}

// stemVariants returns the units a two-character stem shortens (住建 →
// 住建局, 住房和城乡建设局, 住建部…): the groups of stem+局, stem+委 and
// stem+部. A longer term is no stem.
func (s *synonyms) stemVariants(term string) []string {
	if s == nil || utf8.RuneCountInString(term) != 2 || !phrasePrefixOK(term) {
		return nil
	}
	var out []string
	for _, suffix := range []string{"局", "委", "部"} {
		if i, ok := s.group[term+suffix]; ok {
			out = append(out, s.groups[i]...)
		}
	}
	return out
}

func others(group []string, except string) []string {
	out := make([]string, 0, len(group))
	for _, g := range group {
		if g != except {
			out = append(out, g)
		}
	}
	return out
}
