//go:build !unix

package bench

import "os"

// peakRSS is unknown where the OS reports no resource usage.
func peakRSS(*os.ProcessState) int64 { return 0 }

// cpuSeconds is unknown where the OS reports no resource usage.
func cpuSeconds() float64 { return 0 }
