package server

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/feeds"
	"github.com/labstack/echo/v4"

	"govarchive/index"
)

// siteName is the UI's name, the feeds' author and their titles' start.
const siteName = "政务档案检索"

// feedKindNames are the kinds as a feed's title names them.
var feedKindNames = map[string]string{"minutes": "会议纪要", "news": "新闻报道", "official": "公文", "other": "其他文档"}

// feed answers a search as an Atom feed (format=atom), newest first unless
// a sort is asked for: a saved search, a department or a person followed in
// a feed reader is the archive's alert. Links are absolute, as feed readers
// resolve them without the page: under Deps.PublicURL when it is set, since
// a Host header is the client's to choose and a shared cache would pass its
// links on.
func (s *Server) feed(c echo.Context, p searchParams) error {
	q := p.Query
	if q.Sort == "" {
		q.Sort = index.SortDateDesc
	}
	q.NoFacets = true
	res, err := s.ix.Search(c.Request().Context(), q)
	if err != nil {
		return err
	}
	base := s.public
	if base == "" {
		// (echo reads the scheme from any client's X-Forwarded-Proto.)
		scheme := c.Scheme()
		if scheme != "https" {
			scheme = "http"
		}
		base = scheme + "://" + c.Request().Host
	}
	f := &feeds.Feed{
		Title:       feedTitle(q),
		Link:        &feeds.Link{Href: base + "/?" + uiQuery(c.QueryParams()).Encode()},
		Description: fmt.Sprintf("共 %d 份文档", res.Total),
		// Atom wants an author on the feed for entries without an issuer.
		Author: &feeds.Author{Name: siteName},
	}
	// An undated document is dated like the newest dated entry, so that a
	// reader polling the feed sees no change where there is none.
	var newest time.Time
	dates := make([]time.Time, len(res.Hits))
	for i, h := range res.Hits {
		if t, err := time.Parse(dateLayout, h.Date); err == nil {
			dates[i] = t
			if t.After(newest) {
				newest = t
			}
		}
	}
	if newest.IsZero() {
		newest = time.Unix(0, 0).UTC()
	}
	for i, h := range res.Hits {
		updated := dates[i]
		if updated.IsZero() {
			updated = newest
		}
		title := h.Title
		if title == "" {
			title = "（无标题）"
		}
		item := &feeds.Item{
			Id:          "urn:govarchive:document:" + h.ID,
			Title:       title,
			Link:        &feeds.Link{Href: base + "/doc.html?id=" + url.QueryEscape(h.ID)},
			Updated:     updated,
			Description: entrySummary(h),
		}
		if h.Issuer != "" {
			item.Author = &feeds.Author{Name: h.Issuer}
		}
		f.Items = append(f.Items, item)
	}
	f.Updated = newest
	body, err := f.ToAtom()
	if err != nil {
		return fmt.Errorf("atom feed: %w", err)
	}
	c.Response().Header().Set("X-Total-Count", strconv.FormatUint(res.Total, 10))
	return c.Blob(http.StatusOK, "application/atom+xml; charset=utf-8", []byte(body))
}

// uiQuery is the search page's query string of a feed's parameters.
func uiQuery(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		switch k {
		case "format", "size", "page":
		default:
			out[k] = vs
		}
	}
	return out
}

// feedTitle names what a feed follows: its words and filters.
func feedTitle(q index.Query) string {
	var parts []string
	if q.Text != "" {
		parts = append(parts, "“"+q.Text+"”")
	}
	for _, f := range []struct{ label, v string }{
		{"部门", q.Department}, {"人员", q.Person}, {"发文机关", q.Issuer}, {"类型", feedKindNames[q.Kind]},
	} {
		if f.v != "" {
			parts = append(parts, f.label+"："+f.v)
		}
	}
	if q.Year > 0 {
		parts = append(parts, fmt.Sprintf("%d年", q.Year))
	}
	if q.Undated {
		parts = append(parts, "日期不详")
	}
	switch {
	case !q.From.IsZero() && !q.To.IsZero():
		parts = append(parts, q.From.Format(dateLayout)+"至"+q.To.Format(dateLayout))
	case !q.From.IsZero():
		parts = append(parts, q.From.Format(dateLayout)+"起")
	case !q.To.IsZero():
		parts = append(parts, q.To.Format(dateLayout)+"止")
	}
	if len(parts) == 0 {
		return siteName + "：最新文档"
	}
	return siteName + "：" + strings.Join(parts, "，")
}

// entrySummary is an entry's HTML: the meeting, the agenda topics that
// matched and the snippets, already escaped with matches in <mark>.
func entrySummary(h index.Hit) string {
	var b strings.Builder
	meta := []string{}
	for _, v := range []string{h.Issuer, h.DocNumber, h.Date} {
		if v != "" {
			meta = append(meta, v)
		}
	}
	if h.Meeting != nil && h.Meeting.Name != "" {
		meta = append(meta, h.Meeting.Name)
	}
	if len(meta) > 0 {
		b.WriteString("<p>" + html.EscapeString(strings.Join(meta, " · ")) + "</p>")
	}
	for _, t := range h.Topics {
		fmt.Fprintf(&b, "<p>议题%d：%s<br>%s</p>", t.No, html.EscapeString(t.Title), t.Snippet)
	}
	for _, sn := range h.Snippets {
		b.WriteString("<p>" + sn + "</p>")
	}
	return b.String()
}
