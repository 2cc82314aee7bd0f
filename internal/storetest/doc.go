// Package storetest holds the checks that the conformance suites of
// Homeward's packages (transitiontest, caseworktest, monitoringtest,
// cohorttest) share: many writers racing for one version or one id, writers
// that retry until their update lands, and paging through a list with its
// cursor.
package storetest
