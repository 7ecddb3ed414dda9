//go:build !race

package clean

const raceBuild = false
