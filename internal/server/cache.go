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
}

type aggEntry struct {
	at time.Time
	v  any
}

func newAggCache(ttl time.Duration, max int) *aggCache {
	return &aggCache{ttl: ttl, max: max, entries: map[string]aggEntry{}}
}

func (c *aggCache) get(key string) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || time.Since(e.at) > c.ttl {
		return nil, false
	}
	return e.v, true
}

func (c *aggCache) put(key string, v any) {
	c.mu.Lock()
	defer c.mu.Unlock()
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
}

// cached returns the value built for key, building it on a miss. Values
// are shared between requests: callers must not modify them.
func cached[T any](s *Server, key string, build func() (T, error)) (T, error) {
	if v, ok := s.cache.get(key); ok {
		return v.(T), nil
	}
	v, err := build()
	if err != nil {
		return v, err
	}
	s.cache.put(key, v)
	return v, nil
}
