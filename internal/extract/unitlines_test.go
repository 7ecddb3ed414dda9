package extract

import (
	"reflect"
	"testing"
)

// TestUnitLinePosts: a unit line whose people stand with their posts set
// apart by a space (市发改委：副主任 黎华、能源科科长 严伟) gives each
// person the unit and their own post; a deputy's post goes on to the names
// after it, a head's does not.
func TestUnitLinePosts(t *testing.T) {
	cases := []struct {
		line, want string // department/name/title triples
	}{
		{"市发改委：副主任 黎华、能源科科长 严伟", "市发改委/黎华/副主任 市发改委/严伟/能源科科长"},
		{"国网城南供电公司：总经理 殷涛", "国网城南供电公司/殷涛/总经理"},
		{"市工信局：副局长 邝丽、何强", "市工信局/邝丽/副局长 市工信局/何强/副局长"},
		{"市财政局：局长 于洋、吴迪", "市财政局/于洋/局长 市财政局/吴迪/"},
		{"市住建局：王强、李丽（副局长）", "市住建局/王强/ 市住建局/李丽/副局长"},
	}
	for _, c := range cases {
		st := &state{p: parser(t)}
		ps, ok := st.unitWithPeople(c.line)
		if !ok {
			t.Errorf("unitWithPeople(%q) read nothing", c.line)
			continue
		}
		if g := peopleString(ps); g != c.want {
			t.Errorf("unitWithPeople(%q) = %q, want %q", c.line, g, c.want)
		}
	}
}

// TestOpeningCoLeads: units an opening lead works with (要会同, 会同, 牵头，
// 会同) share the lead.
func TestOpeningCoLeads(t *testing.T) {
	st := &state{p: parser(t)}
	cases := []struct {
		in   string
		want []string
	}{
		{"市发改委要会同市工信局做好有序用电方案", []string{"市工信局"}},
		{"县水利局会同县应急局、县气象局加强汛情研判", []string{"县应急局", "县气象局"}},
		{"县住建局要加快推进项目建设", nil},
		{"要求县住建局会同县财政局落实资金", nil},
	}
	for _, c := range cases {
		if got := st.openingCoLeads(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("openingCoLeads(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestUnitOfTitleSection: a section of a unit written between the unit and
// the post belongs to the department.
func TestUnitOfTitleSection(t *testing.T) {
	st := &state{p: parser(t)}
	cases := []struct{ title, unit, post string }{
		{"区公安分局交警大队大队长", "区公安分局交警大队", "大队长"},
		{"区财政局局长", "区财政局", "局长"},
		{"县政府办主任", "县政府办", "主任"},
		{"副县长", "", "副县长"},
	}
	for _, c := range cases {
		if u, p := st.unitOfTitle(c.title); u != c.unit || p != c.post {
			t.Errorf("unitOfTitle(%q) = %q, %q; want %q, %q", c.title, u, p, c.unit, c.post)
		}
	}
}
