package index

import "sync"

// formsCacheLimit bounds the memo of department forms: an archive names a
// few thousand departments, an upload of nonsense could name millions.
const formsCacheLimit = 50_000

// formsMemo remembers DepartmentForms answers. Every document lists its
// departments' forms for the filter field, and the same few thousand names
// recur across an archive, while one lookup walks the whole department
// table (7 % of ingest CPU before the memo).
type formsMemo struct {
	src DepartmentForms
	mu  sync.RWMutex
	m   map[string][]string
}

func newFormsMemo(src DepartmentForms) *formsMemo {
	return &formsMemo{src: src, m: map[string][]string{}}
}

// Forms returns src.Forms(name); callers must not modify the result.
func (f *formsMemo) Forms(name string) []string {
	f.mu.RLock()
	out, ok := f.m[name]
	f.mu.RUnlock()
	if ok {
		return out
	}
	out = f.src.Forms(name)
	f.mu.Lock()
	if len(f.m) >= formsCacheLimit {
		clear(f.m)
	}
	f.m[name] = out
	f.mu.Unlock()
	return out
}

// placeFilter is a DepartmentForms that also knows which forms a filter on a
// place-qualified name selects (*dept.Table's FilterForms).
type placeFilter interface {
	FilterForms(name string) []string
}

// FilterForms returns the forms a department filter on name selects: src's
// FilterForms where it has one, else Forms. Filters run once per query, so
// they are not memoized.
func (f *formsMemo) FilterForms(name string) []string {
	if pf, ok := f.src.(placeFilter); ok {
		return pf.FilterForms(name)
	}
	return f.Forms(name)
}
