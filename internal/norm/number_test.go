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
