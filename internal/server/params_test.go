package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"testing"
)

// TestParamsAsTyped: filters written the ways people write them in a URL
// select what their canonical forms select: a month or a year as from/to
// (the first day, the last day), 2021年, a kind by its Chinese name or in
// capitals.
func TestParamsAsTyped(t *testing.T) {
	env := newTestEnv(t, Deps{})
	ids := func(target string) []string {
		t.Helper()
		rec := env.do(http.MethodGet, target, "", nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", target, rec.Code, rec.Body)
		}
		var v struct {
			Hits []struct{ ID string } `json:"hits"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range v.Hits {
			out = append(out, h.ID)
		}
		return out
	}
	for typed, canonical := range map[string]string{
		"from=2021&to=2021":             "from=2021-01-01&to=2021-12-31",
		"from=2021-03&to=2021-05":       "from=2021-03-01&to=2021-05-31",
		"from=2020-1-6&to=2021.3":       "from=2020-01-06&to=2021-03-31",
		"to=2020/01":                    "to=2020-01-31",
		"year=2021年":                    "year=2021",
		"kind=" + url.QueryEscape("纪要"): "kind=minutes",
		"kind=" + url.QueryEscape("公文"): "kind=official",
		"kind=News":                     "kind=news",
	} {
		got, want := ids("/api/search?sort=date_asc&"+typed), ids("/api/search?sort=date_asc&"+canonical)
		if len(want) == 0 {
			t.Fatalf("%s selects nothing: the fixture does not test %s", canonical, typed)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v (%s)", typed, got, want, canonical)
		}
	}
	// The meetings list reads its kinds alike.
	for typed, canonical := range map[string]string{"kind=" + url.QueryEscape("纪要"): "kind=minutes", "kind=News," + url.QueryEscape("会议纪要"): "kind=news,minutes"} {
		get := func(target string) string {
			rec := env.do(http.MethodGet, target, "", nil)
			if rec.Code != http.StatusOK {
				t.Fatalf("%s: %d %s", target, rec.Code, rec.Body)
			}
			return rec.Body.String()
		}
		if got, want := get("/api/meetings?"+typed), get("/api/meetings?"+canonical); got != want {
			t.Errorf("meetings %s: %s, want %s", typed, got, want)
		}
	}
	for _, bad := range []string{"from=2021-13", "to=2021-02-30", "from=21-03", "year=二〇二一"} {
		if rec := env.do(http.MethodGet, "/api/search?"+bad, "", nil); rec.Code != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", bad, rec.Code)
		}
	}
}
