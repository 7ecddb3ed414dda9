package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"strings"

	"github.com/labstack/echo/v4"
)

// requireToken guards write endpoints: no configured token disables them
// (403); otherwise the request must carry "Authorization: Bearer <token>".
// Both sides are hashed first so that the comparison takes the same time
// whatever the length of the guess.
func (s *Server) requireToken(next echo.HandlerFunc) echo.HandlerFunc {
	want := sha256.Sum256([]byte(s.token))
	return func(c echo.Context) error {
		if s.token == "" {
			return errWritesDisabled
		}
		scheme, got, ok := strings.Cut(c.Request().Header.Get(echo.HeaderAuthorization), " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") {
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="govarchive"`)
			return errUnauthorized
		}
		g := sha256.Sum256([]byte(strings.TrimSpace(got)))
		if subtle.ConstantTimeCompare(g[:], want[:]) != 1 {
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="govarchive", error="invalid_token"`)
			return errUnauthorized
		}
		return next(c)
	}
}
