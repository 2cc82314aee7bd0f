// Package cohorttest is the conformance suite for implementations of the
// cohort package's stores (programmes, cohorts, learning networks,
// learning actions, case submissions and case discussions), in the manner
// of testing/fstest: an implementation's own test calls [TestStores] with
// a constructor of empty stores, and the suite checks, for every store,
// creation, reads, optimistic updates, filters, ordering and paging,
// malformed cursors, scans, copy isolation and concurrent writers.
//
//	func TestMyStores(t *testing.T) {
//		cohorttest.TestStores(t, func(t *testing.T) cohort.Stores {
//			return mystore.NewCohortStores(t.TempDir())
//		})
//	}
//
// Run it with -race: the concurrency checks are most useful under the race
// detector.
package cohorttest
