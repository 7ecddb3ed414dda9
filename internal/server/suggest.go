package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"govarchive/index"
)

type suggestResponse struct {
	Q           string             `json:"q"`
	Suggestions []index.Suggestion `json:"suggestions"`
}

// handleSuggest completes people, departments and document titles from
// what the user typed: a prefix, or pinyin initials (lyp → 李亚平).
func (s *Server) handleSuggest(c echo.Context) error {
	q, err := s.textParam(c, "q")
	if err != nil {
		return err
	}
	n := 10
	if v := c.QueryParam("size"); v != "" {
		if _, n, err = s.pageParams(c, 10); err != nil {
			return err
		}
		n = min(n, 50)
	}
	out := suggestResponse{Q: q, Suggestions: []index.Suggestion{}}
	if q == "" {
		return c.JSON(http.StatusOK, out)
	}
	list, err := s.ix.Suggest(c.Request().Context(), q, n)
	if err != nil {
		return err
	}
	out.Suggestions = append(out.Suggestions, list...)
	return c.JSON(http.StatusOK, out)
}
