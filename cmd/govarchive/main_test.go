package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"govarchive/index"
	"govarchive/internal/document"
	"govarchive/internal/ingest"
)

const seed = "../../internal/sample/corpus/suzhou-2020-3.txt"

func corpusDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("corpus not found beside the repository (%s): %v", dir, err)
	}
	return dir
}

// runCLI runs the program as the shell would and returns stdout.
func runCLI(t *testing.T, env map[string]string, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	getenv := func(k string) string { return env[k] }
	err := run(context.Background(), args, &out, &errOut, getenv)
	if err != nil {
		t.Logf("stderr: %s", errOut.String())
	}
	return out.String(), err
}

func TestBadEnvironmentIsAnError(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"GOVARCHIVE_WORKERS": "2x"}, `GOVARCHIVE_WORKERS="2x": not a whole number`},
		{map[string]string{"GOVARCHIVE_MAX_FILE_SIZE": "64MB", "GOVARCHIVE_BATCH_SIZE": "many"}, `GOVARCHIVE_BATCH_SIZE="many"`},
	}
	for _, tc := range tests {
		_, err := runCLI(t, tc.env, "parse", seed)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err %v, want it to name %s", tc.env, err, tc.want)
		}
	}
	for _, args := range [][]string{
		{"parse", seed},                   // a variable parse has no flag for (serve's)
		{"--workers", "1", "parse", seed}, // a flag given wins over its variable
	} {
		bad := map[string]string{"GOVARCHIVE_REQUEST_TIMEOUT": "30", "GOVARCHIVE_WORKERS": "2x"}
		if args[0] == "parse" {
			delete(bad, "GOVARCHIVE_WORKERS")
		}
		if _, err := runCLI(t, bad, args...); err != nil {
			t.Errorf("%v with %v: %v", args, bad, err)
		}
	}
	// Valid values are taken.
	if _, err := runCLI(t, map[string]string{"GOVARCHIVE_REQUEST_TIMEOUT": "30s", "GOVARCHIVE_WORKERS": "1"}, "parse", seed); err != nil {
		t.Errorf("valid environment: %v", err)
	}
}

func TestCheckPublicURL(t *testing.T) {
	for v, ok := range map[string]bool{
		"": true, "https://archive.example.gov": true, "http://10.0.0.5:8080/archive/": true,
		"archive.example.gov": false, "ftp://archive.example.gov": false, "https://": false, "https://a.gov/?x=1": false,
	} {
		if err := checkPublicURL(v); (err == nil) != ok {
			t.Errorf("checkPublicURL(%q) = %v, want ok %v", v, err, ok)
		}
	}
}

func TestParseSeed(t *testing.T) {
	out, err := runCLI(t, nil, "parse", seed)
	if err != nil {
		t.Fatal(err)
	}
	var doc document.Document
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("parse output is not one JSON document: %v\n%s", err, out)
	}
	if doc.ID == "" || doc.Source != "suzhou-2020-3.txt" || doc.Kind != document.KindMinutes {
		t.Errorf("id %q source %q kind %q", doc.ID, doc.Source, doc.Kind)
	}
	if doc.Meeting == nil || doc.Meeting.Session != 86 || doc.Date != "2020-01-06" {
		t.Errorf("meeting %+v date %q", doc.Meeting, doc.Date)
	}
	if len(doc.Topics) != 5 || len(doc.Observers) != 65 {
		t.Errorf("%d topics, %d observers", len(doc.Topics), len(doc.Observers))
	}
	// Same content, same id.
	again, err := runCLI(t, nil, "parse", seed)
	if err != nil {
		t.Fatal(err)
	}
	var doc2 document.Document
	if err := json.Unmarshal([]byte(again), &doc2); err != nil || doc2.ID != doc.ID {
		t.Errorf("id not stable: %q vs %q (%v)", doc.ID, doc2.ID, err)
	}
}

func TestParseSeveralFilesIsArray(t *testing.T) {
	dir := corpusDir(t)
	out, err := runCLI(t, nil, "parse", seed, filepath.Join(dir, "news", "huanan_17-13.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []document.Document
	if err := json.Unmarshal([]byte(out), &docs); err != nil || len(docs) != 2 {
		t.Fatalf("want a JSON array of 2 documents: %v", err)
	}
}

func TestIngestSearchIdempotent(t *testing.T) {
	dir := corpusDir(t)
	data := t.TempDir()
	env := map[string]string{"GOVARCHIVE_DATA": data, "GOVARCHIVE_LOG_LEVEL": "error"}

	out, err := runCLI(t, env, "ingest", "--json", dir, seed)
	if err != nil {
		t.Fatal(err)
	}
	var sum ingest.Summary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summary: %v\n%s", err, out)
	}
	files, _ := ingest.Collect([]string{dir, seed})
	if sum.Added == 0 || sum.Failed != 0 || sum.Total() != len(files) {
		t.Fatalf("first ingest: %+v for %d files", sum, len(files))
	}

	out, err = runCLI(t, env, "ingest", "--json", dir, seed)
	if err != nil {
		t.Fatal(err)
	}
	var again ingest.Summary
	if err := json.Unmarshal([]byte(out), &again); err != nil {
		t.Fatal(err)
	}
	if again.Added != 0 || again.Updated != 0 || again.Unchanged != len(files) {
		t.Errorf("second ingest of the same files: %+v", again)
	}

	out, err = runCLI(t, env, "search", "--json", "献血条例")
	if err != nil {
		t.Fatal(err)
	}
	var res index.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 || res.Hits[0].Source != "suzhou-2020-3.txt" {
		t.Fatalf("search 献血条例: %+v", res)
	}
	if !strings.Contains(strings.Join(res.Hits[0].Snippets, ""), "<mark>") {
		t.Errorf("no highlighted snippet: %q", res.Hits[0].Snippets)
	}

	out, err = runCLI(t, env, "search", "--kind", "official", "--from", "2019-01-01", "--to", "2019-12-31", "国务院")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "[official] 2019-") {
		t.Errorf("filtered text output lacks 2019 official hits:\n%s", out)
	}

	// No document has both words: the text output says that it shows
	// documents with some of them.
	out, err = runCLI(t, env, "search", "献血条例 火星探测器")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "No document has every word") || !strings.Contains(out, "suzhou-2020-3.txt") {
		t.Errorf("search 献血条例 火星探测器 does not say it fell back to any word:\n%s", out)
	}

	if _, err := runCLI(t, env, "search", "--from", "2019/01/01", "x"); err == nil {
		t.Error("bad --from accepted")
	}
}

func TestIngestReportsFailures(t *testing.T) {
	data := t.TempDir()
	bad := filepath.Join(t.TempDir(), "empty.txt")
	if err := os.WriteFile(bad, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := runCLI(t, map[string]string{"GOVARCHIVE_DATA": data, "GOVARCHIVE_LOG_LEVEL": "error"}, "ingest", seed, bad)
	if !errors.Is(err, errReported) {
		t.Fatalf("want exit 1 for a failed file, got %v", err)
	}
	if !strings.Contains(out, "added 1,") || !strings.Contains(out, "failed 1") || !strings.Contains(out, "empty.txt") {
		t.Errorf("summary:\n%s", out)
	}
}

func TestIngestLogsProgressWhenNotATerminal(t *testing.T) {
	var out, logs bytes.Buffer
	env := map[string]string{"GOVARCHIVE_DATA": t.TempDir()}
	err := run(context.Background(), []string{"ingest", "--log-format", "json", seed}, &out, &logs,
		func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	var sawProgress, sawSummary bool
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line is not JSON: %q", line)
		}
		switch rec["msg"] {
		case "ingest progress":
			sawProgress = rec["done"] == float64(1) && rec["total"] == float64(1)
		case "ingest finished":
			sawSummary = rec["added"] == float64(1)
		}
	}
	if !sawProgress || !sawSummary {
		t.Errorf("progress %v, summary %v in logs:\n%s", sawProgress, sawSummary, logs.String())
	}
	if strings.Contains(logs.String(), "\x1b[") {
		t.Error("a progress bar was drawn into a non-terminal")
	}
}

func TestParseBytes(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"450MiB", 450 << 20, true}, {"1GiB", 1 << 30, true}, {"512MB", 512e6, true},
		{"2048", 2048, true}, {"10 KiB", 10 << 10, true},
		{"lots", 0, false}, {"-5MiB", 0, false}, {"MiB", 0, false},
	} {
		got, err := parseBytes(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("parseBytes(%q) = %d, %v; want %d, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

// TestPrintHitsFallbackNote: the note that a search fell back to some of
// the words is printed only over hits it found.
func TestPrintHitsFallbackNote(t *testing.T) {
	const note = "No document has every word"
	for _, tc := range []struct {
		name string
		res  index.Result
		want bool
	}{
		{"all words", index.Result{Total: 1, Operator: "and", Hits: []index.Hit{{ID: "a", Title: "纪要"}}}, false},
		{"some words", index.Result{Total: 1, Operator: "or", Hits: []index.Hit{{ID: "a", Title: "纪要"}}}, true},
		{"fell back and found nothing", index.Result{Total: 0, Operator: "or"}, false},
	} {
		var b bytes.Buffer
		printHits(&b, &tc.res, false)
		if got := strings.Contains(b.String(), note); got != tc.want {
			t.Errorf("%s: note printed %v, want %v:\n%s", tc.name, got, tc.want, b.String())
		}
	}
}
