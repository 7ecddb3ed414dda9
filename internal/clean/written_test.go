package clean

import "testing"

// TestAsWritten gives back a name read from the cleaned text in the
// characters the document writes it with: characters the simplified
// standard keeps in names (於, 乾, 甯, 昇) survive t2s, in a simplified text
// every character of a name does, and a traditional text's names stay
// simplified otherwise (韓云峰 → 韩云峰).
func TestAsWritten(t *testing.T) {
	c := cleaner(t)
	tests := []struct {
		name, raw, read, want string
	}{
		{"surname 於 in a simplified list", "出席：於明、王乾、傅强\n於明主持会议。", "于明", "於明"},
		{"乾 in a given name", "出席：於明、王乾、傅强\n於明主持会议。", "王干", "王乾"},
		{"傅 is no traditional character", "出席：於明、王乾、傅强\n於明主持会议。", "傅强", "傅强"},
		{"surname 甯 and given name 昇", "副市长甯昇出席会议。出席：甯昇、李伟", "宁升", "甯昇"},
		{"a name padded and wrapped", "出席：於 明\n王　乾", "王干", "王乾"},
		{"a name wrapped across lines", "列席：市财政局於\n明", "于明", "於明"},
		{"traditional text: 於 kept, 韓 simplified", "出席：韓雲峰、於志遠\n縣長韓雲峰主持召開會議。", "于志远", "於志远"},
		{"traditional text: the others simplified", "出席：韓雲峰、於志遠\n縣長韓雲峰主持召開會議。", "韩云峰", "韩云峰"},
		{"a kept traditional given name", "副县长王颺出席會議，研究工業园区建设。", "王颺", "王颺"},
		{"于 written as such", "出席：于明、李伟\n由於明年工作需要，會議決定。", "于明", "于明"},
		{"written once, in prose", "会议由於明主持。", "于明", "於明"},
		{"a tie keeps the name as read", "副市长于明主持。由於明年任务重，会议要求加快进度。", "于明", "于明"},
		{"a name the text never writes", "出席：李伟", "王干", "王干"},
		{"traditional prose: 於 the preposition is no name", "由於明年任務重，會議要求於明年完成。副市長于明出席會議。", "于明", "于明"},
		{"traditional prose: 於 after a post is a name", "副市長於明出席會議，會議由於明主持。", "于明", "於明"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.Written(tt.raw).AsWritten(tt.read); got != tt.want {
				t.Errorf("AsWritten(%q) = %q, want %q", tt.read, got, tt.want)
			}
		})
	}
}

// TestWrittenNil: a text without traditional characters needs no index.
func TestWrittenNil(t *testing.T) {
	c := cleaner(t)
	w := c.Written("出席：于明、王干")
	if w != nil {
		t.Fatalf("Written of a simplified-only text = %v, want nil", w)
	}
	if got := w.AsWritten("于明"); got != "于明" {
		t.Errorf("nil AsWritten = %q", got)
	}
}
