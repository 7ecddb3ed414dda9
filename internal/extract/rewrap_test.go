package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"govarchive/internal/document"
)

// TestRewrappedLists wraps the seed's attendance lists at other widths, so
// that units and names break at every possible point, and expects the same
// observers: the parser must not depend on where this file happened to wrap.
func TestRewrappedLists(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "sample", "corpus", "suzhou-2020-3.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var want struct {
		Attendees []document.Attendee `json:"attendees"`
		Observers []document.Person   `json:"observers"`
	}
	b, err := os.ReadFile(filepath.Join("testdata", "golden", "suzhou-2020-3.txt.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	start := strings.Index(text, "**出席：**")
	end := strings.Index(text, "记录：")
	if start < 0 || end < start {
		t.Fatal("seed layout changed: no 出席 … 记录 block")
	}
	// One line per label, entries separated by single spaces.
	block := strings.Join(strings.Fields(text[start:end]), " ")
	block = strings.Replace(block, " **列席：**", "\n**列席：**", 1)
	for _, width := range []int{9, 13, 17, 23, 31, 47} {
		t.Run("width", func(t *testing.T) {
			var wrapped strings.Builder
			for _, line := range strings.Split(block, "\n") {
				r := []rune(line)
				for len(r) > width {
					wrapped.WriteString(strings.TrimSpace(string(r[:width])) + "\n")
					r = r[width:]
				}
				wrapped.WriteString(string(r) + "\n\n")
			}
			doc, err := parser(t).Parse(text[:start]+wrapped.String()+text[end:], Meta{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(doc.Attendees, want.Attendees) {
				t.Errorf("width %d: attendees\n got %v\nwant %v", width, doc.Attendees, want.Attendees)
			}
			if !reflect.DeepEqual(doc.Observers, want.Observers) {
				t.Errorf("width %d: observers differ: missing %v, unexpected %v", width, minus(want.Observers, doc.Observers), minus(doc.Observers, want.Observers))
			}
		})
	}
}

// minus returns the people of a that are not in b.
func minus(a, b []document.Person) []document.Person {
	var out []document.Person
	for _, p := range a {
		found := false
		for _, q := range b {
			if p == q {
				found = true
				break
			}
		}
		if !found {
			out = append(out, p)
		}
	}
	return out
}
