// Package ordered implements an ordered set kept in a B-tree: insertion,
// removal and lookup in logarithmic time, and iteration in order from any
// point. It backs the secondary indexes of the in-memory table.
//
// A Set is not safe for concurrent use; its owner locks around it.
package ordered
