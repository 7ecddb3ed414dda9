package app

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"govarchive/index"
	"govarchive/internal/document"
	"govarchive/internal/extract"
	"govarchive/internal/gen"
)

var (
	parsingOnce sync.Once
	parsing     *Parsing
	parsingErr  error
)

// testConfig shares one Parsing across the package's tests: loading the
// dictionaries is the slowest part of opening an app, under -race above all.
func testConfig(t *testing.T, dir string) Config {
	t.Helper()
	parsingOnce.Do(func() { parsing, parsingErr = NewParsing(nil) })
	if parsingErr != nil {
		t.Fatal(parsingErr)
	}
	return Config{DataDir: dir, Parsing: parsing}
}

func openApp(t *testing.T, dir string) *App {
	t.Helper()
	a, err := Open(context.Background(), testConfig(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func count(t *testing.T, a *App) int {
	t.Helper()
	n, err := a.Index.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

// allWhole checks every stored document still hashes to its id.
func allWhole(t *testing.T, a *App) int {
	t.Helper()
	n := 0
	err := eachStored(context.Background(), a.Index, func(d *document.Document) error {
		if d.Text == "" || document.ContentID(d.Text) != d.ID {
			t.Errorf("document %s is not whole", d.ID)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestFreshDirectorySeedsOnceAndRecordsTheLiveIndex(t *testing.T) {
	dir := t.TempDir()
	a := openApp(t, dir)
	n, err := a.SeedIfEmpty(context.Background())
	if err != nil || n < 2 {
		t.Fatalf("seed: %d documents, %v", n, err)
	}
	if again, err := a.SeedIfEmpty(context.Background()); err != nil || again != 0 {
		t.Fatalf("second seed added %d (%v)", again, err)
	}
	a.Close()
	if b, err := os.ReadFile(filepath.Join(dir, currentFile)); err != nil || strings.TrimSpace(string(b)) != firstIndex {
		t.Fatalf("CURRENT: %q %v", b, err)
	}
}

func TestLostIndexIsAnErrorNotAnEmptyIndex(t *testing.T) {
	for name, damage := range map[string]func(dir string) error{
		"index directory removed": func(dir string) error { return os.RemoveAll(filepath.Join(dir, firstIndex)) },
		"index metadata removed":  func(dir string) error { return os.Remove(filepath.Join(dir, firstIndex, "index_meta.json")) },
		"CURRENT garbled": func(dir string) error {
			return os.WriteFile(filepath.Join(dir, currentFile), []byte("../etc\n"), 0o644)
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			a := openApp(t, dir)
			if _, err := a.SeedIfEmpty(context.Background()); err != nil {
				t.Fatal(err)
			}
			a.Close()
			if err := damage(dir); err != nil {
				t.Fatal(err)
			}
			_, err := Open(context.Background(), testConfig(t, dir))
			if !errors.Is(err, ErrIndexMissing) || !strings.Contains(err.Error(), "reindex") {
				t.Fatalf("want ErrIndexMissing with a recovery hint, got %v", err)
			}
		})
	}
}

func TestReindexSwapsInANewIndexWithTheArchiveDictionary(t *testing.T) {
	dir := t.TempDir()
	a := openApp(t, dir)
	if _, err := a.SeedIfEmpty(context.Background()); err != nil {
		t.Fatal(err)
	}
	before := count(t, a)
	a.Close()

	res, err := Reindex(context.Background(), testConfig(t, dir), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Documents != before || res.UserWords == 0 || res.Index == firstIndex {
		t.Fatalf("reindex: %+v, had %d documents", res, before)
	}
	if _, err := os.Stat(filepath.Join(dir, firstIndex)); !os.IsNotExist(err) {
		t.Errorf("old index left behind: %v", err)
	}
	b := openApp(t, dir)
	defer b.Close()
	if b.Index.NeedsReindex() {
		t.Error("fresh reindex still needs a reindex")
	}
	if got := allWhole(t, b); got != before {
		t.Errorf("%d documents after reindex, want %d", got, before)
	}
	r, err := b.Index.Search(context.Background(), index.Query{Text: "献血条例", Size: 5})
	if err != nil || r.Total == 0 {
		t.Fatalf("search after reindex: %+v %v", r, err)
	}
}

func TestReindexFromSourcesRecoversALostIndex(t *testing.T) {
	dir, src := t.TempDir(), t.TempDir()
	if _, _, err := gen.WriteDir(context.Background(), src, gen.Options{Count: 30, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	a := openApp(t, dir)
	if _, err := a.Pipeline.Run(context.Background(), mustCollect(t, src), nil); err != nil {
		t.Fatal(err)
	}
	want := count(t, a)
	a.Close()
	os.RemoveAll(filepath.Join(dir, firstIndex))

	res, err := Reindex(context.Background(), testConfig(t, dir), []string{src})
	if err != nil {
		t.Fatal(err)
	}
	b := openApp(t, dir)
	defer b.Close()
	if got := allWhole(t, b); got != want || res.Documents != want {
		t.Fatalf("recovered %d documents (reindex said %d), want %d", got, res.Documents, want)
	}
}

// TestReindexFromSourcesCountsWhatItIndexed: files that are copies of
// others are not indexed, nor counted among the documents reindexed.
func TestReindexFromSourcesCountsWhatItIndexed(t *testing.T) {
	dir, src := t.TempDir(), t.TempDir()
	if _, _, err := gen.WriteDir(context.Background(), src, gen.Options{Count: 5, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	files := mustCollect(t, src)
	text, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	// The same file twice, and a capture with page chrome around it.
	for name, data := range map[string]string{"again.txt": string(text), "capture.txt": "当前位置：首页 > 政务公开\n" + string(text) + "\n【打印本页】【关闭窗口】"} {
		if err := os.WriteFile(filepath.Join(src, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Reindex(context.Background(), testConfig(t, dir), []string{src})
	if err != nil {
		t.Fatal(err)
	}
	b := openApp(t, dir)
	defer b.Close()
	if got := count(t, b); res.Documents != got || got != len(files) {
		t.Errorf("reindex said %d documents, the index holds %d, want %d", res.Documents, got, len(files))
	}
}

func TestBackupUnderConcurrentWritesServesTheSameDocuments(t *testing.T) {
	dir, src := t.TempDir(), t.TempDir()
	if _, _, err := gen.WriteDir(context.Background(), src, gen.Options{Count: 120, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	files := mustCollect(t, src)
	a := openApp(t, dir)
	defer a.Close()
	if _, err := a.Pipeline.Run(context.Background(), files[:40], nil); err != nil {
		t.Fatal(err)
	}
	before := count(t, a)

	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // writes keep landing while the backup runs
		defer wg.Done()
		for _, f := range files[40:] {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Error(err)
				return
			}
			if _, _, err := a.Pipeline.IngestBytes(context.Background(), filepath.Base(f), data); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	backup := filepath.Join(t.TempDir(), "copy")
	err := a.Backup(context.Background(), backup)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	after := count(t, a)

	b := openApp(t, backup)
	defer b.Close()
	got := allWhole(t, b)
	if got < before || got > after {
		t.Fatalf("backup holds %d documents; the live index had %d before and %d after", got, before, after)
	}
	// Every document of the copy is the live one.
	err = eachStored(context.Background(), b.Index, func(d *document.Document) error {
		live, err := a.Index.Get(context.Background(), d.ID)
		if err != nil || live.Text != d.Text {
			t.Errorf("backup document %s differs from the live index: %v", d.ID, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("backup during writes: %d documents (live %d → %d)", got, before, after)
}

func mustCollect(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestUserWordsFixGovernmentCuts(t *testing.T) {
	p := testConfig(t, t.TempDir()).Parsing
	for _, tc := range []struct{ text, want string }{
		{"李亚平市长主持召开市政府第86次常务会议", "市政府"},
		{"修改完善后发文实施", "发文"},
		{"市民政局胡岚", "市民政局"},
		{"区应急局会同区财政局", "区应急局"},
	} {
		words := p.Segmenter.Cut(tc.text)
		if !slices.Contains(words, tc.want) {
			t.Errorf("%s cut as %v; want the word %s", tc.text, words, tc.want)
		}
	}
}

func TestIndexHeldByAnotherOpenIsLockedNotDamaged(t *testing.T) {
	dir := t.TempDir()
	a := openApp(t, dir)
	defer a.Close()
	_, err := Open(context.Background(), testConfig(t, dir))
	if !errors.Is(err, index.ErrLocked) || errors.Is(err, ErrIndexMissing) {
		t.Fatalf("second open of a held index: %v; want ErrLocked, not a damage report", err)
	}
}

// TestReindexKeepsEveryStoredDocument: the old index is the only store of
// the documents a reindex reads, so it keeps every one, even two that now
// parse as one document's copies (an index from before the copy check, or
// a parser that now reads both alike): dropping one lost it for good.
func TestReindexKeepsEveryStoredDocument(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "sample", "corpus", "suzhou-2020-3.txt"))
	if err != nil {
		t.Fatal(err)
	}
	body := string(raw)
	ctx := context.Background()
	dir := t.TempDir()
	a := openApp(t, dir)
	var docs []*document.Document
	for _, text := range []string{body, "当前位置：首页 > 政务公开 > 会议纪要\n" + body + "\n【打印本页】【关闭窗口】"} {
		d, err := a.Parsing.Parser.Parse(text, extract.Meta{Source: "57.txt"})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	// As an older version (or parse) indexed them: two documents.
	docs[1].Title += "（网页）"
	if res, err := a.Index.Put(ctx, docs); err != nil || len(res) != 2 || res[0].Status != index.Added || res[1].Status != index.Added {
		t.Fatalf("put: %v %v", res, err)
	}
	a.Close()

	if _, err := Reindex(ctx, testConfig(t, dir), nil); err != nil {
		t.Fatal(err)
	}
	b := openApp(t, dir)
	defer b.Close()
	for _, d := range docs {
		if ok, err := b.Index.Has(ctx, d.ID); err != nil || !ok {
			t.Errorf("document %s after reindex: %v %v", d.ID, ok, err)
		}
	}
}

// TestReindexFromSourcesRefusesAnIndexInUse: a rebuild from files while a
// service holds the live index is refused. It swapped its own index in and
// removed the service's directory, whose later uploads went to deleted files.
func TestReindexFromSourcesRefusesAnIndexInUse(t *testing.T) {
	ctx := context.Background()
	dir, src := t.TempDir(), t.TempDir()
	if _, _, err := gen.WriteDir(ctx, src, gen.Options{Count: 3, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	a := openApp(t, dir)
	if _, err := a.Pipeline.Run(ctx, mustCollect(t, src), nil); err != nil {
		t.Fatal(err)
	}
	want := count(t, a)
	_, err := Reindex(ctx, testConfig(t, dir), []string{src})
	if !errors.Is(err, index.ErrLocked) {
		t.Errorf("reindex --from beside a running service: %v, want ErrLocked", err)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	b := openApp(t, dir)
	defer b.Close()
	if b.name != a.name || count(t, b) != want {
		t.Errorf("the live index is %s with %d documents, want %s with %d", b.name, count(t, b), a.name, want)
	}
}

// TestOpenRemovesWhatACrashLeft: a backup's staging copy and a reindex's
// unfinished index or the one it replaced, left by a process killed mid-way,
// are removed by the next open: each is a whole index's size, and nothing
// else removed them.
func TestOpenRemovesWhatACrashLeft(t *testing.T) {
	dir := t.TempDir()
	a := openApp(t, dir)
	a.Close()
	if err := os.Rename(filepath.Join(dir, firstIndex), filepath.Join(dir, "index-live")); err != nil {
		t.Fatal(err)
	}
	if err := setLive(dir, "index-live"); err != nil {
		t.Fatal(err)
	}
	a = openApp(t, dir)
	want := count(t, a)
	a.Close()
	left := []string{".backup-123", "index-abc", "index-abc.userdict", firstIndex, firstIndex + userDictExt}
	for _, name := range left {
		p := filepath.Join(dir, name)
		if filepath.Ext(name) == ".userdict" {
			if err := os.WriteFile(p, []byte("李亚平\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Join(p, "store"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	b := openApp(t, dir)
	defer b.Close()
	for _, name := range left {
		if _, err := os.Stat(filepath.Join(dir, name)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s left after open: %v", name, err)
		}
	}
	if b.name != a.name || count(t, b) != want {
		t.Errorf("live index %s with %d documents, want %s with %d", b.name, count(t, b), a.name, want)
	}
}

// TestWriteBackupStartsNoStreamItCannotStage: a backup whose copy cannot be
// made never asks for the writer, so that the service answers an error
// status (it sent 200 first and then an empty archive); its staging copy is
// gone either way.
func TestWriteBackupStartsNoStreamItCannotStage(t *testing.T) {
	dir := t.TempDir()
	a := openApp(t, dir)
	defer a.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	started := false
	err := a.WriteBackup(ctx, func() io.Writer { started = true; return io.Discard })
	if err == nil || started {
		t.Errorf("a backup that cannot be staged: err %v, stream started %v", err, started)
	}
	var buf bytes.Buffer
	if err := a.WriteBackup(context.Background(), func() io.Writer { return &buf }); err != nil || buf.Len() == 0 {
		t.Errorf("backup: %v, %d bytes", err, buf.Len())
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".backup-*")); len(m) > 0 {
		t.Errorf("staging copies left: %v", m)
	}
}
