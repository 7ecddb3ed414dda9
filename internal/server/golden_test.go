package server

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestBrowseGolden pins the JSON of the browse endpoints, whose answers
// depend only on the stored documents (no scores or snippets): the golden
// files document the contract and show any change to it in review.
func TestBrowseGolden(t *testing.T) {
	env := newTestEnv(t, Deps{})
	a := env.docs[0]
	tests := []struct{ name, target string }{
		{"person", "/api/people/" + url.PathEscape("李亚平")},
		{"department", "/api/departments/" + url.PathEscape("市卫健委")},
		{"meetings", "/api/meetings"},
		{"decisions", "/api/decisions?department=" + url.QueryEscape("苏州市卫生健康委员会")},
		{"related", "/api/documents/" + a.ID + "/related"},
		{"people", "/api/people?size=5"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := env.do("GET", tc.target, "", nil)
			if rec.Code != 200 {
				t.Fatalf("GET %s = %d %s", tc.target, rec.Code, rec.Body)
			}
			var v any
			if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
				t.Fatal(err)
			}
			got, _ := json.MarshalIndent(v, "", "  ")
			got = append(got, '\n')
			path := filepath.Join("testdata", tc.name+".golden.json")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestBrowseGolden -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("GET %s differs from %s (go test -update to accept):\n%s", tc.target, path, got)
			}
		})
	}
}
