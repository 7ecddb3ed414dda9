package extract

import (
	"strings"
	"testing"
)

// TestAddresseeGroups: a ； between groups of addressees keeps them all.
func TestAddresseeGroups(t *testing.T) {
	p := parser(t)
	text := "无锡市人民政府关于进一步加强安全生产工作的通知\n锡政发〔2022〕12号\n各市（县）、区人民政府，市各委办局，市各直属单位；各有关企业：\n" +
		"为进一步加强安全生产工作，现就有关事项通知如下。各地区、各部门要压实安全生产责任，强化隐患排查治理，确保全市安全形势稳定。\n无锡市人民政府\n2022年3月1日"
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	want := "各市（县）、区人民政府|市各委办局|市各直属单位|各有关企业"
	if g := strings.Join(d.Addressees, "|"); g != want {
		t.Errorf("addressees %q, want %q", g, want)
	}
}
