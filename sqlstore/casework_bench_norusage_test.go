//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package sqlstore

import "time"

// cpuNow returns zero where the process's CPU time is not at hand.
func cpuNow() time.Duration { return 0 }
