package extract

import (
	"reflect"
	"testing"

	"govarchive/internal/document"
)

func TestSoleHeadPost(t *testing.T) {
	cases := []struct {
		post string
		want bool
	}{
		{"县长", true}, {"市政府秘书长", true}, {"县委书记", true}, {"区发改局局长", true}, {"县政府办主任", true},
		{"常务副县长", true}, {"县委常委、常务副县长", true}, {"党组书记、局长", true},
		{"副县长", false}, {"市委常委、副市长", false}, {"副秘书长", false}, {"县长助理", false},
		{"县委常委", false}, {"委员", false}, {"市领导", false}, {"", false},
	}
	for _, c := range cases {
		if got := soleHeadPost(c.post); got != c.want {
			t.Errorf("soleHeadPost(%q) = %v, want %v", c.post, got, c.want)
		}
	}
}

// TestSolePostNotShared: in prose, a post one person holds written before
// a run of names stays with the first; a deputy's post is shared.
func TestSolePostNotShared(t *testing.T) {
	st := &state{p: parser(t)}
	cases := []struct {
		in   string
		want []document.Person
	}{
		{"县长李明、张华、王强", []document.Person{{Name: "李明", Title: "县长"}, {Name: "张华"}, {Name: "王强"}}},
		{"市政府秘书长赵六、钱七", []document.Person{{Name: "赵六", Title: "市政府秘书长"}, {Name: "钱七"}}},
		{"副县长刘通、邹映涛", []document.Person{{Name: "刘通", Title: "副县长"}, {Name: "邹映涛", Title: "副县长"}}},
	}
	for _, c := range cases {
		if got := st.personClause(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("personClause(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}
