// Package transitiontest is the conformance suite for implementations of
// transition.Store, in the manner of testing/fstest: an implementation's own
// test calls [TestStore] with a constructor of empty stores, and the suite
// checks creation, reads, optimistic updates, deletion, filtering, ordering
// and paging, copy isolation and concurrent writers.
//
//	func TestMyStore(t *testing.T) {
//		transitiontest.TestStore(t, func(t *testing.T) transition.Store {
//			return mystore.New(t.TempDir())
//		})
//	}
//
// Run it with -race: the concurrency checks are most useful under the race
// detector.
package transitiontest
