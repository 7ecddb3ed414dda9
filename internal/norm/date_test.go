package norm

import (
	"reflect"
	"testing"
)

// found is a date as a test expects it: the span and the parsed date.
type found struct {
	Span string
	Date Date
}

func findAll(s string) []found {
	var out []found
	for _, m := range FindDates(s) {
		out = append(out, found{s[m.Start:m.End], m.Date})
	}
	return out
}

func TestFindDates(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []found
	}{
		{"minutes opening", "2020年1月6日上午，李亚平市长主持召开", []found{{"2020年1月6日上午", Date{2020, 1, 6, "上午", ""}}}},
		{"weekday and time", "时间:2023年11月20日(星期一)上午9:30 地点", []found{{"2023年11月20日(星期一)上午9:30", Date{2023, 11, 20, "上午", "09:30"}}}},
		{"full-width weekday", "2023年11月20日（星期一）下午", []found{{"2023年11月20日（星期一）下午", Date{2023, 11, 20, "下午", ""}}}},
		{"afternoon clock to 24h", "2019年11月12日下午2:30,县委", []found{{"2019年11月12日下午2:30", Date{2019, 11, 12, "下午", "14:30"}}}},
		{"Chinese clock", "2003年4月9日上午八时三十分开始", []found{{"2003年4月9日上午八时三十分", Date{2003, 4, 9, "上午", "08:30"}}}},
		{"half past", "5月8日下午3点半", []found{{"5月8日下午3点半", Date{0, 5, 8, "下午", "15:30"}}}},
		{"zero-padded", "成文日期：2019年01月22日", []found{{"2019年01月22日", Date{2019, 1, 22, "", ""}}}},
		{"ISO with time", "时间: 2023-02-13 09:20 来源: 苏州市人民政府办公室", []found{{"2023-02-13 09:20", Date{2023, 2, 13, "", "09:20"}}}},
		{"slashes", "2023/02/01", []found{{"2023/02/01", Date{2023, 2, 1, "", ""}}}},
		{"dots", "公文写作范例(2005.7.3)", []found{{"2005.7.3", Date{2005, 7, 3, "", ""}}}},
		{"dots full", "2019.11.15", []found{{"2019.11.15", Date{2019, 11, 15, "", ""}}}},
		{"Chinese year with ○", "二○○八年五月二十七日", []found{{"二○○八年五月二十七日", Date{2008, 5, 27, "", ""}}}},
		{"Chinese year with a typed 0", "二0二一年三月五日", []found{{"二0二一年三月五日", Date{2021, 3, 5, "", ""}}}},
		{"ROC year Arabic", "民國112年3月5日召開", []found{{"民國112年3月5日", Date{2023, 3, 5, "", ""}}}},
		{"ROC year digit by digit", "時間：中華民國一一一年五月十日（星期二）上午九時", []found{{"中華民國一一一年五月十日（星期二）上午九時", Date{2022, 5, 10, "上午", "09:00"}}}},
		{"ROC year simplified, positional", "中华民国三十八年十月一日", []found{{"中华民国三十八年十月一日", Date{1949, 10, 1, "", ""}}}},
		{"ROC year bare", "112年3月5日下午", []found{{"112年3月5日下午", Date{2023, 3, 5, "下午", ""}}}},
		{"three digits inside a longer number are no ROC year", "第2112年3月5日", nil},
		{"a two-digit bare year is no ROC year", "共12年3月5日", nil},
		{"Chinese year with a full-width 0", "二０二一年三月五日印发", []found{{"二０二一年三月五日", Date{2021, 3, 5, "", ""}}}},
		{"Chinese year with 〇", "二〇二二年六月二十日", []found{{"二〇二二年六月二十日", Date{2022, 6, 20, "", ""}}}},
		{"Chinese year with letter O", "特此批复。\n二OO五年四月二十九日\n", []found{{"二OO五年四月二十九日", Date{2005, 4, 29, "", ""}}}},
		{"Chinese year with 零", "二零零三年四月三日", []found{{"二零零三年四月三日", Date{2003, 4, 3, "", ""}}}},
		{"no year", "11月4日,受花建慧副省长委托", []found{{"11月4日", Date{0, 11, 4, "", ""}}}},
		{"no year with part of day", "本报讯 1月7日,县委副书记", []found{{"1月7日", Date{0, 1, 7, "", ""}}}},
		{"day only with part of day", "13日下午,广州市市长陈建华主持", []found{{"13日下午", Date{0, 0, 13, "下午", ""}}}},
		{"spaces inside", "2020 年 1 月 6 日 上午", []found{{"2020 年 1 月 6 日 上午", Date{2020, 1, 6, "上午", ""}}}},
		{"full-width spaces and digits", "２０２０年　１月　６日", []found{{"２０２０年　１月　６日", Date{2020, 1, 6, "", ""}}}},
		{"traditional", "1月6號下午3時", []found{{"1月6號下午3時", Date{0, 1, 6, "下午", "15:00"}}}},
		{"元月 is January", "2020年元月6日", []found{{"2020年元月6日", Date{2020, 1, 6, "", ""}}}},
		{"元月 without year", "元月6日上午", []found{{"元月6日上午", Date{0, 1, 6, "上午", ""}}}},
		{"号 for day", "2024年3月5号", []found{{"2024年3月5号", Date{2024, 3, 5, "", ""}}}},
		{"several in order", "2018年12月18日印发，2019年1月1日起施行", []found{
			{"2018年12月18日", Date{2018, 12, 18, "", ""}}, {"2019年1月1日", Date{2019, 1, 1, "", ""}}}},
		{"range keeps the first", "2004年4月16日至18日，曾培炎副总理", []found{{"2004年4月16日", Date{2004, 4, 16, "", ""}}}},
		{"leap day", "2024年2月29日", []found{{"2024年2月29日", Date{2024, 2, 29, "", ""}}}},
		// Negatives: placeholders, damage, non-dates.
		{"placeholder all", "xx年xx月xx日", nil},
		{"placeholder year", "20xx年11月7日下午2:30,市卫生局", nil},
		{"placeholder short year", "纪要xx年2月2日上午,市政府办公厅", nil},
		{"dropped month", "2022年33日,市委副书记", nil},
		{"month 13", "2019年13月5日", nil},
		{"February 30", "2021年2月30日", nil},
		{"not leap", "2023年2月29日", nil},
		{"month range", "同意2020年1~3月沿用原商保经办机构", nil},
		{"year and month only", "规则(2019年11月修订)", nil},
		{"day opening a report", "本报讯 16日，市长庄稼汉主持", []found{{"16日", Date{0, 0, 16, "", ""}}}},
		{"day inside a sentence", "全市截至16日，完成投资", nil},
		{"day count", "自公布之日起30日内", nil},
		{"ordinal day", "第3日下午", nil},
		{"URL path", "gov.cn/art/2021/7/19/art_72008.html", nil},
		{"URL mixed separators", "content/2018-11/12/content_5", nil},
		{"version", "v2.2019.11.15", nil},
		{"five-digit year", "12020年1月6日", nil},
		{"year out of range", "1020年1月6日", nil},
		{"money, not a month", "补助500万元月底前拨付", nil},
		{"money before a day", "补助500万元月3日拨付", nil},
		{"于元月", "于元月6日召开", []found{{"元月6日", Date{0, 1, 6, "", ""}}}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := findAll(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("FindDates(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2020年1月6日", Date{2020, 1, 6, "", ""}, true},
		{" 2019-11-15 ", Date{2019, 11, 15, "", ""}, true},
		{"二○○八年五月二十七日。", Date{2008, 5, 27, "", ""}, true},
		{"3日下午", Date{0, 0, 3, "下午", ""}, true},
		{"2020年1月6日和2020年1月7日", Date{}, false},
		{"会议于2020年1月6日召开", Date{}, false},
		{"2020年", Date{}, false},
		{"", Date{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseDate(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDateISOValid(t *testing.T) {
	tests := []struct {
		d     Date
		iso   string
		valid bool
	}{
		{Date{Year: 2020, Month: 1, Day: 6}, "2020-01-06", true},
		{Date{Year: 2024, Month: 2, Day: 29}, "2024-02-29", true},
		{Date{Year: 1900, Month: 2, Day: 29}, "", false},
		{Date{Year: 2000, Month: 2, Day: 29}, "2000-02-29", true},
		{Date{Year: 2020, Month: 2, Day: 30}, "", false},
		{Date{Year: 2020, Month: 4, Day: 31}, "", false},
		{Date{Year: 2020, Month: 13, Day: 1}, "", false},
		{Date{Month: 2, Day: 29}, "", true},
		{Date{Month: 2, Day: 30}, "", false},
		{Date{Day: 31}, "", true},
		{Date{Day: 32}, "", false},
		{Date{Year: 2020, Day: 3}, "", false},
		{Date{}, "", false},
	}
	for _, tt := range tests {
		if got := tt.d.ISO(); got != tt.iso {
			t.Errorf("%+v.ISO() = %q, want %q", tt.d, got, tt.iso)
		}
		if got := tt.d.Valid(); got != tt.valid {
			t.Errorf("%+v.Valid() = %v, want %v", tt.d, got, tt.valid)
		}
	}
}

func TestWritesROCYear(t *testing.T) {
	for s, want := range map[string]bool{
		"時間：民國112年3月5日下午2時": true,
		"中华民国一一一年五月十日":      true,
		"民国 38 年":           true,
		"民国时期的建筑":           false,
		"2023年3月5日":         false,
		"112年3月5日":          false, // a bare three-digit year alone says too little
	} {
		if got := WritesROCYear(s); got != want {
			t.Errorf("WritesROCYear(%q) = %v, want %v", s, got, want)
		}
	}
}
