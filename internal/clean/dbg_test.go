package clean

import (
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	c := cleaner(t)
	b, _ := os.ReadFile(os.Getenv("DUMP"))
	os.Stdout.WriteString(c.Normalize(string(b)) + "\n")
}
