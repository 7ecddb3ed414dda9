package extract

import (
	"fmt"
	"testing"
)

// TestRegionIssuer: a release on "自治区人民政府第42次常务会议" is the one
// region's the text names (its 《广西壮族自治区…》), or no one's when it
// names none or two; never the placeless 自治区人民政府.
func TestRegionIssuer(t *testing.T) {
	p := parser(t)
	body := "2005年9月28日　来源：广西日报\n　　9月27日，自治区主席陆兵主持召开自治区人民政府第42次常务会议，研究部署农田水利基本建设等工作。\n　　会议审议并原则通过了《%s实施〈中华人民共和国道路交通安全法〉办法（草案）》。"
	tests := []struct{ region, want string }{
		{"广西壮族自治区", "广西壮族自治区人民政府"},
		{"本自治区", ""},
	}
	for _, tt := range tests {
		text := "自治区人民政府召开第42次常务会议\n" + fmt.Sprintf(body, tt.region)
		d, err := p.Parse(text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Issuer != tt.want {
			t.Errorf("%s: issuer %q, want %q", tt.region, d.Issuer, tt.want)
		}
	}
}
