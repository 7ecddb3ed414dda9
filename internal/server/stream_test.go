package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// A stream through SlidingWriter outlives the server's write timeout while
// its client reads; the same stream written plainly is cut at the timeout.
func TestSlidingWriterOutlivesWriteTimeout(t *testing.T) {
	const chunks, pause, timeout = 8, 100 * time.Millisecond, 300 * time.Millisecond
	for _, sliding := range []bool{true, false} {
		srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			var out io.Writer = w
			if sliding {
				out = SlidingWriter(w, timeout)
			}
			for range chunks {
				if _, err := io.WriteString(out, strings.Repeat("x", 1024)+"\n"); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				time.Sleep(pause)
			}
		}))
		srv.Config.WriteTimeout = timeout
		srv.Start()
		res, err := http.Get(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		srv.Close()
		got := strings.Count(string(body), "\n")
		if sliding && got != chunks {
			t.Errorf("sliding: %d of %d chunks arrived", got, chunks)
		}
		if !sliding && got == chunks {
			t.Errorf("plain: all %d chunks arrived past a 300 ms write timeout (the test proves nothing)", got)
		}
	}
}
