package slab

// chunkBits sets the size of a chunk: 1,024 values.
const chunkBits = 10

// chunkSize is the number of values in a full chunk.
const chunkSize = 1 << chunkBits

// Slab is a list of values in chunks of 1,024. The zero value is an empty
// slab ready to use. A slab is not safe for concurrent use.
type Slab[V any] struct {
	chunks [][]V // the chunks in use, then the empty ones Reset kept
	n      int
}

// Len returns the number of values.
func (s *Slab[V]) Len() int { return s.n }

// At returns the value at position i, which must be less than Len.
func (s *Slab[V]) At(i int) *V { return &s.chunks[i>>chunkBits][i&(chunkSize-1)] }

// Push appends v and returns its position.
func (s *Slab[V]) Push(v V) int {
	ci := s.n >> chunkBits
	if ci == len(s.chunks) {
		// The first chunk grows by append, so that a small slab stays
		// small; the others are allocated whole.
		var c []V
		if ci > 0 {
			c = make([]V, 0, chunkSize)
		}
		s.chunks = append(s.chunks, c)
	}
	s.chunks[ci] = append(s.chunks[ci], v)
	s.n++
	return s.n - 1
}

// Pop removes the last value, clearing its place so that nothing it points
// to is kept alive, and frees the chunks it empties. It does nothing on an
// empty slab.
func (s *Slab[V]) Pop() {
	if s.n == 0 {
		return
	}
	s.n--
	ci := s.n >> chunkBits
	c := s.chunks[ci]
	var zero V
	c[len(c)-1] = zero
	s.chunks[ci] = c[:len(c)-1]
	if len(s.chunks[ci]) == 0 && ci > 0 {
		clear(s.chunks[ci:]) // with the spare chunks Reset kept
		s.chunks = s.chunks[:ci]
	}
}

// Reset removes every value, clearing them so that nothing they point to
// is kept alive, and keeps the chunks for the values pushed next: a slab
// filled again to the same length allocates nothing.
func (s *Slab[V]) Reset() {
	for i, c := range s.chunks {
		clear(c)
		s.chunks[i] = c[:0]
	}
	s.n = 0
}

// All yields a pointer to every value, in order. The values may be changed
// through the pointers; the slab must not be pushed to or popped from
// during the pass.
func (s *Slab[V]) All(yield func(*V) bool) {
	for _, c := range s.chunks {
		for i := range c {
			if !yield(&c[i]) {
				return
			}
		}
	}
}
