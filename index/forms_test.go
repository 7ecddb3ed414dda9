package index

import (
	"reflect"
	"strconv"
	"testing"
)

type countingForms struct{ calls map[string]int }

func (c *countingForms) Forms(name string) []string {
	c.calls[name]++
	return []string{name, "市" + name}
}

func TestFormsMemo(t *testing.T) {
	src := &countingForms{calls: map[string]int{}}
	m := newFormsMemo(src)
	for range 3 {
		if got := m.Forms("应急局"); !reflect.DeepEqual(got, []string{"应急局", "市应急局"}) {
			t.Fatalf("Forms = %v", got)
		}
	}
	if src.calls["应急局"] != 1 {
		t.Errorf("source asked %d times, want once", src.calls["应急局"])
	}
	// The memo stays bounded: past the limit it starts afresh.
	for i := range formsCacheLimit + 10 {
		m.Forms(strconv.Itoa(i))
	}
	if n := len(m.m); n > formsCacheLimit {
		t.Errorf("memo holds %d names, limit %d", n, formsCacheLimit)
	}
}
