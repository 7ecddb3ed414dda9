package segment

import (
	"strings"
	"testing"
)

func TestUserWordsStayWhole(t *testing.T) {
	user := []Word{{Text: "市应急局", Freq: 1000}, {Text: "邹洪凯", Freq: 1000}}
	seg, err := New(user)
	if err != nil {
		t.Fatal(err)
	}
	// The token slice is sized for the embedded dictionary: if gse's grows,
	// zhSWords is stale and the load copies the slice again.
	if n, c := seg.Dict.NumTokens(), cap(seg.Dict.Tokens); n < zhSWords || c != zhSWords+len(user) {
		t.Errorf("%d tokens in a slice of capacity %d; want at least %d in %d", n, c, zhSWords, zhSWords+len(user))
	}
	got := strings.Join(seg.Cut("由市应急局会同邹洪凯", false), "/")
	for _, want := range []string{"市应急局", "邹洪凯"} {
		if !strings.Contains(got, "/"+want+"/") && !strings.HasSuffix(got, "/"+want) {
			t.Errorf("cut %q: %q not kept whole", got, want)
		}
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(nil); err != nil {
			b.Fatal(err)
		}
	}
}
