package clean

import "testing"

// TestPageFurniture: a PDF's running header after a page number and a
// footer beside its page number go; a signature that copies the red header
// and a heading that only looks like one stay.
func TestPageFurniture(t *testing.T) {
	c := cleaner(t)
	for _, tc := range []struct{ name, in, want string }{
		{"running header after the page number",
			"南通市人民政府常务会议纪要\n〔2020〕9号\n会议要求，市住建局做好施工许可\n— 2 —\n\n南通市人民政府常务会议纪要\n三、研究公交补贴事项",
			"南通市人民政府常务会议纪要\n〔2020〕9号\n会议要求，市住建局做好施工许可\n\n三、研究公交补贴事项"},
		{"footer beside the page number",
			"佛山市人民政府\n联席会议纪要\n三、管委会要加快平台建设。\n佛山市人民政府办公室　　　　— 1 —\n参加人员：许国",
			"佛山市人民政府\n联席会议纪要\n三、管委会要加快平台建设。\n参加人员：许国"},
		{"signature after a page break stays",
			"东营市人民政府\n关于同意设立某公司的批复\n一、同意设立。\n— 2 —\n东营市人民政府\n2019年6月20日",
			"东营市人民政府\n关于同意设立某公司的批复\n一、同意设立。\n东营市人民政府\n2019年6月20日"},
		{"a line the head does not hold stays",
			"某市人民政府常务会议纪要\n一、研究某事项。\n— 2 —\n二、研究另一事项",
			"某市人民政府常务会议纪要\n一、研究某事项。\n二、研究另一事项"},
		{"a sentence beside a number is no footer",
			"某市人民政府常务会议纪要\n会议同意，增加投入 — 3 —\n",
			"某市人民政府常务会议纪要\n会议同意，增加投入 — 3 —"},
	} {
		if got := c.Normalize(tc.in); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}
