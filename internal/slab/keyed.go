package slab

// Keyed is a slab of values under keys: a map gives each key the position
// of its value, and removing a value moves the last one into its place, so
// the values stay next to each other and a pass over them reads memory in
// order. It is the storage of the in-memory tables, and of what stores
// derive from their tables' values. Use NewKeyed; a Keyed is not safe for
// concurrent use.
type Keyed[K comparable, V any] struct {
	pos  map[K]int
	vals Slab[V]
	key  func(*V) K
}

// NewKeyed returns an empty keyed slab whose values are stored under the key
// that key returns.
func NewKeyed[K comparable, V any](key func(*V) K) *Keyed[K, V] {
	return &Keyed[K, V]{pos: make(map[K]int), key: key}
}

// Len returns the number of values.
func (s *Keyed[K, V]) Len() int { return s.vals.Len() }

// Get returns the value under k, or nil. The pointer is valid until the
// next Put or Delete.
func (s *Keyed[K, V]) Get(k K) *V {
	i, ok := s.pos[k]
	if !ok {
		return nil
	}
	return s.vals.At(i)
}

// Put stores v under its key, replacing the value stored there.
func (s *Keyed[K, V]) Put(v V) {
	k := s.key(&v)
	if i, ok := s.pos[k]; ok {
		*s.vals.At(i) = v
		return
	}
	s.pos[k] = s.vals.Push(v)
}

// Delete removes the value under k, if there is one, moving the last value
// into its place.
func (s *Keyed[K, V]) Delete(k K) {
	i, ok := s.pos[k]
	if !ok {
		return
	}
	if last := s.vals.Len() - 1; i != last {
		moved := s.vals.At(last)
		*s.vals.At(i) = *moved
		s.pos[s.key(moved)] = i
	}
	s.vals.Pop()
	delete(s.pos, k)
}

// All yields a pointer to every value: in the order in which they were put,
// except that Delete moves the last value into the place it frees. The
// values must not be changed through the pointers in ways that change
// their keys, and the slab must not be changed during the pass.
func (s *Keyed[K, V]) All(yield func(*V) bool) { s.vals.All(yield) }
