package memtable

import (
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"

	"github.com/homewardkit/homeward"
	"github.com/homewardkit/homeward/internal/ordered"
	"github.com/homewardkit/homeward/internal/paging"
	"github.com/homewardkit/homeward/internal/slab"
)

// Table stores values of type V under keys of type K.
//
// The values live in a keyed slab (internal/slab): in fixed-size chunks,
// next to each other in memory, with a map giving each key its slot. A pass over every value
// (Scan, ScanShared, Select, List) therefore reads memory in order instead
// of following one pointer per value, which is what keeps a pass over
// millions of records fast; values stay in the order in which they were
// created, except that deleting one moves the last value into its slot.
type Table[K ~string, V any] struct {
	mu        sync.RWMutex
	rows      *slab.Keyed[K, V]
	key       func(*V) K
	version   func(*V) *int64
	clone     func(V) V
	kind      string
	indexes   map[string]*index[K, V]
	observers []func(old, cur *V)
}

// index is one secondary index: a single ordered set of (index key, order
// key, primary key) entries, so that the values under one index key are
// contiguous and in order, and an index key costs nothing of its own.
type index[K ~string, V any] struct {
	keys  func(*V) []string
	order func(*V) string
	tree  *ordered.Set[entry[K]]
}

// entry is one value under one index key.
type entry[K ~string] struct {
	bucket string
	order  string
	key    K
}

func compareEntries[K ~string](a, b entry[K]) int {
	if c := strings.Compare(a.bucket, b.bucket); c != 0 {
		return c
	}
	if c := strings.Compare(a.order, b.order); c != 0 {
		return c
	}
	return strings.Compare(string(a.key), string(b.key))
}

// New returns an empty table. kind names the record type in errors ("case",
// "assessment"); key returns a value's key; version returns a pointer to the
// value's version field; clone returns a deep copy (nil means values have no
// references and a plain copy suffices).
func New[K ~string, V any](kind string, key func(*V) K, version func(*V) *int64, clone func(V) V) *Table[K, V] {
	if clone == nil {
		clone = func(v V) V { return v }
	}
	return &Table[K, V]{rows: slab.NewKeyed(key), key: key, version: version, clone: clone, kind: kind}
}

// lookup returns the stored value under k, or nil. The lock is held.
func (t *Table[K, V]) lookup(k K) *V { return t.rows.Get(k) }

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
	if t.lookup(k) != nil {
		var zero V
		return zero, fmt.Errorf("%s %s already exists: %w", t.kind, k, homeward.ErrConflict)
	}
	t.rows.Put(v)
	t.changed(k, nil, &v)
	return t.clone(v), nil
}

// Get returns a copy of the value stored under k.
func (t *Table[K, V]) Get(k K) (V, error) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	p := t.lookup(k)
	if p == nil {
		var zero V
		return zero, fmt.Errorf("%s %s: %w", t.kind, k, homeward.ErrNotFound)
	}
	return t.clone(*p), nil
}

// Update replaces the stored value with a copy of v when v's version equals
// the stored version, bumps the version and returns the stored copy.
func (t *Table[K, V]) Update(v V) (V, error) {
	v = t.clone(v)
	k := t.key(&v)
	var zero V
	t.mu.Lock()
	defer t.mu.Unlock()
	p := t.lookup(k)
	if p == nil {
		return zero, fmt.Errorf("%s %s: %w", t.kind, k, homeward.ErrNotFound)
	}
	old := *p
	have, want := *t.version(&v), *t.version(&old)
	if have != want {
		return zero, fmt.Errorf("%s %s was changed by someone else (version %d, stored %d): %w", t.kind, k, have, want, homeward.ErrConflict)
	}
	*t.version(&v) = want + 1
	*p = v
	t.changed(k, &old, &v)
	return t.clone(v), nil
}

// Delete removes the value under k when its stored version equals version.
func (t *Table[K, V]) Delete(k K, version int64) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	p := t.lookup(k)
	if p == nil {
		return fmt.Errorf("%s %s: %w", t.kind, k, homeward.ErrNotFound)
	}
	old := *p
	if have := *t.version(&old); have != version {
		return fmt.Errorf("%s %s was changed by someone else (version %d, stored %d): %w", t.kind, k, version, have, homeward.ErrConflict)
	}
	t.rows.Delete(k) // the last value moves into the freed slot
	t.changed(k, &old, nil)
	return nil
}

// changed brings the indexes up to date with the change of the value under
// k from old to cur (nil: absent) and tells the observers. The write lock is
// held.
func (t *Table[K, V]) changed(k K, old, cur *V) {
	for _, ix := range t.indexes {
		ix.change(k, old, cur)
	}
	for _, fn := range t.observers {
		fn(old, cur)
	}
}

// change moves k from the index keys of old to those of cur.
func (ix *index[K, V]) change(k K, old, cur *V) {
	var oldKeys, curKeys []string
	var oldOrder, curOrder string
	if old != nil {
		oldKeys, oldOrder = ix.keys(old), ix.orderOf(k, old)
	}
	if cur != nil {
		curKeys, curOrder = ix.keys(cur), ix.orderOf(k, cur)
	}
	if oldOrder == curOrder && slices.Equal(oldKeys, curKeys) {
		return
	}
	for _, b := range oldKeys {
		ix.tree.Delete(entry[K]{b, oldOrder, k})
	}
	for _, b := range curKeys {
		ix.tree.Insert(entry[K]{b, curOrder, k})
	}
}

func (ix *index[K, V]) orderOf(k K, v *V) string {
	if ix.order == nil {
		return string(k)
	}
	return ix.order(v)
}

// AddIndex adds the secondary index name to the table, or replaces the one
// of that name, and indexes the values already stored. keys returns the
// distinct index keys under which a value is listed (none leaves it out of
// the index); order returns the value's place among the values of one
// index key and must be unique per value, like a sort key of [Table.List]
// (nil orders by primary key). Both see the stored value and must neither
// keep nor change it; they are called with the table's write lock held.
// Each entry of the index keeps the strings they return, so they should
// share memory with the value (a field of it) or be interned by the caller
// rather than built anew for every value.
func (t *Table[K, V]) AddIndex(name string, keys func(*V) []string, order func(*V) string) {
	ix := &index[K, V]{keys: keys, order: order, tree: ordered.New(compareEntries[K])}
	t.mu.Lock()
	defer t.mu.Unlock()
	for v := range t.rows.All {
		ix.change(t.key(v), nil, v)
	}
	if t.indexes == nil {
		t.indexes = make(map[string]*index[K, V])
	}
	t.indexes[name] = ix
}

// Observe registers fn to be called after every change, with the table's
// write lock held: old is nil after Create, cur is nil after Delete. fn sees
// the stored values and must neither keep pointers to them nor change them
// (it may keep copies of their fields), must be quick, and must not call the
// table. Values stored before the call are reported as created.
func (t *Table[K, V]) Observe(fn func(old, cur *V)) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for v := range t.rows.All {
		fn(nil, v)
	}
	t.observers = append(t.observers, fn)
}

// ListIndex returns the page req asks for of the values listed under key in
// the index name for which keep reports true (nil keeps every value), in the
// index's order. The cursor is the order key of a page's last value, so when
// the index's order equals the sortKey given to [Table.List], cursors of the
// two are interchangeable. A malformed cursor is homeward.ErrInvalid; an
// unknown index is an error too.
func (t *Table[K, V]) ListIndex(name, key string, keep func(*V) bool, req homeward.PageRequest) (homeward.Page[V], error) {
	return t.ListIndexKeys(name, []string{key}, keep, req)
}

// ListIndexKeys is ListIndex for the values listed under any of keys,
// merged in the index's order (a value under several of them is listed
// once).
func (t *Table[K, V]) ListIndexKeys(name string, keys []string, keep func(*V) bool, req homeward.PageRequest) (homeward.Page[V], error) {
	after, err := paging.Decode(req.Cursor)
	if err != nil {
		return homeward.Page[V]{}, err
	}
	limit := req.EffectiveLimit()
	var page homeward.Page[V]
	t.mu.RLock()
	defer t.mu.RUnlock()
	ix := t.indexes[name]
	if ix == nil {
		return homeward.Page[V]{}, fmt.Errorf("%s table has no index %q", t.kind, name)
	}
	seqs := make([]iter.Seq[entry[K]], 0, len(keys))
	for _, b := range keys {
		seqs = append(seqs, ix.bucket(b, after))
	}
	// Find the page's keys first, so the values are copied out once into
	// a slice of the right size.
	hits := make([]K, 0, min(limit, 64))
	var last string
	for e := range merge(seqs) {
		v := t.lookup(e.key)
		if v == nil || (keep != nil && !keep(v)) {
			continue
		}
		if len(hits) == limit {
			page.Next = paging.Encode(last)
			break
		}
		hits = append(hits, e.key)
		last = e.order
	}
	page.Items = make([]V, len(hits))
	for i, k := range hits {
		page.Items[i] = t.clone(*t.lookup(k))
	}
	return page, nil
}

// bucket returns, in order, the entries under index key b whose order key is
// greater than after (all when after is empty).
func (ix *index[K, V]) bucket(b, after string) iter.Seq[entry[K]] {
	from := entry[K]{bucket: b}
	if after != "" {
		// The smallest order key greater than after is after + "\x00".
		from.order = after + "\x00"
	}
	return func(yield func(entry[K]) bool) {
		for e := range ix.tree.From(from) {
			if e.bucket != b || !yield(e) {
				return
			}
		}
	}
}

// merge returns the entries of the ordered sequences seqs in (order key,
// primary key) order, each primary key once.
func merge[K ~string](seqs []iter.Seq[entry[K]]) iter.Seq[entry[K]] {
	if len(seqs) == 1 {
		return seqs[0]
	}
	return func(yield func(entry[K]) bool) {
		type head struct {
			e    entry[K]
			next func() (entry[K], bool)
		}
		var heads []head
		for _, s := range seqs {
			next, stop := iter.Pull(s)
			defer stop()
			if e, ok := next(); ok {
				heads = append(heads, head{e, next})
			}
		}
		var prev *K
		for len(heads) > 0 {
			m := 0
			for i := 1; i < len(heads); i++ {
				a, b := heads[i].e, heads[m].e
				if c := strings.Compare(a.order, b.order); c < 0 || (c == 0 && a.key < b.key) {
					m = i
				}
			}
			e := heads[m].e
			if prev == nil || *prev != e.key {
				if !yield(e) {
					return
				}
				prev = &e.key
			}
			if n, ok := heads[m].next(); ok {
				heads[m].e = n
			} else {
				heads = slices.Delete(heads, m, m+1)
			}
		}
	}
}

// Select returns copies of the values for which keep reports true, in no
// particular order. keep sees the stored value and must neither keep nor
// change it.
func (t *Table[K, V]) Select(keep func(*V) bool) []V {
	t.mu.RLock()
	defer t.mu.RUnlock()
	var out []V
	for v := range t.rows.All {
		if keep(v) {
			out = append(out, t.clone(*v))
		}
	}
	return out
}

// Len returns the number of stored values.
func (t *Table[K, V]) Len() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.rows.Len()
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
	for v := range t.rows.All {
		if keep(v) {
			if sk := sortKey(v); after == "" || sk > after {
				hits = append(hits, hit{sk, t.key(v)})
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
		if v := t.lookup(h.k); v != nil {
			page.Items = append(page.Items, t.clone(*v))
		}
	}
	return page, nil
}

// Scan calls fn with a copy of every value for which keep reports true, in
// no particular order, until fn returns an error, which Scan returns. The
// table is read-locked during the scan, so fn must not write to it.
func (t *Table[K, V]) Scan(keep func(*V) bool, fn func(*V) error) error {
	return t.scan(keep, true, fn)
}

// ScanShared is Scan without the deep copy: fn sees a plain copy of each
// stored value whose maps, slices and pointers are shared with the table.
// The table never changes what a stored value points to (Create and Update
// store fresh deep copies, and overwrite a slot only under the write lock,
// which the scan keeps out), so fn can read all of it, but must change
// nothing it is given. It is for read-only passes over many values, such
// as indicators and exports.
func (t *Table[K, V]) ScanShared(keep func(*V) bool, fn func(*V) error) error {
	return t.scan(keep, false, fn)
}

// scan is Scan with a deep copy of each value (deep) or a plain one
// (ScanShared).
func (t *Table[K, V]) scan(keep func(*V) bool, deep bool, fn func(*V) error) error {
	t.mu.RLock()
	defer t.mu.RUnlock()
	// c is declared once: taking its address inside the loop would move a
	// new copy to the heap for every row.
	var c V
	for v := range t.rows.All {
		if !keep(v) {
			continue
		}
		if deep {
			c = t.clone(*v)
		} else {
			c = *v
		}
		if err := fn(&c); err != nil {
			return err
		}
	}
	return nil
}
