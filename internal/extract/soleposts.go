package extract

import "strings"

// soleHeadPost reports a post that one person holds: the head of a
// government, a party committee or a unit (县长, 市政府秘书长, 县委书记,
// 区发改局局长, 办公室主任) and the executive deputy (常务副县长). Such a
// post written before a run of names ("县长李明、张华、王强") is the first
// name's alone; deputies (副县长), members (常委, 委员) and assistants
// (县长助理) may be many, so their post is shared by the run. Of several
// posts (县委常委、常务副县长) the last decides.
func soleHeadPost(title string) bool {
	if i := strings.LastIndexAny(title, "、，,"); i >= 0 {
		title = title[i+len(string([]rune(title[i:])[0])):]
	}
	if title == "" {
		return false
	}
	if strings.Contains(title, "副") && !strings.Contains(title, "常务副") {
		return false
	}
	_, head := hasAnySuffix(title, []string{"长", "书记", "主任", "主席"})
	return head
}
