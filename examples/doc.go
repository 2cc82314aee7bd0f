// Package examples holds runnable programs, one folder each, that read like
// tutorials. Run one with "go run ./examples/NAME".
//
//   - readiness: record two transition-readiness assessments of an
//     organisation, print a report in Spanish and the progress between them.
package examples
