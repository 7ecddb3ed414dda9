package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"govarchive/index"
)

// apiError is the one error type handlers return for the client's mistakes:
// its message is safe to show. Anything else is an internal error.
type apiError struct {
	Status  int
	Message string
}

func (e *apiError) Error() string { return e.Message }

func badParam(name, msg string) error {
	return &apiError{Status: http.StatusBadRequest, Message: name + ": " + msg}
}

func notFound(msg string) error { return &apiError{Status: http.StatusNotFound, Message: msg} }

var (
	errTooManyRequests = &apiError{Status: http.StatusTooManyRequests, Message: "rate limit exceeded"}
	errWritesDisabled  = &apiError{Status: http.StatusForbidden, Message: "write endpoints are disabled: no token is configured"}
	errUnauthorized    = &apiError{Status: http.StatusUnauthorized, Message: "missing or invalid bearer token"}
)

// ErrRejected marks an upload that is not an acceptable document; see IngestFunc.
var ErrRejected = errors.New("document rejected")

// errorBody is what every error response looks like.
type errorBody struct {
	Error     string `json:"error"`
	RequestID string `json:"request_id,omitempty"`
}

// handleError maps every error to a status and a JSON body in one place.
// Only apiError and echo's own HTTP errors carry a message to the client;
// internal errors are logged with the request id and reported generically.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		// Already answered (the request logger hands errors over early), or
		// a streamed export failed midway and the status is gone.
		s.log.Debug("error after response started", "request_id", requestID(c), "err", err)
		return
	}
	status, msg := http.StatusInternalServerError, "internal error"
	var ae *apiError
	var he *echo.HTTPError
	switch {
	case errors.As(err, &ae):
		status, msg = ae.Status, ae.Message
	case errors.Is(err, index.ErrNotFound):
		status, msg = http.StatusNotFound, "document not found"
	case errors.Is(err, index.ErrInvalidQuery):
		// The index names the parameter after its sentinel: "invalid
		// query: q: unbalanced quote".
		status, msg = http.StatusBadRequest, "q: invalid query"
		if _, detail, ok := strings.Cut(err.Error(), index.ErrInvalidQuery.Error()+": "); ok && detail != "" {
			msg = detail
		}
	case errors.Is(err, context.DeadlineExceeded):
		status, msg = http.StatusServiceUnavailable, "the request took too long and was cancelled"
	case errors.Is(err, context.Canceled):
		// The client went away; nobody reads the answer.
		status, msg = 499, "request cancelled"
	case errors.As(err, &he):
		status = he.Code
		msg = http.StatusText(status)
		if m, ok := he.Message.(string); ok && status < 500 {
			msg = m
		}
	}
	if status >= 500 {
		s.log.Error("request failed", "request_id", requestID(c), "method", c.Request().Method,
			"path", c.Request().URL.Path, "err", err)
	}
	body := errorBody{Error: msg, RequestID: requestID(c)}
	if status == http.StatusNotFound && s.wantsPage(c) {
		err = c.HTMLBlob(status, s.notFound)
	} else if c.Request().Method == http.MethodHead {
		err = c.NoContent(status)
	} else {
		err = c.JSON(status, body)
	}
	if err != nil {
		s.log.Warn("write error response", "request_id", requestID(c), "err", err)
	}
}

const requestIDKey = "request_id"

func requestID(c echo.Context) string {
	id, _ := c.Get(requestIDKey).(string)
	return id
}

// requestIDMiddleware keeps a client's X-Request-ID only when it looks like
// an id, so that it cannot inject text into logs; otherwise it makes one.
func requestIDMiddleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		id := c.Request().Header.Get(echo.HeaderXRequestID)
		if !validRequestID(id) {
			var b [8]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		c.Set(requestIDKey, id)
		c.Response().Header().Set(echo.HeaderXRequestID, id)
		return next(c)
	}
}

func validRequestID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

// requestLogger logs one line per request with its id, route and latency.
// HandleError makes the error handler write the response first, so the
// logged status is the one the client got.
func (s *Server) requestLogger() echo.MiddlewareFunc {
	return middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus: true, LogMethod: true, LogURIPath: true, LogRoutePath: true,
		LogLatency: true, LogRemoteIP: true, LogError: true, HandleError: true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			level := slog.LevelInfo
			switch {
			case v.Status >= 500:
				level = slog.LevelError
			case v.Status >= 400:
				level = slog.LevelWarn
			}
			s.log.LogAttrs(c.Request().Context(), level, "request",
				slog.String("request_id", requestID(c)),
				slog.String("method", v.Method),
				slog.String("path", v.URIPath),
				slog.String("route", v.RoutePath),
				slog.Int("status", v.Status),
				slog.Float64("latency_ms", float64(v.Latency.Microseconds())/1000),
				slog.String("ip", v.RemoteIP))
			return nil
		},
	})
}

// wantsPage reports a browser asking for a page of the UI, which is shown
// the UI's own "not found" page instead of JSON.
func (s *Server) wantsPage(c echo.Context) bool {
	r := c.Request()
	return s.notFound != nil && isRead(r) && !strings.HasPrefix(r.URL.Path, "/api/") &&
		strings.Contains(r.Header.Get("Accept"), "text/html")
}
