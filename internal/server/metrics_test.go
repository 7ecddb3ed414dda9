package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"govarchive/internal/metrics"
)

// The metrics count the status each client got: errors are answered by the
// server's error handler before they are counted, refusals of the rate
// limiter included.
func TestMetricsCountAnsweredStatus(t *testing.T) {
	m := metrics.New(func() float64 { return 0 })
	env := newTestEnv(t, Deps{
		Token:      "secret",
		Middleware: []echo.MiddlewareFunc{m.Middleware()},
		Limits:     Limits{RatePerSecond: 0.001, Burst: 8},
		Routes: func(e *echo.Echo, _ echo.MiddlewareFunc) {
			e.GET("/metrics", echo.WrapHandler(m.Handler()))
		},
	})
	for _, target := range []string{
		"/api/documents/nope",  // 404
		"/api/search?size=0",   // 400
		"/api/search?q=献血",     // 200
		"/api/documents/nope2", // 404
	} {
		env.do(http.MethodGet, target, "", nil)
	}
	env.do(http.MethodPost, "/api/documents", "x", nil) // 401: no token
	env.do(http.MethodPut, "/api/search", "", nil)      // 405
	for range 3 {
		env.do(http.MethodGet, "/api/search", "", nil) // two more 200s, then the burst of 8 runs out: 429
	}
	// Another client, which the limiter has not seen.
	req := httptest.NewRequest(http.MethodGet, "/metrics", nil)
	req.RemoteAddr = "192.0.2.99:4000"
	rec := httptest.NewRecorder()
	env.e.ServeHTTP(rec, req)
	body := rec.Body.String()
	for _, want := range []string{
		`code="404",method="GET",route="/api/documents/:id"} 2`,
		`code="400",method="GET",route="/api/search"} 1`,
		`code="200",method="GET",route="/api/search"} 3`,
		`code="401",method="POST",route="/api/documents"} 1`,
		`code="405",method="PUT",route="/api/*"} 1`,
		`code="429",method="GET",route="/api/search"}`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(body, `code="200",method="GET",route="/api/documents/:id"`) {
		t.Error("an error counted as 200")
	}
}
