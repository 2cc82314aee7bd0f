// Package slab is a list of values kept in chunks of fixed size, for the
// tables and the computations that hold millions of records in memory.
//
// Appending to a slab never copies the values already in it, as growing a
// slice does (at up to twice the memory for a moment, and again for every
// doubling); a value's address stays the same until it is removed; and a
// pass over the values reads memory in order.
package slab
