package server

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"govarchive/index"
	"govarchive/internal/document"
	"govarchive/internal/extract"
	"govarchive/internal/textio"
)

// documentView is a document as GET /api/documents/{id} answers it: the
// parsed document and, in chrome, the byte ranges [start, end) of its text
// that are page chrome (a captured page's menus, breadcrumbs, controls),
// which search and snippets skip and the document page dims.
type documentView struct {
	*document.Document
	Chrome [][2]int `json:"chrome,omitempty"`
}

func (s *Server) handleGetDocument(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	doc, spans, err := s.ix.GetWithChrome(c.Request().Context(), id)
	if err != nil {
		return err
	}
	v := documentView{Document: doc}
	// Offsets count the text's UTF-8 bytes, which JSON keeps only when the
	// text is valid UTF-8.
	if utf8.ValidString(doc.Text) {
		for _, sp := range spans {
			if sp.Start >= 0 && sp.Start < sp.End && sp.End <= len(doc.Text) {
				v.Chrome = append(v.Chrome, [2]int{sp.Start, sp.End})
			}
		}
	}
	return c.JSON(http.StatusOK, v)
}

// idParam validates a document id: ids are short hex strings, so anything
// else is refused before it reaches the index.
func idParam(c echo.Context) (string, error) {
	id := c.Param("id")
	if id == "" || len(id) > 128 || strings.ContainsFunc(id, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_')
	}) {
		return "", badParam("id", "is not a document id")
	}
	return id, nil
}

func (s *Server) handleDelete(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	if err := s.ix.Delete(c.Request().Context(), id); err != nil {
		return err
	}
	s.cache.clear()
	s.log.Info("document deleted", "request_id", requestID(c), "id", id)
	return c.JSON(http.StatusOK, map[string]any{"id": id, "deleted": true})
}

// uploadLimit bounds the upload body; the general limit is skipped for it.
func (s *Server) uploadLimit(next echo.HandlerFunc) echo.HandlerFunc {
	return middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{
		Limit: fmt.Sprintf("%dB", s.lim.MaxUploadBytes),
	})(next)
}

type uploadResponse struct {
	ID     string          `json:"id"`
	Status index.PutStatus `json:"status"`
	Source string          `json:"source"`
}

// handleUpload accepts a multipart form with a "file" field, or a raw body
// named by ?filename=, and hands it to the ingest pipeline.
func (s *Server) handleUpload(c echo.Context) error {
	if s.ingest == nil {
		return &apiError{Status: http.StatusForbidden, Message: "uploads are disabled on this server"}
	}
	name, data, err := s.readUpload(c)
	if err != nil {
		return err
	}
	if len(data) == 0 {
		return badParam("file", "is empty")
	}
	id, status, err := s.ingest(c.Request().Context(), name, data)
	if err != nil {
		if isRejection(err) {
			return &apiError{Status: http.StatusUnprocessableEntity, Message: truncate(err.Error(), 300)}
		}
		return fmt.Errorf("ingest upload: %w", err)
	}
	if status != index.Unchanged && status != index.Copy {
		s.cache.clear()
	}
	s.log.Info("document uploaded", "request_id", requestID(c), "id", id, "status", status, "source", name, "bytes", len(data))
	code := http.StatusOK
	if status == index.Added {
		code = http.StatusCreated
	}
	return c.JSON(code, uploadResponse{ID: id, Status: status, Source: name})
}

func (s *Server) readUpload(c echo.Context) (string, []byte, error) {
	req := c.Request()
	ct := req.Header.Get(echo.HeaderContentType)
	if strings.HasPrefix(ct, echo.MIMEMultipartForm) {
		fh, err := c.FormFile("file")
		if err != nil {
			var he *echo.HTTPError
			if errors.As(err, &he) {
				return "", nil, err // 413 from the body limit
			}
			if errors.Is(err, http.ErrMissingFile) {
				return "", nil, badParam("file", "multipart field is missing")
			}
			return "", nil, badParam("file", "malformed multipart body")
		}
		name, err := cleanFilename(fh.Filename)
		if err != nil {
			return "", nil, err
		}
		data, err := readPart(fh, s.lim.MaxUploadBytes)
		return name, data, err
	}
	name, err := cleanFilename(c.QueryParam("filename"))
	if err != nil {
		return "", nil, err
	}
	data, err := io.ReadAll(io.LimitReader(req.Body, s.lim.MaxUploadBytes+1))
	if err != nil {
		var he *echo.HTTPError
		if errors.As(err, &he) {
			return "", nil, err
		}
		return "", nil, badParam("body", "could not be read")
	}
	if int64(len(data)) > s.lim.MaxUploadBytes {
		return "", nil, &apiError{Status: http.StatusRequestEntityTooLarge, Message: "file is too large"}
	}
	return name, data, nil
}

func readPart(fh *multipart.FileHeader, max int64) ([]byte, error) {
	if fh.Size > max {
		return nil, &apiError{Status: http.StatusRequestEntityTooLarge, Message: "file is too large"}
	}
	f, err := fh.Open()
	if err != nil {
		return nil, fmt.Errorf("open upload: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("read upload: %w", err)
	}
	return data, nil
}

// rejections are the reader's and parser's verdicts on a file: the client's
// problem, with messages that name only the uploaded file.
var rejections = []error{ErrRejected, textio.ErrEmpty, textio.ErrBinary, textio.ErrTooLarge, textio.ErrNoText,
	textio.ErrUnsupported, textio.ErrMalformed, extract.ErrEmpty}

func isRejection(err error) bool {
	for _, r := range rejections {
		if errors.Is(err, r) {
			return true
		}
	}
	return false
}

// cleanFilename keeps the base name of an uploaded file: the source name
// shown to users, never a path on this machine.
func cleanFilename(name string) (string, error) {
	name = strings.ReplaceAll(name, `\`, "/")
	name = path.Base(strings.TrimSpace(name))
	switch {
	case name == "" || name == "." || name == "/" || name == "..":
		return "", badParam("filename", "is required (the uploaded file's name, e.g. minutes.txt)")
	case !utf8.ValidString(name) || strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		return "", badParam("filename", "contains invalid characters")
	case len(name) > 255:
		return "", badParam("filename", "is too long")
	}
	return name, nil
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
