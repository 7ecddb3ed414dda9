// Package dept recognises and normalises the departments, offices and other
// units that Chinese government documents name: "市应急局", "市委编办",
// "人行苏州中支", "苏州工业园区". It combines a curated table of generic
// department names with their abbreviations and former names
// (data/departments.tsv, embedded) with generic patterns — an optional place,
// a stem and a unit suffix such as 局/委/办/中心/支队 — so that units the table
// does not list are still recognised.
//
// A name is made of up to three parts: a place (苏州市, 珠海市斗门区, or a bare
// 苏州 for agencies such as 苏州海关), or a relative prefix (市/区/县…) that
// refers to the issuer's own place; then the department proper, either a
// table key (卫健委) or stem+suffix (民族宗教事务局). Resolve turns it into a
// canonical name: the issuer's place for a relative prefix, the full generic
// name for an abbreviation.
//
// Generic phrases are not departments: 有关部门, 各相关部门, 市民, 市长, 会议,
// 市政府常务会议 all resolve to ok=false. The governments and committees
// themselves (市政府, 市委, 市人大常委会: category "body") and bare places
// (张家港市) are units — Lengths and Resolve accept them, because attendee
// runs name them ("张家港市王松石") — but Find, which looks for departments in
// prose, does not report them.
//
// Text is expected in simplified characters: callers convert traditional text
// before extraction.
package dept

import (
	"bufio"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data/departments.tsv
var tableTSV string

// Categories of entries (column 4 of the data file).
const (
	CatGov      = "gov"
	CatParty    = "party"
	CatCourt    = "court"
	CatPeople   = "people"
	CatVertical = "vertical"
	CatCenter   = "center"
	CatZone     = "zone"
	CatBody     = "body"
	CatNational = "national"
	CatCentral  = "central"
)

var validCategory = map[string]bool{
	CatGov: true, CatParty: true, CatCourt: true, CatPeople: true, CatVertical: true,
	CatCenter: true, CatZone: true, CatBody: true, CatNational: true, CatCentral: true,
}

// Entry is one department of the table, with generic (place-free) names.
type Entry struct {
	Name     string   `json:"name"` // canonical generic name; "…" marks where a place goes
	Aliases  []string `json:"aliases,omitempty"`
	Former   []Former `json:"former,omitempty"`
	Category string   `json:"category"`
}

// Former is a name an entry had before a reorganisation.
type Former struct {
	Name  string `json:"name"`
	Until int    `json:"until,omitempty"` // last year in use, 0 if unknown
}

// Mention is a department found in free text; Start and End are byte offsets
// into the text, and Name is the text between them without whitespace (a name
// may be wrapped across lines).
type Mention struct {
	Name       string `json:"name"`
	Start, End int
}

type keyKind uint8

const (
	keyName keyKind = iota
	keyAlias
	keyDerived
	keyFormer
)

type keyRef struct {
	entry int
	kind  keyKind
}

// template is an alias with a place inside it: 人行…中支.
type template struct {
	prefixRunes, suffixRunes []rune
	entry                    int
}

// Table is the curated department table. It is immutable after New and safe
// for concurrent use.
type Table struct {
	entries   []Entry
	keys      map[string]keyRef
	templates []template
	maxKey    int     // longest key, in runes
	lastRunes runeSet // last rune of every key and generic suffix, to prune Find
	rkeys     *rnode  // keys read backwards, so the keys ending a name are found in one walk
}

// rnode is a node of a trie of the keys read from their last rune backwards.
type rnode struct {
	next map[rune]*rnode
	ref  keyRef
	key  bool
}

func (n *rnode) insert(k string, ref keyRef) {
	rs := []rune(k)
	for i := len(rs) - 1; i >= 0; i-- {
		c, ok := n.next[rs[i]]
		if !ok {
			c = &rnode{next: map[rune]*rnode{}}
			n.next[rs[i]] = c
		}
		n = c
	}
	n.ref, n.key = ref, true
}

// New parses the embedded table.
func New() (*Table, error) {
	return parse(tableTSV)
}

// NewFrom builds a table from data in the format of data/departments.tsv, so a
// deployment can extend the shipped table (append its lines to Data()).
func NewFrom(data string) (*Table, error) {
	return parse(data)
}

// Data returns the embedded table file.
func Data() string { return tableTSV }

func parse(data string) (*Table, error) {
	t := &Table{keys: map[string]keyRef{}, lastRunes: runeSet{}}
	derived := map[string]int{} // derived key → entry, -1 when ambiguous
	sc := bufio.NewScanner(strings.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		raw := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(raw) == "" || strings.HasPrefix(raw, "#") {
			continue
		}
		cols := strings.Split(raw, "\t")
		if len(cols) != 4 {
			return nil, fmt.Errorf("departments line %d: want 4 tab-separated columns, got %d", line, len(cols))
		}
		e := Entry{Name: strings.TrimSpace(cols[0]), Category: strings.TrimSpace(cols[3])}
		if e.Name == "" {
			return nil, fmt.Errorf("departments line %d: empty name", line)
		}
		if !validCategory[e.Category] {
			return nil, fmt.Errorf("departments line %d: unknown category %q", line, e.Category)
		}
		e.Aliases = splitList(cols[1])
		for _, f := range splitList(cols[2]) {
			name, year, found := strings.Cut(f, ":")
			fm := Former{Name: name}
			if found {
				y, err := strconv.Atoi(year)
				if err != nil {
					return nil, fmt.Errorf("departments line %d: former name %q: bad year: %w", line, f, err)
				}
				fm.Until = y
			}
			e.Former = append(e.Former, fm)
		}
		idx := len(t.entries)
		t.entries = append(t.entries, e)

		add := func(k string, kind keyKind) error {
			if strings.Contains(k, "…") {
				p, s, _ := strings.Cut(k, "…")
				t.templates = append(t.templates, template{prefixRunes: []rune(p), suffixRunes: []rune(s), entry: idx})
				if r, _ := utf8.DecodeLastRuneInString(s); s != "" {
					t.lastRunes.add(r)
				}
				return nil
			}
			if prev, ok := t.keys[k]; ok && prev.entry != idx {
				return fmt.Errorf("departments line %d: %q already names %q", line, k, t.entries[prev.entry].Name)
			}
			t.keys[k] = keyRef{entry: idx, kind: kind}
			return nil
		}
		if err := add(e.Name, keyName); err != nil {
			return nil, err
		}
		for _, a := range e.Aliases {
			if err := add(a, keyAlias); err != nil {
				return nil, err
			}
		}
		for _, f := range e.Former {
			if err := add(f.Name, keyFormer); err != nil {
				return nil, err
			}
		}
		for _, f := range append([]string{e.Name}, e.Aliases...) {
			for _, v := range variants(f) {
				if prev, seen := derived[v]; seen && prev != idx {
					derived[v] = -1
				} else {
					derived[v] = idx
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read departments: %w", err)
	}
	// Derived variants never override a key written in the file, and a
	// variant two entries would share is dropped rather than guessed.
	for v, idx := range derived {
		if _, ok := t.keys[v]; ok || idx < 0 {
			continue
		}
		t.keys[v] = keyRef{entry: idx, kind: keyDerived}
	}
	t.rkeys = &rnode{next: map[rune]*rnode{}}
	for k, ref := range t.keys {
		t.rkeys.insert(k, ref)
		n := utf8.RuneCountInString(k)
		t.maxKey = max(t.maxKey, n)
		r, _ := utf8.DecodeLastRuneInString(k)
		t.lastRunes.add(r)
	}
	for _, s := range genericSuffixes {
		r, _ := utf8.DecodeLastRuneInString(s)
		t.lastRunes.add(r)
	}
	for _, l := range levelSuffixes {
		r, _ := utf8.DecodeLastRuneInString(l)
		t.lastRunes.add(r)
	}
	return t, nil
}

// variants derives the forms people write for a full name: …委员会 → …委,
// and names with 和 also without it (发展和改革委员会 → 发展改革委).
func variants(name string) []string {
	if strings.Contains(name, "…") {
		return nil
	}
	forms := []string{name}
	if i := strings.Index(name, "和"); i > 0 {
		forms = append(forms, strings.Replace(name, "和", "", 1))
	}
	var out []string
	for _, f := range forms {
		if f != name {
			out = append(out, f)
		}
		if stem, ok := strings.CutSuffix(f, "委员会"); ok && utf8.RuneCountInString(stem) >= 2 {
			out = append(out, stem+"委")
		}
	}
	return out
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Entries exposes the table (canonical generic name, aliases, former names and
// category of every entry), for synonyms and the user dictionary.
func (t *Table) Entries() []Entry {
	out := make([]Entry, len(t.entries))
	for i, e := range t.entries {
		out[i] = Entry{Name: e.Name, Category: e.Category,
			Aliases: slices.Clone(e.Aliases), Former: slices.Clone(e.Former)}
	}
	return out
}

// Entry returns the table entry a department name refers to (ignoring its
// place), and false for generic or unknown departments.
func (t *Table) Entry(name string) (Entry, bool) {
	p, ok := t.parse(clean(name))
	if !ok || p.entry < 0 {
		return Entry{}, false
	}
	e := t.entries[p.entry]
	return Entry{Name: e.Name, Category: e.Category,
		Aliases: slices.Clone(e.Aliases), Former: slices.Clone(e.Former)}, true
}

// clean drops whitespace (names wrapped across lines) and the Party prefix,
// which canonical names leave out.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	for _, p := range []string{"中国共产党", "中共"} {
		if rest, ok := strings.CutPrefix(s, p); ok && rest != "" {
			return rest
		}
	}
	// 党委宣传部, as render writes a Party department without a place.
	if rest, ok := strings.CutPrefix(s, "党"); ok && strings.HasPrefix(rest, "委") && rest != "委" {
		return rest
	}
	return s
}

// Words returns every name the table knows — canonical names, aliases,
// derived variants and former names, without the ones that need a place
// inside (人行…中支) — sorted, for a segmenter's user dictionary.
func (t *Table) Words() []string {
	var out []string
	for k := range t.keys {
		if utf8.RuneCountInString(k) >= 2 {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// Resolve maps a department as written to its canonical name. The place is
// taken from issuer when the name is relative: "市应急局" with issuer
// "苏州市人民政府" is "苏州市应急管理局", "区卫健局" with "珠海市斗门区人民政府"
// is "斗门区卫生健康局"; when the issuer has no place of that level the
// relative prefix is kept ("市应急管理局"). A name without any place takes the
// issuer's most specific place, unless it is a central agency. A name with its
// own place keeps it ("苏州海关"). Abbreviations and former names map to the
// entry's full generic name; departments the table does not list keep their
// own stem and suffix. ok=false when the string is not a department or unit.
func (t *Table) Resolve(name, issuer string) (canonical string, ok bool) {
	p, ok := t.parse(clean(name))
	if !ok {
		return "", false
	}
	return t.render(p, issuer), true
}

// ResolveWritten is Resolve for a body outside the mainland's system (Hong
// Kong's 食物及衞生局, Macau's 衛生局, Taiwan's 交通局): the place is placed
// as Resolve does, but the name is kept as written, not mapped to the
// mainland entry it resembles (卫生局 is no former 卫生健康委员会 there).
func (t *Table) ResolveWritten(name, issuer string) (canonical string, ok bool) {
	p, ok := t.parse(clean(name))
	if !ok {
		return "", false
	}
	return t.render(asWritten(p), issuer), true
}

// asWritten detaches p and its parents from their table entries.
func asWritten(p parsed) parsed {
	p.entry = -1
	if p.parent != nil {
		parent := asWritten(*p.parent)
		p.parent = &parent
	}
	return p
}

// Forms returns every surface form equivalent to name, for search expansion:
// the entry's canonical generic name, its aliases and the derived variants,
// each also with the place or relative prefix name was written with
// (Forms("市卫健委") holds "卫健委", "卫生健康委员会", "市卫健委",
// "市卫生健康委员会" …), or, for a name written without one, with each of
// 市/区/县 (Forms("卫健委") also holds "市卫健委", "区卫生健康委员会" …). Former names are not included: they are older
// names, not synonyms. A department outside the table yields just its own
// forms; a string that is no department yields nil.
func (t *Table) Forms(name string) []string {
	name = clean(name)
	p, ok := t.parse(name)
	if !ok {
		return nil
	}
	var bare []string
	switch {
	case p.entry >= 0 && p.tmplPlace != "":
		e := t.entries[p.entry]
		for _, f := range append([]string{e.Name}, e.Aliases...) {
			if strings.Contains(f, "…") {
				bare = append(bare, strings.Replace(f, "…", p.tmplPlace, 1))
			}
		}
	case p.entry >= 0:
		for k, ref := range t.keys {
			if ref.entry == p.entry && ref.kind != keyFormer {
				bare = append(bare, k)
			}
		}
	default:
		bare = []string{p.core}
	}
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	add(name)
	slices.Sort(bare)
	prefixes := []string{p.head}
	if p.head == "" && p.tmplPlace == "" && p.cat != CatNational && p.cat != CatCentral {
		// Written without a place: also as each level writes it (市卫健委, 区卫健委).
		prefixes = []string{"市", "区", "县"}
	}
	for _, b := range bare {
		add(b)
		if p.tmplPlace != "" {
			continue
		}
		for _, pre := range prefixes {
			if pre != "" {
				add(pre + b)
			}
		}
	}
	return out
}

// FilterForms returns the forms a filter on name selects: Forms without the
// forms that drop the place name has, so 湘阴县财政局 selects 湘阴县财政局 and
// 湘阴县财政… but not every 财政局. A name without a place of its own (市财政局,
// 财政局) selects all its forms.
func (t *Table) FilterForms(name string) []string {
	forms := t.Forms(name)
	p, ok := t.parse(clean(name))
	if !ok || p.entry < 0 && p.head == "" {
		if lv := t.levelledFilterForms(clean(name)); len(lv) > 0 {
			return append([]string{name}, lv...)
		}
	}
	if ok && p.place && !endsInCommonWord(clean(name)) {
		// A place alone (株洲市) is also its government, as a list of units
		// names it (由株洲市、湘潭市人民政府分别负责).
		return append(forms, t.FilterForms(name+"人民政府")...)
	}
	if ok && p.kind == headNone && p.tmplPlace == "" && p.entry >= 0 && localCat(p.cat) {
		// 卫健委 written without a place is every place's, the nation's
		// too: 国家卫生健康委, which the State Council's documents write
		// as bare 卫生健康委.
		return append(forms, t.nationalForms(p.entry)...)
	}
	if !ok || p.head == "" || p.kind == headRel || p.kind == headNone {
		return forms
	}
	// 武汉市江夏区财政局: documents name it by its own place (江夏区财政局),
	// which the whole chain narrows to as well.
	heads := []string{p.head}
	if segs := placeSegments(p.head); len(segs) > 1 {
		heads = append(heads, segs[len(segs)-1].name)
	}
	out := forms[:0:0]
	for _, f := range forms {
		if strings.HasPrefix(f, p.head) {
			out = append(out, f)
			for _, h := range heads[1:] {
				out = append(out, h+f[len(p.head):])
			}
		}
	}
	return out
}

// Generic reports a department named without a place of its own (财政局,
// 县财政局, 人民法院): a filter on it selects every place's unit of that
// kind, not only the documents whose unit could be placed no further.
// Placed names (湘阴县财政局), national and central units and places are not
// generic.
func (t *Table) Generic(name string) bool {
	p, ok := t.parse(clean(name))
	if !ok || p.place || p.tmplPlace != "" || p.cat == CatNational || p.cat == CatCentral {
		return false
	}
	return p.kind == headNone || p.kind == headRel
}

// nationalForms returns the forms of the national entries named 国家 + a
// name of entry (国家卫生健康委员会 for 卫生健康委员会): the nation's unit of
// that kind, as the resolver reads a bare name in a national document.
func (t *Table) nationalForms(entry int) []string {
	var keys []string
	for k, ref := range t.keys {
		if ref.entry == entry && ref.kind != keyFormer {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var out []string
	done := map[int]bool{}
	for _, k := range keys {
		ref, ok := t.keys["国家"+k]
		if !ok || ref.kind == keyFormer || done[ref.entry] || t.entries[ref.entry].Category != CatNational {
			continue
		}
		done[ref.entry] = true
		out = append(out, t.Forms(t.entries[ref.entry].Name)...)
	}
	return out
}

// endsInCommonWord reports a seeming place whose last place ends an
// ordinary word: 园林城市, 智慧城市 and 国际大都市 are no cities (晋城市 is,
// a one-character stem before 城, and so are 四川省成都市 and 北京市东城区,
// whose last places are 成都市 and 东城区).
func endsInCommonWord(name string) bool {
	if segs := placeSegments(name); len(segs) > 1 {
		name = segs[len(segs)-1].name
	}
	rs := []rune(name)
	return len(rs) >= 4 && relBlocked[[2]rune{rs[len(rs)-2], rs[len(rs)-1]}]
}

// levelledFilterForms reads a unit named with its place but not the
// place's level, as speech and headlines shorten it (苏州应急局, 湘阴住建局):
// as the city's, the county's and the district's, of which an archive holds
// the real one. Only departments of the table qualify, not governments: a
// query's 数字政府 is no 数字市政府.
func (t *Table) levelledFilterForms(name string) []string {
	rs := []rune(name)
	var out []string
	for k := 2; k <= 3 && k+2 <= len(rs); k++ {
		for _, level := range []string{"市", "县", "区"} {
			place := string(rs[:k]) + level
			form := place + string(rs[k:])
			if p, ok := t.parse(form); ok && p.entry >= 0 && p.cat != CatBody && p.kind == headExplicit && p.head == place {
				out = append(out, t.FilterForms(form)...)
			}
		}
	}
	return out
}

// runeSet is a set of the Basic Multilingual Plane's runes as a bitmap:
// Find asks it for the last rune of every candidate name, and a map lookup
// there was a third of Find's time. Runes beyond the plane are never in it.
type runeSet [1 << 16 / 64]uint64

func (s *runeSet) add(r rune) {
	if r >= 0 && r < 1<<16 {
		s[r/64] |= 1 << (r % 64)
	}
}

func (s *runeSet) has(r rune) bool {
	return r >= 0 && r < 1<<16 && s[r/64]&(1<<(r%64)) != 0
}

// Carried returns name with the place of prev, the unit before it in a
// list, when a list writes its place once: in "市发改委、工信局、财政局" the
// later units are the city's (市工信局, 市财政局), and bare they would match
// every place's bureau. ok=false, and name unchanged, when name has a place
// of its own or is no local department, or prev has no place to give.
func (t *Table) Carried(prev, name string) (string, bool) {
	p, ok := t.parse(clean(name))
	if !ok || p.entry < 0 || p.kind != headNone || p.tmplPlace != "" || p.parent != nil || !localCat(p.cat) {
		return name, false
	}
	q, ok := t.parse(clean(prev))
	if !ok || q.place {
		return name, false
	}
	if q.parent != nil {
		q = *q.parent
	}
	if q.kind != headRel && q.kind != headExplicit || q.head == "国家" || !localCat(q.cat) {
		return name, false
	}
	head := q.head
	// 市委组织部、宣传部: a Party department is the committee's (市委宣传部).
	if p.cat == CatParty && !strings.HasPrefix(name, "委") && strings.HasPrefix(clean(prev), head+"委") {
		head += "委"
	}
	out := head + name
	if r, ok := t.parse(out); !ok || r.entry != p.entry || r.kind == headNone {
		return name, false
	}
	return out, true
}

// localCat reports the categories of a place's own departments.
func localCat(cat string) bool {
	switch cat {
	case CatGov, CatParty, CatCourt, CatPeople, CatVertical, CatCenter:
		return true
	}
	return false
}
