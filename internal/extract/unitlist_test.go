package extract

import (
	"reflect"
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
