package segment

import (
	"strings"
	"testing"
)

func TestUserWordsStayWhole(t *testing.T) {
	seg, err := New([]Word{{Text: "市应急局", Freq: 1000}, {Text: "邹洪凯", Freq: 1000}})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(seg.Cut("由市应急局会同邹洪凯", false), "/")
	for _, want := range []string{"市应急局", "邹洪凯"} {
		if !strings.Contains(got, "/"+want+"/") && !strings.HasSuffix(got, "/"+want) {
			t.Errorf("cut %q: %q not kept whole", got, want)
		}
	}
}
