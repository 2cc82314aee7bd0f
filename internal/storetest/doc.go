// Package storetest holds the concurrency checks that the conformance
// suites of Homeward's packages (transitiontest, caseworktest,
// monitoringtest, cohorttest) share: many writers racing for one version or
// one id, and writers that retry until their update lands.
package storetest
