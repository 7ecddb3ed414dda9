package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGenDeterministic: `govarchive gen` writes COUNT files, the same ones
// for the same seed and others for another.
func TestGenDeterministic(t *testing.T) {
	dirs := []string{t.TempDir(), t.TempDir(), t.TempDir()}
	for i, seed := range []string{"5", "5", "6"} {
		if _, err := runCLI(t, nil, "gen", "--count", "12", "--seed", seed, dirs[i]); err != nil {
			t.Fatal(err)
		}
	}
	read := func(dir string) map[string][]byte {
		files := map[string][]byte{}
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(dir, p)
				files[rel] = b
			}
			return err
		})
		return files
	}
	a, b, c := read(dirs[0]), read(dirs[1]), read(dirs[2])
	if len(a) != 12 {
		t.Fatalf("%d files, want 12", len(a))
	}
	same := func(x, y map[string][]byte) bool {
		if len(x) != len(y) {
			return false
		}
		for k, v := range x {
			if !bytes.Equal(v, y[k]) {
				return false
			}
		}
		return true
	}
	if !same(a, b) {
		t.Error("the same seed wrote different files")
	}
	if same(a, c) {
		t.Error("another seed wrote the same files")
	}
}

// TestBenchCommand runs `govarchive bench` as a user would, on a tiny
// corpus: the phases are child processes of this test binary (TestMain
// runs main for them), and the report names every target.
func TestBenchCommand(t *testing.T) {
	t.Setenv("GOVARCHIVE_TEST_AS_MAIN", "1") // for the children only
	dir := t.TempDir()
	out, err := runCLI(t, nil, "bench", "--count", "20", "--rounds", "1", "--clients", "1", "--dir", dir, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Corpus   struct{ Files int }
		QueryEnv []string `json:"query_env"`
		Targets  []struct{ Name string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("report: %v\n%s", err, out)
	}
	if rep.Corpus.Files != 20 || len(rep.Targets) < 6 {
		t.Errorf("report: %+v", rep)
	}
	// The query phases run with the service's memory limit by default.
	if !strings.Contains(strings.Join(rep.QueryEnv, " "), "GOMEMLIMIT="+defaultMemoryLimit) {
		t.Errorf("query env %v lacks the service's memory limit", rep.QueryEnv)
	}
	if _, err := os.Stat(filepath.Join(dir, "corpus-20-1", "manifest.json")); err != nil {
		t.Errorf("corpus not kept for reuse: %v", err)
	}
}
