package server

import (
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"govarchive/index"
)

func TestSecurityHeaders(t *testing.T) {
	env := newTestEnv(t, Deps{})
	for _, target := range []string{"/", "/api/search?q=" + q("献血"), "/api/nothing"} {
		rec := env.do("GET", target, "", map[string]string{"Origin": "https://evil.example"})
		h := rec.Header()
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP = %q", target, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: headers = %v", target, h)
		}
		if h.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("%s: CORS header set: %q", target, h.Get("Access-Control-Allow-Origin"))
		}
		if h.Get("X-Request-Id") == "" {
			t.Errorf("%s: no request id", target)
		}
	}
}

func TestRequestIDFromClient(t *testing.T) {
	env := newTestEnv(t, Deps{})
	tests := []struct {
		sent string
		keep bool
	}{
		{"abc-123_x.y", true},
		{"evil\nlevel=ERROR msg=forged", false},
		{strings.Repeat("a", 65), false},
	}
	for _, tc := range tests {
		req := httptest.NewRequest("GET", "/healthz", nil)
		req.Header["X-Request-Id"] = []string{tc.sent}
		rec := httptest.NewRecorder()
		env.e.ServeHTTP(rec, req)
		got := rec.Header().Get("X-Request-Id")
		if (got == tc.sent) != tc.keep || got == "" {
			t.Errorf("sent %q, got %q, keep=%v", tc.sent, got, tc.keep)
		}
	}
}

func TestStaticServing(t *testing.T) {
	env := newTestEnv(t, Deps{})
	tests := []struct {
		target string
		status int
	}{
		{"/", 200},
		{"/index.html", 200},
		{"/style.css", 200},
		{"/js/ui.js", 200},
		{"/doc.html", 200},
		{"/../go.mod", 404},
		{"/..%2fgo.mod", 404},
		{"/%2e%2e/%2e%2e/go.mod", 404},
		{"/js/../../static/embed.go", 404},
		{"/embed.go", 404},
		{"/js/..%5c..%5cgo.mod", 404},
		{"//etc/passwd", 404},
	}
	for _, tc := range tests {
		req := httptest.NewRequest("GET", tc.target, nil)
		rec := httptest.NewRecorder()
		env.e.ServeHTTP(rec, req)
		if rec.Code != tc.status {
			t.Errorf("GET %s = %d, want %d", tc.target, rec.Code, tc.status)
		}
		if tc.status != 200 && strings.Contains(rec.Body.String(), "module govarchive") {
			t.Errorf("GET %s leaked go.mod", tc.target)
		}
	}
}

// TestRateLimitIgnoresForwardedFor: a client cannot get a fresh bucket by
// sending another X-Forwarded-For, unless the peer is a trusted proxy.
func TestRateLimitIgnoresForwardedFor(t *testing.T) {
	env := newTestEnv(t, Deps{})
	env.e = New(Deps{Index: env.ix, Limits: Limits{RatePerSecond: 0.001, Burst: 3}})
	limited := 0
	for i := range 10 {
		req := httptest.NewRequest("GET", "/healthz", nil)
		req.RemoteAddr = "203.0.113.7:5000"
		req.Header.Set("X-Forwarded-For", "198.51.100."+string(rune('0'+i)))
		rec := httptest.NewRecorder()
		env.e.ServeHTTP(rec, req)
		if rec.Code == http.StatusTooManyRequests {
			limited++
			if !strings.Contains(rec.Body.String(), "rate limit") || rec.Header().Get("Retry-After") == "" {
				t.Errorf("429 body %s, headers %v", rec.Body, rec.Header())
			}
		}
	}
	if limited != 7 {
		t.Errorf("%d of 10 requests limited, want 7 (burst 3)", limited)
	}
	// Another client has its own bucket.
	req := httptest.NewRequest("GET", "/healthz", nil)
	req.RemoteAddr = "203.0.113.8:5000"
	rec := httptest.NewRecorder()
	env.e.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Errorf("other client = %d", rec.Code)
	}

	// Behind a trusted proxy, the forwarded address is the client.
	proxies, err := ParseTrustedProxies("10.0.0.1, 192.168.0.0/16")
	if err != nil {
		t.Fatal(err)
	}
	e := New(Deps{Index: env.ix, Limits: Limits{RatePerSecond: 0.001, Burst: 1}, TrustedProxies: proxies})
	for i := range 3 {
		req := httptest.NewRequest("GET", "/healthz", nil)
		req.RemoteAddr = "10.0.0.1:5000"
		req.Header.Set("X-Forwarded-For", "198.51.100."+string(rune('1'+i)))
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		if rec.Code != 200 {
			t.Errorf("client %d behind trusted proxy = %d", i, rec.Code)
		}
	}
	if _, err := ParseTrustedProxies("not-an-ip"); err == nil {
		t.Errorf("bad proxy accepted")
	}
}

// slowIndex blocks searches until the request context ends, as a search
// over a huge index would.
type slowIndex struct{ Index }

func (s slowIndex) Search(ctx context.Context, q index.Query) (*index.Result, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func TestTimeoutCancelsSearch(t *testing.T) {
	env := newTestEnv(t, Deps{})
	e := New(Deps{Index: slowIndex{env.ix}, Limits: Limits{RequestTimeout: 50 * time.Millisecond}})
	start := time.Now()
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest("GET", "/api/search?q=x", nil))
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "too long") {
		t.Errorf("slow search = %d %s, want 503", rec.Code, rec.Body)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("timeout took %v", d)
	}
}

func TestPanicIsRecovered(t *testing.T) {
	env := newTestEnv(t, Deps{})
	e := New(Deps{Index: env.ix, Routes: func(e *echo.Echo, _ echo.MiddlewareFunc) {
		e.GET("/boom", func(echo.Context) error { panic("secret internal state") })
	}})
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest("GET", "/boom", nil))
	if rec.Code != 500 || strings.Contains(rec.Body.String(), "secret") || strings.Contains(rec.Body.String(), "goroutine") {
		t.Errorf("panic = %d %s", rec.Code, rec.Body)
	}
	rec = httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	if rec.Code != 200 {
		t.Errorf("after panic: %d", rec.Code)
	}
}

func TestExtraRoutesCanRequireToken(t *testing.T) {
	env := newTestEnv(t, Deps{})
	e := New(Deps{Index: env.ix, Token: "t", Routes: func(e *echo.Echo, auth echo.MiddlewareFunc) {
		e.POST("/api/backup", func(c echo.Context) error { return c.NoContent(204) }, auth)
	}})
	for _, tc := range []struct {
		auth   string
		status int
	}{{"", 401}, {"Bearer x", 401}, {"Bearer t", 204}} {
		req := httptest.NewRequest("POST", "/api/backup", nil)
		if tc.auth != "" {
			req.Header.Set("Authorization", tc.auth)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		if rec.Code != tc.status {
			t.Errorf("auth %q = %d, want %d", tc.auth, rec.Code, tc.status)
		}
	}
}

func TestBodyLimitOnReads(t *testing.T) {
	env := newTestEnv(t, Deps{})
	rec := env.do("GET", "/api/search", strings.Repeat("x", 100<<10), nil)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("GET with a 100 KB body = %d, want 413", rec.Code)
	}
}

func TestGzip(t *testing.T) {
	env := newTestEnv(t, Deps{})
	rec := env.do("GET", "/api/search", "", map[string]string{"Accept-Encoding": "gzip"})
	if rec.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("not compressed: %v", rec.Header())
	}
	zr, err := gzip.NewReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(zr)
	if v := decode(t, body); v["total"] != float64(4) {
		t.Errorf("total = %v", v["total"])
	}
}

// TestTimeoutSparesLongWrites: a backup or upload that takes longer than
// the read timeout is not cancelled by it.
func TestTimeoutSparesLongWrites(t *testing.T) {
	env := newTestEnv(t, Deps{})
	e := New(Deps{Index: env.ix, Token: "t", Limits: Limits{RequestTimeout: 20 * time.Millisecond},
		Routes: func(e *echo.Echo, auth echo.MiddlewareFunc) {
			e.POST("/api/backup", func(c echo.Context) error {
				select {
				case <-time.After(100 * time.Millisecond):
					return c.NoContent(http.StatusNoContent)
				case <-c.Request().Context().Done():
					return c.Request().Context().Err()
				}
			}, auth)
		}})
	req := httptest.NewRequest("POST", "/api/backup", nil)
	req.Header.Set("Authorization", "Bearer t")
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	if rec.Code != http.StatusNoContent {
		t.Errorf("long backup = %d %s, want 204", rec.Code, rec.Body)
	}
}

func TestStaticRevalidation(t *testing.T) {
	env := newTestEnv(t, Deps{})
	for _, target := range []string{"/", "/js/search.js", "/style.css"} {
		rec := env.do("GET", target, "", nil)
		tag := rec.Header().Get("ETag")
		if rec.Code != 200 || tag == "" || rec.Header().Get("Cache-Control") != "no-cache" {
			t.Fatalf("GET %s = %d, ETag %q, Cache-Control %q", target, rec.Code, tag, rec.Header().Get("Cache-Control"))
		}
		rec = env.do("GET", target, "", map[string]string{"If-None-Match": tag})
		if rec.Code != 304 || rec.Body.Len() != 0 {
			t.Errorf("revalidate %s = %d with %d bytes, want 304", target, rec.Code, rec.Body.Len())
		}
	}
}

// TestRealIndexObservesCancellation: the request's context reaches the
// index, so a request whose client has gone away does no search.
func TestRealIndexObservesCancellation(t *testing.T) {
	env := newTestEnv(t, Deps{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, target := range []string{"/api/search?q=" + q("献血"), "/api/decisions", "/api/people/" + q("李亚平")} {
		req := httptest.NewRequest("GET", target, nil).WithContext(ctx)
		rec := httptest.NewRecorder()
		env.e.ServeHTTP(rec, req)
		if rec.Code != 499 {
			t.Errorf("GET %s with a cancelled context = %d %s, want 499", target, rec.Code, rec.Body)
		}
	}
}

// TestNotFoundPage: a browser asking for a page that does not exist gets
// the UI's page saying so; programs and the API keep the JSON error.
func TestNotFoundPage(t *testing.T) {
	env := newTestEnv(t, Deps{})
	html := map[string]string{"Accept": "text/html,application/xhtml+xml"}
	tests := []struct {
		target string
		header map[string]string
		page   bool
	}{
		{"/meeting.html", html, true},
		{"/js/../../go.mod", html, true},
		{"/meeting.html", nil, false},
		{"/api/nothing", html, false},
	}
	for _, tc := range tests {
		rec := env.do(http.MethodGet, tc.target, "", tc.header)
		if rec.Code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", tc.target, rec.Code)
		}
		isPage := strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") && strings.Contains(rec.Body.String(), "页面不存在")
		if isPage != tc.page {
			t.Errorf("GET %s (Accept %q): page %v, want %v: %.80s", tc.target, tc.header["Accept"], isPage, tc.page, rec.Body)
		}
	}
}

// TestMethods: HEAD is answered as GET (monitors and link checkers ask
// with it), OPTIONS lists what a path takes, another method gets 405 with
// the same list, and an unknown API path stays 404.
func TestMethods(t *testing.T) {
	env := newTestEnv(t, Deps{})
	tests := []struct {
		method, target string
		code           int
		allow          string
	}{
		{http.MethodHead, "/", http.StatusOK, ""},
		{http.MethodHead, "/healthz", http.StatusOK, ""},
		{http.MethodHead, "/api/search?q=" + q("献血"), http.StatusOK, ""},
		{http.MethodHead, "/api/documents/nothing", http.StatusNotFound, ""},
		{http.MethodOptions, "/api/search", http.StatusNoContent, "GET, HEAD, OPTIONS"},
		{http.MethodOptions, "/api/documents/x", http.StatusNoContent, "GET, HEAD, DELETE, OPTIONS"},
		{http.MethodOptions, "/api/documents", http.StatusNoContent, "POST, OPTIONS"},
		{http.MethodPut, "/api/documents/x", http.StatusMethodNotAllowed, "GET, HEAD, DELETE, OPTIONS"},
		{http.MethodPost, "/api/search", http.StatusMethodNotAllowed, "GET, HEAD, OPTIONS"},
		{http.MethodOptions, "/api/nothing", http.StatusNotFound, ""},
		{http.MethodPut, "/api/nothing", http.StatusNotFound, ""},
	}
	for _, tc := range tests {
		rec := env.do(tc.method, tc.target, "", nil)
		if rec.Code != tc.code || rec.Header().Get("Allow") != tc.allow {
			t.Errorf("%s %s = %d, Allow %q; want %d, Allow %q", tc.method, tc.target, rec.Code, rec.Header().Get("Allow"), tc.code, tc.allow)
		}
		if tc.method == http.MethodHead && tc.code == http.StatusOK && rec.Header().Get("Content-Type") == "" {
			t.Errorf("HEAD %s: no Content-Type", tc.target)
		}
	}
}
