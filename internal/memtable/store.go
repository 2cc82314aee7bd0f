package memtable

import (
	"context"

	"github.com/homewardkit/homeward"
)

// Store adapts a Table to the store interfaces of Homeward's packages:
// Create, Get, Update, List and Scan with a context and a filter of type F.
type Store[K ~string, V any, F any] struct {
	t     *Table[K, V]
	match func(*F, *V) bool
	page  func(*F) homeward.PageRequest
	key   func(*V) string
}

// NewStore returns a store on t. match reports whether a value passes a
// filter, page returns the filter's page request, and key returns a value's
// unique sort key (the store's documented list order).
func NewStore[K ~string, V any, F any](t *Table[K, V], key func(*V) string, match func(*F, *V) bool, page func(*F) homeward.PageRequest) *Store[K, V, F] {
	return &Store[K, V, F]{t: t, match: match, page: page, key: key}
}

// Table returns the store's table.
func (s *Store[K, V, F]) Table() *Table[K, V] { return s.t }

// Create stores a new value; see [Table.Create].
func (s *Store[K, V, F]) Create(_ context.Context, v V) (V, error) { return s.t.Create(v) }

// Get returns a copy of a value; see [Table.Get].
func (s *Store[K, V, F]) Get(_ context.Context, k K) (V, error) { return s.t.Get(k) }

// Update replaces a value optimistically; see [Table.Update].
func (s *Store[K, V, F]) Update(_ context.Context, v V) (V, error) { return s.t.Update(v) }

// List returns the page of values that f selects, in key order.
func (s *Store[K, V, F]) List(_ context.Context, f F) (homeward.Page[V], error) {
	return s.t.List(func(v *V) bool { return s.match(&f, v) }, s.key, s.page(&f))
}

// Scan calls fn for every value that f selects; see [Table.Scan].
func (s *Store[K, V, F]) Scan(_ context.Context, f F, fn func(*V) error) error {
	return s.t.Scan(func(v *V) bool { return s.match(&f, v) }, fn)
}
