package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/spf13/cobra"

	"govarchive/index"
	"govarchive/internal/app"
	"govarchive/internal/metrics"
	"govarchive/internal/server"
)

func serveCmd(g *globals) *cobra.Command {
	var (
		addr, token, proxies string
		publicURL            string
		memLimit             string
		lim                  = server.DefaultLimits()
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web UI and JSON API (indexes the bundled sample on an empty data directory)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			log := g.logger()
			trusted, err := server.ParseTrustedProxies(proxies)
			if err != nil {
				return fmt.Errorf("--trusted-proxies: %w", err)
			}
			if err := checkPublicURL(publicURL); err != nil {
				return err
			}
			lim.MaxUploadBytes = g.maxBytes
			if err := applyMemoryLimit(memLimit, g.getenv); err != nil {
				return err
			}
			a, err := app.Open(ctx, g.config())
			if err != nil {
				return err
			}
			defer func() {
				if err := a.Close(); err != nil {
					log.Error("close index", "error", err)
				}
			}()
			if n, err := a.SeedIfEmpty(ctx); err != nil {
				log.Warn("sample corpus", "error", err)
			} else if n > 0 {
				log.Info("indexed the bundled sample corpus", "documents", n)
			}

			m := metrics.New(func() float64 {
				n, _ := a.Index.Count(context.Background())
				return float64(n)
			})
			e := server.New(server.Deps{
				Index: a.Index,
				Ingest: func(ctx context.Context, name string, data []byte) (string, index.PutStatus, error) {
					id, st, err := a.Pipeline.IngestBytes(ctx, name, data)
					if err != nil {
						m.Ingested("failed")
					} else {
						m.Ingested(string(st))
					}
					return id, st, err
				},
				Token:          token,
				Logger:         log,
				Limits:         lim,
				TrustedProxies: trusted,
				PublicURL:      publicURL,
				Depts:          a.Depts,
				Middleware:     []echo.MiddlewareFunc{m.Middleware()},
				Routes: func(e *echo.Echo, requireToken echo.MiddlewareFunc) {
					e.GET("/metrics", echo.WrapHandler(m.Handler()))
					e.POST("/api/backup", func(c echo.Context) error {
						started := false
						err := a.WriteBackup(c.Request().Context(), func() io.Writer {
							started = true
							c.Response().Header().Set(echo.HeaderContentType, "application/gzip")
							c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="govarchive-backup.tar.gz"`)
							c.Response().WriteHeader(http.StatusOK)
							// A large archive streams for longer than the server's
							// write timeout: it may, while the client reads.
							return server.SlidingWriter(c.Response(), server.StreamWindow)
						})
						if err != nil && started {
							// The status is sent: the client holds a truncated
							// archive, and only the log can say so.
							log.Error("backup stream failed", "err", err)
							return nil
						}
						return err // not staged: an error status, logged once
					}, requireToken)
				},
			})
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("listen: %w", err)
			}
			srv := &http.Server{
				Handler:           e,
				ReadHeaderTimeout: 10 * time.Second,
				ReadTimeout:       60 * time.Second,
				WriteTimeout:      120 * time.Second,
				IdleTimeout:       120 * time.Second,
			}
			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			log.Info("serving", "addr", "http://"+ln.Addr().String(), "writes_enabled", token != "")

			select {
			case err := <-errc:
				if !errors.Is(err, http.ErrServerClosed) {
					return fmt.Errorf("serve: %w", err)
				}
			case <-ctx.Done():
				log.Info("shutting down")
				sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
				defer cancel()
				if err := srv.Shutdown(sctx); err != nil {
					return fmt.Errorf("shutdown: %w", err)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&addr, "addr", g.getenv.str("ADDR", "127.0.0.1:8080"), "listen address (GOVARCHIVE_ADDR)")
	f := cmd.Flags()
	f.StringVar(&token, "token", g.getenv.str("TOKEN", ""), "bearer token for writes; empty disables writes (GOVARCHIVE_TOKEN)")
	f.StringVar(&memLimit, "memory-limit", g.getenv.str("MEMORY_LIMIT", defaultMemoryLimit),
		"soft memory limit of the service (e.g. 450MiB, 1GiB; 0 = none; GOMEMLIMIT wins) (GOVARCHIVE_MEMORY_LIMIT)")
	f.StringVar(&proxies, "trusted-proxies", g.getenv.str("TRUSTED_PROXIES", ""),
		"comma-separated CIDRs whose X-Forwarded-For is believed; empty: the peer address is the client (GOVARCHIVE_TRUSTED_PROXIES)")
	f.StringVar(&publicURL, "public-url", g.getenv.str("PUBLIC_URL", ""),
		"the service's address as readers reach it (https://archive.example.gov), for feeds' links; empty: the request's Host (GOVARCHIVE_PUBLIC_URL)")
	f.Float64Var(&lim.RatePerSecond, "rate", g.getenv.float("RATE", lim.RatePerSecond), "requests per second per client IP (GOVARCHIVE_RATE)")
	f.IntVar(&lim.Burst, "burst", g.getenv.int("BURST", lim.Burst), "request burst per client IP (GOVARCHIVE_BURST)")
	f.DurationVar(&lim.RequestTimeout, "request-timeout", g.getenv.duration("REQUEST_TIMEOUT", lim.RequestTimeout), "time limit of a read request (GOVARCHIVE_REQUEST_TIMEOUT)")
	return cmd
}

// checkPublicURL accepts an empty value or an absolute http(s) URL.
func checkPublicURL(v string) error {
	if v == "" {
		return nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("--public-url %q: want an absolute http or https URL such as https://archive.example.gov", v)
	}
	return nil
}

// defaultMemoryLimit is the service's soft memory limit: it held the query
// process's peak RSS to ~545 MB from 650 MB at no CPU cost (BENCHMARKS.md).
const defaultMemoryLimit = "450MiB"

// applyMemoryLimit sets the Go runtime's soft memory limit: the benchmark
// measured the serving peak at 650 MB without one and 545 MB with 450 MiB,
// at no CPU cost. An explicit GOMEMLIMIT is the operator's and wins.
func applyMemoryLimit(v string, getenv env) error {
	if getenv.get("GOMEMLIMIT") != "" || v == "" || v == "0" {
		return nil
	}
	n, err := parseBytes(v)
	if err != nil {
		return fmt.Errorf("--memory-limit: %w", err)
	}
	debug.SetMemoryLimit(n)
	return nil
}

// parseBytes reads sizes like 450MiB, 1GiB, 512MB or a plain byte count.
func parseBytes(v string) (int64, error) {
	units := []struct {
		suffix string
		mult   int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"B", 1}}
	for _, u := range units {
		if num, ok := strings.CutSuffix(v, u.suffix); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(num), 10, 64)
			if err != nil || n < 0 {
				return 0, fmt.Errorf("bad size %q", v)
			}
			return n * u.mult, nil
		}
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("bad size %q", v)
	}
	return n, nil
}
