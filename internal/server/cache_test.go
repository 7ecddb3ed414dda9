package server

import (
	"testing"
	"time"
)

// TestCacheKeepsNoBuildAWriteOverlapped: an aggregation built while a write
// landed may hold the index from before it: it answers its own request but
// is not kept (it was, and served the deleted document's meetings, or missed
// the uploaded one, until it expired).
func TestCacheKeepsNoBuildAWriteOverlapped(t *testing.T) {
	s := &Server{cache: newAggCache(time.Minute, 8)}
	builds := 0
	build := func(write bool) func() (int, error) {
		return func() (int, error) {
			builds++
			if write {
				s.cache.clear() // a delete or an upload through the API
			}
			return builds, nil
		}
	}
	if v, err := cached(s, "k", build(true)); err != nil || v != 1 {
		t.Fatalf("first build: %v %v", v, err)
	}
	if v, _ := cached(s, "k", build(false)); v != 2 {
		t.Errorf("after a build a write overlapped: %d, want a new build", v)
	}
	if v, _ := cached(s, "k", build(false)); v != 2 {
		t.Errorf("a build no write overlapped is kept: %d, want 2", v)
	}
}
