//go:build unix

package sqlite

import (
	"syscall"
	"time"
)

// cpuTime is the CPU the process has used, so that benchmarks can report a
// figure that a busy shared machine does not distort the way it does wall
// time.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
