//go:build race

package clean

// raceBuild: the race detector's instrumentation allocates beside the code
// measured, so allocation bounds are looser under it.
const raceBuild = true
