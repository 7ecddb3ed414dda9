package extract

import "testing"

func TestStripDecoration(t *testing.T) {
	tests := []struct{ in, want string }{
		{"━━━━━━━━━━━━━━━━", ""},
		{"★━━━━━━━━━━★", ""},
		{"  ───────  ", ""},
		{"★自治区自然资源厅关于征求意见的函", "自治区自然资源厅关于征求意见的函"},
		{"■ 会议要求", "会议要求"},
		{"## **出席：**李亚平", "出席：李亚平"},
		{"二○○八年五月二十七日", "二○○八年五月二十七日"},
		{"苏府常纪〔2020〕3号", "苏府常纪〔2020〕3号"},
	}
	for _, tc := range tests {
		if got := stripDecoration(tc.in); got != tc.want {
			t.Errorf("stripDecoration(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestRuleBeforeTitle: the rule under a red header is not part of the title
// below it.
func TestRuleBeforeTitle(t *testing.T) {
	p := parser(t)
	text := "成都高新技术产业开发区管理委员会\n成高管发〔2020〕12号\n━━━━━━━━━━━━━━━━━━━━\n" +
		"成都高新区管委会关于印发《成都高新区支持生物医药产业高质量发展若干政策》的通知\n\n各街道办事处，管委会各部门：\n" +
		"《成都高新区支持生物医药产业高质量发展若干政策》已经管委会审议通过，现印发给你们，请认真贯彻执行。\n\n成都高新技术产业开发区管理委员会\n2020年4月27日"
	d, err := p.Parse(text, Meta{Source: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "成都高新区管委会关于印发《成都高新区支持生物医药产业高质量发展若干政策》的通知"; d.Title != want {
		t.Errorf("title %q, want %q", d.Title, want)
	}
}

func TestUnspaceTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"常 务 会 议 纪 要", "常务会议纪要"},
		{"县　长　办　公　会　议　纪　要", "县长办公会议纪要"},
		{"张 三 李 四", "张 三 李 四"},         // padded names, not a title
		{"王海　张海军", "王海　张海军"},           // names
		{"会 议 纪 要 如 下", "会 议 纪 要 如 下"}, // not a title's end
		// The issuer's line of a spaced red header.
		{"麻 阳 苗 族 自 治 县 人 民 政 府", "麻阳苗族自治县人民政府"},
		{"县 政 府 办", "县政府办"},
		{"王 局 长 好", "王 局 长 好"},
	}
	for _, tc := range tests {
		if got := unspaceTitle(tc.in); got != tc.want {
			t.Errorf("unspaceTitle(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestFieldCells: a metadata table's row without colons reads as the
// labelled fields it holds; other lines stay as they are.
func TestFieldCells(t *testing.T) {
	tests := []struct{ in, want string }{
		{"索引号 11120116MB1234567X/2023-00056 主题分类 综合政务", "索引号：11120116MB1234567X/2023-00056 主题分类：综合政务"},
		{"标 题 天津市滨海新区人民政府办公室关于印发实施方案的通知", "标题：天津市滨海新区人民政府办公室关于印发实施方案的通知"},
		{"索引号 | 011040119/2022-04417 | 发布机构 | 十堰市人民政府办公室", "索引号：011040119/2022-04417 发布机构：十堰市人民政府办公室"},
		{"发布日期 2023年04月03日 16:40", "发布日期：2023年04月03日 16:40"},
		{"来源：市政府办公室 2021-03-08", "来源：市政府办公室 2021-03-08"},
		{"单位 姓名 职务", "单位 姓名 职务"},
		{"市长 王某 主持会议", "市长 王某 主持会议"},
		{"标题", "标题"},
	}
	for _, tc := range tests {
		if got := fieldCells(tc.in); got != tc.want {
			t.Errorf("fieldCells(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
