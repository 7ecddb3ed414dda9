package extract

import "testing"

// TestChairLineRecorder: the chair's label may share its line with the
// recorder's ("主持：副县长王建国　　记录：李小红", Taiwan's "主席：…　紀錄：…");
// both are read, the chair no longer lost.
func TestChairLineRecorder(t *testing.T) {
	p := parser(t)
	tests := []struct{ text, chair, title, recorder string }{
		{"某县人民政府专题会议纪要\n时间：2021年3月2日上午\n主持：副县长王建国　　记录：李小红\n一、关于道路建设\n会议同意由县交通运输局负责。", "王建国", "副县长", "李小红"},
		{"高雄市政府第426次市政會議紀錄\n時間：中華民國107年4月17日下午2時30分\n主席：陳代理市長啟昱　　　　紀錄：林淑華\n一、工務局報告「人行道改善計畫執行情形」。\n決定：洽悉。", "陈启昱", "代理市长", "林淑华"},
	}
	for _, tt := range tests {
		d, err := p.Parse(tt.text, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if m := d.Meeting; m == nil || m.Chair == nil || m.Chair.Name != tt.chair || m.Chair.Title != tt.title {
			t.Errorf("%.20s…: meeting %+v, want chair %s (%s)", tt.text, d.Meeting, tt.chair, tt.title)
		}
		if d.Recorder != tt.recorder {
			t.Errorf("%.20s…: recorder %q, want %q", tt.text, d.Recorder, tt.recorder)
		}
	}
}

// TestUnitTitledName: a unit without a place, then a post between surname
// and given name (社会局姚局长雨静) is 姚雨静, 局长 of 社会局.
func TestUnitTitledName(t *testing.T) {
	tests := []struct{ in, unit, title, name string }{
		{"社会局姚局长雨静", "社会局", "局长", "姚雨静"},
		{"主计处陈主计长浙云", "主计处", "主计长", "陈浙云"},
		{"都市发展局李副局长贤义", "都市发展局", "副局长", "李贤义"},
		{"县财政局局长王建国", "", "", ""}, // post before the whole name
		{"社会局姚局长", "", "", ""},
	}
	for _, tt := range tests {
		u, ti, n, ok := unitTitledName(tt.in)
		if ok != (tt.name != "") || u != tt.unit || ti != tt.title || n != tt.name {
			t.Errorf("unitTitledName(%q) = %q %q %q %v", tt.in, u, ti, n, ok)
		}
	}
}
