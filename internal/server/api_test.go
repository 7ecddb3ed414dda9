package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"govarchive/internal/document"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// decode unmarshals a JSON response body into a generic value.
func decode(t *testing.T, body []byte) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("response is not a JSON object: %v\n%s", err, body)
	}
	return v
}

// list returns v[key] as a list of objects.
func list(t *testing.T, v map[string]any, key string) []map[string]any {
	t.Helper()
	raw, ok := v[key].([]any)
	if !ok {
		t.Fatalf("%q is not a list in %v", key, v)
	}
	out := make([]map[string]any, len(raw))
	for i, x := range raw {
		m, ok := x.(map[string]any)
		if !ok {
			t.Fatalf("%q[%d] is not an object: %v", key, i, x)
		}
		out[i] = m
	}
	return out
}

func values(items []map[string]any, key string) []string {
	var out []string
	for _, it := range items {
		out = append(out, toString(it[key]))
	}
	return out
}

func toString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		b, _ := json.Marshal(x)
		return string(b)
	default:
		b, _ := json.Marshal(x)
		return string(b)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func q(s string) string { return url.QueryEscape(s) }

func TestReadEndpoints(t *testing.T) {
	env := newTestEnv(t, Deps{})
	a, b, c, d := env.docs[0], env.docs[1], env.docs[2], env.docs[3]

	tests := []struct {
		name   string
		target string
		status int
		check  func(t *testing.T, v map[string]any)
	}{
		{"health", "/healthz", 200, func(t *testing.T, v map[string]any) {
			if v["status"] != "ok" || v["documents"] != float64(4) {
				t.Errorf("health = %v, want ok with 4 documents", v)
			}
		}},
		{"search word", "/api/search?q=" + q("献血"), 200, func(t *testing.T, v map[string]any) {
			hits := list(t, v, "hits")
			ids := values(hits, "id")
			for _, want := range []string{a.ID, b.ID, c.ID} {
				if !contains(ids, want) {
					t.Errorf("献血 hits %v miss %s", ids, want)
				}
			}
			if contains(ids, d.ID) {
				t.Errorf("献血 found the news report that does not mention it")
			}
			if v["total"] != float64(3) {
				t.Errorf("total = %v, want 3", v["total"])
			}
			snip := ""
			for _, x := range hits[0]["snippets"].([]any) {
				snip += x.(string)
			}
			if !strings.Contains(snip, "<mark>") {
				t.Errorf("snippets have no <mark>: %s", snip)
			}
			facets := v["facets"].(map[string]any)
			for _, f := range facetNames {
				if _, ok := facets[f].([]any); !ok {
					t.Errorf("facet %s missing: %v", f, facets)
				}
			}
		}},
		{"search filter department and year", "/api/search?q=" + q("献血") + "&year=2021&kind=minutes", 200, func(t *testing.T, v map[string]any) {
			if ids := values(list(t, v, "hits"), "id"); len(ids) != 1 || ids[0] != b.ID {
				t.Errorf("year=2021 kind=minutes hits = %v, want [%s]", ids, b.ID)
			}
		}},
		{"search empty query lists all newest first", "/api/search", 200, func(t *testing.T, v map[string]any) {
			ids := values(list(t, v, "hits"), "id")
			want := []string{c.ID, b.ID, a.ID, d.ID}
			if strings.Join(ids, ",") != strings.Join(want, ",") {
				t.Errorf("empty query order = %v, want %v", ids, want)
			}
		}},
		{"search date sort and range", "/api/search?sort=date_asc&from=2020-01-01&to=2021-04-01", 200, func(t *testing.T, v map[string]any) {
			ids := values(list(t, v, "hits"), "id")
			if strings.Join(ids, ",") != a.ID+","+b.ID {
				t.Errorf("range hits = %v, want [%s %s]", ids, a.ID, b.ID)
			}
		}},
		// Sort orders as people write them: date (newest first), date-asc.
		{"search sort=date", "/api/search?sort=date&from=2020-01-01&to=2021-04-01", 200, func(t *testing.T, v map[string]any) {
			if ids := values(list(t, v, "hits"), "id"); strings.Join(ids, ",") != b.ID+","+a.ID {
				t.Errorf("sort=date hits = %v, want [%s %s]", ids, b.ID, a.ID)
			}
		}},
		{"search sort=date-asc", "/api/search?sort=date-asc&from=2020-01-01&to=2021-04-01", 200, func(t *testing.T, v map[string]any) {
			if ids := values(list(t, v, "hits"), "id"); strings.Join(ids, ",") != a.ID+","+b.ID {
				t.Errorf("sort=date-asc hits = %v, want [%s %s]", ids, a.ID, b.ID)
			}
		}},
		{"search person filter", "/api/search?person=" + q("邹映涛"), 200, func(t *testing.T, v map[string]any) {
			if ids := values(list(t, v, "hits"), "id"); len(ids) != 1 || ids[0] != d.ID {
				t.Errorf("person hits = %v, want [%s]", ids, d.ID)
			}
		}},
		{"search page beyond results", "/api/search?q=" + q("献血") + "&page=5&size=1", 200, func(t *testing.T, v map[string]any) {
			if hits := list(t, v, "hits"); len(hits) != 0 || v["total"] != float64(3) {
				t.Errorf("page 5 = %d hits, total %v; want 0 hits, total 3", len(hits), v["total"])
			}
			if v["page"] != float64(5) || v["size"] != float64(1) {
				t.Errorf("page %v, size %v; want 5, 1", v["page"], v["size"])
			}
		}},
		{"search size capped", "/api/search?size=100000", 200, func(t *testing.T, v map[string]any) {
			if hits := list(t, v, "hits"); len(hits) != 4 {
				t.Errorf("got %d hits, want all 4", len(hits))
			}
		}},
		{"document", "/api/documents/" + a.ID, 200, func(t *testing.T, v map[string]any) {
			if v["id"] != a.ID || v["title"] != a.Title || len(list(t, v, "topics")) != 2 {
				t.Errorf("document = %v", v)
			}
			if _, leaked := v["SourcePath"]; leaked {
				t.Errorf("source path leaked")
			}
		}},
		{"meetings", "/api/meetings", 200, func(t *testing.T, v map[string]any) {
			// Minutes and news reports together, newest first.
			ms := list(t, v, "meetings")
			if v["total"] != float64(3) || len(ms) != 3 || ms[0]["id"] != b.ID || ms[1]["topic_count"] != float64(2) ||
				ms[1]["session"] != float64(86) || ms[2]["id"] != d.ID || ms[2]["kind"] != "news" {
				t.Errorf("meetings = %v", v)
			}
			if ks := list(t, v, "kinds"); len(ks) != 2 || ks[0]["value"] != "minutes" || ks[0]["count"] != float64(2) {
				t.Errorf("kinds = %v", ks)
			}
			if ys := values(list(t, v, "years"), "value"); !contains(ys, "2020") || !contains(ys, "2021") {
				t.Errorf("years = %v", ys)
			}
		}},
		{"meetings minutes", "/api/meetings?kind=minutes", 200, func(t *testing.T, v map[string]any) {
			if ids := values(list(t, v, "meetings"), "id"); len(ids) != 2 || ids[0] != b.ID || ids[1] != a.ID {
				t.Errorf("minutes = %v", ids)
			}
		}},
		{"meetings both kinds", "/api/meetings?kind=news,minutes&sort=DATE-ASC", 200, func(t *testing.T, v map[string]any) {
			if ids := values(list(t, v, "meetings"), "id"); len(ids) != 3 || ids[0] != d.ID || ids[2] != b.ID {
				t.Errorf("minutes and news = %v", ids)
			}
		}},
		{"meetings by year", "/api/meetings?year=2020", 200, func(t *testing.T, v map[string]any) {
			if ids := values(list(t, v, "meetings"), "id"); len(ids) != 1 || ids[0] != a.ID {
				t.Errorf("2020 meetings = %v", ids)
			}
		}},
		{"meetings news", "/api/meetings?kind=news", 200, func(t *testing.T, v map[string]any) {
			if ids := values(list(t, v, "meetings"), "id"); len(ids) != 1 || ids[0] != d.ID {
				t.Errorf("news meetings = %v", ids)
			}
		}},
		{"decisions", "/api/decisions", 200, func(t *testing.T, v map[string]any) {
			if v["total"] != float64(4) {
				t.Errorf("decisions total = %v, want 4", v["total"])
			}
		}},
		{"decisions by department alias", "/api/decisions?department=" + q("市卫健委"), 200, func(t *testing.T, v map[string]any) {
			ds := list(t, v, "decisions")
			if len(ds) != 1 || ds[0]["document_id"] != b.ID {
				t.Errorf("decisions led by 市卫健委 = %v", ds)
			}
		}},
		{"decisions by canonical department", "/api/decisions?department=" + q("苏州市卫生健康委员会"), 200, func(t *testing.T, v map[string]any) {
			ds := list(t, v, "decisions")
			got := values(ds, "document_id")
			if len(ds) != 2 || !contains(got, a.ID) || !contains(got, b.ID) {
				t.Errorf("decisions led by the canonical department = %v", got)
			}
		}},
		{"decisions matching query", "/api/decisions?q=" + q("危险化学品"), 200, func(t *testing.T, v map[string]any) {
			ds := list(t, v, "decisions")
			if len(ds) != 1 || ds[0]["no"] != float64(1) || ds[0]["document_id"] != a.ID {
				t.Errorf("decisions on 危险化学品 = %v", ds)
			}
		}},
		{"related", "/api/documents/" + a.ID + "/related", 200, func(t *testing.T, v map[string]any) {
			ids := values(list(t, v, "related"), "id")
			if !contains(ids, b.ID) || !contains(ids, c.ID) || contains(ids, a.ID) || contains(ids, d.ID) {
				t.Errorf("related to the draft = %v, want %s and %s", ids, b.ID, c.ID)
			}
		}},
		{"people", "/api/people", 200, func(t *testing.T, v map[string]any) {
			ps := list(t, v, "people")
			if len(ps) == 0 || ps[0]["count"] != float64(2) {
				t.Errorf("people = %v", ps)
			}
			names := values(ps, "name")
			if !contains(names, "李亚平") || !contains(names, "邹映涛") {
				t.Errorf("people = %v", names)
			}
		}},
		{"people prefix and page", "/api/people?prefix=" + q("李") + "&size=1", 200, func(t *testing.T, v map[string]any) {
			ps := list(t, v, "people")
			if len(ps) != 1 || ps[0]["name"] != "李亚平" || v["total"] != float64(1) {
				t.Errorf("people 李 = %v", v)
			}
		}},
		{"person", "/api/people/" + url.PathEscape("李亚平"), 200, func(t *testing.T, v map[string]any) {
			ms := list(t, v, "meetings")
			roles := map[string]string{}
			for _, m := range ms {
				roles[toString(m["id"])] = toString(m["role"])
			}
			if roles[a.ID] != "chair" || roles[b.ID] != "attendee" {
				t.Errorf("roles = %v", roles)
			}
			co := list(t, v, "co_attendees")
			counts := map[string]string{}
			for _, x := range co {
				counts[toString(x["name"])] = toString(x["count"])
			}
			if counts["王翔"] != "2" || counts["吴晓东"] != "1" || counts["李亚平"] != "" || co[0]["count"] != float64(2) {
				t.Errorf("co_attendees = %v, want 王翔 twice, 吴晓东 once, not 李亚平 himself, most frequent first", co)
			}
			if ts := values(list(t, v, "titles"), "name"); !contains(ts, "市长") {
				t.Errorf("titles = %v", ts)
			}
		}},
		// On leave from one meeting, present at the other: the leave is
		// a role of its own and no co-attendance.
		{"person on leave", "/api/people/" + url.PathEscape("吴晓东"), 200, func(t *testing.T, v map[string]any) {
			roles := map[string]string{}
			for _, m := range list(t, v, "meetings") {
				roles[toString(m["id"])] = toString(m["role"])
			}
			if roles[a.ID] != "attendee" || roles[b.ID] != "absent" {
				t.Errorf("roles = %v, want attendee of the first meeting, absent from the second", roles)
			}
			co := map[string]string{}
			for _, x := range list(t, v, "co_attendees") {
				co[toString(x["name"])] = toString(x["count"])
			}
			// Both meetings had 王翔, 李亚平 and 凌鸣: once each, from the
			// meeting attended.
			if co["王翔"] != "1" || co["李亚平"] != "1" || co["凌鸣"] != "1" {
				t.Errorf("co_attendees = %v, want 王翔, 李亚平 and 凌鸣 once (the meeting attended)", co)
			}
			if ts := values(list(t, v, "titles"), "name"); !contains(ts, "副市长") {
				t.Errorf("titles = %v", ts)
			}
		}},
		// Lower-case hex is not Go's canonical escaping: echo then routes
		// on the raw path and the name must still be unescaped.
		{"person, lower-case escapes", "/api/people/" + strings.ToLower(url.PathEscape("李亚平")), 200, func(t *testing.T, v map[string]any) {
			if v["name"] != "李亚平" {
				t.Errorf("name = %v", v["name"])
			}
		}},
		{"department surface form, lower-case escapes", "/api/departments/" + strings.ToLower(url.PathEscape("市卫健委")), 200, func(t *testing.T, v map[string]any) {
			if n, _ := v["name"].(string); !strings.Contains(n, "卫生健康") {
				t.Errorf("name = %v", v["name"])
			}
		}},
		{"person observer with department", "/api/people/" + url.PathEscape("凌鸣"), 200, func(t *testing.T, v map[string]any) {
			ds := values(list(t, v, "departments"), "name")
			if !contains(ds, "市发改委") || !contains(ds, "市发展改革委") {
				t.Errorf("departments = %v", ds)
			}
			// Each names the unit it stands for, for the page to link to.
			if us := values(list(t, v, "departments"), "unit"); len(us) != 2 || us[0] != "苏州市发展和改革委员会" || us[1] != us[0] {
				t.Errorf("units = %v", us)
			}
		}},
		{"departments", "/api/departments", 200, func(t *testing.T, v map[string]any) {
			ds := values(list(t, v, "departments"), "name")
			if !contains(ds, "苏州市卫生健康委员会") {
				t.Errorf("departments = %v", ds)
			}
		}},
		{"department by surface form", "/api/departments/" + url.PathEscape("市卫健委"), 200, func(t *testing.T, v map[string]any) {
			if v["name"] != "苏州市卫生健康委员会" {
				t.Errorf("canonical = %v", v["name"])
			}
			aliases := toString(v["aliases"])
			if !strings.Contains(aliases, "市卫健委") || !strings.Contains(aliases, "市卫生健康委") {
				t.Errorf("aliases = %v", aliases)
			}
			if n := len(list(t, v, "led_topics")); n != 2 {
				t.Errorf("led_topics = %d, want 2", n)
			}
			if act := list(t, v, "activity"); len(act) != 2 || act[0]["year"] != float64(2020) || act[1]["led_topics"] != float64(1) {
				t.Errorf("activity = %v", act)
			}
		}},
		{"department people", "/api/departments/" + url.PathEscape("苏州市发展和改革委员会"), 200, func(t *testing.T, v map[string]any) {
			ps := list(t, v, "people")
			if len(ps) != 1 || ps[0]["name"] != "凌鸣" || ps[0]["count"] != float64(2) {
				t.Errorf("people = %v", ps)
			}
		}},
		{"suggest", "/api/suggest?q=" + q("李"), 200, func(t *testing.T, v map[string]any) {
			if got := values(list(t, v, "suggestions"), "text"); !contains(got, "李亚平") {
				t.Errorf("suggestions = %v", got)
			}
		}},
		{"suggest pinyin initials", "/api/suggest?q=lyp", 200, func(t *testing.T, v map[string]any) {
			if got := values(list(t, v, "suggestions"), "text"); !contains(got, "李亚平") {
				t.Errorf("suggestions = %v", got)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := env.do(http.MethodGet, tc.target, "", nil)
			if rec.Code != tc.status {
				t.Fatalf("GET %s = %d, want %d\n%s", tc.target, rec.Code, tc.status, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type = %q", ct)
			}
			tc.check(t, decode(t, rec.Body.Bytes()))
		})
	}
}

// TestNoNulls: lists are always arrays, so clients need no null checks.
func TestNoNulls(t *testing.T) {
	env := newTestEnv(t, Deps{})
	for _, target := range []string{
		"/api/departments/" + url.PathEscape("县林业局"),
		"/api/people/" + url.PathEscape("邹映涛"),
		"/api/search?q=" + q("没有这个词"),
		"/api/meetings?year=1999",
		"/api/decisions?q=" + q("没有这个词"),
		"/api/documents/" + env.docs[3].ID + "/related",
		"/api/people?prefix=" + q("无"),
		"/api/departments?prefix=" + q("无"),
		"/api/suggest?q=" + q("无"),
	} {
		rec := env.do(http.MethodGet, target, "", nil)
		if rec.Code != 200 {
			t.Errorf("GET %s = %d %s", target, rec.Code, rec.Body)
			continue
		}
		if strings.Contains(rec.Body.String(), "null") {
			t.Errorf("GET %s has a null: %s", target, rec.Body)
		}
	}
}

func TestErrors(t *testing.T) {
	env := newTestEnv(t, Deps{})
	tests := []struct {
		name   string
		target string
		status int
		want   string // in the error message
	}{
		{"unknown document", "/api/documents/0123456789abcdef", 404, "not found"},
		{"bad document id", "/api/documents/" + url.PathEscape("../etc"), 400, "id"},
		{"related of unknown document", "/api/documents/0123456789abcdef/related", 404, "not found"},
		{"unknown person", "/api/people/" + url.PathEscape("无此人"), 404, "无此人"},
		{"unknown department", "/api/departments/" + url.PathEscape("市无此局"), 404, "市无此局"},
		{"person not utf-8", "/api/people/%ff%fe", 400, "name: is not valid UTF-8"},
		{"department not utf-8", "/api/departments/%e5%b8", 400, "name: is not valid UTF-8"},
		{"unknown endpoint", "/api/nothing", 404, "no such endpoint"},
		{"query syntax names q", "/api/search?q=" + q("献血 OR -通知"), 400, "q: "},
		{"page zero", "/api/search?page=0", 400, "page"},
		{"page negative", "/api/search?page=-3", 400, "page"},
		{"page not a number", "/api/search?page=abc", 400, "page"},
		{"page huge", "/api/search?page=99999999999999999999", 400, "page: is too deep"},
		{"page too deep", "/api/search?page=100000", 400, "page"},
		{"size negative", "/api/search?size=-1", 400, "size"},
		{"bad sort", "/api/search?sort=name", 400, "sort"},
		{"bad meetings sort", "/api/meetings?sort=bogus", 400, "sort"},
		{"bad kind", "/api/search?kind=poem", 400, "kind"},
		{"bad year", "/api/search?year=20x0", 400, "year"},
		{"bad from", "/api/search?from=2020-13-01", 400, "from"},
		{"to before from", "/api/search?from=2021-01-01&to=2020-01-01", 400, "to"},
		{"bad format", "/api/search?format=xml", 400, "format"},
		{"bad facet", "/api/search?facet=colour", 400, "facet"},
		{"facet size zero", "/api/search?facet=year&facet_size=0", 400, "facet_size"},
		{"facet size huge", "/api/search?facet_size=100000", 400, "facet_size"},
		{"query too long", "/api/search?q=" + strings.Repeat("献", 10000), 400, "q"},
		{"query with control characters", "/api/search?q=" + q("献\x00血"), 400, "q"},
		{"invalid utf8", "/api/search?q=%ff%fe", 400, "q"},
		{"meetings bad kind", "/api/meetings?kind=official", 400, "kind"},
		{"decisions bad year", "/api/decisions?year=abc", 400, "year"},
		{"people bad page", "/api/people?page=-1", 400, "page"},
		{"suggest too long", "/api/suggest?q=" + strings.Repeat("a", 1000), 400, "q"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := env.do(http.MethodGet, tc.target, "", nil)
			if rec.Code != tc.status {
				t.Fatalf("GET %s = %d, want %d\n%s", tc.target, rec.Code, tc.status, rec.Body)
			}
			v := decode(t, rec.Body.Bytes())
			msg, _ := v["error"].(string)
			if !strings.Contains(msg, tc.want) {
				t.Errorf("error = %q, want it to mention %q", msg, tc.want)
			}
			if v["request_id"] == "" || v["request_id"] == nil {
				t.Errorf("no request_id in %v", v)
			}
		})
	}
}

// TestHostileQueries sends absurd but well-formed queries: each gets an
// answer (a result or a 400), never a 500, and the index still serves.
func TestHostileQueries(t *testing.T) {
	env := newTestEnv(t, Deps{})
	for _, qs := range []string{
		`"献血`, `献血"`, `(((献血`, `+-+-`, `title:`, `doc_number:`, `*`, `?`, `~`, `\`, `OR`, `AND OR NOT`,
		strings.Repeat("献血 ", 50), `a:b:c`, `/regex/`, `[2020]3号`, "　", `"" ""`,
	} {
		rec := env.do(http.MethodGet, "/api/search?q="+q(qs), "", nil)
		if rec.Code != 200 && rec.Code != 400 {
			t.Errorf("q=%q: status %d: %s", qs, rec.Code, rec.Body)
		}
	}
	rec := env.do(http.MethodGet, "/api/search?q="+q("献血"), "", nil)
	if v := decode(t, rec.Body.Bytes()); v["total"] != float64(3) {
		t.Errorf("after hostile queries 献血 total = %v, want 3", v["total"])
	}
}

func TestExport(t *testing.T) {
	env := newTestEnv(t, Deps{})
	t.Run("csv", func(t *testing.T) {
		rec := env.do(http.MethodGet, "/api/search?format=csv&q="+q("献血"), "", nil)
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv") {
			t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
		}
		body, bom := strings.CutPrefix(rec.Body.String(), "\ufeff")
		if !bom {
			t.Errorf("csv has no byte-order mark: Excel would read it as the system's code page")
		}
		lines := strings.Split(strings.TrimSpace(body), "\n")
		if len(lines) != 4 || !strings.HasPrefix(lines[0], "id,source,kind,title") {
			t.Errorf("csv = %q, want a header and 3 rows", lines)
		}
	})
	t.Run("jsonl all documents", func(t *testing.T) {
		rec := env.do(http.MethodGet, "/api/search?format=jsonl", "", nil)
		lines := strings.Split(strings.TrimSpace(rec.Body.String()), "\n")
		if rec.Code != 200 || len(lines) != 4 {
			t.Fatalf("status %d, %d lines", rec.Code, len(lines))
		}
		ids := map[string]bool{}
		for _, l := range lines {
			ids[toString(decode(t, []byte(l))["id"])] = true
		}
		for _, d := range env.docs {
			if !ids[d.ID] {
				t.Errorf("export misses %s", d.ID)
			}
		}
	})
	t.Run("bad parameter is a 400 before streaming", func(t *testing.T) {
		rec := env.do(http.MethodGet, "/api/search?format=csv&year=x", "", nil)
		if rec.Code != 400 {
			t.Errorf("status %d", rec.Code)
		}
	})
}

func multipartBody(t *testing.T, field, filename, content string) (string, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	fw, err := w.CreateFormFile(field, filename)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write([]byte(content))
	w.Close()
	return buf.String(), w.FormDataContentType()
}

// TestRelatedIgnoresCommonCitations: a title that many documents cite links
// none of them, while a specific one still does.
func TestRelatedIgnoresCommonCitations(t *testing.T) {
	env := newTestEnv(t, Deps{})
	var extra []*document.Document
	for i := range maxSharedTitleDocs + 3 {
		text := fmt.Sprintf("第%d号通知\n根据《中华人民共和国宪法》和有关法律，现就第%d项工作通知如下。", i, i)
		d := &document.Document{Source: fmt.Sprintf("c%d.txt", i), SourcePath: fmt.Sprintf("/c/%d", i),
			Kind: document.KindOfficial, Title: fmt.Sprintf("第%d号通知", i), Date: "2022-01-01", Text: text}
		d.ID = document.ContentID(text)
		extra = append(extra, d)
	}
	text := "关于宪法宣传的通知\n根据《中华人民共和国宪法》，结合《苏州市献血条例修正案》宣传工作，通知如下。"
	x := &document.Document{Source: "x.txt", SourcePath: "/x", Kind: document.KindOfficial, Title: "关于宪法宣传的通知",
		Date: "2022-02-01", Text: text, ID: document.ContentID(text)}
	if _, err := env.ix.Put(context.Background(), append(extra, x)); err != nil {
		t.Fatal(err)
	}
	rec := env.do("GET", "/api/documents/"+x.ID+"/related", "", nil)
	ids := values(list(t, decode(t, rec.Body.Bytes()), "related"), "id")
	if !contains(ids, env.docs[1].ID) || !contains(ids, env.docs[2].ID) {
		t.Errorf("related %v miss the documents that share 《苏州市献血条例修正案》", ids)
	}
	for _, d := range extra {
		if contains(ids, d.ID) {
			t.Errorf("related %v links %s through the constitution alone", ids, d.ID)
			break
		}
	}
}

// TestPeopleBeyondFacetLimit: the list holds every name, beyond the index's
// facet maximum, with true counts and a total, paged and by prefix.
func TestPeopleBeyondFacetLimit(t *testing.T) {
	env := newTestEnv(t, Deps{})
	const n = allFacetValues + 2
	name := func(i int) string { return fmt.Sprintf("测试%04d", i%n) }
	var docs []*document.Document
	for i := range n {
		text := fmt.Sprintf("第%d次协调会\n%s、%s参加。", i, name(i), name(i+1))
		d := &document.Document{Source: fmt.Sprintf("p%d.txt", i), SourcePath: fmt.Sprintf("/p/%d", i), Kind: document.KindOther,
			Title: fmt.Sprintf("第%d次协调会", i), Text: text, People: []string{name(i), name(i + 1)}, Date: "2021-01-01"}
		d.ID = document.ContentID(text)
		docs = append(docs, d)
	}
	text := "稀有人参加的会议\n稀有人参加。"
	docs = append(docs, &document.Document{Source: "rare.txt", SourcePath: "/rare", Kind: document.KindOther, Title: "稀有人参加的会议",
		Text: text, People: []string{"稀有人"}, ID: document.ContentID(text), Date: "2021-01-01"})
	if _, err := env.ix.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	fixture := map[string]bool{}
	for _, d := range env.docs {
		for _, p := range d.People {
			fixture[p] = true
		}
	}
	total := n + 1 + len(fixture)
	v := decode(t, env.do("GET", "/api/people?size=100", "", nil).Body.Bytes())
	if v["total"] != float64(total) {
		t.Errorf("people total = %v, want %d", v["total"], total)
	}
	if _, ok := v["truncated"]; ok {
		t.Errorf("complete list marked truncated")
	}
	// Every page together lists every name once, with its true count.
	got := map[string]float64{}
	for page := 1; page <= (total+99)/100; page++ {
		v = decode(t, env.do("GET", fmt.Sprintf("/api/people?size=100&page=%d", page), "", nil).Body.Bytes())
		for _, p := range list(t, v, "people") {
			got[toString(p["name"])] = p["count"].(float64)
		}
	}
	if len(got) != total || got[name(0)] != 2 || got[name(n-1)] != 2 || got["稀有人"] != 1 {
		t.Errorf("%d names over all pages; %s=%v %s=%v 稀有人=%v", len(got), name(0), got[name(0)], name(n-1), got[name(n-1)], got["稀有人"])
	}
	v = decode(t, env.do("GET", "/api/people?prefix="+q("稀"), "", nil).Body.Bytes())
	if got := values(list(t, v, "people"), "name"); len(got) != 1 || got[0] != "稀有人" {
		t.Errorf("prefix 稀 = %v, want [稀有人]", got)
	}
}

// TestOneFacet: facet and facet_size ask for one facet's list, as long as
// wanted; the others come back empty.
func TestOneFacet(t *testing.T) {
	env := newTestEnv(t, Deps{})
	v := decode(t, env.do(http.MethodGet, "/api/search?q="+q("献血")+"&facet=year&facet_size=1", "", nil).Body.Bytes())
	facets := v["facets"].(map[string]any)
	if years := facets["year"].([]any); len(years) != 1 {
		t.Errorf("year facet = %v, want one value", years)
	}
	if kinds := facets["kind"].([]any); len(kinds) != 0 {
		t.Errorf("kind facet = %v, want none asked for", kinds)
	}
}
