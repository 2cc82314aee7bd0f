// Package memtable is the generic, concurrency-safe, in-memory table with
// optimistic versioning on which every in-memory store of Homeward is built.
//
// A table copies values in and out (through the clone function given to
// [New]), so a caller can never change a stored record by keeping a reference
// to it. Create fails with homeward.ErrConflict when the key exists; Update
// succeeds only when the value's version equals the stored one and bumps it.
package memtable

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/paging"
)

// Table stores values of type V under keys of type K.
type Table[K ~string, V any] struct {
	mu      sync.RWMutex
	rows    map[K]V
	key     func(*V) K
	version func(*V) *int64
	clone   func(V) V
	kind    string
}

// New returns an empty table. kind names the record type in errors ("case",
// "assessment"); key returns a value's key; version returns a pointer to the
// value's version field; clone returns a deep copy (nil means values have no
// references and a plain copy suffices).
func New[K ~string, V any](kind string, key func(*V) K, version func(*V) *int64, clone func(V) V) *Table[K, V] {
	if clone == nil {
		clone = func(v V) V { return v }
	}
	return &Table[K, V]{rows: make(map[K]V), key: key, version: version, clone: clone, kind: kind}
}

// Create stores a copy of v with version 1 and returns the stored copy.
func (t *Table[K, V]) Create(v V) (V, error) {
	v = t.clone(v)
	k := t.key(&v)
	if k == "" {
		var zero V
		return zero, homeward.Invalid("id", "is required")
	}
	*t.version(&v) = 1
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.rows[k]; ok {
		var zero V
		return zero, fmt.Errorf("%s %s already exists: %w", t.kind, k, homeward.ErrConflict)
	}
	t.rows[k] = v
	return t.clone(v), nil
}

// Get returns a copy of the value stored under k.
func (t *Table[K, V]) Get(k K) (V, error) {
	t.mu.RLock()
	v, ok := t.rows[k]
	t.mu.RUnlock()
	if !ok {
		var zero V
		return zero, fmt.Errorf("%s %s: %w", t.kind, k, homeward.ErrNotFound)
	}
	return t.clone(v), nil
}

// Update replaces the stored value with a copy of v when v's version equals
// the stored version, bumps the version and returns the stored copy.
func (t *Table[K, V]) Update(v V) (V, error) {
	v = t.clone(v)
	k := t.key(&v)
	var zero V
	t.mu.Lock()
	defer t.mu.Unlock()
	old, ok := t.rows[k]
	if !ok {
		return zero, fmt.Errorf("%s %s: %w", t.kind, k, homeward.ErrNotFound)
	}
	have, want := *t.version(&v), *t.version(&old)
	if have != want {
		return zero, fmt.Errorf("%s %s was changed by someone else (version %d, stored %d): %w", t.kind, k, have, want, homeward.ErrConflict)
	}
	*t.version(&v) = want + 1
	t.rows[k] = v
	return t.clone(v), nil
}

// Delete removes the value under k when its stored version equals version.
func (t *Table[K, V]) Delete(k K, version int64) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	old, ok := t.rows[k]
	if !ok {
		return fmt.Errorf("%s %s: %w", t.kind, k, homeward.ErrNotFound)
	}
	if have := *t.version(&old); have != version {
		return fmt.Errorf("%s %s was changed by someone else (version %d, stored %d): %w", t.kind, k, version, have, homeward.ErrConflict)
	}
	delete(t.rows, k)
	return nil
}

// Select returns copies of the values for which keep reports true, in no
// particular order. keep sees the stored value and must neither keep nor
// change it.
func (t *Table[K, V]) Select(keep func(*V) bool) []V {
	t.mu.RLock()
	defer t.mu.RUnlock()
	var out []V
	for k := range t.rows {
		v := t.rows[k]
		if keep(&v) {
			out = append(out, t.clone(v))
		}
	}
	return out
}

// Len returns the number of stored values.
func (t *Table[K, V]) Len() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return len(t.rows)
}

// List returns the page req asks for of the values for which keep reports
// true, ordered by sortKey (which must be unique per value, as "date\x00id").
// A malformed cursor is homeward.ErrInvalid.
func (t *Table[K, V]) List(keep func(*V) bool, sortKey func(*V) string, req homeward.PageRequest) (homeward.Page[V], error) {
	after, err := paging.Decode(req.Cursor)
	if err != nil {
		return homeward.Page[V]{}, err
	}
	type hit struct {
		key string
		k   K
	}
	var hits []hit
	t.mu.RLock()
	for k := range t.rows {
		v := t.rows[k]
		if keep(&v) {
			if sk := sortKey(&v); after == "" || sk > after {
				hits = append(hits, hit{sk, k})
			}
		}
	}
	t.mu.RUnlock()
	slices.SortFunc(hits, func(a, b hit) int { return strings.Compare(a.key, b.key) })
	limit := req.EffectiveLimit()
	page := homeward.Page[V]{Items: make([]V, 0, min(limit, len(hits)))}
	t.mu.RLock()
	defer t.mu.RUnlock()
	for _, h := range hits {
		if len(page.Items) == limit {
			page.Next = paging.Encode(sortKey(&page.Items[len(page.Items)-1]))
			break
		}
		if v, ok := t.rows[h.k]; ok {
			page.Items = append(page.Items, t.clone(v))
		}
	}
	return page, nil
}
