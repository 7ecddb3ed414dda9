package textio

import "testing"

func TestStringsTerminated(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"BT /F1 10 Tf <00010002> Tj ET", true},
		{"BT (a (nested) \\) string) Tj ET", true},
		{"<< /A 1 >> BT [<0001> -20 <0002>] TJ ET", true},
		{"% a comment with ( and <\nBT (x) Tj ET", true},
		{"/F1 0 Tf[<", false},
		{"BT <0001 Tj ET", false},
		{"BT (open Tj ET", false},
		{"BT (ends with escape\\", false},
	} {
		if got := stringsTerminated([]byte(tc.in)); got != tc.want {
			t.Errorf("stringsTerminated(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
