package extract

import (
	"reflect"
	"slices"
	"testing"
)

// TestSharedPlaceUnitList: a list of units that writes its place once
// ("市发改委、工信局、财政局负责同志") names the place's units, in attendance
// prose, 列席 lines and leads alike; bare names would match every place's
// bureau.
func TestSharedPlaceUnitList(t *testing.T) {
	p := parser(t)
	cases := []struct {
		text  string
		depts []string
	}{
		{"宁德市人民政府常务会议纪要\n\n2020年9月4日下午，市长张永宁主持召开市政府第68次常务会议。\n\n一、审议《某办法》\n会议原则同意该办法，由市住建局修改完善后印发。\n\n出席：张永宁　郑　忠\n列席：市政府秘书长，市发改委、工信局、财政局、海洋与渔业局主要负责同志\n",
			[]string{"市住建局", "市发改委", "市工信局", "市财政局", "市海洋与渔业局"}},
		{"滦平县人民政府常务会议纪要\n\n2005年3月2日，县长主持召开县政府常务会议，县政府办公室、计委、财政局、建设局等单位负责同志参加了会议。\n\n一、关于供热\n会议同意，由县建设局和财政局负责。\n",
			[]string{"县建设局", "县财政局", "县政府办公室", "县计委"}},
	}
	for _, c := range cases {
		d, err := p.Parse(c.text, Meta{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(d.Departments, c.depts) {
			t.Errorf("departments = %q, want %q", d.Departments, c.depts)
		}
	}
}

// TestListedRowsEndMentions: a row of a list ending with its person's name
// ends there for the departments found in the text ("…发展局　周海军\n开发区
// 规划建设局" gives no 周海军开发区); a unit wrapped mid-word in a run still
// joins across the break.
func TestListedRowsEndMentions(t *testing.T) {
	p := parser(t)
	cases := []struct {
		text      string
		want, not []string
	}{
		{"芜湖经济技术开发区管委会主任办公会议纪要\n　　2019年6月14日上午，管委会主任赵立新主持召开主任办公会议。\n　　一、会议同意由开发区财政局负责落实资金。\n　　出席：赵立新　钱　峰\n　　列席：开发区经济发展局　周海军\n　　　　　开发区规划建设局　吴志刚\n　　　　　龙山街道　　　　　郑国庆\n",
			[]string{"开发区经济发展局", "开发区规划建设局", "龙山街道"}, []string{"周海军开发区", "规划建设局"}},
		{"县政府常务会议纪要\n2024年3月4日，县长王强主持召开县政府常务会议。\n一、会议同意由县财政局负责。\n列席：县交通局田海晖县人防办屠阳明县气象局栗欣伟县残联\n明勋县园林绿化局朱福县商务局苗信县征收中心夏侯乐\n县法院赵群县安委办王毓尧县林业局王胜县市政园林中\n心董发刚县金融局杨舜浩县文旅集团孙菊舜县城投集团\n",
			[]string{"县市政园林中心", "县金融局"}, nil},
	}
	for _, c := range cases {
		d, err := p.Parse(c.text, Meta{})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range c.want {
			if !slices.Contains(d.Departments, w) {
				t.Errorf("departments %q lack %s", d.Departments, w)
			}
		}
		for _, n := range c.not {
			if slices.Contains(d.Departments, n) {
				t.Errorf("departments %q hold %s", d.Departments, n)
			}
		}
	}
}
