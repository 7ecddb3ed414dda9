// Package document defines the domain types every stage of govarchive shares:
// the reader produces text, the extractor fills a Document, the index stores
// it, and the API returns it unchanged. Field names are the API's contract
// (see testdata/suzhou-2020-3.expected.json); extend, never rename.
package document

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// Kind classifies a document.
type Kind string

const (
	KindMinutes  Kind = "minutes"  // 会议纪要 of any meeting type
	KindNews     Kind = "news"     // a report of a meeting
	KindOfficial Kind = "official" // 通知/意见/批复/函/令 … with a 文号
	KindOther    Kind = "other"
)

// Kinds lists the valid kinds, for validation of filters.
var Kinds = []Kind{KindMinutes, KindNews, KindOfficial, KindOther}

// Document is one parsed government document.
type Document struct {
	ID     string `json:"id"`
	Source string `json:"source"` // file base name
	// SourcePath identifies the file the document came from across re-ingests,
	// so that a changed file replaces its old version. Not part of the API.
	SourcePath string `json:"-"`

	Kind  Kind   `json:"kind"`
	Title string `json:"title"`

	Issuer    string `json:"issuer,omitempty"`
	DocNumber string `json:"doc_number,omitempty"` // as normalised: 国办发〔2018〕15号, 〔2020〕3号; minutes numbered as issues: 第5期, 〔2019〕第3期
	DocYear   int    `json:"doc_year,omitempty"`
	DocSeq    int    `json:"doc_seq,omitempty"`
	DocPrefix string `json:"doc_prefix,omitempty"` // 国办发, 京政办发 …

	// Date is the document's main date (ISO 8601): the meeting date for
	// minutes and news, else the written or published date.
	Date         string `json:"date,omitempty"`
	DateInferred bool   `json:"date_inferred,omitempty"` // year, month or the whole date not in the text, taken from context

	Meeting   *Meeting   `json:"meeting,omitempty"`
	Topics    []Topic    `json:"topics,omitempty"`
	Attendees []Attendee `json:"attendees,omitempty"` // 出席
	Observers []Person   `json:"observers,omitempty"` // 列席
	Absent    []Person   `json:"absent,omitempty"`    // 请假/缺席: named but did not attend
	Members   []Person   `json:"members,omitempty"`   // member lists of official documents (组长：…)

	Recorder     string   `json:"recorder,omitempty"`    // 记录
	CompiledBy   string   `json:"compiled_by,omitempty"` // …办公室整理
	IssuedOn     string   `json:"issued_on,omitempty"`   // 印发 / 整理 date
	Published    bool     `json:"published,omitempty"`   // （此件公开发布）
	Distribution []string `json:"distribution,omitempty"`

	// Official-document metadata (gov.cn header and similar).
	WrittenOn   string   `json:"written_on,omitempty"`   // 成文日期
	PublishedOn string   `json:"published_on,omitempty"` // 发布日期
	IndexNo     string   `json:"index_no,omitempty"`     // 索引号
	Subject     string   `json:"subject,omitempty"`      // 主题分类
	Addressees  []string `json:"addressees,omitempty"`   // 主送

	// Every department and person the document names, deduplicated, as
	// written. DepartmentRefs carries the canonical resolution used by facets.
	Departments    []string  `json:"departments,omitempty"`
	DepartmentRefs []DeptRef `json:"department_refs,omitempty"`
	People         []string  `json:"people,omitempty"`

	Text string `json:"text"` // full text, as read (original script)
}

// Meeting describes the meeting a minutes or news document records.
type Meeting struct {
	Name      string  `json:"name,omitempty"` // 市政府第86次常务会议
	Type      string  `json:"type,omitempty"` // 常务会议, 市长办公会议, 专题会议 …
	Term      int     `json:"term,omitempty"` // 届: 十七届十三次 → 17
	Year      int     `json:"year,omitempty"` // 2018年第八次 → 2018
	Session   int     `json:"session,omitempty"`
	Date      string  `json:"date,omitempty"`
	PartOfDay string  `json:"part_of_day,omitempty"` // 上午/下午/晚上
	Time      string  `json:"time,omitempty"`        // 09:30
	Place     string  `json:"place,omitempty"`
	Chair     *Person `json:"chair,omitempty"`
}

// Topic is one numbered agenda item with what was decided on it.
type Topic struct {
	No              int      `json:"no"`
	Title           string   `json:"title"`
	Documents       []string `json:"documents,omitempty"`        // 《…》 reviewed or cited
	LeadDepartments []string `json:"lead_departments,omitempty"` // as written
	Decisions       []string `json:"decisions,omitempty"`        // 原则同意… sentences
	Text            string   `json:"text,omitempty"`             // the item's full text
}

// Person is a named individual with what the document says about them.
type Person struct {
	Name       string `json:"name"`
	Title      string `json:"title,omitempty"`
	Department string `json:"department,omitempty"`
}

// Attendee is a Person that serialises as a bare name when nothing else is
// known: the contract lists 出席 of minutes as plain names, while news
// reports give titles ({"name","title"}). Both shapes decode.
type Attendee Person

func (a Attendee) MarshalJSON() ([]byte, error) {
	if a.Title == "" && a.Department == "" {
		return json.Marshal(a.Name)
	}
	return json.Marshal(Person(a))
}

func (a *Attendee) UnmarshalJSON(b []byte) error {
	var name string
	if err := json.Unmarshal(b, &name); err == nil {
		*a = Attendee{Name: name}
		return nil
	}
	var p Person
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*a = Attendee(p)
	return nil
}

// DeptRef links a department as written to its canonical entry.
type DeptRef struct {
	Name      string `json:"name"`                // as written: 市应急局
	Canonical string `json:"canonical,omitempty"` // 苏州市应急管理局
}

// ContentID derives a stable id from a document's text: the same content
// always gets the same id, whatever the file is called.
func ContentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// CanonicalDepartments returns the canonical names of the document's
// departments (falling back to the written form), deduplicated, in order.
func (d *Document) CanonicalDepartments() []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, r := range d.DepartmentRefs {
		if r.Canonical != "" {
			add(r.Canonical)
		} else {
			add(r.Name)
		}
	}
	if len(d.DepartmentRefs) == 0 {
		for _, n := range d.Departments {
			add(n)
		}
	}
	return out
}

// Year returns the year of the document's main date, or 0.
func (d *Document) Year() int {
	if len(d.Date) < 4 {
		return 0
	}
	y := 0
	for _, c := range d.Date[:4] {
		if c < '0' || c > '9' {
			return 0
		}
		y = y*10 + int(c-'0')
	}
	return y
}
