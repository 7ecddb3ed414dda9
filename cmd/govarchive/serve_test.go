package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server's logger and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var servingRE = regexp.MustCompile(`"addr":"(http://[^"]+)"`)

// startServe runs `govarchive serve` in-process on a free port and returns
// its base URL and a stop function that waits for graceful shutdown.
func startServe(t *testing.T, env map[string]string) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logs := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--log-format", "json"}, io.Discard, logs,
			func(k string) string { return env[k] })
	}()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if m := servingRE.FindStringSubmatch(logs.String()); m != nil {
			return m[1], func() error { cancel(); return <-done }
		}
		select {
		case err := <-done:
			t.Fatalf("serve exited: %v\n%s", err, logs.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	cancel()
	t.Fatalf("serve did not start:\n%s", logs.String())
	return "", nil
}

func TestServeSeedsMetricsUploadBackupAndShutsDown(t *testing.T) {
	data := t.TempDir()
	base, stop := startServe(t, map[string]string{"GOVARCHIVE_DATA": data, "GOVARCHIVE_TOKEN": "s3cret"})

	get := func(path string) (int, string) {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, _ := get("/healthz"); code != http.StatusOK {
		t.Fatalf("healthz: %d", code)
	}
	code, body := get("/api/search?q=" + "献血")
	if code != http.StatusOK || !strings.Contains(body, "suzhou-2020-3.txt") {
		t.Fatalf("the bundled sample is not searchable: %d %.300s", code, body)
	}

	// Upload with the token.
	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	fw, _ := mw.CreateFormFile("file", "upload.txt")
	seedText, err := os.ReadFile(filepath.Join(corpusDir(t), "news", "huanan_17-13.txt"))
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(seedText)
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, base+"/api/documents", &form)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer s3cret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	up, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode/100 != 2 || !strings.Contains(string(up), "added") {
		t.Fatalf("upload: %d %s", resp.StatusCode, up)
	}

	code, body = get("/metrics")
	for _, want := range []string{
		`govarchive_http_requests_total{code="200",method="GET",route="/api/search"} 1`,
		`govarchive_ingest_files_total{status="added"} 1`,
		"govarchive_documents ",
	} {
		if code != http.StatusOK || !strings.Contains(body, want) {
			t.Errorf("metrics lack %q (status %d):\n%.600s", want, code, body)
		}
	}

	// Backup: refused without the token, a data directory with it.
	req, _ = http.NewRequest(http.MethodPost, base+"/api/backup", nil)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized && resp.StatusCode != http.StatusForbidden {
		t.Errorf("backup without a token: %d", resp.StatusCode)
	}
	req.Header.Set("Authorization", "Bearer s3cret")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	names := untar(t, resp.Body)
	resp.Body.Close()
	if !names["CURRENT"] || !names["index/index_meta.json"] {
		t.Errorf("backup archive lacks the live index: %v", names)
	}

	if err := stop(); err != nil && !errors.Is(err, context.Canceled) {
		t.Fatalf("graceful shutdown: %v", err)
	}
	// The index was closed: a new process opens it and finds the upload.
	out, err := runCLI(t, map[string]string{"GOVARCHIVE_DATA": data}, "search", "--json", "梁庆民")
	if err != nil {
		t.Fatal(err)
	}
	var res struct{ Total int }
	if json.Unmarshal([]byte(out), &res) != nil || res.Total == 0 {
		t.Errorf("uploaded document not found after restart: %s", out)
	}
}

func untar(t *testing.T, r io.Reader) map[string]bool {
	t.Helper()
	gz, err := gzip.NewReader(r)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	names := map[string]bool{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return names
		}
		if err != nil {
			t.Fatal(err)
		}
		names[h.Name] = true
	}
}
