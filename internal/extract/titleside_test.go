package extract

import (
	"strings"
	"testing"
)

// TestListTitleSide: a post standing apart in a list belongs to the names
// after it when it opens a run of them, even after a name that has no post
// (the chair listed first); else, after a name on the same line, to that
// name.
func TestListTitleSide(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string // department/name/title triples
	}{
		{"a post after a bare name opens a run", []string{"孔德胜　副市长 殷红、邵明、司马振"},
			"/孔德胜/ /殷红/副市长 /邵明/副市长 /司马振/副市长"},
		{"a post after a bare name opens a spaced run", []string{"孟凡东　副县长　冯志刚　钱丽　胡海"},
			"/孟凡东/ /冯志刚/副县长 /钱丽/副县长 /胡海/副县长"},
		{"posts after their names", []string{"许文斌 副市长　王强 市政府秘书长"}, "/许文斌/副市长 /王强/市政府秘书长"},
		{"a post one person holds after a name is that name's", []string{"李明 县长 王强 刘伟 副县长"}, "/李明/县长 /王强/ /刘伟/副县长"},
		{"posts after names joined by 、", []string{"张三 副市长、李四 县长助理"}, "/张三/副市长 /李四/县长助理"},
		{"a post before one name", []string{"副区长 彭涛　区长助理 陈红"}, "/彭涛/副区长 /陈红/区长助理"},
		{"names run together with their posts", []string{"王翔副市长、李四副市长"}, "/王翔/副市长 /李四/副市长"},
		{"posts joined by 、 before a name run together with the last", []string{"县委常委、常务副县长国宏利，副县长刘通、邹映涛"},
			"/国宏利/县委常委、常务副县长 /刘通/副县长 /邹映涛/副县长"},
		{"rows of a name and its post", []string{"胡建明　　县长", "刘海峰　　常务副县长", "赵丽萍　　副县长"},
			"/胡建明/县长 /刘海峰/常务副县长 /赵丽萍/副县长"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := &state{p: parser(t)}
			present, _ := st.parseList(tc.lines)
			if g := peopleString(present); g != tc.want {
				t.Errorf("parseList(%q) = %q, want %q", tc.lines, g, tc.want)
			}
		})
	}
}

// TestProseNameThenPost reads names run together with the post after them
// in prose ("王翔副市长、李四副市长出席会议").
func TestProseNameThenPost(t *testing.T) {
	st := &state{p: parser(t)}
	got := st.personClause("王翔副市长、李四副市长")
	var s []string
	for _, p := range got {
		s = append(s, p.Name+"/"+p.Title)
	}
	if g := strings.Join(s, " "); g != "王翔/副市长 李四/副市长" {
		t.Errorf("personClause = %q", g)
	}
}
