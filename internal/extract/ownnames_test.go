package extract

import (
	"strings"
	"testing"
)

// TestOutsideMainlandNames: Hong Kong's, Macau's and Taiwan's bodies keep
// their own names (食物及卫生局 whole, 卫生局 not the mainland's
// 卫生健康委员会, 高雄市交通局 not 交通运输局, 高雄市政府 not 高雄市人民政府);
// a mainland text that mentions Hong Kong's legislature is still read as
// the mainland's.
func TestOutsideMainlandNames(t *testing.T) {
	p := parser(t)
	tests := []struct {
		text   string
		issuer string
		refs   map[string]string // name → canonical
	}{
		{"食物及衞生局局長出席立法會衞生事務委員會會議\n　　食物及衞生局局長今日出席立法會衞生事務委員會會議。她指出，食物及衞生局會加強推動地區康健中心的發展。\n2018年12月11日", "",
			map[string]string{"食物及卫生局": "食物及卫生局"}},
		{"行政會完成討論法律草案\n　　法案由社會文化司司長及衛生局局長介紹。衛生局將與海關加強執法。法案將提交立法會審議。", "",
			map[string]string{"卫生局": "卫生局"}},
		{"高雄市政府第426次市政會議紀錄\n時間：中華民國107年4月17日下午2時30分\n主席：陳市長其邁\n一、工務局報告人行道改善計畫執行情形。\n決定：洽悉，請工務局會同交通局檢討人行空間。", "高雄市政府",
			map[string]string{"交通局": "高雄市交通局"}},
		// A mainland city's report naming Hong Kong's legislature: its 卫生局 is a former name.
		{"珠海市人民政府关于卫生工作的通知\n珠海市人民政府\n　　一、市卫生局要会同香港特区政府有关部门做好口岸卫生检疫，并向立法会代表团通报。\n2012年3月1日", "珠海市人民政府",
			map[string]string{"市卫生局": "珠海市卫生健康委员会"}},
	}
	for _, tt := range tests {
		d, err := p.Parse(tt.text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Issuer != tt.issuer {
			t.Errorf("%.30s…: issuer %q, want %q", tt.text, d.Issuer, tt.issuer)
		}
		got := map[string]string{}
		for _, r := range d.DepartmentRefs {
			got[r.Name] = r.Canonical
		}
		for n, c := range tt.refs {
			if got[n] != c {
				t.Errorf("%.30s…: %s → %q, want %q (refs %v)", tt.text, n, got[n], c, d.DepartmentRefs)
			}
		}
	}
}

// TestJoinedNameStart: a bureau of two fields joined by 及 is read whole
// after a break; two units joined by 及 stay two.
func TestJoinedNameStart(t *testing.T) {
	tests := []struct{ s, unit, want string }{
		{"食物及卫生局局长", "卫生局", "食物及卫生局"},
		{"她表示，运输及房屋局会", "房屋局", "运输及房屋局"},
		{"财政局及卫生局", "卫生局", "卫生局"},        // two units
		{"介绍医管局的服务发展及卫生局", "卫生局", "卫生局"}, // a phrase, not a field
		{"卫生局", "卫生局", "卫生局"},
	}
	for _, tt := range tests {
		i := strings.Index(tt.s, tt.unit)
		start := joinedNameStart(tt.s, i)
		if got := tt.s[start : i+len(tt.unit)]; got != tt.want {
			t.Errorf("joinedNameStart(%q) reads %q, want %q", tt.s, got, tt.want)
		}
	}
}
