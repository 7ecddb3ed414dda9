package extract

import "testing"

// TestPassedDocumentItem: an item that opens with the documents a meeting
// passed is titled by their review, and the paragraph is its decision.
func TestPassedDocumentItem(t *testing.T) {
	tests := []struct{ in, title, rest string }{
		{"会议审议通过了《襄阳市城市更新行动实施方案》，由市住房和城乡建设局修改完善后印发实施。",
			"审议《襄阳市城市更新行动实施方案》", "会议审议通过了《襄阳市城市更新行动实施方案》，由市住房和城乡建设局修改完善后印发实施。"},
		{"会议审议并原则通过《居家养老服务条例（草案）》。由市民政局提请市人大常委会审议。",
			"审议《居家养老服务条例（草案）》", "会议审议并原则通过《居家养老服务条例（草案）》。由市民政局提请市人大常委会审议。"},
		{"会议讨论通过了《甲办法》和《乙办法》。", "讨论《甲办法》和《乙办法》", "会议讨论通过了《甲办法》和《乙办法》。"},
		{"会议听取了市农业局关于冬季瓜菜生产的汇报，原则同意市农业局提出的工作措施。",
			"听取市农业局关于冬季瓜菜生产的汇报", "会议听取了市农业局关于冬季瓜菜生产的汇报，原则同意市农业局提出的工作措施。"},
		{"审议《甲办法》", "审议《甲办法》", ""},
	}
	for _, tc := range tests {
		title, rest := topicTitle(tc.in)
		if title != tc.title || rest != tc.rest {
			t.Errorf("topicTitle(%q) = %q, %q; want %q, %q", tc.in, title, rest, tc.title, tc.rest)
		}
	}
}
