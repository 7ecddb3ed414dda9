//go:build unix

package bench

import (
	"os"
	"runtime"
	"syscall"
)

// peakRSS is the child's maximum resident set size in bytes.
func peakRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru == nil {
		return 0
	}
	// Linux reports kilobytes, Darwin bytes.
	if runtime.GOOS == "darwin" {
		return ru.Maxrss
	}
	return ru.Maxrss << 10
}
