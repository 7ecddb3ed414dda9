package norm

import "testing"

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"42", 42, true},
		{"４２", 42, true},
		{" 104 ", 104, true},
		{"四十二", 42, true}, // 第四十二次 (tongjiang)
		{"十七", 17, true},  // 十七届十三次 (huanan)
		{"十三", 13, true},
		{"十", 10, true},
		{"一百零八", 108, true},
		{"一百一十", 110, true},
		{"一百八", 180, true},
		{"三千零五十", 3050, true},
		{"十二万三千", 123000, true},
		{"二十", 20, true},
		{"廿三", 23, true},
		{"①", 1, true},
		{"⑳", 20, true},
		{"①②", 0, false},
		{"两", 2, true},
		{"五", 5, true},
		{"二〇〇八", 2008, true}, // 二〇〇八年
		{"二○○八", 2008, true}, // 二○○八年五月二十七日 (guangdong)
		{"二OO五", 2005, true}, // 二OO五年四月二十九日 (pujiang), letter O
		{"二零零三", 2003, true},
		{"一九九七", 1997, true},
		{"貳拾", 20, true},
		{"", 0, false},
		{"OO", 0, false},
		{"十十", 0, false},
		{"百", 0, false},
		{"四二十", 0, false},
		{"零五", 0, false},
		{"二十零", 0, false},
		{"3a", 0, false},
		{"第八", 0, false},
		{"-5", 0, false},
		{"99999999999999999999", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseNumber(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseNumber(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{
		{1, "一"}, {10, "十"}, {11, "十一"}, {13, "十三"}, {20, "二十"}, {42, "四十二"},
		{100, "一百"}, {104, "一百零四"}, {105, "一百零五"}, {110, "一百一十"}, {999, "九百九十九"},
		{0, "0"}, {1000, "1000"},
	} {
		if got := FormatNumber(c.n); got != c.want {
			t.Errorf("FormatNumber(%d) = %q, want %q", c.n, got, c.want)
		}
	}
	// ParseNumber reads back whatever FormatNumber writes.
	for n := 1; n <= 999; n++ {
		if got, ok := ParseNumber(FormatNumber(n)); !ok || got != n {
			t.Errorf("ParseNumber(FormatNumber(%d)) = %d, %v", n, got, ok)
		}
	}
	for _, c := range []struct {
		n          int
		zero, want string
	}{{2024, "〇", "二〇二四"}, {2008, "O", "二OO八"}, {1999, "○", "一九九九"}} {
		if got := FormatDigits(c.n, c.zero); got != c.want {
			t.Errorf("FormatDigits(%d, %q) = %q, want %q", c.n, c.zero, got, c.want)
		}
	}
}
