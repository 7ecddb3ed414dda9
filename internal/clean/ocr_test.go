package clean

import "testing"

func TestRepairOCRDigits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2OO3年5月2l日上午", "2003年5月21日上午"},
		{"文政纪〔2OO3〕7号", "文政纪〔2003〕7号"},
		{"文政发[2OO3]l2号", "文政发[2003]12号"},
		{"第l4次常务会议", "第14次常务会议"},
		{"2OO3年5月23曰印发", "2003年5月23日印发"},
		{"二○○三年五月二十一曰", "二○○三年五月二十一日"},
		{"由县烟草公司组织实施．各乡要抓好", "由县烟草公司组织实施。各乡要抓好"},
		// Left alone: no real digit, a Latin word, no number context, 曰 in prose, a numbered item.
		{"lO月", "lO月"},
		{"COVID19日报", "COVID19日报"},
		{"Vol2期", "Vol2期"},
		{"H1N1流感", "H1N1流感"},
		{"2O个项目", "2O个项目"},
		{"子曰：学而时习之", "子曰：学而时习之"},
		{"一．关于烤烟生产", "一．关于烤烟生产"},
		{"2003年5月21日", "2003年5月21日"},
	}
	for _, tt := range tests {
		if got := repairOCRDigits(tt.in); got != tt.want {
			t.Errorf("repairOCRDigits(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestJoinSpacedYear: a letter-spaced year (a scanned red header's 文号)
// closes up; spaced digits that are no year, or a year among more digits,
// stay.
func TestJoinSpacedYear(t *testing.T) {
	c := cleaner(t)
	for _, tt := range []struct{ in, want string }{
		{"（ 2 0 2 1 ］ 第 4 号", "（2021］ 第 4 号"},
		{"〔 2 O 2 1 〕 4 号", "〔2021〕 4 号"},
		{"常政纪〔2 0 1 9〕3号", "常政纪〔2019〕3号"},
		{"序号 1 2 3 4", "序号 1 2 3 4"},
		{"得分 9 8 7 6 5", "得分 9 8 7 6 5"},
		{"O O I l", "O O I l"},
	} {
		if got := c.Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
