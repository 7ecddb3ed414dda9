package server

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

const uploadRoute = "/api/documents"

// routes registers every route of the service.
func (s *Server) routes(e *echo.Echo, deps Deps) {
	// HEAD is answered as GET (net/http drops the body): uptime monitors
	// and link checkers ask with it.
	getHead := []string{http.MethodGet, http.MethodHead}
	e.Match(getHead, "/healthz", s.handleHealth)

	api := e.Group("/api")
	api.Match(getHead, "/search", s.handleSearch)
	api.Match(getHead, "/suggest", s.handleSuggest)
	api.Match(getHead, "/documents/:id", s.handleGetDocument)
	api.Match(getHead, "/documents/:id/related", s.handleRelated)
	api.Match(getHead, "/meetings", s.handleMeetings)
	api.Match(getHead, "/decisions", s.handleDecisions)
	api.Match(getHead, "/people", s.handlePeople)
	api.Match(getHead, "/people/:name", s.handlePerson)
	api.Match(getHead, "/departments", s.handleDepartments)
	api.Match(getHead, "/departments/:name", s.handleDepartment)

	api.POST("/documents", s.handleUpload, s.requireToken, s.uploadLimit)
	api.DELETE("/documents/:id", s.handleDelete, s.requireToken)

	// Unknown API paths answer in JSON, not with the UI's index page; a
	// known path asked with another method says which methods it takes.
	api.Any("/*", func(c echo.Context) error {
		allow := allowedMethods(e, c.Request().URL.Path)
		if len(allow) == 0 {
			return notFound("no such endpoint")
		}
		c.Response().Header().Set(echo.HeaderAllow, strings.Join(allow, ", "))
		if c.Request().Method == http.MethodOptions {
			return c.NoContent(http.StatusNoContent)
		}
		return &apiError{Status: http.StatusMethodNotAllowed, Message: "method not allowed: use " + strings.Join(allow, ", ")}
	})

	if deps.Routes != nil {
		deps.Routes(e, s.requireToken)
	}
	// echo's static handler refuses dot segments and encoded separators,
	// and fs.FS cannot name a file outside its root.
	e.Match(getHead, "/*", echo.StaticDirectoryHandler(deps.Static, true), staticCache(staticETags(deps.Static)))
}

func (s *Server) handleHealth(c echo.Context) error {
	n, err := s.ix.Count(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"status": "ok", "documents": n})
}

// allowedMethods lists the methods a route other than the API's catch-all
// serves at path, OPTIONS and HEAD (answered as GET) included.
func allowedMethods(e *echo.Echo, path string) []string {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodDelete} {
		c := e.NewContext(nil, nil)
		e.Router().Find(m, path, c)
		if p := c.Path(); p != "" && p != apiCatchAll {
			allow = append(allow, m)
			if m == http.MethodGet {
				allow = append(allow, http.MethodHead)
			}
		}
	}
	if len(allow) > 0 {
		allow = append(allow, http.MethodOptions)
	}
	return allow
}

// apiCatchAll is the route of unknown API paths.
const apiCatchAll = "/api/*"
