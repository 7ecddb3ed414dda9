package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

const uploadRoute = "/api/documents"

// routes registers every route of the service.
func (s *Server) routes(e *echo.Echo, deps Deps) {
	e.GET("/healthz", s.handleHealth)

	api := e.Group("/api")
	api.GET("/search", s.handleSearch)
	api.GET("/suggest", s.handleSuggest)
	api.GET("/documents/:id", s.handleGetDocument)
	api.GET("/documents/:id/related", s.handleRelated)
	api.GET("/meetings", s.handleMeetings)
	api.GET("/decisions", s.handleDecisions)
	api.GET("/people", s.handlePeople)
	api.GET("/people/:name", s.handlePerson)
	api.GET("/departments", s.handleDepartments)
	api.GET("/departments/:name", s.handleDepartment)

	api.POST("/documents", s.handleUpload, s.requireToken, s.uploadLimit)
	api.DELETE("/documents/:id", s.handleDelete, s.requireToken)

	// Unknown API paths answer in JSON, not with the UI's index page.
	api.Any("/*", func(echo.Context) error { return notFound("no such endpoint") })

	if deps.Routes != nil {
		deps.Routes(e, s.requireToken)
	}
	// echo's static handler refuses dot segments and encoded separators,
	// and fs.FS cannot name a file outside its root.
	e.GET("/*", echo.StaticDirectoryHandler(deps.Static, true), staticCache(staticETags(deps.Static)))
}

func (s *Server) handleHealth(c echo.Context) error {
	n, err := s.ix.Count(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"status": "ok", "documents": n})
}
