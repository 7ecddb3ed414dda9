package extract

import "testing"

// TestCoverNotice: minutes distributed under a cover notice ("关于印发…纪要的
// 通知") are titled and named after the minutes, issued by the government
// whose office sent them.
func TestCoverNotice(t *testing.T) {
	p := parser(t)
	tests := []struct {
		name, text             string
		title, meeting, issuer string
	}{
		{"bare cover title over labelled fields",
			"关于印发某市2023年第五次市长办公会议纪要的通知\n会议时间:\n2023年11月20日上午\n会议主持人:\n市长 钱立新\n" +
				"现将会议议定事项纪要如下:\n一、关于道路改造资金安排事宜\n会议同意市财政局提出的资金安排意见。",
			"某市2023年第五次市长办公会议纪要", "某市2023年第五次市长办公会议", ""},
		{"an office's cover notice over the minutes",
			"青阳县人民政府办公室关于印发《县政府第12次常务会议纪要》的通知\n青政办〔2021〕45号\n各乡镇人民政府，县政府各部门：\n" +
				"现将《县政府第12次常务会议纪要》印发给你们，请认真贯彻落实。\n青阳县人民政府办公室\n2021年6月8日\n县政府第12次常务会议纪要\n" +
				"2021年6月3日上午，县长王海主持召开县政府第12次常务会议。会议纪要如下：\n一、审议《青阳县农村人居环境整治提升五年行动方案》\n" +
				"会议原则同意该方案，由县农业农村局会同县住建局修改完善后印发实施。",
			"县政府第12次常务会议纪要", "县政府第12次常务会议", "青阳县人民政府"},
		{"a title with no cover keeps its issuer",
			"苏州市人民政府\n常务会议纪要\n〔2020〕3号\n2020年1月6日上午，市长李亚平主持召开市政府第86次常务会议。\n一、审议《甲方案》",
			"苏州市人民政府常务会议纪要", "市政府第86次常务会议", "苏州市人民政府"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := p.Parse(tc.text, Meta{Source: "t.txt"})
			if err != nil {
				t.Fatal(err)
			}
			var meeting string
			if d.Meeting != nil {
				meeting = d.Meeting.Name
			}
			if d.Title != tc.title || meeting != tc.meeting || d.Issuer != tc.issuer {
				t.Errorf("title %q, meeting %q, issuer %q; want %q, %q, %q (kind %s)", d.Title, meeting, d.Issuer, tc.title, tc.meeting, tc.issuer, d.Kind)
			}
		})
	}
}
