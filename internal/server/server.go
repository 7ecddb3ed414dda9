// Package server is govarchive's HTTP face: an echo router with the JSON API
// of the archive (search, documents, browse pages, writes) and the embedded
// web UI. Handlers are thin: they validate parameters, call the index and
// shape its answers; every error is turned into JSON in one place (errors.go).
package server

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"

	"govarchive/index"
	"govarchive/internal/clean"
	"govarchive/internal/document"
	"govarchive/static"
)

// Index is the part of *index.Index the server uses. It is an interface so
// that the CLI can wrap the index (metrics, swapping after a reindex).
type Index interface {
	Search(ctx context.Context, q index.Query) (*index.Result, error)
	// Each walks every match of q, newest first, with no result window
	// (exports and browse aggregations).
	Each(ctx context.Context, q index.Query, fn func(index.Hit) error) error
	// Values lists every value of a facet with its document count.
	Values(ctx context.Context, facet string) ([]index.Facet, error)
	// TopicCount sums the topics of the documents q matches (wraps
	// index.ErrUnsupported for an index built before topic counts).
	TopicCount(ctx context.Context, q index.Query) (int, error)
	Get(ctx context.Context, id string) (*document.Document, error)
	// GetWithChrome is Get with the byte ranges of the text the index
	// left out as page chrome.
	GetWithChrome(ctx context.Context, id string) (*document.Document, []clean.Span, error)
	Delete(ctx context.Context, id string) error
	Count(ctx context.Context) (uint64, error)
	Suggest(ctx context.Context, prefix string, n int) ([]index.Suggestion, error)
}

// IngestFunc reads, parses and indexes one uploaded file. It returns an
// error wrapping ErrRejected, or one of textio's or extract's sentinel
// errors, when the upload is not an acceptable document (a 422 whose message
// is shown to the client, so it must not name server paths); any other
// error is reported to the client as a 500 and logged.
type IngestFunc func(ctx context.Context, filename string, data []byte) (id string, status index.PutStatus, err error)

// DepartmentForms lists every equivalent surface form of a department
// (*dept.Table). Nil means the server only reports the forms it sees in
// the documents.
type DepartmentForms interface {
	Forms(name string) []string
	// FilterForms is Forms without the forms that drop the place a name
	// has: what a filter on 湘阴县财政局 selects.
	FilterForms(name string) []string
}

// Limits bound what one client can ask of the service. Zero fields take the
// defaults of DefaultLimits.
type Limits struct {
	MaxQueryRunes  int           // length of q
	MaxPageSize    int           // size is capped to this
	MaxResultDepth int           // page*size beyond this is refused (deep pages cost O(depth))
	MaxBodyBytes   int64         // request bodies other than uploads
	MaxUploadBytes int64         // POST /api/documents
	RequestTimeout time.Duration // per GET request; searches observe it through the context
	RatePerSecond  float64       // requests per second per client IP
	Burst          int
	MaxExportRows  int           // format=csv|jsonl stops after this many rows (a safety limit)
	MaxScanDocs    int           // browse pages aggregate over at most this many documents
	BrowseCacheTTL time.Duration // how long a browse aggregation is reused for paging
}

// DefaultLimits are sized for a public service on a small machine.
func DefaultLimits() Limits {
	return Limits{
		MaxQueryRunes:  512, // a paragraph pasted from a document
		MaxPageSize:    100,
		MaxResultDepth: 10000,
		MaxBodyBytes:   64 << 10,
		MaxUploadBytes: 32 << 20,
		RequestTimeout: 15 * time.Second,
		RatePerSecond:  20,
		Burst:          60,
		MaxExportRows:  1000000,
		MaxScanDocs:    5000,
		BrowseCacheTTL: 30 * time.Second,
	}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxQueryRunes > 0 {
		d.MaxQueryRunes = l.MaxQueryRunes
	}
	if l.MaxPageSize > 0 {
		d.MaxPageSize = l.MaxPageSize
	}
	if l.MaxResultDepth > 0 {
		d.MaxResultDepth = l.MaxResultDepth
	}
	if l.MaxBodyBytes > 0 {
		d.MaxBodyBytes = l.MaxBodyBytes
	}
	if l.MaxUploadBytes > 0 {
		d.MaxUploadBytes = l.MaxUploadBytes
	}
	if l.RequestTimeout > 0 {
		d.RequestTimeout = l.RequestTimeout
	}
	if l.RatePerSecond > 0 {
		d.RatePerSecond = l.RatePerSecond
	}
	if l.Burst > 0 {
		d.Burst = l.Burst
	}
	if l.MaxExportRows > 0 {
		d.MaxExportRows = l.MaxExportRows
	}
	if l.MaxScanDocs > 0 {
		d.MaxScanDocs = l.MaxScanDocs
	}
	if l.BrowseCacheTTL > 0 {
		d.BrowseCacheTTL = l.BrowseCacheTTL
	}
	return d
}

// Deps is everything the server needs from the rest of the program.
type Deps struct {
	Index  Index
	Ingest IngestFunc // nil disables uploads (403)
	// Token guards the write endpoints; empty disables them (403).
	Token  string
	Logger *slog.Logger
	Limits Limits
	Depts  DepartmentForms // optional
	// TrustedProxies are the networks whose X-Forwarded-For is believed;
	// without any, the client IP is the peer address and cannot be spoofed.
	TrustedProxies []*net.IPNet
	// PublicURL is the service's address as readers reach it
	// (https://archive.example.gov), for the absolute links of feeds; empty
	// takes the request's scheme and Host header.
	PublicURL string
	// Static is the UI's file system; nil serves the embedded UI (static.FS).
	Static fs.FS
	// Middleware runs inside recovery and outside every limit, e.g.
	// Prometheus metrics.
	Middleware []echo.MiddlewareFunc
	// Routes registers extra routes (/metrics, backup); requireToken guards
	// the ones that must be authorised like the write endpoints.
	Routes func(e *echo.Echo, requireToken echo.MiddlewareFunc)
}

// Server holds the handlers' dependencies.
type Server struct {
	ix     Index
	ingest IngestFunc
	token  string
	log    *slog.Logger
	lim    Limits
	depts  DepartmentForms
	cache  *aggCache // browse aggregations, for paging
	public string    // Deps.PublicURL without a trailing slash
	// notFound is the UI's page for a page that does not exist (a browser
	// asking for /meeting.html gets it, not the API's JSON).
	notFound []byte
}

// New builds the echo router with every route and middleware.
func New(deps Deps) *echo.Echo {
	if deps.Index == nil {
		panic("server.New: Deps.Index is nil")
	}
	log := deps.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if deps.Static == nil {
		deps.Static = static.FS
	}
	s := &Server{
		ix:     deps.Index,
		ingest: deps.Ingest,
		token:  deps.Token,
		log:    log,
		lim:    deps.Limits.withDefaults(),
		depts:  deps.Depts,
		public: strings.TrimRight(deps.PublicURL, "/"),
	}
	s.cache = newAggCache(s.lim.BrowseCacheTTL, 64)
	s.notFound, _ = fs.ReadFile(deps.Static, "404.html") // a UI without one answers in JSON

	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.Debug = false
	e.HTTPErrorHandler = s.handleError
	e.IPExtractor = ipExtractor(deps.TrustedProxies)

	e.Use(requestIDMiddleware)
	e.Use(s.requestLogger())
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{
		DisableStackAll:   true,
		DisablePrintStack: true,
		LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
			s.log.Error("panic", "request_id", requestID(c), "err", err, "stack", string(stack))
			return err
		},
	}))
	// Metrics see the requests the service answers, those the rate
	// limiter refuses included (not a panic, which recovery answers
	// outside them).
	e.Use(deps.Middleware...)
	e.Use(middleware.SecureWithConfig(middleware.SecureConfig{
		XSSProtection:         "0", // obsolete filter; the CSP is the protection
		ContentTypeNosniff:    "nosniff",
		XFrameOptions:         "DENY",
		ContentSecurityPolicy: contentSecurityPolicy,
		ReferrerPolicy:        "same-origin",
	}))
	e.Use(middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Store: middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
			Rate: rate.Limit(s.lim.RatePerSecond), Burst: s.lim.Burst, ExpiresIn: 3 * time.Minute,
		}),
		IdentifierExtractor: func(c echo.Context) (string, error) { return c.RealIP(), nil },
		DenyHandler: func(c echo.Context, _ string, _ error) error {
			c.Response().Header().Set("Retry-After", "1")
			return errTooManyRequests
		},
	}))
	e.Use(middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{
		Skipper: func(c echo.Context) bool { return c.Path() == uploadRoute && c.Request().Method == http.MethodPost },
		Limit:   fmt.Sprintf("%dB", s.lim.MaxBodyBytes),
	}))
	e.Use(middleware.ContextTimeoutWithConfig(middleware.ContextTimeoutConfig{
		Timeout: s.lim.RequestTimeout,
		// Reads are bounded. Exports, uploads and extra write routes
		// (backups) stream or parse for as long as they need, bounded by the
		// http.Server's timeouts and the client's connection instead.
		Skipper: func(c echo.Context) bool { return !isRead(c.Request()) || isExport(c) },
	}))
	e.Use(middleware.GzipWithConfig(middleware.GzipConfig{
		MinLength: 1024,
		// Write responses are small, and a backup is compressed already.
		Skipper: func(c echo.Context) bool { return !isRead(c.Request()) },
	}))

	s.routes(e, deps)
	return e
}

// isRead reports a GET, or a HEAD answered as one.
func isRead(r *http.Request) bool { return r.Method == http.MethodGet || r.Method == http.MethodHead }

// contentSecurityPolicy allows only the service's own scripts, styles and
// connections: the UI has no inline scripts or styles and uses no CDN.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// ipExtractor takes the client address from the connection unless trusted
// proxies are configured, so X-Forwarded-For cannot dodge the rate limit.
func ipExtractor(trusted []*net.IPNet) echo.IPExtractor {
	if len(trusted) == 0 {
		return echo.ExtractIPDirect()
	}
	// echo trusts loopback and private networks by default; only the
	// configured proxies are trusted here.
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, n := range trusted {
		opts = append(opts, echo.TrustIPRange(n))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

// ParseTrustedProxies parses a comma-separated list of IPs and CIDRs, for
// the CLI's flag and environment variable.
func ParseTrustedProxies(list string) ([]*net.IPNet, error) {
	var out []*net.IPNet
	for _, item := range strings.Split(list, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if !strings.Contains(item, "/") {
			ip := net.ParseIP(item)
			if ip == nil {
				return nil, fmt.Errorf("trusted proxy %q: not an IP address or CIDR", item)
			}
			bits := 128
			if ip.To4() != nil {
				bits = 32
			}
			out = append(out, &net.IPNet{IP: ip, Mask: net.CIDRMask(bits, bits)})
			continue
		}
		_, n, err := net.ParseCIDR(item)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q: %w", item, err)
		}
		out = append(out, n)
	}
	return out, nil
}
