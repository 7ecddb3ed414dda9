package extract

import "testing"

func TestInferIssuer(t *testing.T) {
	p := parser(t)
	tests := []struct {
		name, text, want string
	}{
		{"source line", "县政府召开常务会议\n时间：2024-04-25 来源：兴县新闻网\n4月18日，县委副书记、县长梁文壮主持召开县政府常务会议。", "兴县人民政府"},
		{"chair's title", "3月13日下午，广州市市长陈建华主持召开市政府常务会议，审议并原则通过了《关于加快发展的意见》。", "广州市人民政府"},
		{"headline", "峄城区召开区政府第四次常务会议\n近日，区政府召开第四次常务会议，会议邀请区人大代表李连军列席。", "峄城区人民政府"},
		{"deputy chairs", "府院联动第一次联席会议召开\n4月14日，舒兰市府院联动第一次联席会议在市政府召开。市委常委、副市长王识开主持会议。", "舒兰市人民政府"},
		{"ministry", "生态环境部召开部常务会议\n5月19日，生态环境部部长黄润秋主持召开部常务会议。", "生态环境部"},
		{"no place named", "12月2日下午，省长毛伟明主持召开省政府第50次常务会议，传达学习有关精神。", ""},
		{"relative source completed", "县政府召开第65次常务会议\n来源：县政府办公室\n5月6日，县长周建平主持召开县政府第65次常务会议，审议《开江县城乡规划》。", "开江县人民政府"},
		{"headline with the term", "西乡塘区召开十七届区人民政府第38次常务会议\n6月12日，区长梁俊主持召开十七届区人民政府第38次常务会议。", "西乡塘区人民政府"},
		{"headline naming another body", "某某区召开县人民政府第3次常务会议\n6月12日，县长梁俊主持召开县人民政府第3次常务会议。", ""},
		{"sub-district office", "洪家楼街道办事处\n主任办公会议纪要\n　　2020年6月3日下午，街道办事处主任王振华主持召开主任办公会议。", "洪家楼街道办事处"},
		{"sub-district office in the title", "洪家楼街道办事处主任办公会议纪要\n　　2020年6月3日下午，街道办事处主任王振华主持召开主任办公会议。", "洪家楼街道办事处"},
		{"sub-district office of a district", "历城区人民政府洪家楼街道办事处\n主任办公会议纪要\n　　2020年6月3日下午，街道办事处主任王振华主持召开主任办公会议。", "历城区人民政府洪家楼街道办事处"},
		{"a prefecture's office", "锡林郭勒盟行政公署盟长办公会议纪要\n\n2017年3月28日，盟长霍照良主持召开盟长办公会议。纪要如下：", "锡林郭勒盟行政公署"},
		{"a zone's committee", "南宁经济技术开发区管理委员会主任办公会议纪要\n\n2022年4月12日上午，管委会主任陈刚主持召开主任办公会议。纪要如下：", "南宁经济技术开发区管理委员会"},
		{"the government's Party group", "中共金寨县人民政府党组会议纪要\n〔2020〕5号\n\n2020年7月3日，县长汪明主持召开县政府党组会议。", "金寨县人民政府"},
		{"another level only", "12月31日，县长王军主持召开县政府第四十二次常务会议。\n会议学习了《四川省人民政府关于编制预算的通知》。", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := p.Parse(tc.text, Meta{Source: "t.txt"})
			if err != nil {
				t.Fatal(err)
			}
			if d.Issuer != tc.want {
				t.Errorf("issuer = %q, want %q (kind %s)", d.Issuer, tc.want, d.Kind)
			}
		})
	}
}
