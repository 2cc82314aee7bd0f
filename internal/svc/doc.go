// Package svc holds what the services of Homeward's packages share: the
// safe defaults of their options and the recording of audit events.
package svc
