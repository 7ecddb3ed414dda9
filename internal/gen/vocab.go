package gen

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// The vocabularies live in data/ as plain text so they can be reviewed and
// extended without touching code; they are parsed once per process.
//
//go:embed data/*.txt
var dataFS embed.FS

// place is a government the generator writes documents for.
type place struct {
	Province string
	Name     string // 苏州市, 张家港市, 桦南县
	Level    string // the character used for relative names: 市, 县, 区, 州, 旗, 省
	Short    string // 苏州: used in names like 苏州海关
	Abbr     string // 苏: 文号 prefix (苏政发)
	City     *place // the prefecture a county belongs to; nil for cities and provinces
	Counties []*place
}

// dept is a generic department: its full and short names, without the level prefix.
type dept struct {
	Full, Abbr string
	Group      string // alternatives of which a government has one
	GroupIx    int    // index within the group
}

// titleSet holds leadership titles by role, with {L} for the level character.
type titleSet map[string][]string

type vocab struct {
	places     []*place // cities and counties, in file order
	cities     []*place
	provinces  []*place
	local      []dept // departments of city and county governments
	units      []dept // other units that attend: party organs, courts, companies
	cityOnly   []dept
	province   []dept
	provUnits  []dept
	national   []dept
	surnames   []string
	given      []string
	titles     titleSet
	domains    []string
	groupSize  map[string]int
	domainLead map[string]string // domain → full name of the department that usually leads it
	deptByFull map[string]dept
	doctypes   []string
	actions    []string
	phrases    []string
	subjects   []string
	trad       map[rune]rune
	pinyin     map[rune]string
}

// loadVocab parses the embedded tables once; the result is never mutated.
var loadVocab = sync.OnceValues(parseVocab)

func parseVocab() (*vocab, error) {
	v := &vocab{trad: map[rune]rune{}, pinyin: map[rune]string{}, groupSize: map[string]int{}}
	var err error
	read := func(name string, fn func(fields []string) error) {
		if err != nil {
			return
		}
		err = readTable(name, fn)
	}
	provinces := map[string]*place{}
	read("places.txt", func(f []string) error {
		parts := strings.Split(f[0], "|")
		if len(parts) != 3 {
			return fmt.Errorf("want province|city|counties, got %q", f[0])
		}
		prov := provinces[parts[0]]
		if prov == nil {
			prov = newPlace(parts[0], parts[0], nil)
			if prov.Level == "省" || prov.Level == "市" {
				v.provinces = append(v.provinces, prov)
			}
			provinces[parts[0]] = prov
		}
		city := newPlace(parts[0], parts[1], nil)
		v.cities = append(v.cities, city)
		v.places = append(v.places, city)
		for _, c := range strings.Split(parts[2], ",") {
			county := newPlace(parts[0], c, city)
			city.Counties = append(city.Counties, county)
			v.places = append(v.places, county)
		}
		return nil
	})
	read("departments.txt", func(f []string) error {
		parts := strings.Split(f[0], "|")
		if len(parts) != 3 && len(parts) != 4 {
			return fmt.Errorf("want scope|full|short[|group], got %q", f[0])
		}
		d := dept{Full: parts[1], Abbr: parts[2]}
		if len(parts) == 4 {
			d.Group, d.GroupIx = parts[3], v.groupSize[parts[3]]
			v.groupSize[parts[3]]++
		}
		switch parts[0] {
		case "L":
			v.local = append(v.local, d)
		case "U":
			v.units = append(v.units, d)
		case "C":
			v.cityOnly = append(v.cityOnly, d)
		case "P":
			v.province = append(v.province, d)
		case "Q":
			v.provUnits = append(v.provUnits, d)
		default:
			return fmt.Errorf("unknown scope %q", parts[0])
		}
		return nil
	})
	read("national.txt", func(f []string) error {
		parts := strings.Split(f[0], "|")
		if len(parts) != 2 {
			return fmt.Errorf("want full|short, got %q", f[0])
		}
		v.national = append(v.national, dept{Full: parts[0], Abbr: parts[1]})
		return nil
	})
	read("surnames.txt", func(f []string) error { v.surnames = append(v.surnames, f...); return nil })
	seen := map[string]bool{}
	read("given.txt", func(f []string) error {
		for _, c := range f {
			if !seen[c] {
				seen[c] = true
				v.given = append(v.given, c)
			}
		}
		return nil
	})
	v.titles = titleSet{}
	read("titles.txt", func(f []string) error {
		role, t, ok := strings.Cut(f[0], "|")
		if !ok {
			return fmt.Errorf("want role|title, got %q", f[0])
		}
		v.titles[role] = append(v.titles[role], t)
		return nil
	})
	lines := func(dst *[]string) func([]string) error {
		return func(f []string) error { *dst = append(*dst, strings.Join(f, " ")); return nil }
	}
	v.domainLead = map[string]string{}
	read("domains.txt", func(f []string) error {
		dom, lead, _ := strings.Cut(strings.Join(f, " "), "|")
		v.domains = append(v.domains, dom)
		if lead != "" {
			v.domainLead[dom] = lead
		}
		return nil
	})
	read("doctypes.txt", lines(&v.doctypes))
	read("actions.txt", lines(&v.actions))
	read("phrases.txt", lines(&v.phrases))
	read("subjects.txt", lines(&v.subjects))
	read("trad.txt", func(f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("want simplified traditional pinyin, got %q", f)
		}
		s, _ := utf8.DecodeRuneInString(f[0])
		t, _ := utf8.DecodeRuneInString(f[1])
		v.trad[s] = t
		v.pinyin[t] = f[2]
		return nil
	})
	if err != nil {
		return nil, err
	}
	v.deptByFull = map[string]dept{}
	for _, list := range [][]dept{v.cityOnly, v.units, v.local} {
		for _, d := range list {
			v.deptByFull[d.Full] = d
		}
	}
	for dom, lead := range v.domainLead {
		if _, ok := v.deptByFull[lead]; !ok {
			return nil, fmt.Errorf("gen: domain %s: lead department %s is not in departments.txt", dom, lead)
		}
	}
	for name, n := range map[string]int{
		"places": len(v.places), "local departments": len(v.local), "national departments": len(v.national),
		"surnames": len(v.surnames), "given-name characters": len(v.given), "domains": len(v.domains),
		"document types": len(v.doctypes), "phrases": len(v.phrases), "subjects": len(v.subjects),
		"chair titles": len(v.titles["chair"]), "vice titles": len(v.titles["vice"]),
	} {
		if n == 0 {
			return nil, fmt.Errorf("gen: vocabulary %s is empty", name)
		}
	}
	return v, nil
}

func newPlace(province, name string, city *place) *place {
	p := &place{Province: province, Name: name, City: city}
	r, _ := utf8.DecodeLastRuneInString(name)
	p.Level = string(r)
	runes := []rune(name)
	switch {
	case strings.HasSuffix(name, "自治区") || strings.HasSuffix(name, "自治州") || strings.HasSuffix(name, "自治县"):
		p.Short = string(runes[:2])
	case len(runes) > 2:
		p.Short = string(runes[:len(runes)-1])
	default:
		p.Short = name
	}
	p.Abbr = string(runes[0])
	return p
}

// readTable calls fn with the whitespace-separated fields of every
// non-empty, non-comment line of an embedded data file.
func readTable(name string, fn func(fields []string) error) error {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return fmt.Errorf("gen: read %s: %w", name, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(strings.Fields(line)); err != nil {
			return fmt.Errorf("gen: %s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gen: scan %s: %w", name, err)
	}
	return nil
}

// hash64 is FNV-1a over the parts, mixed with the seed, so rosters are stable
// for a seed and independent of the order documents are generated in.
func hash64(seed uint64, parts ...string) uint64 {
	h := uint64(14695981039346656037) ^ seed
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			h ^= uint64(p[i])
			h *= 1099511628211
		}
		h ^= 0xff
		h *= 1099511628211
	}
	// splitmix64 finaliser: FNV's low bits are weak for short keys.
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// personName derives a name from a hash: a surname drawn with a bias toward
// the common ones, and one or two given-name characters.
func (v *vocab) personName(h uint64) string {
	u := float64(h>>40) / float64(1<<24) // 24 bits for the surname
	si := int(u * u * float64(len(v.surnames)))
	var b strings.Builder
	b.WriteString(v.surnames[si])
	g := h & 0xffffffffff
	b.WriteString(v.given[g%uint64(len(v.given))])
	g /= uint64(len(v.given))
	if g%100 >= 20 { // about one name in five has a single given character
		g /= 100
		b.WriteString(v.given[g%uint64(len(v.given))])
	}
	return b.String()
}
