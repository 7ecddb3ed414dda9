package server

import (
	"context"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"govarchive/internal/document"
)

// atomEntry is the part of an Atom feed or entry the tests read.
type atomEntry struct {
	Title   string `xml:"title"`
	ID      string `xml:"id"`
	Updated string `xml:"updated"`
	Link    struct {
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Summary string `xml:"summary"`
}

type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	atomEntry
	Entries []atomEntry `xml:"entry"`
}

func TestSearchFeed(t *testing.T) {
	env := newTestEnv(t, Deps{})
	byDate := map[string]string{}
	for _, d := range env.docs {
		byDate[d.Date] = d.ID
	}
	tests := []struct {
		name      string
		query     string
		title     string
		dates     []string // the entries' dates, in order
		summaryIn string   // text the first entry's summary holds
	}{
		{"every document, newest first", "", "政务档案检索：最新文档",
			[]string{"2021-05-08", "2021-03-15", "2020-01-06", "2019-11-20"}, ""},
		{"words, newest first rather than by score", "q=献血", "政务档案检索：“献血”",
			[]string{"2021-05-08", "2021-03-15", "2020-01-06"}, "<mark>献血</mark>"},
		{"a department followed", "department=市应急局", "政务档案检索：部门：市应急局",
			[]string{"2020-01-06"}, "〔2020〕3号"},
		{"a person and a year", "person=王翔&year=2021", "政务档案检索：人员：王翔，2021年",
			[]string{"2021-03-15"}, "市政府第101次常务会议"},
		{"sort asked for is kept", "q=献血&sort=date_asc&size=2", "政务档案检索：“献血”",
			[]string{"2020-01-06", "2021-03-15"}, "议题2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := env.do(http.MethodGet, "/api/search?format=atom&"+tc.query, "", nil)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/atom+xml") {
				t.Errorf("Content-Type %q", ct)
			}
			var f atomFeed
			if err := xml.Unmarshal(rec.Body.Bytes(), &f); err != nil {
				t.Fatalf("not Atom: %v\n%s", err, rec.Body)
			}
			if f.Title != tc.title {
				t.Errorf("title %q, want %q", f.Title, tc.title)
			}
			ui, err := url.Parse(f.Link.Href)
			if err != nil || ui.Host != "example.com" || ui.Path != "/" || ui.Query().Has("format") {
				t.Errorf("feed link %q: want the search page with the same filters", f.Link.Href)
			}
			if len(f.Entries) != len(tc.dates) {
				t.Fatalf("%d entries, want %d:\n%s", len(f.Entries), len(tc.dates), rec.Body)
			}
			for i, en := range f.Entries {
				id := byDate[tc.dates[i]]
				if !strings.HasPrefix(en.Updated, tc.dates[i]) || en.ID != "urn:govarchive:document:"+id {
					t.Errorf("entry %d: %s %s, want %s %s", i, en.Updated, en.ID, tc.dates[i], id)
				}
				if en.Link.Href != "http://example.com/doc.html?id="+id {
					t.Errorf("entry %d link %q", i, en.Link.Href)
				}
			}
			if !strings.Contains(f.Entries[0].Summary, tc.summaryIn) {
				t.Errorf("first summary %q lacks %q", f.Entries[0].Summary, tc.summaryIn)
			}
			if newest := slices.Max(tc.dates); !strings.HasPrefix(f.Updated, newest) {
				t.Errorf("feed updated %s, want its newest entry's %s", f.Updated, newest)
			}
		})
	}
}

func TestSearchFeedErrors(t *testing.T) {
	env := newTestEnv(t, Deps{})
	for _, target := range []string{
		"/api/search?format=rss",
		"/api/search?format=atom&year=20x",
		"/api/search?format=atom&department=" + url.QueryEscape(strings.Repeat("局", 600)),
	} {
		rec := env.do(http.MethodGet, target, "", nil)
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), `"error"`) {
			t.Errorf("%s: status %d %s, want a JSON 400", target, rec.Code, rec.Body)
		}
	}
}

// With a public URL configured, a feed's links do not follow the Host
// header a client sent.
func TestSearchFeedPublicURL(t *testing.T) {
	env := newTestEnv(t, Deps{PublicURL: "https://archive.example.gov/"})
	req := httptest.NewRequest(http.MethodGet, "/api/search?format=atom&q="+url.QueryEscape("献血"), nil)
	req.Host = "evil.example"
	rec := httptest.NewRecorder()
	env.e.ServeHTTP(rec, req)
	var f atomFeed
	if err := xml.Unmarshal(rec.Body.Bytes(), &f); err != nil || len(f.Entries) == 0 {
		t.Fatalf("feed: %v\n%s", err, rec.Body)
	}
	if !strings.HasPrefix(f.Link.Href, "https://archive.example.gov/?") {
		t.Errorf("feed link %q", f.Link.Href)
	}
	for _, en := range f.Entries {
		if !strings.HasPrefix(en.Link.Href, "https://archive.example.gov/doc.html?id=") {
			t.Errorf("entry link %q", en.Link.Href)
		}
	}
	if strings.Contains(rec.Body.String(), "evil.example") {
		t.Error("the Host header leaked into the feed")
	}
}

// An undated document is dated like the newest dated entry: a reader
// polling the feed sees no change where there is none.
func TestSearchFeedUndatedEntry(t *testing.T) {
	env := newTestEnv(t, Deps{})
	d := &document.Document{Source: "undated.txt", Kind: document.KindOther, Title: "关于献血的说明", Text: "关于献血的说明。"}
	d.ID = document.ContentID(d.Text)
	if _, err := env.ix.Put(context.Background(), []*document.Document{d}); err != nil {
		t.Fatal(err)
	}
	var bodies []string
	for range 2 {
		rec := env.do(http.MethodGet, "/api/search?format=atom&q="+url.QueryEscape("献血"), "", nil)
		bodies = append(bodies, rec.Body.String())
	}
	if bodies[0] != bodies[1] {
		t.Error("two polls of an unchanged archive differ")
	}
	var f atomFeed
	if err := xml.Unmarshal([]byte(bodies[0]), &f); err != nil {
		t.Fatal(err)
	}
	last := f.Entries[len(f.Entries)-1] // undated documents come last
	if last.ID != "urn:govarchive:document:"+d.ID || !strings.HasPrefix(last.Updated, "2021-05-08") {
		t.Errorf("undated entry %s dated %s, want the newest entry's 2021-05-08", last.ID, last.Updated)
	}
}
