// Package caseworktest is the conformance suite for implementations of the
// casework stores (casework.CaseStore, HouseholdStore, AssessmentStore,
// PlanStore and NoteStore), in the manner of testing/fstest: an
// implementation's own test calls [TestStores] with a constructor of empty
// stores, and the suite checks, for each of the five stores, creation,
// reads, optimistic updates, filtering, ordering and paging, scans, copy
// isolation (nested slices and maps included), concurrent writers, and that
// every field of a rich record survives a round trip.
//
//	func TestMyStores(t *testing.T) {
//		caseworktest.TestStores(t, func(t *testing.T) casework.Stores {
//			return mystore.New(t.TempDir()).Casework()
//		})
//	}
//
// Run it with -race: the concurrency checks are most useful under the race
// detector.
package caseworktest
