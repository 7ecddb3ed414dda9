package extract

import (
	"strings"
	"testing"
)

// TestOfficialOneSentenceItems: an official document's item that is one
// sentence without a comma stays an item though it names no unit the
// table knows, and the 主题词 line that opens an older document's footer is
// no part of the last item.
func TestOfficialOneSentenceItems(t *testing.T) {
	head := "某市人民政府文件\n某政发[1998]12号\n关于加快发展乡镇企业的若干意见\n各县（市）、区人民政府，市政府各部门：\n为进一步加快我市乡镇企业发展，现提出如下意见：\n"
	for _, c := range []struct{ name, body, want string }{
		{"a sentence item between tasked ones",
			"一、乡镇企业局要会同财政局制订发展规划。\n二、各级农业银行、信用社要加大对乡镇企业的信贷支持。\n三、市体改委牵头，搞好股份合作制改革试点。\n",
			"乡镇企业局要会同财政局制订发展规划|| 各级农业银行、信用社要加大对乡镇企业的信贷支持|| 市体改委牵头，搞好股份合作制改革试点||"},
		{"an approval of one sentence is an item",
			"一、原则同意《某市中心城区土地利用总体规划局部调整方案》。\n二、你局要严格按照调整方案做好用地管理，市财政局要配合做好耕地占补平衡工作。\n",
			"原则同意《某市中心城区土地利用总体规划局部调整方案》|| 你局要严格按照调整方案做好用地管理，市财政局要配合做好耕地占补平衡工作||"},
		{"主送 under the signature ends the last item",
			"一、乡镇企业局要会同财政局制订发展规划。\n二、市体改委牵头，搞好股份合作制改革试点。\n某市人民政府\n一九九八年三月十二日\n主送：各县（市）、区人民政府。\n抄送：市委各部门。\n",
			"乡镇企业局要会同财政局制订发展规划|| 市体改委牵头，搞好股份合作制改革试点||"},
		{"a rule's sentence is no item",
			"一、乡镇企业局要会同财政局制订发展规划。\n二、本意见自发布之日起施行。\n",
			"乡镇企业局要会同财政局制订发展规划||"},
		{"主题词 ends the last item",
			"一、乡镇企业局要会同财政局制订发展规划。\n二、市体改委牵头，搞好股份合作制改革试点。\n某市人民政府\n一九九八年三月十二日\n主题词：乡镇企业　发展　意见\n抄送：市委各部门。\n",
			"乡镇企业局要会同财政局制订发展规划|| 市体改委牵头，搞好股份合作制改革试点||"},
	} {
		d, err := parser(t).Parse(head+c.body, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tp := range d.Topics {
			got = append(got, tp.Title+"||"+tp.Text)
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, g, c.want)
		}
	}
}
