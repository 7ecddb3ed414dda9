package server

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"strings"

	"github.com/labstack/echo/v4"
)

// staticETags hashes every file of the UI once, so browsers revalidate with
// If-None-Match and get a 304 instead of the whole file: embedded files have
// no modification time to compare.
func staticETags(fsys fs.FS) map[string]string {
	tags := map[string]string{}
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil
		}
		sum := sha256.Sum256(data)
		tags[p] = `"` + hex.EncodeToString(sum[:8]) + `"`
		return nil
	})
	return tags
}

// staticCache sets the ETag of the requested file and asks browsers to
// revalidate, so a new release is seen at once.
func staticCache(tags map[string]string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			p := strings.TrimPrefix(path.Clean("/"+c.Param("*")), "/")
			if p == "" || strings.HasSuffix(c.Request().URL.Path, "/") {
				p = path.Join(p, "index.html")
			}
			if tag, ok := tags[p]; ok {
				h := c.Response().Header()
				h.Set(echo.HeaderCacheControl, "no-cache")
				h.Set("ETag", tag)
			}
			return next(c)
		}
	}
}
