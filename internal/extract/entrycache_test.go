package extract

import "testing"

// TestListsDoNotLeak: a post or unit one list gives a name stays in that
// list; the same names in the next list of the document (parsed with the
// same entry cache) come back as that list writes them.
func TestListsDoNotLeak(t *testing.T) {
	cases := []struct {
		first, second []string
		want          string // the second list's department/name/title triples
	}{
		{[]string{"副市长 张三、李四"}, []string{"张三、李四"}, "/张三/ /李四/"},
		{[]string{"副市长 张三、李四"}, []string{"市政府副秘书长 张三、李四"}, "/张三/市政府副秘书长 /李四/市政府副秘书长"},
		{[]string{"县政府办李明、马丽，县委督查室马强"}, []string{"李明、马丽、马强"}, "/李明/ /马丽/ /马强/"},
	}
	for _, c := range cases {
		st := &state{p: parser(t)}
		st.parseList(c.first)
		present, _ := st.parseList(c.second)
		if g := peopleString(present); g != c.want {
			t.Errorf("after %q, parseList(%q) = %q, want %q", c.first, c.second, g, c.want)
		}
	}
}
