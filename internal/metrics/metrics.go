// Package metrics exposes govarchive's Prometheus metrics: HTTP requests by
// route, ingest outcomes, and the number of indexed documents. Each server
// gets its own registry, so tests and several servers in one process never
// share counters.
package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics holds the collectors of one process.
type Metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	ingested *prometheus.CounterVec
}

// New registers the collectors; documents reports the index size on scrape.
func New(documents func() float64) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "govarchive_http_requests_total",
			Help: "HTTP requests by route template, method and status code.",
		}, []string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "govarchive_http_request_duration_seconds",
			Help:    "HTTP request latency by route template.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route", "method"}),
		ingested: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "govarchive_ingest_files_total",
			Help: "Files ingested by outcome: added, updated, unchanged or failed.",
		}, []string{"status"}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.ingested,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if documents != nil {
		m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "govarchive_documents",
			Help: "Documents in the index.",
		}, documents))
	}
	return m
}

// Middleware counts and times requests. Routes are labelled by their
// template (/api/documents/:id), never the raw path, so cardinality stays
// bounded whatever clients send.
func (m *Metrics) Middleware() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			start := time.Now()
			// The error handler writes the answer now, so the status
			// counted is the one the client gets (an error is reported
			// once: the handler is not called again for a committed
			// response).
			if err := next(c); err != nil {
				c.Error(err)
			}
			route := c.Path()
			if route == "" {
				route = "unmatched"
			}
			code := c.Response().Status
			method := c.Request().Method
			m.requests.WithLabelValues(route, method, strconv.Itoa(code)).Inc()
			m.latency.WithLabelValues(route, method).Observe(time.Since(start).Seconds())
			return nil
		}
	}
}

// Ingested counts one ingested file by outcome.
func (m *Metrics) Ingested(status string) { m.ingested.WithLabelValues(status).Inc() }

// Handler serves the metrics in Prometheus text format. Compression is
// left to the server's middleware: compressing here too sends clients a
// gzip inside a gzip.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg, DisableCompression: true})
}
