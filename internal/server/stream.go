package server

import (
	"io"
	"net/http"
	"time"
)

// StreamWindow is how long a stream (an export, a backup) may wait for its
// client to read on before the connection is dropped.
const StreamWindow = 2 * time.Minute

// SlidingWriter writes to w, moving the connection's write deadline window
// ahead of every write: a stream longer than the server's write timeout
// goes on while its client reads, and a client that stops reading (or reads
// a byte a minute) loses the connection instead of holding the handler.
func SlidingWriter(w http.ResponseWriter, window time.Duration) io.Writer {
	return slidingWriter{w: w, rc: http.NewResponseController(w), window: window}
}

type slidingWriter struct {
	w      io.Writer
	rc     *http.ResponseController
	window time.Duration
}

func (s slidingWriter) Write(p []byte) (int, error) {
	// A writer that cannot take deadlines (a test's recorder) has none to move.
	_ = s.rc.SetWriteDeadline(time.Now().Add(s.window))
	return s.w.Write(p)
}
