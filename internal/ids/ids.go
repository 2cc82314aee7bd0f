package ids

import (
	"crypto/rand"
	"encoding/base32"
	"strings"
)

var enc = base32.StdEncoding.WithPadding(base32.NoPadding)

// New returns a random 128-bit identifier as 26 lower-case letters and
// digits. It carries no information about the record.
func New() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+).
	return strings.ToLower(enc.EncodeToString(b[:]))
}
