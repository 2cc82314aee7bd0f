package ordered

import (
	"iter"
	"slices"
)

// degree is the B-tree's minimum degree: every node but the root holds
// between degree-1 and 2*degree-1 items.
const (
	degree   = 16
	maxItems = 2*degree - 1
	minItems = degree - 1
)

// Set is an ordered set of values of type T, ordered by the comparison
// function given to [New]. Two values that compare equal are the same
// member: inserting one replaces the other.
type Set[T any] struct {
	cmp  func(a, b T) int
	root *node[T]
	n    int
}

type node[T any] struct {
	items    []T
	children []*node[T]
}

// New returns an empty set ordered by cmp, which returns a negative number,
// zero or a positive number as a is less than, equal to or greater than b.
func New[T any](cmp func(a, b T) int) *Set[T] {
	return &Set[T]{cmp: cmp}
}

// Len returns the number of members.
func (s *Set[T]) Len() int { return s.n }

// find returns the index of the first item not less than v in n, and
// whether that item equals v.
func (s *Set[T]) find(n *node[T], v T) (int, bool) {
	lo, hi := 0, len(n.items)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if s.cmp(n.items[m], v) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(n.items) && s.cmp(n.items[lo], v) == 0
}

// Get returns the member equal to v.
func (s *Set[T]) Get(v T) (T, bool) {
	for n := s.root; n != nil; {
		i, ok := s.find(n, v)
		if ok {
			return n.items[i], true
		}
		if len(n.children) == 0 {
			break
		}
		n = n.children[i]
	}
	var zero T
	return zero, false
}

// Insert adds v, replacing a member equal to it; it reports whether one was
// replaced.
func (s *Set[T]) Insert(v T) bool {
	if s.root == nil {
		s.root = &node[T]{items: []T{v}}
		s.n = 1
		return false
	}
	if len(s.root.items) >= maxItems {
		mid, right := s.root.split(maxItems / 2)
		s.root = &node[T]{items: append(make([]T, 0, 1), mid), children: []*node[T]{s.root, right}}
	}
	replaced := s.insert(s.root, v)
	if !replaced {
		s.n++
	}
	return replaced
}

func (s *Set[T]) insert(n *node[T], v T) bool {
	for {
		i, found := s.find(n, v)
		if found {
			n.items[i] = v
			return true
		}
		if len(n.children) == 0 {
			n.items = slices.Insert(n.items, i, v)
			return false
		}
		if len(n.children[i].items) >= maxItems {
			mid, right := n.children[i].split(maxItems / 2)
			n.items = slices.Insert(n.items, i, mid)
			n.children = slices.Insert(n.children, i+1, right)
			switch c := s.cmp(v, mid); {
			case c == 0:
				n.items[i] = v
				return true
			case c > 0:
				i++
			}
		}
		n = n.children[i]
	}
}

// split cuts n at item i: n keeps the items before it, the returned node
// the items after it, and the item itself is returned to go up.
func (n *node[T]) split(i int) (T, *node[T]) {
	mid := n.items[i]
	right := &node[T]{items: make([]T, len(n.items)-i-1, maxItems)}
	copy(right.items, n.items[i+1:])
	clear(n.items[i:])
	n.items = n.items[:i]
	if len(n.children) > 0 {
		right.children = make([]*node[T], len(n.children)-i-1, maxItems+1)
		copy(right.children, n.children[i+1:])
		clear(n.children[i+1:])
		n.children = n.children[:i+1]
	}
	return mid, right
}

// Delete removes the member equal to v and reports whether there was one.
func (s *Set[T]) Delete(v T) bool {
	if s.root == nil {
		return false
	}
	_, ok := s.remove(s.root, v, false)
	if ok {
		s.n--
	}
	if len(s.root.items) == 0 {
		if len(s.root.children) > 0 {
			s.root = s.root.children[0]
		} else {
			s.root = nil
		}
	}
	return ok
}

// remove removes v (or, when max is set, the largest item) from the subtree
// of n, which has more than minItems items unless it is the root.
func (s *Set[T]) remove(n *node[T], v T, max bool) (T, bool) {
	for {
		var i int
		var found bool
		if max {
			i = len(n.items)
			if len(n.children) == 0 {
				i--
				out := n.items[i]
				n.items = deleteAt(n.items, i)
				return out, true
			}
		} else {
			i, found = s.find(n, v)
			if len(n.children) == 0 {
				if !found {
					var zero T
					return zero, false
				}
				out := n.items[i]
				n.items = deleteAt(n.items, i)
				return out, true
			}
		}
		if len(n.children[i].items) <= minItems {
			n.grow(i)
			continue // the items moved; look again
		}
		if found {
			out := n.items[i]
			n.items[i], _ = s.remove(n.children[i], v, true)
			return out, true
		}
		n = n.children[i]
	}
}

// grow gives child i of n more than minItems items, by taking one from a
// sibling or by merging it with one.
func (n *node[T]) grow(i int) {
	switch {
	case i > 0 && len(n.children[i-1].items) > minItems:
		child, left := n.children[i], n.children[i-1]
		child.items = slices.Insert(child.items, 0, n.items[i-1])
		last := len(left.items) - 1
		n.items[i-1] = left.items[last]
		left.items = deleteAt(left.items, last)
		if len(left.children) > 0 {
			lc := len(left.children) - 1
			child.children = slices.Insert(child.children, 0, left.children[lc])
			left.children = deleteAt(left.children, lc)
		}
	case i < len(n.items) && len(n.children[i+1].items) > minItems:
		child, right := n.children[i], n.children[i+1]
		child.items = append(child.items, n.items[i])
		n.items[i] = right.items[0]
		right.items = deleteAt(right.items, 0)
		if len(right.children) > 0 {
			child.children = append(child.children, right.children[0])
			right.children = deleteAt(right.children, 0)
		}
	default:
		if i >= len(n.items) {
			i--
		}
		child, right := n.children[i], n.children[i+1]
		child.items = append(child.items, n.items[i])
		child.items = append(child.items, right.items...)
		child.children = append(child.children, right.children...)
		n.items = deleteAt(n.items, i)
		n.children = deleteAt(n.children, i+1)
	}
}

// deleteAt removes element i of x and clears the freed slot, so the
// backing array keeps no reference to the removed value.
func deleteAt[E any](x []E, i int) []E {
	copy(x[i:], x[i+1:])
	var zero E
	x[len(x)-1] = zero
	return x[:len(x)-1]
}

// All returns the members in ascending order. The set must not change
// during the iteration.
func (s *Set[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		if s.root != nil {
			s.ascend(s.root, nil, false, yield)
		}
	}
}

// After returns, in ascending order, the members greater than pivot. The
// set must not change during the iteration.
func (s *Set[T]) After(pivot T) iter.Seq[T] {
	return func(yield func(T) bool) {
		if s.root != nil {
			s.ascend(s.root, &pivot, false, yield)
		}
	}
}

// From returns, in ascending order, the members not less than pivot. The
// set must not change during the iteration.
func (s *Set[T]) From(pivot T) iter.Seq[T] {
	return func(yield func(T) bool) {
		if s.root != nil {
			s.ascend(s.root, &pivot, true, yield)
		}
	}
}

// ascend yields the items of n's subtree from pivot on (all when pivot is
// nil) and reports whether to go on.
func (s *Set[T]) ascend(n *node[T], pivot *T, inclusive bool, yield func(T) bool) bool {
	leaf := len(n.children) == 0
	i := 0
	if pivot != nil {
		var found bool
		i, found = s.find(n, *pivot)
		switch {
		case found:
			// Child i holds only smaller items: start after it.
			if inclusive && !yield(n.items[i]) {
				return false
			}
			i++
		case !leaf:
			// Child i may straddle the pivot.
			if !s.ascend(n.children[i], pivot, inclusive, yield) {
				return false
			}
			if i < len(n.items) && !yield(n.items[i]) {
				return false
			}
			i++
		}
		if !leaf {
			// From here on, every item and subtree is greater than the
			// pivot: item i-1 was the pivot or yielded.
			if i > len(n.items) {
				return true
			}
			if !s.ascend(n.children[i], nil, false, yield) {
				return false
			}
		}
	} else if !leaf && !s.ascend(n.children[0], nil, false, yield) {
		return false
	}
	// Invariant: the child before item i (if any) has been visited.
	for ; i < len(n.items); i++ {
		if !yield(n.items[i]) {
			return false
		}
		if !leaf && !s.ascend(n.children[i+1], nil, false, yield) {
			return false
		}
	}
	return true
}
