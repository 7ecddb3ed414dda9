package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"govarchive/internal/app"
	"govarchive/internal/server"
)

// TestUploadEndToEnd wires the real pipeline (reader, parser, department
// table, index) behind the router: the seed minutes uploaded over HTTP come
// back parsed, searchable and browsable, and a binary file is refused.
func TestUploadEndToEnd(t *testing.T) {
	seed := filepath.Join("..", "..", "..", "shared", "spec", "suzhou-2020-3.txt")
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatalf("the seed document is needed at %s: %v", seed, err)
	}
	ctx := context.Background()
	a, err := app.Open(ctx, app.Config{DataDir: t.TempDir(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatalf("open app: %v", err)
	}
	t.Cleanup(func() { a.Close() })
	e := server.New(server.Deps{Index: a.Index, Ingest: a.Pipeline.IngestBytes, Depts: a.Depts, Token: "tok"})

	do := func(method, target, ct string, body []byte) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, target, bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer tok")
		if ct != "" {
			req.Header.Set("Content-Type", ct)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		return rec
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "suzhou-2020-3.txt")
	fw.Write(data)
	mw.Close()
	rec := do("POST", "/api/documents", mw.FormDataContentType(), buf.Bytes())
	if rec.Code != http.StatusCreated {
		t.Fatalf("upload = %d %s", rec.Code, rec.Body)
	}
	var up struct{ ID, Status string }
	json.Unmarshal(rec.Body.Bytes(), &up)

	rec = do("GET", "/api/documents/"+up.ID, "", nil)
	var doc struct {
		Title     string
		Attendees []json.RawMessage
		Observers []json.RawMessage
		Topics    []json.RawMessage
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil || rec.Code != 200 {
		t.Fatalf("get = %d %s", rec.Code, rec.Body)
	}
	if len(doc.Topics) != 5 || len(doc.Attendees) != 10 || len(doc.Observers) != 65 {
		t.Errorf("parsed %d topics, %d attendees, %d observers; want 5, 10, 65", len(doc.Topics), len(doc.Attendees), len(doc.Observers))
	}

	for _, target := range []string{
		"/api/search?q=" + url.QueryEscape("献血"),
		"/api/people/" + url.PathEscape("李亚平"),
		"/api/departments/" + url.PathEscape("市卫生健康委"),
		"/api/decisions?department=" + url.QueryEscape("市医保局"),
	} {
		rec := do("GET", target, "", nil)
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), up.ID) {
			t.Errorf("GET %s = %d, does not list the upload: %s", target, rec.Code, rec.Body)
		}
	}

	// Any surface form or alias names the canonical department.
	for _, form := range []string{"市卫生健康委", "卫健委", "苏州市卫生健康委员会"} {
		rec := do("GET", "/api/departments/"+url.PathEscape(form), "", nil)
		var d struct {
			Name      string
			LedTopics []json.RawMessage `json:"led_topics"`
		}
		json.Unmarshal(rec.Body.Bytes(), &d)
		if rec.Code != 200 || d.Name != "苏州市卫生健康委员会" || len(d.LedTopics) != 1 {
			t.Errorf("department %s = %d, name %q, %d led topics; want 苏州市卫生健康委员会 with 1", form, rec.Code, d.Name, len(d.LedTopics))
		}
	}

	rec = do("POST", "/api/documents?filename=x.bin", "application/octet-stream", []byte("\x00\x01\x02\x03binary\x00\xff"))
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "x.bin") {
		t.Errorf("binary upload = %d %s, want 422 naming the file", rec.Code, rec.Body)
	}
	rec = do("POST", "/api/documents?filename=empty.txt", "text/plain", []byte("   \n"))
	if rec.Code != http.StatusUnprocessableEntity && rec.Code != http.StatusBadRequest {
		t.Errorf("blank upload = %d %s, want 422", rec.Code, rec.Body)
	}
}
