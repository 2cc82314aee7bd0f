// Command readiness is a tutorial for the transition package: an
// organisation records two transition-readiness assessments, six months
// apart, on the standard checklist; the program prints the first report in
// Spanish and the progress between the two in English.
//
//	go run ./examples/readiness
package main
