package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"govarchive/index"
	"govarchive/internal/clean"
	"govarchive/internal/dept"
	"govarchive/internal/document"
	"govarchive/internal/extract"
	"govarchive/internal/segment"
)

var (
	parserOnce sync.Once
	parser     *extract.Parser
	parserErr  error
)

func testParser(t *testing.T) *extract.Parser {
	t.Helper()
	parserOnce.Do(func() {
		seg, err := segment.New(nil)
		if err != nil {
			parserErr = err
			return
		}
		d, err := dept.New()
		if err != nil {
			parserErr = err
			return
		}
		c, err := clean.New()
		if err != nil {
			parserErr = err
			return
		}
		parser = extract.New(seg, d, c)
	})
	if parserErr != nil {
		t.Fatal(parserErr)
	}
	return parser
}

// memStore is an index stand-in with the same idempotency contract.
type memStore struct {
	mu      sync.Mutex
	byID    map[string]*document.Document
	batches []int
	fail    error
}

func (m *memStore) Put(_ context.Context, docs []*document.Document) ([]index.PutResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return nil, m.fail
	}
	m.batches = append(m.batches, len(docs))
	out := make([]index.PutResult, len(docs))
	for i, d := range docs {
		out[i].ID = d.ID
		if _, ok := m.byID[d.ID]; ok {
			out[i].Status = index.Unchanged
			continue
		}
		out[i].Status = index.Added
		for id, old := range m.byID {
			if old.SourcePath == d.SourcePath {
				delete(m.byID, id)
				out[i].Status = index.Updated
			}
		}
		m.byID[d.ID] = d
	}
	return out, nil
}

func (m *memStore) Has(_ context.Context, id string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.byID[id]
	return ok, nil
}

// putOnly hides a store's Has: the pipeline must then parse every file.
type putOnly struct{ Store }

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCollectWalksSupportedFilesSorted(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"b/2.txt": "x", "a/1.md": "x", "a/skip.tsv": "x", ".hidden/3.txt": "x", "c/4.HTML": "x", "d/5.pdf": "x",
		"README.md": "x", "a/readme.txt": "x", "b/LICENSE.txt": "x", // a folder's notes
	})
	got, err := Collect([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, p := range got {
		r, _ := filepath.Rel(dir, p)
		rel = append(rel, filepath.ToSlash(r))
	}
	want := []string{"a/1.md", "b/2.txt", "c/4.HTML", "d/5.pdf"}
	if !sort.StringsAreSorted(got) || len(rel) != len(want) {
		t.Fatalf("collected %v, want %v", rel, want)
	}
	for i := range want {
		if rel[i] != want[i] {
			t.Fatalf("collected %v, want %v", rel, want)
		}
	}
	// A note named on its own is ingested: the user asked for it.
	if got, err := Collect([]string{filepath.Join(dir, "README.md")}); err != nil || len(got) != 1 {
		t.Errorf("README.md named: %v, %v", got, err)
	}
	if _, err := Collect([]string{filepath.Join(dir, "missing")}); err == nil {
		t.Error("a missing path is not an error")
	}
}

const minutes = "某市人民政府\n常务会议纪要\n〔2021〕5号\n2021年3月2日上午，王明市长主持召开市政府第12次常务会议。\n一、审议《某市节水条例（草案）》\n原则同意《某市节水条例（草案）》，由市水务局会同市司法局修改完善后提请审议。\n"

func TestRunCountsStatusesAndKeepsGoingPastBadFiles(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"ok1.txt":   minutes,
		"ok2.txt":   minutes + "\n会议还研究了其他事项。\n",
		"empty.txt": "",
		"bin.txt":   "\x00\x01\x02\x03\x00\x00\xff\xfe\x00",
	})
	files, err := Collect([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	store := &memStore{byID: map[string]*document.Document{}}
	p := &Pipeline{Parser: testParser(t), Store: store, Workers: 3, BatchSize: 1}
	var progressed int
	sum, err := p.Run(context.Background(), files, func(string, index.PutStatus, error) { progressed++ })
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 2 || sum.Failed != 2 || len(sum.Failures) != 2 || progressed != 4 {
		t.Fatalf("summary %+v, progress calls %d", sum, progressed)
	}
	again, err := p.Run(context.Background(), files, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.Unchanged != 2 || again.Added != 0 || len(store.byID) != 2 {
		t.Fatalf("second run %+v, %d stored", again, len(store.byID))
	}

	// A changed file at the same path replaces its old version.
	if err := os.WriteFile(files[len(files)-1], []byte(minutes+"\n（此件公开发布）\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	changed, err := p.Run(context.Background(), files, nil)
	if err != nil {
		t.Fatal(err)
	}
	if changed.Updated != 1 || len(store.byID) != 2 {
		t.Fatalf("after a change: %+v, %d stored", changed, len(store.byID))
	}
}

func TestRunParsesOnlyWhatTheStoreLacks(t *testing.T) {
	for _, tc := range []struct {
		name    string
		holder  bool
		batches int // Put calls of the second run
	}{
		{"store that tells what it holds", true, 0},
		{"store that does not", false, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files, _ := Collect([]string{writeFiles(t, map[string]string{"a.txt": minutes, "b.txt": minutes + "\n会议还研究了其他事项。\n"})})
			mem := &memStore{byID: map[string]*document.Document{}}
			var store Store = mem
			if !tc.holder {
				store = putOnly{mem}
			}
			p := &Pipeline{Parser: testParser(t), Store: store}
			if sum, err := p.Run(context.Background(), files, nil); err != nil || sum.Added != 2 {
				t.Fatalf("first run: %+v %v", sum, err)
			}
			before := len(mem.batches)
			var statuses []index.PutStatus
			sum, err := p.Run(context.Background(), files, func(_ string, st index.PutStatus, _ error) { statuses = append(statuses, st) })
			if err != nil || sum.Unchanged != 2 || sum.Total() != 2 {
				t.Fatalf("second run: %+v %v", sum, err)
			}
			if len(statuses) != 2 || statuses[0] != index.Unchanged || statuses[1] != index.Unchanged {
				t.Errorf("progress %v, want two unchanged", statuses)
			}
			if got := len(mem.batches) - before; got != tc.batches {
				t.Errorf("second run wrote %d batches, want %d", got, tc.batches)
			}
			// A changed file is parsed and replaces its old version.
			if err := os.WriteFile(files[0], []byte(minutes+"\n（此件公开发布）\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if sum, err := p.Run(context.Background(), files, nil); err != nil || sum.Updated != 1 || sum.Unchanged != 1 || len(mem.byID) != 2 {
				t.Fatalf("after a change: %+v %v, %d stored", sum, err, len(mem.byID))
			}
		})
	}
}

func TestRunBatchesAndReportsIndexFailure(t *testing.T) {
	files := map[string]string{}
	for i := range 7 {
		files[filepath.Join("d", string(rune('a'+i))+".txt")] = minutes + string(rune('甲'+i))
	}
	list, _ := Collect([]string{writeFiles(t, files)})
	store := &memStore{byID: map[string]*document.Document{}}
	p := &Pipeline{Parser: testParser(t), Store: store, BatchSize: 3}
	if _, err := p.Run(context.Background(), list, nil); err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, b := range store.batches {
		if b > 3 {
			t.Errorf("batch of %d exceeds the batch size", b)
		}
		total += b
	}
	if total != 7 {
		t.Errorf("batched %d documents, want 7", total)
	}
	store.fail = errors.New("disk full")
	fresh, _ := Collect([]string{writeFiles(t, map[string]string{"new.txt": minutes + "乙乙"})})
	if _, err := p.Run(context.Background(), fresh, nil); err == nil || !errors.Is(err, store.fail) {
		t.Errorf("an index failure must stop the run with its cause, got %v", err)
	}
}

func TestIngestBytesUsesTheBaseNameAsIdentity(t *testing.T) {
	store := &memStore{byID: map[string]*document.Document{}}
	p := &Pipeline{Parser: testParser(t), Store: store}
	id, st, err := p.IngestBytes(context.Background(), "../../etc/minutes.txt", []byte(minutes))
	if err != nil || st != index.Added || id == "" {
		t.Fatalf("upload: %q %q %v", id, st, err)
	}
	if d := store.byID[id]; d.Source != "minutes.txt" || d.SourcePath != "upload:minutes.txt" {
		t.Errorf("source %q path %q", d.Source, d.SourcePath)
	}
	if _, st, _ := p.IngestBytes(context.Background(), "minutes.txt", []byte(minutes+"\n")); st != index.Updated {
		t.Errorf("re-upload under the same name: %q, want updated", st)
	}
	if _, _, err := p.IngestBytes(context.Background(), "", []byte(minutes)); err == nil {
		t.Error("an upload without a name was accepted")
	}
}
