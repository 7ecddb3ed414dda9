package extract

import "testing"

// TestTitleUnit: a post written with its unit gives the unit, also an
// office without a place (平安建设办公室主任, 街道办事处主任); a post alone
// or one under three characters of unit gives none.
func TestTitleUnit(t *testing.T) {
	tests := []struct{ title, want string }{
		{"潍坊港集团董事长", "潍坊港集团"},
		{"平安建设办公室主任", "平安建设办公室"},
		{"城市管理办公室副主任", "城市管理办公室"},
		{"街道办事处主任", "街道办事处"},
		{"常务副局长", ""},
		{"办公室主任", ""},
		{"副市长", ""},
	}
	for _, tt := range tests {
		if got := titleUnit(tt.title); got != tt.want {
			t.Errorf("titleUnit(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}
