package extract

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestGenre parses documents written for this test in shapes the corpus
// shows only partly: labelled headers with values on the next line, other
// numbering styles, year inference, responsibility brackets and member lists.
// Each expectation is partial, compared like the goldens.
func TestGenre(t *testing.T) {
	cases := []struct {
		name      string
		text      string
		meta      Meta
		want      string   // partial JSON
		wantDepts []string // must be among departments
		notPeople []string // must not be among people
	}{
		{
			name: "labelled header",
			text: `洪泽县人民政府
县长办公会议纪要
〔2023〕12号
会议时间：
2023年3月8日下午
会议地点：
县政府三楼会议室
主持人：
县长张三丰
参加人员：
李四光、王五一、赵六福
列席人员：
县财政局刘七星 县住建局孙八达
县自然资源局周九龄
会议议题：
研究城区道路改造工作
会议议定事项如下：
（一）原则同意《城区道路改造实施方案》，请县住建局会同县财政局根据会议意见修改完善后印发实施。
（二）责成县自然资源局牵头做好用地保障工作。
记录：吴十一`,
			want: `{"kind":"minutes","title":"洪泽县人民政府县长办公会议纪要","issuer":"洪泽县人民政府",
"doc_number":"〔2023〕12号","doc_year":2023,"doc_seq":12,"date":"2023-03-08",
"meeting":{"type":"县长办公会议","date":"2023-03-08","part_of_day":"下午","place":"县政府三楼会议室","chair":{"name":"张三丰","title":"县长"}},
"attendees":["李四光","王五一","赵六福"],
"observers":[{"name":"刘七星","department":"县财政局"},{"name":"孙八达","department":"县住建局"},{"name":"周九龄","department":"县自然资源局"}],
"topics":[{"no":1,"documents":["城区道路改造实施方案"],"lead_departments":["县住建局","县财政局"]},{"no":2,"lead_departments":["县自然资源局"]}],
"recorder":"吴十一"}`,
		},
		{
			name: "no header, arabic numbering",
			text: `2024年5月10日上午，区委副书记、区长钱学文在区政府常务会议室主持召开区政府第二十三次常务会议。现将会议议定事项纪要如下：
1.审议《关于加快发展数字经济的实施意见》。会议原则同意该意见，由区发改局会同区科技局修改完善后印发实施。
2.听取区教育局关于秋季学期学位保障工作情况的汇报。会议要求，区教育局要抓紧做好学位保障。
会议还研究了其他事项。`,
			want: `{"kind":"minutes","date":"2024-05-10",
"meeting":{"name":"区政府第二十三次常务会议","type":"常务会议","session":23,"date":"2024-05-10","part_of_day":"上午","place":"区政府常务会议室","chair":{"name":"钱学文","title":"区委副书记、区长"}},
"topics":[{"no":1,"title":"审议《关于加快发展数字经济的实施意见》","documents":["关于加快发展数字经济的实施意见"],"lead_departments":["区发改局","区科技局"]},
{"no":2,"title":"听取区教育局关于秋季学期学位保障工作情况的汇报"}]}`,
		},
		{
			name: "several items in one paragraph",
			text: `2022年8月2日下午，副市长林海峰主持召开专题会议，研究老旧小区改造工作。纪要如下：一、原则同意市住建局提出的改造计划。二、由市财政局负责落实改造资金。三、请市城管局配合做好施工期间的交通组织。`,
			want: `{"kind":"minutes","date":"2022-08-02","meeting":{"type":"专题会议","chair":{"name":"林海峰","title":"副市长"}},
"topics":[{"no":1,"title":"原则同意市住建局提出的改造计划"},{"no":2,"lead_departments":["市财政局"]},{"no":3,"lead_departments":["市城管局"]}]}`,
		},
		{
			name: "news with year from the page",
			text: `市政府召开第15次常务会议
12月28日上午，市委副书记、市长孙明远主持召开市政府第15次常务会议，研究部署岁末年初重点工作。
副市长周立新、吴海平，市政府秘书长郑光明出席会议。
会议审议并原则通过了《市级储备粮管理办法》。
会议强调，要抓好安全生产和市场保供。
（记者 黄晓明）`,
			meta: Meta{Published: "2024-01-05"},
			want: `{"kind":"news","date":"2023-12-28","date_inferred":true,
"meeting":{"name":"市政府第15次常务会议","session":15,"date":"2023-12-28","part_of_day":"上午","chair":{"name":"孙明远","title":"市委副书记、市长"}},
"attendees":[{"name":"周立新","title":"副市长"},{"name":"吴海平","title":"副市长"},{"name":"郑光明","title":"市政府秘书长"}],
"topics":[{"no":1,"documents":["市级储备粮管理办法"]}]}`,
			notPeople: []string{"黄晓明"},
		},
		{
			name: "official with members and responsibilities",
			text: `江陵市人民政府办公室关于成立安全生产委员会的通知
江政办发〔2022〕18号
各区人民政府，市政府各部门：
为加强全市安全生产工作的组织领导，经市政府同意，决定成立市安全生产委员会。现将有关事项通知如下：
一、组成人员
主　任：龚　正　市长
副主任：陈　明　副市长
成　员：李国强　市应急局局长
　　　　王　芳　市财政局副局长
二、工作职责
（一）落实就业补贴政策，做好困难群体帮扶工作（市人力资源社会保障局、市医保局负责）。
（二）由市发展改革委牵头，做好重点项目储备工作。
江陵市人民政府办公室
2022年6月1日`,
			want: `{"kind":"official","title":"江陵市人民政府办公室关于成立安全生产委员会的通知","issuer":"江陵市人民政府办公室",
"doc_number":"江政办发〔2022〕18号","doc_year":2022,"doc_seq":18,"doc_prefix":"江政办发","written_on":"2022-06-01","date":"2022-06-01",
"addressees":["各区人民政府","市政府各部门"],
"members":[{"name":"龚正","title":"市长"},{"name":"陈明","title":"副市长"},{"name":"李国强","title":"市应急局局长"},{"name":"王芳","title":"市财政局副局长"}]}`,
			wantDepts: []string{"市人力资源社会保障局", "市医保局", "市发展改革委"},
		},
		{
			name: "chair after the meeting, list after the verb",
			text: `2021年6月3日，市政府第5次常务会议在市政府第一会议室召开，会议由市长周明德主持。出席会议的有：副市长陈立新、王海涛，市政府秘书长李文华。
会议议定：一、原则同意《市区停车设施建设三年行动计划》，由市住建局会同市公安局组织实施。
列席：市发改委、市财政局负责同志。
（此件主动公开）`,
			want: `{"kind":"minutes","date":"2021-06-03","published":true,
"meeting":{"name":"市政府第5次常务会议","session":5,"chair":{"name":"周明德","title":"市长"}},
"attendees":[{"name":"陈立新","title":"副市长"},{"name":"王海涛","title":"副市长"},{"name":"李文华","title":"市政府秘书长"}],
"observers":null,
"topics":[{"no":1,"documents":["市区停车设施建设三年行动计划"],"lead_departments":["市住建局","市公安局"]}]}`,
			wantDepts: []string{"市发改委", "市财政局"},
		},
		{
			name: "masked and placeholder",
			text: `关于协调解决某某问题的会议纪要
xx年3月5日上午，市政府办公室某某主任主持召开会议。参加会议的有政府办李xx、马xx，县委督查室马xx。
会议决定：一、由市交通局负责协调。`,
			want:      `{"kind":"minutes","date":null,"people":null,"topics":[{"no":1,"lead_departments":["市交通局"]}]}`,
			notPeople: []string{"李xx", "马xx"},
		},
		{
			name: "a report with a byline that gives the decisions in the minutes' words",
			text: `区长办公会议研究老旧小区改造工作
发布日期：2020年09月18日　浏览次数：126
本报讯（记者 何丽 通讯员 吴俊）9月17日上午，区委副书记、区长林晓东主持召开区长办公会议，专题研究老旧小区改造工作。副区长朱红参加会议。
会议听取了区住建局关于老旧小区改造进展情况的汇报。会议议定：原则同意改造项目清单，由区住建局牵头实施。`,
			want: `{"kind":"news","date":"2020-09-17","published_on":"2020-09-18",
"attendees":[{"name":"朱红","title":"副区长"}],
"topics":[{"no":1,"title":"听取区住建局关于老旧小区改造进展情况的汇报"},{"no":2,"title":"原则同意改造项目清单，由区住建局牵头实施","lead_departments":["区住建局"]}]}`,
		},
	}
	p := parser(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := p.Parse(c.text, c.meta)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(doc)
			var got, want map[string]any
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(c.want), &want); err != nil {
				t.Fatalf("bad expectation: %v", err)
			}
			if d := diffPartial("$", want, got); len(d) > 0 {
				t.Errorf("%d differences:\n%s", len(d), strings.Join(d, "\n"))
			}
			for _, w := range c.wantDepts {
				if !containsString(doc.Departments, w) {
					t.Errorf("departments %v lack %s", doc.Departments, w)
				}
			}
			for _, n := range c.notPeople {
				if containsString(doc.People, n) {
					t.Errorf("people %v include %s", doc.People, n)
				}
			}
		})
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
