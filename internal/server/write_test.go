package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"govarchive/index"
	"govarchive/internal/document"
)

// testIngest is a minimal pipeline for uploads: it indexes the text as an
// "other" document, and rejects what is not UTF-8 text.
func testIngest(ix *index.Index) IngestFunc {
	return func(ctx context.Context, name string, data []byte) (string, index.PutStatus, error) {
		if strings.ContainsRune(string(data), 0) {
			return "", "", fmt.Errorf("%s: %w: binary file", name, ErrRejected)
		}
		if strings.Contains(string(data), "FAIL-INTERNAL") {
			return "", "", errors.New("disk full at /var/lib/secret/index")
		}
		doc := &document.Document{Source: name, SourcePath: "upload:" + name, Kind: document.KindOther,
			Title: strings.SplitN(string(data), "\n", 2)[0], Text: string(data), Date: "2022-02-02"}
		doc.ID = document.ContentID(doc.Text)
		res, err := ix.Put(ctx, []*document.Document{doc})
		if err != nil {
			return "", "", err
		}
		return res[0].ID, res[0].Status, nil
	}
}

func TestWrites(t *testing.T) {
	const token = "s3cret-token"
	env := newTestEnv(t, Deps{Token: token})
	// The ingest function needs the index the env opened.
	env.e = New(Deps{Index: env.ix, Token: token, Ingest: testIngest(env.ix), Limits: Limits{MaxUploadBytes: 1 << 10}})
	auth := map[string]string{"Authorization": "Bearer " + token}
	mp, mpType := multipartBody(t, "file", "../../etc/新文件.txt", "关于加强防汛工作的通知\n各区要做好防汛准备。")
	bin, binType := multipartBody(t, "file", "x.bin", "\x00\x01\x02")
	noField, noFieldType := multipartBody(t, "other", "a.txt", "text")
	withType := func(h map[string]string, ct string) map[string]string {
		out := map[string]string{"Content-Type": ct}
		for k, v := range h {
			out[k] = v
		}
		return out
	}

	tests := []struct {
		name   string
		method string
		target string
		body   string
		header map[string]string
		status int
		want   string // in the body
	}{
		{"no token", "POST", "/api/documents?filename=a.txt", "正文", nil, 401, "bearer token"},
		{"wrong token", "POST", "/api/documents?filename=a.txt", "正文", map[string]string{"Authorization": "Bearer nope"}, 401, "bearer token"},
		{"token as basic auth", "POST", "/api/documents?filename=a.txt", "正文", map[string]string{"Authorization": "Basic " + token}, 401, "bearer token"},
		{"token prefix", "POST", "/api/documents?filename=a.txt", "正文", map[string]string{"Authorization": "Bearer " + token[:5]}, 401, "bearer token"},
		{"multipart upload", "POST", "/api/documents", mp, withType(auth, mpType), 201, `"status":"added"`},
		{"same content again", "POST", "/api/documents", mp, withType(auth, mpType), 200, `"status":"unchanged"`},
		{"source is the base name only", "POST", "/api/documents", mp, withType(auth, mpType), 200, `"source":"新文件.txt"`},
		{"raw upload", "POST", "/api/documents?filename=raw.txt", "关于防汛的会议纪要\n正文", withType(auth, "text/plain"), 201, `"status":"added"`},
		{"raw upload without filename", "POST", "/api/documents", "正文", withType(auth, "text/plain"), 400, "filename"},
		{"empty upload", "POST", "/api/documents?filename=e.txt", "", withType(auth, "text/plain"), 400, "empty"},
		{"multipart without file field", "POST", "/api/documents", noField, withType(auth, noFieldType), 400, "file"},
		{"rejected document", "POST", "/api/documents", bin, withType(auth, binType), 422, "binary file"},
		{"internal failure does not leak", "POST", "/api/documents?filename=f.txt", "FAIL-INTERNAL", withType(auth, "text/plain"), 500, "internal error"},
		{"too large", "POST", "/api/documents?filename=big.txt", strings.Repeat("大", 1000), withType(auth, "text/plain"), 413, "error"},
		{"delete without token", "DELETE", "/api/documents/" + env.docs[3].ID, "", nil, 401, "bearer token"},
		{"delete", "DELETE", "/api/documents/" + env.docs[3].ID, "", auth, 200, `"deleted":true`},
		{"deleted document is gone", "GET", "/api/documents/" + env.docs[3].ID, "", nil, 404, "not found"},
		{"delete again", "DELETE", "/api/documents/" + env.docs[3].ID, "", auth, 404, "not found"},
		{"delete bad id", "DELETE", "/api/documents/a.b", "", auth, 400, "id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := env.do(tc.method, tc.target, tc.body, tc.header)
			if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.want) {
				t.Fatalf("%s %s = %d %s, want %d with %q", tc.method, tc.target, rec.Code, rec.Body, tc.status, tc.want)
			}
			if strings.Contains(rec.Body.String(), "/var/lib") {
				t.Errorf("response leaks a server path: %s", rec.Body)
			}
		})
	}
	// The uploads are searchable; the documents already there still are.
	rec := env.do("GET", "/api/search?q="+q("防汛"), "", nil)
	if v := decode(t, rec.Body.Bytes()); v["total"] != float64(2) {
		t.Errorf("防汛 after uploads: total %v, want 2", v["total"])
	}
	rec = env.do("GET", "/healthz", "", nil)
	if v := decode(t, rec.Body.Bytes()); v["documents"] != float64(5) {
		t.Errorf("documents after 2 uploads and 1 delete = %v, want 5", v["documents"])
	}
}

func TestWritesDisabledWithoutToken(t *testing.T) {
	env := newTestEnv(t, Deps{})
	for _, tc := range []struct{ method, target string }{
		{"POST", "/api/documents?filename=a.txt"},
		{"DELETE", "/api/documents/" + env.docs[0].ID},
	} {
		for _, h := range []map[string]string{nil, {"Authorization": "Bearer "}, {"Authorization": "Bearer anything"}} {
			rec := env.do(tc.method, tc.target, "正文", h)
			if rec.Code != http.StatusForbidden {
				t.Errorf("%s %s with %v = %d, want 403", tc.method, tc.target, h, rec.Code)
			}
		}
	}
	if rec := env.do("GET", "/api/documents/"+env.docs[0].ID, "", nil); rec.Code != 200 {
		t.Errorf("reads must stay open: %d", rec.Code)
	}
}

// TestWritesRefreshBrowsePages: browse aggregations are cached for paging,
// and a write through the API shows at once.
func TestWritesRefreshBrowsePages(t *testing.T) {
	env := newTestEnv(t, Deps{})
	ingest := func(ctx context.Context, name string, data []byte) (string, index.PutStatus, error) {
		doc := &document.Document{Source: name, SourcePath: "upload:" + name, Kind: document.KindMinutes,
			Title: "专题会议纪要", Text: string(data), Date: "2023-03-03",
			Meeting:   &document.Meeting{Chair: &document.Person{Name: "李亚平", Title: "市长"}},
			Attendees: []document.Attendee{{Name: "李亚平"}}, People: []string{"李亚平"}}
		doc.ID = document.ContentID(doc.Text)
		res, err := env.ix.Put(ctx, []*document.Document{doc})
		if err != nil {
			return "", "", err
		}
		return res[0].ID, res[0].Status, nil
	}
	env.e = New(Deps{Index: env.ix, Token: "t", Ingest: ingest})
	auth := map[string]string{"Authorization": "Bearer t", "Content-Type": "text/plain"}
	meetings := func() any {
		rec := env.do("GET", "/api/people/"+q("李亚平")+"?size=1", "", nil)
		v := decode(t, rec.Body.Bytes())
		if n := len(list(t, v, "meetings")); n != 1 {
			t.Errorf("page of size 1 has %d meetings", n)
		}
		return v["meetings_total"]
	}
	if got := meetings(); got != float64(2) {
		t.Fatalf("before: %v meetings, want 2", got)
	}
	rec := env.do("POST", "/api/documents?filename=new.txt", "专题会议纪要正文", auth)
	if rec.Code != 201 {
		t.Fatalf("upload = %d %s", rec.Code, rec.Body)
	}
	if got := meetings(); got != float64(3) {
		t.Errorf("after upload: %v meetings, want 3", got)
	}
	id := decode(t, rec.Body.Bytes())["id"].(string)
	if rec := env.do("DELETE", "/api/documents/"+id, "", auth); rec.Code != 200 {
		t.Fatalf("delete = %d", rec.Code)
	}
	if got := meetings(); got != float64(2) {
		t.Errorf("after delete: %v meetings, want 2", got)
	}
}
