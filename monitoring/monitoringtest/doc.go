// Package monitoringtest is the conformance suite for implementations of
// monitoring.VisitStore, in the manner of testing/fstest: an
// implementation's own test calls [TestVisitStore] with a constructor of
// empty stores, and the suite checks creation, reads, optimistic updates,
// filters, ordering and paging, scans, copy isolation and concurrent
// writers.
//
//	func TestMyVisitStore(t *testing.T) {
//		monitoringtest.TestVisitStore(t, func(t *testing.T) monitoring.VisitStore {
//			return mystore.NewVisits(t.TempDir())
//		})
//	}
//
// Run it with -race: the concurrency checks are most useful under the race
// detector.
package monitoringtest
