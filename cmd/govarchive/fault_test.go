package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
	"golang.org/x/text/encoding/simplifiedchinese"

	"govarchive/index"
	"govarchive/internal/app"
	"govarchive/internal/document"
	"govarchive/internal/gen"
	"govarchive/internal/ingest"
)

// These tests feed the real program hostile files, absurd queries, kills,
// a full disk and a damaged index, and check after each that the process
// survived with a clear message and that every document indexed before is
// still there and whole (checkWhole in crash_test.go).

// leakRE matches what an error message shown to a client must never hold:
// Go source positions, stack traces, panics.
var leakRE = regexp.MustCompile(`\.go:\d|goroutine \d|panic|runtime\.`)

// hostile is a file that the program must refuse or read safely.
type hostile struct {
	name string
	data []byte // nil: made by make
	make func(t *testing.T, path string)
	// want is a fragment of the rejection reason; "" means the file is
	// acceptable (a damaged but readable text) and must be indexed.
	want string
}

func hostileFiles(t *testing.T) []hostile {
	t.Helper()
	text, err := os.ReadFile(filepath.Join(corpusDir(t), "news", "huanan_17-13.txt"))
	if err != nil {
		t.Fatal(err)
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(text)
	if err != nil {
		t.Fatal(err)
	}
	// The page's first lines saved in GBK, the rest in UTF-8.
	lines := bytes.SplitAfter(text, []byte("\n"))
	cut := len(bytes.Join(lines[:len(lines)/2], nil))
	head, err := simplifiedchinese.GBK.NewEncoder().Bytes(text[:cut])
	if err != nil {
		t.Fatal(err)
	}
	mixed := append(head, text[cut:]...)
	damaged := bytes.ReplaceAll(append([]byte{}, text...), []byte("会议"), []byte("会\xff\xfe议"))

	binary := make([]byte, 4096)
	for i := range binary {
		binary[i] = byte(i*7919>>3) ^ byte(i)
	}
	deep := "<html><body><p>县政府常务会议纪要开头</p>" + strings.Repeat("<div><b>", 20000) + "深层正文内容" +
		strings.Repeat("</b></div>", 20000) + "</body></html>"

	return []hostile{
		{name: "empty.txt", data: []byte{}, want: "empty"},
		{name: "blank.txt", data: []byte(" \n\t\r\n\u3000\n"), want: "empty"},
		{name: "binary.txt", data: binary, want: "binary"},
		{name: "fake.pdf", data: []byte("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF garbage"), want: "malformed"},
		{name: "truncated.pdf", data: minimalPDF("BT /F1 10 Tf (text) Tj ET")[:200], want: "malformed"},
		{name: "image-only.pdf", data: minimalPDF("q 595 0 0 842 0 0 cm /Im1 Do Q"), want: "no text layer"},
		{name: "bomb.docx", make: func(t *testing.T, p string) { writeZipBomb(t, p, 96<<20, false) }, want: "size limit"},
		{name: "lying-bomb.docx", make: func(t *testing.T, p string) { writeZipBomb(t, p, 96<<20, true) }, want: "malformed"},
		{name: "not-a-zip.docx", data: []byte("PK\x03\x04 but nothing else"), want: "malformed"},
		{name: "huge.txt", make: func(t *testing.T, p string) {
			// 1 GB and sparse: costs no disk, and reading it would show.
			f, err := os.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.Truncate(1 << 30); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}, want: "size limit"},
		// Readable, so indexed: encodings are detected, damage replaced.
		{name: "gbk.txt", data: gbk},
		{name: "mixed-encodings.txt", data: mixed},
		{name: "invalid-utf8.txt", data: damaged},
		{name: "deep.html", data: []byte(deep)},
	}
}

// minimalPDF is a one-page PDF with the given content stream and a correct
// xref table.
func minimalPDF(content string) []byte {
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// writeZipBomb writes a .docx whose document.xml inflates to size bytes
// from about size/1000. With lie set, the zip headers declare a tiny
// uncompressed size, so only a reader that bounds what it inflates (not one
// that trusts the header) is safe; such a file is rejected as malformed or
// too large, never read whole.
func writeZipBomb(t *testing.T, path string, size int, lie bool) {
	t.Helper()
	var deflated bytes.Buffer
	fw, err := flate.NewWriter(&deflated, flate.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("<w:p/>"), 1<<16)
	for n := 0; n < size; n += len(chunk) {
		if _, err := fw.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	declared := uint64(size)
	if lie {
		declared = 4096
	}
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(deflated.Len()), UncompressedSize64: declared,
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(deflated.Bytes()); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

// baseArchive ingests a few real documents into a fresh data directory and
// returns it with the number of documents it holds.
//
// Every open of the archive loads the gse dictionaries, which costs seconds
// under -race, so the tests count documents through the service they
// already run where they can, and open the index directly only where
// nothing else would show a loss.
func baseArchive(t *testing.T) (string, uint64) {
	t.Helper()
	data := t.TempDir()
	dir := corpusDir(t)
	env := map[string]string{"GOVARCHIVE_DATA": data, "GOVARCHIVE_LOG_LEVEL": "error"}
	out, err := runCLI(t, env, "ingest", "--json", seed, filepath.Join(dir, "news"), filepath.Join(dir, "official"))
	if err != nil {
		t.Fatalf("base ingest: %v", err)
	}
	var sum ingest.Summary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("base ingest summary: %v\n%s", err, out)
	}
	// A fresh index: every distinct document was added.
	n := uint64(sum.Added)
	if n < 5 || sum.Failed != 0 {
		t.Fatalf("base archive holds only %d documents", n)
	}
	return data, n
}

// TestHostileFiles ingests hostile files through the CLI and uploads them
// through the server: each unreadable one is refused with a reason that
// says what is wrong with it, the readable ones are indexed, nothing is
// read whole that should not be, the process survives, and the documents
// indexed before are all still there.
func TestHostileFiles(t *testing.T) {
	data, before := baseArchive(t)
	dir := t.TempDir()
	files := hostileFiles(t)
	accepted := 0
	for _, h := range files {
		p := filepath.Join(dir, h.name)
		if h.make != nil {
			h.make(t, p)
		} else if err := os.WriteFile(p, h.data, 0o644); err != nil {
			t.Fatal(err)
		}
		if h.want == "" {
			accepted++
		}
	}

	env := map[string]string{"GOVARCHIVE_DATA": data, "GOVARCHIVE_LOG_LEVEL": "error"}
	start := time.Now()
	out, err := runCLI(t, env, "ingest", "--json", dir)
	took := time.Since(start)
	if !errors.Is(err, errReported) {
		t.Fatalf("ingest of hostile files: want exit 1 with a summary, got %v", err)
	}
	var sum ingest.Summary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summary: %v\n%s", err, out)
	}
	reasons := map[string]string{}
	for _, f := range sum.Failures {
		reasons[filepath.Base(f.Path)] = f.Err
	}
	for _, h := range files {
		reason, failed := reasons[h.name]
		switch {
		case h.want == "" && failed:
			t.Errorf("%s: a readable file was refused: %s", h.name, reason)
		case h.want != "" && !failed:
			t.Errorf("%s: accepted, want a refusal mentioning %q", h.name, h.want)
		case h.want != "" && !strings.Contains(reason, h.want):
			t.Errorf("%s: refused with %q, want a reason mentioning %q", h.name, reason, h.want)
		case failed && leakRE.MatchString(reason):
			t.Errorf("%s: reason leaks internals: %s", h.name, reason)
		case failed && strings.HasPrefix(reason, h.name+":"):
			t.Errorf("%s: reason repeats the file's name its path gives: %s", h.name, reason)
		}
	}
	if sum.Failed != len(files)-accepted {
		t.Errorf("summary %+v: want %d failed", sum, len(files)-accepted)
	}
	t.Logf("%d hostile files in %v (a 1 GB file and two 96 MB zip bombs among them): %d refused, %d indexed",
		len(files), took.Round(time.Millisecond), sum.Failed, sum.Added+sum.Updated+sum.Unchanged)
	// gbk.txt and mixed-encodings.txt decode to exactly the text of a
	// news document already indexed, so they are the same document.
	if sum.Unchanged != 2 || sum.Added != accepted-2 {
		t.Errorf("summary %+v: want the GBK and mixed-encoding files unchanged (decoded exactly), %d added", sum, accepted-2)
	}

	// The same files as uploads: a 4xx with a clear JSON error each, no
	// internals, and the service keeps serving.
	base, stop := serveOnce(startServe(t, map[string]string{"GOVARCHIVE_DATA": data, "GOVARCHIVE_TOKEN": "t0ken"}))
	defer stop()
	if after := served(t, base); after != before+uint64(sum.Added) {
		t.Errorf("documents: %d before, %d after ingesting hostile files that added %d", before, after, sum.Added)
	}
	before += uint64(sum.Added)
	for _, h := range files {
		if h.want == "" || h.name == "huge.txt" {
			continue
		}
		body, err := os.ReadFile(filepath.Join(dir, h.name))
		if err != nil {
			t.Fatal(err)
		}
		code, msg := upload(t, base, "t0ken", h.name, bytes.NewReader(body), int64(len(body)))
		if code < 400 || code >= 500 || msg == "" || leakRE.MatchString(msg) || strings.Contains(msg, dir) {
			t.Errorf("upload %s: %d %q; want a 4xx with a clear message", h.name, code, msg)
		}
	}
	// A 1 GB upload is refused by the body limit while it streams: the
	// server answers 413 (or cuts the connection) without reading it all.
	code, msg := upload(t, base, "t0ken", "huge.txt", io.LimitReader(zeros{}, 1<<30), 1<<30)
	if code != http.StatusRequestEntityTooLarge && code != -1 {
		t.Errorf("1 GB upload: %d %q, want 413", code, msg)
	}
	if code, _ := get(t, base, "/healthz"); code != http.StatusOK {
		t.Fatalf("service down after hostile uploads: %d", code)
	}
	if after := served(t, base); after != before {
		t.Errorf("documents: %d before hostile uploads, %d after", before, after)
	}
	if err := stop(); err != nil && !errors.Is(err, context.Canceled) {
		t.Fatalf("shutdown: %v", err)
	}
}

// served is the number of documents the service reports.
func served(t *testing.T, base string) uint64 {
	t.Helper()
	code, body := get(t, base, "/api/search?size=1")
	var res struct{ Total *uint64 }
	if code != http.StatusOK || json.Unmarshal(body, &res) != nil || res.Total == nil {
		t.Fatalf("counting documents: %d %.200s", code, body)
	}
	return *res.Total
}

// serveOnce makes startServe's stop safe to call twice (explicitly, to
// check the shutdown, and deferred, for a test that fails early).
func serveOnce(base string, stop func() error) (string, func() error) {
	var once sync.Once
	var err error
	return base, func() error {
		once.Do(func() { err = stop() })
		return err
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// upload posts a raw body with ?filename= and returns the status and the
// JSON error message; status -1 means the server cut the connection.
func upload(t *testing.T, base, token, name string, body io.Reader, size int64) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+"/api/documents?filename="+url.QueryEscape(name), body)
	if err != nil {
		t.Fatal(err)
	}
	req.ContentLength = size
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/octet-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return -1, err.Error()
	}
	defer resp.Body.Close()
	var e struct {
		Error string `json:"error"`
	}
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		if err := json.Unmarshal(b, &e); err != nil {
			t.Errorf("error response is not JSON: %d %.200s", resp.StatusCode, b)
		}
		return resp.StatusCode, e.Error
	}
	return resp.StatusCode, ""
}

func get(t *testing.T, base, path string) (int, []byte) {
	t.Helper()
	resp, err := http.Get(base + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return resp.StatusCode, b
}

// TestAbsurdQueries sends queries no person types: each is answered (a
// capped page) or refused with a 400 naming the parameter; none is a 500
// or leaks internals, the service stays up and the archive unchanged. The
// CLI, which has no length cap, takes the longest ones to the index.
func TestAbsurdQueries(t *testing.T) {
	data, before := baseArchive(t)
	long := strings.Repeat("会议纪要审议", 10000/6+1)[:10000]
	var terms []string
	for i := range 1000 {
		terms = append(terms, []string{"会议", "献血", "应急", "审计", "规划"}[i%5]+fmt.Sprint(i))
	}
	many := strings.Join(terms, " ")
	tests := []struct {
		name, query string
		wantParam   string // "" means 200
		// mayRefuse: a 400 naming q is as good as a 200 (query syntax
		// the parser may reject).
		mayRefuse bool
	}{
		{"10000 characters", "q=" + url.QueryEscape(long), "q", false},
		{"1000 terms", "q=" + url.QueryEscape(many), "q", false},
		{"unbalanced quote", "q=" + url.QueryEscape(`"献血条例`), "", true},
		{"unbalanced quotes and operators", "q=" + url.QueryEscape(`+"会议 -"纪要" OR OR ( title: doc_number:`), "", true},
		{"bleve syntax", "q=" + url.QueryEscape(`/.*/ ~2 ^9 *:* field:\`), "", true},
		{"huge page", "q=会议&page=99999999999999999999999", "page", false},
		{"huge page in range", "q=会议&page=2147483647&size=100", "page", false},
		{"negative page", "q=会议&page=-1", "page", false},
		{"negative size", "q=会议&size=-5", "size", false},
		{"huge size", "q=会议&size=100000000", "", false},
		{"bad year", "year=-2020", "year", false},
		{"bad date", "from=2020-13-45", "from", false},
		{"control characters", "q=%00%01%1b", "q", false},
		{"invalid UTF-8", "q=%ff%fe", "q", false},
		{"bad sort", "q=会议&sort=%3Bdrop", "sort", false},
	}
	// The CLI takes the long ones directly to the index.
	env := map[string]string{"GOVARCHIVE_DATA": data, "GOVARCHIVE_LOG_LEVEL": "error"}
	// (The server refuses these two by length; each CLI run loads the
	// dictionaries, so only they go this way.)
	for _, q := range []string{long, many} {
		start := time.Now()
		out, err := runCLI(t, env, "search", "--json", q)
		if took := time.Since(start); took > 30*time.Second {
			t.Errorf("CLI search of %d bytes took %v", len(q), took)
		}
		var res struct{ Total uint64 }
		if err != nil {
			if leakRE.MatchString(err.Error()) || !strings.Contains(err.Error(), "invalid query") {
				t.Errorf("CLI search of %.30q…: %v", q, err)
			}
		} else if json.Unmarshal([]byte(out), &res) != nil {
			t.Errorf("CLI search of %.30q…: not JSON: %.200s", q, out)
		}
	}

	base, stop := serveOnce(startServe(t, map[string]string{"GOVARCHIVE_DATA": data}))
	defer stop()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			code, body := get(t, base, "/api/search?"+tc.query)
			took := time.Since(start)
			if took > 10*time.Second {
				t.Errorf("took %v", took)
			}
			if tc.mayRefuse && code == http.StatusBadRequest {
				var e struct{ Error string }
				if json.Unmarshal(body, &e) != nil || !strings.HasPrefix(e.Error, "q:") || leakRE.MatchString(e.Error) {
					t.Errorf("refused with %.300s: want a message naming q", body)
				}
				return
			}
			if tc.wantParam == "" {
				var res struct {
					Total uint64
					Hits  []json.RawMessage
				}
				if code != http.StatusOK || json.Unmarshal(body, &res) != nil {
					t.Fatalf("%d %.300s", code, body)
				}
				if len(res.Hits) > 100 {
					t.Errorf("%d hits on one page: page size not capped", len(res.Hits))
				}
				return
			}
			var e struct{ Error string }
			if code != http.StatusBadRequest || json.Unmarshal(body, &e) != nil {
				t.Fatalf("want 400 naming %s, got %d %.300s", tc.wantParam, code, body)
			}
			if !strings.HasPrefix(e.Error, tc.wantParam+":") || leakRE.MatchString(e.Error) {
				t.Errorf("error %q: want a message that starts with %q and hides internals", e.Error, tc.wantParam+":")
			}
		})
	}
	if code, _ := get(t, base, "/healthz"); code != http.StatusOK {
		t.Fatalf("service down after absurd queries: %d", code)
	}
	if after := served(t, base); after != before {
		t.Errorf("documents: %d before absurd queries, %d after", before, after)
	}
	if err := stop(); err != nil && !errors.Is(err, context.Canceled) {
		t.Fatalf("shutdown: %v", err)
	}
}

// serveChild starts `govarchive serve` in a child process and returns its
// base URL; the child is killed at the end of the test at the latest.
func serveChild(t *testing.T, data, token string) (*exec.Cmd, string) {
	t.Helper()
	cmd := childCommand(context.Background(), data, "serve", "--addr", "127.0.0.1:0", "--log-format", "json", "--log-level", "info")
	cmd.Env = append(cmd.Env, "GOVARCHIVE_TOKEN="+token)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sent := false
		for sc.Scan() {
			if m := servingRE.FindStringSubmatch(sc.Text()); m != nil && !sent {
				addr <- m[1]
				sent = true
			}
		}
		close(addr)
	}()
	select {
	case a, ok := <-addr:
		if !ok {
			t.Fatal("serve exited before listening")
		}
		return cmd, a
	case <-time.After(90 * time.Second):
		t.Fatal("serve did not start within 90 s")
	}
	return nil, ""
}

// TestKillDuringServing SIGKILLs a serving process again and again while
// clients search and upload. After each kill the index opens, holds whole
// documents only, and keeps every upload the service acknowledged.
func TestKillDuringServing(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes; run without -short")
	}
	src := t.TempDir()
	if _, _, err := gen.WriteDir(context.Background(), src, gen.Options{Count: 90, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	paths, err := ingest.Collect([]string{src})
	if err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	acked := map[string]bool{} // ids of acknowledged uploads
	next := 0
	for round := range 3 {
		cmd, base := serveChild(t, data, "k")
		ctx, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		var mu sync.Mutex
		// Two readers and one writer; the kill lands while they work.
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for ctx.Err() == nil {
					req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/search?q=会议&size=5", nil)
					if resp, err := http.DefaultClient.Do(req); err == nil {
						_, _ = io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
					}
					// Slow enough that the per-client rate limit leaves
					// room for the uploads.
					time.Sleep(150 * time.Millisecond)
				}
			}()
		}
		uploaded := make(chan struct{}, len(paths))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				mu.Lock()
				if next >= len(paths) {
					mu.Unlock()
					return
				}
				p := paths[next]
				next++
				mu.Unlock()
				b, err := os.ReadFile(p)
				if err != nil {
					return
				}
				id, code := uploadFile(ctx, base, "k", filepath.Base(p), b)
				for code == http.StatusTooManyRequests && ctx.Err() == nil {
					time.Sleep(200 * time.Millisecond)
					id, code = uploadFile(ctx, base, "k", filepath.Base(p), b)
				}
				if code == 0 {
					return // the service is gone: the kill landed
				}
				if code/100 == 2 && id != "" {
					mu.Lock()
					acked[id] = true
					mu.Unlock()
					uploaded <- struct{}{}
				}
			}
		}()
		// Let some uploads land, then kill without warning.
		for range 5 + 4*round {
			select {
			case <-uploaded:
			case <-time.After(60 * time.Second):
				t.Fatal("no upload acknowledged within 60 s")
			}
		}
		time.Sleep(time.Duration(13*round) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		cancel()
		wg.Wait()

		n, lost := reopen(t, data, acked)
		if lost > 0 {
			t.Fatalf("round %d: %d of %d acknowledged uploads lost by the kill", round+1, lost, len(acked))
		}
		t.Logf("kill %d: %d documents, all whole; all %d acknowledged uploads kept", round+1, n, len(acked))
	}
}

// reopen opens the index as a restarted service would, checks that every
// document reads back whole (its stored text still hashes to its id) and
// counts the given ids that are missing.
func reopen(t *testing.T, data string, ids map[string]bool) (total, missing int) {
	t.Helper()
	ctx := context.Background()
	a, err := app.Open(ctx, app.Config{DataDir: data})
	if err != nil {
		t.Fatalf("index does not open after a kill: %v", err)
	}
	defer a.Close()
	seen := map[string]bool{}
	for page := 1; ; page++ {
		res, err := a.Index.Search(ctx, index.Query{Page: page, Size: 100, IncludeDocuments: true, NoFacets: true})
		if err != nil {
			t.Fatalf("search after a kill: %v", err)
		}
		for _, h := range res.Hits {
			if d := h.Document; d == nil || d.Text == "" || document.ContentID(d.Text) != h.ID {
				t.Fatalf("partial document after a kill: %s", h.ID)
			}
			seen[h.ID] = true
		}
		if len(res.Hits) < 100 {
			break
		}
	}
	for id := range ids {
		if !seen[id] {
			missing++
		}
	}
	return len(seen), missing
}

// uploadFile posts a file as a multipart upload and returns the id the
// service acknowledged and the status (0: no answer).
func uploadFile(ctx context.Context, base, token, name string, data []byte) (string, int) {
	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	fw, _ := mw.CreateFormFile("file", name)
	_, _ = fw.Write(data)
	_ = mw.Close()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/documents", &form)
	if err != nil {
		return "", 0
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", 0
	}
	defer resp.Body.Close()
	var res struct {
		ID string `json:"id"`
	}
	if resp.StatusCode/100 == 2 && json.NewDecoder(resp.Body).Decode(&res) != nil {
		return "", 0
	}
	return res.ID, resp.StatusCode
}

// TestDiskFullDuringIngest runs an ingest in a child process whose files
// may not grow past a small size (RLIMIT_FSIZE, set on the running child
// with prlimit: writes beyond it fail with EFBIG, as on a full disk). The
// ingest must fail with a clear error, not hang, and the index must still
// open with every document it held before.
func TestDiskFullDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes; run without -short")
	}
	data, before := baseArchive(t)
	src := t.TempDir()
	if _, _, err := gen.WriteDir(context.Background(), src, gen.Options{Count: 200, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	// One batch for the whole run: its segment file is far above the limit.
	cmd := childCommand(ctx, data, "ingest", "--batch-size", "1000", src)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// The child loads its dictionaries for about a second before it opens
	// the index, so the limit is in place before its first write.
	const limit = 128 << 10
	if err := unix.Prlimit(cmd.Process.Pid, unix.RLIMIT_FSIZE, &unix.Rlimit{Cur: limit, Max: limit}, nil); err != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		t.Fatalf("prlimit: %v", err)
	}
	err := cmd.Wait()
	if ctx.Err() != nil {
		t.Fatalf("ingest on a full disk hangs: killed after 90 s\n%s", stderr.String())
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("ingest on a full disk: want exit status 1, got %v\n%s", err, stderr.String())
	}
	msg := stderr.String()
	if !strings.Contains(msg, "file too large") && !strings.Contains(msg, "no space") {
		t.Errorf("ingest on a full disk does not say why:\n%s", msg)
	}
	if leakRE.MatchString(msg) {
		t.Errorf("ingest on a full disk crashed:\n%s", msg)
	}
	t.Logf("full disk: %s", firstLine(msg))
	if after := uint64(checkWhole(t, data)); after < before {
		t.Fatalf("documents: %d before the full disk, %d after", before, after)
	}
	// With room again, the same ingest completes.
	out, err := runCLI(t, map[string]string{"GOVARCHIVE_DATA": data, "GOVARCHIVE_LOG_LEVEL": "error"}, "ingest", "--json", src)
	if err != nil {
		t.Fatalf("ingest after the disk has room again: %v\n%s", err, out)
	}
	var sum ingest.Summary
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Failed != 0 || sum.Added == 0 {
		t.Errorf("ingest after the disk has room again: %+v %v", sum, err)
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// TestDamagedIndexOnStart removes or corrupts the index in several ways.
// Every command that needs it then fails with a message that says the
// index is missing or damaged and how to recover — never a panic, never a
// silently empty index — and the documented recoveries (reindex from the
// sources, or serve a backup) bring every document back.
func TestDamagedIndexOnStart(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes; run without -short")
	}
	pristine, want := baseArchive(t)
	backup := filepath.Join(t.TempDir(), "backup")
	if _, err := runCLI(t, map[string]string{"GOVARCHIVE_DATA": pristine}, "backup", backup); err != nil {
		t.Fatalf("backup: %v", err)
	}
	liveDir := func(data string) string {
		b, err := os.ReadFile(filepath.Join(data, "CURRENT"))
		if err != nil {
			t.Fatal(err)
		}
		return filepath.Join(data, strings.TrimSpace(string(b)))
	}
	damage := []struct {
		name string
		do   func(t *testing.T, data string)
		// serve: also check that serve refuses to start; recover: run
		// the documented recovery. Search alone covers the shared open
		// path; every extra process or open costs a dictionary load.
		serve, recover bool
	}{
		{"index directory removed", func(t *testing.T, data string) { must(t, os.RemoveAll(liveDir(data))) }, true, false},
		{"index_meta.json garbage", func(t *testing.T, data string) {
			must(t, os.WriteFile(filepath.Join(liveDir(data), "index_meta.json"), []byte("{\x00not json"), 0o644))
		}, false, false},
		{"store removed", func(t *testing.T, data string) { must(t, os.RemoveAll(filepath.Join(liveDir(data), "store"))) }, false, false},
		{"root.bolt zeroed", func(t *testing.T, data string) { overwrite(t, filepath.Join(liveDir(data), "store", "root.bolt"), 0) }, false, false},
		{"segments truncated", func(t *testing.T, data string) {
			segs, _ := filepath.Glob(filepath.Join(liveDir(data), "store", "*.zap"))
			if len(segs) == 0 {
				t.Fatal("no segment files to damage")
			}
			for _, s := range segs {
				must(t, os.Truncate(s, 64))
			}
		}, false, true},
		{"CURRENT names nothing", func(t *testing.T, data string) {
			must(t, os.WriteFile(filepath.Join(data, "CURRENT"), []byte("index-gone\n"), 0o644))
		}, false, false},
	}
	t.Run("damage", func(t *testing.T) {
		for _, d := range damage {
			t.Run(d.name, func(t *testing.T) {
				t.Parallel() // separate data directories and processes
				data := t.TempDir()
				copyTree(t, pristine, data)
				d.do(t, data)
				commands := [][]string{{"search", "--json", "会议"}}
				if d.serve {
					commands = append(commands, []string{"serve", "--addr", "127.0.0.1:0"})
				}
				for _, args := range commands {
					// A serve that starts on a damaged index runs until killed.
					ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
					out, err := childCommand(ctx, data, args...).CombinedOutput()
					cancel()
					msg := string(out)
					var exit *exec.ExitError
					if !errors.As(err, &exit) {
						t.Fatalf("%s on a damaged index: want a failure, got %v\n%s", args[0], err, msg)
					}
					if !strings.Contains(msg, "index missing or damaged") || !strings.Contains(msg, "reindex --from") {
						t.Errorf("%s on a damaged index: message lacks the diagnosis or the recovery:\n%s", args[0], msg)
					}
					if strings.Contains(msg, "goroutine ") || strings.Contains(msg, "panic") {
						t.Errorf("%s on a damaged index panicked:\n%s", args[0], msg)
					}
				}
				if !d.recover {
					return
				}
				// The documented recovery: rebuild from the sources.
				out, err := runCLI(t, map[string]string{"GOVARCHIVE_DATA": data, "GOVARCHIVE_LOG_LEVEL": "error"},
					"reindex", "--from", seed, "--from", filepath.Join(corpusDir(t), "news"), "--from", filepath.Join(corpusDir(t), "official"))
				if err != nil {
					t.Fatalf("reindex --from: %v\n%s", err, out)
				}
				if got := uint64(checkWhole(t, data)); got != want {
					t.Errorf("after reindex --from: %d documents, want %d", got, want)
				}
			})
		}
	})
	// The other recovery: the backup serves every document.
	if got := uint64(checkWhole(t, backup)); got != want {
		t.Errorf("backup holds %d documents, want %d", got, want)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// overwrite replaces a file's bytes from offset on with zeros, keeping its
// size.
func overwrite(t *testing.T, path string, offset int64) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(make([]byte, st.Size()-offset), offset); err != nil {
		t.Fatal(err)
	}
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatalf("copy %s: %v", src, err)
	}
}

// TestEndlessPDF ingests a PDF whose content stream ends inside a hex
// string, which sends the PDF library's lexer into an endless loop (found
// by FuzzReadPDFContent; reproducer in internal/textio/testdata/fuzz). The
// ingest must give up on that file and finish: a worker spinning forever
// would hang the ingest, and over HTTP pin a core per upload.
func TestEndlessPDF(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes; run without -short")
	}
	dir := t.TempDir()
	must(t, os.WriteFile(filepath.Join(dir, "endless.pdf"), minimalPDF("BT /F1 10 Tf [<"), 0o644))
	b, err := os.ReadFile(seed)
	must(t, err)
	must(t, os.WriteFile(filepath.Join(dir, "good.txt"), b, 0o644))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := childCommand(ctx, t.TempDir(), "ingest", "--json", dir).Output()
	if ctx.Err() != nil {
		t.Fatalf("ingest of a PDF with an unterminated hex string never finished (killed after 30 s)")
	}
	var sum ingest.Summary
	if jerr := json.Unmarshal(out, &sum); jerr != nil {
		t.Fatalf("ingest: %v, summary %v\n%s", err, jerr, out)
	}
	if sum.Added != 1 || sum.Failed != 1 || filepath.Base(sum.Failures[0].Path) != "endless.pdf" {
		t.Errorf("summary %+v: want the good file added and the PDF failed", sum)
	}
}
