package textio

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestStringsTerminated(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"BT /F1 10 Tf <00010002> Tj ET", true},
		{"BT (a (nested) \\) string) Tj ET", true},
		{"<< /A 1 >> BT [<0001> -20 <0002>] TJ ET", true},
		{"% a comment with ( and <\nBT (x) Tj ET", true},
		{"/F1 0 Tf[<", false},
		{"BT <0001 Tj ET", false},
		{"BT (open Tj ET", false},
		{"BT (ends with escape\\", false},
	} {
		if got := stringsTerminated([]byte(tc.in)); got != tc.want {
			t.Errorf("stringsTerminated(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestPDFPageTreeBounded: a page tree node that is its own kid, or a chain
// deeper than any real tree, is malformed instead of a descent that never
// ends; a real nested tree still reads.
func TestPDFPageTreeBounded(t *testing.T) {
	page := func(kids string) []string {
		return []string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [" + kids + "] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
			stream("BT /F1 12 Tf 20 800 Td (The meeting agreed.) Tj ET"),
			"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		}
	}
	deep := page("6 0 R")
	for i := 6; i < 6+maxPageTreeDepth+2; i++ {
		deep = append(deep, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", i+1))
	}
	deep = append(deep, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	tests := []struct {
		name    string
		objects []string
		wantErr error
	}{
		{"flat", page("3 0 R"), nil},
		{"nested", append(page("6 0 R"), "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"), nil},
		{"own kid", page("2 0 R"), ErrMalformed},
		{"too deep", deep, ErrMalformed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			done := make(chan struct{})
			var got string
			var err error
			go func() {
				defer close(done)
				got, err = Read(ctx, "x.pdf", bytes.NewReader(assemblePDF(tc.objects)), Options{})
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Read hangs")
			}
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Errorf("Read = %q, %v; want %v", got, err, tc.wantErr)
				}
			} else if err != nil || got != "The meeting agreed." {
				t.Errorf("Read = %q, %v", got, err)
			}
		})
	}
}
