package server

import (
	"sync"
	"time"
)

// aggCache keeps browse aggregations (every topic of every matching meeting,
// every appearance of a person) for a short while, so that paging through
// one costs a single scan of the index. Writes through the API clear it;
// other writers are seen when entries expire.
type aggCache struct {
	mu      sync.Mutex
	ttl     time.Duration
	max     int
	entries map[string]aggEntry
	// gen counts clears: a value built across one may hold the index from
	// before the write, and is not kept.
	gen uint64
}

type aggEntry struct {
	at time.Time
	v  any
}

func newAggCache(ttl time.Duration, max int) *aggCache {
	return &aggCache{ttl: ttl, max: max, entries: map[string]aggEntry{}}
}

// get returns the value kept for key, or the generation to put a new one
// under.
func (c *aggCache) get(key string) (any, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || time.Since(e.at) > c.ttl {
		return nil, c.gen, false
	}
	return e.v, c.gen, true
}

// put keeps v for key unless the cache was cleared since gen.
func (c *aggCache) put(gen uint64, key string, v any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	now := time.Now()
	for k, e := range c.entries {
		if now.Sub(e.at) > c.ttl {
			delete(c.entries, k)
		}
	}
	for len(c.entries) >= c.max {
		oldest, at := "", now
		for k, e := range c.entries {
			if !e.at.After(at) {
				oldest, at = k, e.at
			}
		}
		delete(c.entries, oldest)
	}
	c.entries[key] = aggEntry{at: now, v: v}
}

func (c *aggCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.entries)
	c.gen++
}

// cached returns the value built for key, building it on a miss. Values
// are shared between requests: callers must not modify them.
func cached[T any](s *Server, key string, build func() (T, error)) (T, error) {
	v0, gen, ok := s.cache.get(key)
	if ok {
		return v0.(T), nil
	}
	v, err := build()
	if err != nil {
		return v, err
	}
	s.cache.put(gen, key, v)
	return v, nil
}
