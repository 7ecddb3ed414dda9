package extract

import (
	"slices"
	"testing"
)

// TestVocabLeads: units the department table and its rules know only lately
// lead their topics whole — older county units (N06), merged bureaus of
// development zones (N15) and one-character counties (N10).
func TestVocabLeads(t *testing.T) {
	p := parser(t)
	head := "某县人民政府县长办公会议纪要\n\n1997年6月12日，县长李长春主持召开县长办公会议。纪要如下：\n"
	zone := "某经济技术开发区管理委员会\n主任办公会议纪要\n2022年4月12日上午，管委会主任陈刚主持召开主任办公会议。纪要如下：\n"
	prefecture := "阿坝州人民政府常务会议纪要\n2020年3月5日，州长杨克宁主持召开州政府第40次常务会议。纪要如下：\n"
	tests := []struct {
		text string
		want []string
	}{
		{head + "一、关于乡镇企业贷款问题。会议同意由县乡镇企业局会同县工商银行研究解决。\n", []string{"县乡镇企业局", "县工商银行"}},
		{head + "一、关于东大街拓宽问题。会议决定，由县城建局负责组织实施。\n", []string{"县城建局"}},
		{head + "一、关于夏粮收购资金问题。会议同意由县农发行负责及时足额供应收购资金。\n", []string{"县农发行"}},
		{head + "一、关于城区规划问题。会议同意由县城建委负责编制。\n", []string{"县城建委"}},
		{zone + "一、关于扩产项目用地问题\n会议同意由规划建设局牵头办理用地手续。\n", []string{"规划建设局"}},
		{zone + "一、关于企业环评问题\n会议同意由建设环保局负责。\n", []string{"建设环保局"}},
		{zone + "一、关于学校建设问题\n会议同意由社会事业局负责。\n", []string{"社会事业局"}},
		{prefecture + "一、关于理县道路改造\n会议同意由理县交通运输局负责组织实施。\n", []string{"理县交通运输局"}},
	}
	for _, tc := range tests {
		d, err := p.Parse(tc.text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Topics) != 1 || !slices.Equal(d.Topics[0].LeadDepartments, tc.want) {
			t.Errorf("%q: topics %+v, want one led by %q", tc.text, d.Topics, tc.want)
		}
	}
}

// TestVocabNames: Hui surnames and Mongolian names in prose attendance and
// member lists (N12).
func TestVocabNames(t *testing.T) {
	p := parser(t)
	d, err := p.Parse("临夏州人民政府常务会议纪要\n2019年5月8日，州长马明主持召开州政府第3次常务会议。副州长纳建华、李刚出席会议，副旗长其木格列席会议。纪要如下：\n一、关于城区环境整治\n会议同意由州住房和城乡建设局负责。\n", Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range d.Attendees {
		got = append(got, a.Name)
	}
	for _, o := range d.Observers {
		got = append(got, o.Name)
	}
	if want := []string{"纳建华", "李刚", "其木格"}; !slices.Equal(got, want) {
		t.Errorf("attendees and observers %q, want %q", got, want)
	}
	d, err = p.Parse("临夏州人民政府办公室关于成立城乡环境卫生整治行动领导小组的通知\n临州办发〔2019〕45号\n\n各县市人民政府，州政府各部门：\n　　经研究，决定成立领导小组，组成人员如下：\n　　组　长：马　明　　州委常委、常务副州长\n　　成　员：妥建军　　临夏市人民政府市长\n　　　　　　敏海林　　州财政局局长\n　　　　　　尕藏才让　州民宗委主任\n　　　　　　周　平　　州水务局局长\n\n临夏回族自治州人民政府办公室\n2019年5月8日\n", Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, m := range d.Members {
		got = append(got, m.Name)
	}
	if want := []string{"马明", "妥建军", "敏海林", "尕藏才让", "周平"}; !slices.Equal(got, want) {
		t.Errorf("members %q, want %q", got, want)
	}
}
