package server

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"govarchive/internal/document"
)

// chromeDoc is a captured page: a menu one link a line and a breadcrumb
// around a short news report.
func chromeDoc() (*document.Document, []string, string) {
	chrome := []string{"首页", "政务公开", "政策文件", "互动交流", "办事服务", "联系我们", "当前位置：首页 > 政务公开 > 政府会议"}
	body := "县政府召开常务会议\n会议研究了防汛工作，要求各乡镇压实责任。"
	text := strings.Join(chrome, "\n") + "\n" + body
	return &document.Document{ID: document.ContentID(text), Source: "menu-news.txt", SourcePath: "/menu-news.txt",
		Kind: document.KindNews, Title: "县政府召开常务会议", Text: text}, chrome, body
}

// TestDocumentChrome: GET /api/documents/{id} returns the byte ranges of
// the text that are page chrome, covering the menu and breadcrumb and not
// the report; a document without chrome has no "chrome".
func TestDocumentChrome(t *testing.T) {
	env := newTestEnv(t, Deps{})
	d, chrome, body := chromeDoc()
	if _, err := env.ix.Put(context.Background(), []*document.Document{d}); err != nil {
		t.Fatal(err)
	}
	rec := env.do("GET", "/api/documents/"+d.ID, "", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var v struct {
		ID     string   `json:"id"`
		Title  string   `json:"title"`
		Text   string   `json:"text"`
		Chrome [][2]int `json:"chrome"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.ID != d.ID || v.Title != d.Title || v.Text != d.Text {
		t.Fatalf("document = %+v", v)
	}
	var masked []string
	for _, r := range v.Chrome {
		if r[0] < 0 || r[0] >= r[1] || r[1] > len(v.Text) {
			t.Fatalf("range %v out of the text", r)
		}
		masked = append(masked, v.Text[r[0]:r[1]])
	}
	if strings.Join(masked, "\n") != strings.Join(chrome, "\n") {
		t.Errorf("chrome = %q, want %q", masked, chrome)
	}
	if start := strings.Index(v.Text, body); v.Chrome[len(v.Chrome)-1][1] > start {
		t.Errorf("chrome %v reaches into the body at %d", v.Chrome, start)
	}

	rec = env.do("GET", "/api/documents/"+env.docs[0].ID, "", nil)
	var plain map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &plain); err != nil || rec.Code != http.StatusOK {
		t.Fatalf("status %d: %v", rec.Code, err)
	}
	if _, ok := plain["chrome"]; ok || plain["id"] != env.docs[0].ID {
		t.Errorf("a document without chrome answers %v", plain)
	}
}
