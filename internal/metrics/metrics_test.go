package metrics

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
)

func TestMiddlewareCountsByRouteTemplate(t *testing.T) {
	m := New(func() float64 { return 42 })
	e := echo.New()
	e.Use(m.Middleware())
	e.GET("/api/documents/:id", func(c echo.Context) error { return c.String(http.StatusOK, "ok") })
	e.GET("/metrics", echo.WrapHandler(m.Handler()))
	m.Ingested("added")

	for _, path := range []string{"/api/documents/a", "/api/documents/b", "/nope"} {
		e.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, path, nil))
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	for _, want := range []string{
		`govarchive_http_requests_total{code="200",method="GET",route="/api/documents/:id"} 2`,
		`govarchive_http_requests_total{code="404",method="GET",route="unmatched"} 1`,
		`govarchive_http_request_duration_seconds_bucket{method="GET",route="/api/documents/:id",le="+Inf"} 2`,
		`govarchive_ingest_files_total{status="added"} 1`,
		`govarchive_documents 42`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(string(body), "/api/documents/a") {
		t.Error("raw paths leak into labels")
	}
}
