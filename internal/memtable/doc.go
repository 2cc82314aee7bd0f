// Package memtable is the generic, concurrency-safe, in-memory table with
// optimistic versioning on which every in-memory store of Homeward is built.
//
// A table copies values in and out (through the clone function given to
// [New]), so a caller can never change a stored record by keeping a reference
// to it. Create fails with homeward.ErrConflict when the key exists; Update
// succeeds only when the value's version equals the stored one and bumps it.
//
// A table can keep secondary indexes ([Table.AddIndex]): each maps a value
// to index keys, and keeps the primary keys under each index key in an
// ordered set, so [Table.ListIndex] pages through one index key in order
// without looking at the other values. Indexes are maintained on Create,
// Update and Delete under the table's lock, so a reader never sees an index
// that disagrees with the rows. Observers ([Table.Observe]) let a store keep
// its own derived data in step in the same way.
package memtable
