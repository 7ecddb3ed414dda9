package server

import (
	"cmp"
	"context"
	"net/http"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"govarchive/index"
	"govarchive/internal/document"
)

type personMeeting struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Kind     string `json:"kind"`
	Date     string `json:"date,omitempty"`
	Issuer   string `json:"issuer,omitempty"`
	Role     string `json:"role"`
	Position string `json:"position,omitempty"` // the person's title in that document
}

type personResponse struct {
	Name        string   `json:"name"`
	Departments []seenAt `json:"departments"`
	Titles      []seenAt `json:"titles"`
	// Issuers are the governments whose documents name the person: people
	// of one name in different places are told apart by them.
	Issuers       []seenAt        `json:"issuers"`
	MeetingsTotal int             `json:"meetings_total"`
	Page          int             `json:"page"`
	Size          int             `json:"size"`
	Meetings      []personMeeting `json:"meetings"`
	CoAttendees   []nameCount     `json:"co_attendees"` // the most frequent
	CoTotal       int             `json:"co_attendees_total"`
	Truncated     bool            `json:"truncated,omitempty"`
}

// maxCoAttendees bounds the co-attendee list of a person page.
const maxCoAttendees = 30

// Roles of a person in a document, as the API names them.
const (
	roleChair     = "chair"
	roleAttendee  = "attendee"
	roleObserver  = "observer"
	roleRecorder  = "recorder"
	roleAbsent    = "absent" // on the leave list (请假/缺席)
	roleMentioned = "mentioned"
)

// personIn finds name's role in d and what d says about them.
func personIn(d *document.Document, name string) (role string, p document.Person) {
	if m := d.Meeting; m != nil && m.Chair != nil && m.Chair.Name == name {
		return roleChair, *m.Chair
	}
	for _, a := range d.Attendees {
		if a.Name == name {
			return roleAttendee, document.Person(a)
		}
	}
	for _, o := range d.Observers {
		if o.Name == name {
			return roleObserver, o
		}
	}
	if d.Recorder == name {
		return roleRecorder, document.Person{Name: name}
	}
	for _, a := range d.Absent {
		if a.Name == name {
			return roleAbsent, a
		}
	}
	for _, m := range d.Members {
		if m.Name == name {
			return roleMentioned, m
		}
	}
	return roleMentioned, document.Person{Name: name}
}

// participants are the people present at the meeting d records.
func participants(d *document.Document) []string {
	var out []string
	if m := d.Meeting; m != nil && m.Chair != nil {
		out = append(out, m.Chair.Name)
	}
	for _, a := range d.Attendees {
		out = append(out, a.Name)
	}
	for _, o := range d.Observers {
		out = append(out, o.Name)
	}
	return out
}

func (s *Server) handlePerson(c echo.Context) error {
	name, err := s.nameParam(c)
	if err != nil {
		return err
	}
	page, size, err := s.pageParams(c, 50)
	if err != nil {
		return err
	}
	full, err := cached(s, "person\x00"+name, func() (*personResponse, error) {
		return s.person(c.Request().Context(), name)
	})
	if err != nil {
		return err
	}
	out := *full // shared: page a copy
	out.Page, out.Size, out.Meetings = page, size, pageOf(full.Meetings, page, size)
	return c.JSON(http.StatusOK, out)
}

// person aggregates every document that names the person.
func (s *Server) person(ctx context.Context, name string) (*personResponse, error) {
	var (
		depts, titles, issuers dated
		meetings               []personMeeting
		co                     = map[string]int{}
	)
	// A name typed in traditional script (謝義維) finds the documents under
	// the simplified one the parser gives people (谢义维), which is their
	// name here.
	alt := s.simplified(name)
	asTyped, simplified := false, false
	total, truncated, err := s.scan(ctx, index.Query{Person: name}, func(h index.Hit) {
		d := h.Document
		role, p := personIn(d, name)
		if alt != name && !slices.Contains(d.People, name) {
			if r, ap := personIn(d, alt); r != roleMentioned || slices.Contains(d.People, alt) {
				role, p, simplified = r, ap, true
			}
		} else {
			asTyped = true
		}
		depts.addUnit(p.Department, refMap(d)[p.Department], d.Date)
		titles.add(p.Title, d.Date)
		issuers.add(d.Issuer, d.Date)
		meetings = append(meetings, personMeeting{ID: d.ID, Title: d.Title, Kind: string(d.Kind), Date: d.Date, Issuer: d.Issuer, Role: role, Position: p.Title})
		if role == roleMentioned || role == roleRecorder || role == roleAbsent {
			return
		}
		seen := map[string]bool{name: true, alt: true}
		for _, other := range participants(d) {
			if !seen[other] {
				seen[other] = true
				co[other]++
			}
		}
	})
	if err != nil {
		return nil, err
	}
	if total == 0 {
		return nil, notFound("no person called " + strconv.Quote(name) + " in the archive")
	}
	coList := make([]nameCount, 0, len(co))
	for n, k := range co {
		coList = append(coList, nameCount{Name: n, Count: k})
	}
	slices.SortFunc(coList, func(a, b nameCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
	})
	if simplified && !asTyped {
		name = alt
	}
	return &personResponse{
		Name: name, Departments: depts.list(), Titles: titles.list(), Issuers: issuers.list(),
		MeetingsTotal: len(meetings), Meetings: nonNil(meetings),
		CoAttendees: coList[:min(len(coList), maxCoAttendees)], CoTotal: len(coList), Truncated: truncated,
	}, nil
}
