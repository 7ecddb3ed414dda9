package extract

import (
	"strings"

	"govarchive/internal/document"
)

// headWindow is how many non-blank lines count as the header.
const headWindow = 12

// detectKind classifies the document from its header and formulas.
func detectKind(lines []string) document.Kind {
	var head []string
	for _, l := range lines {
		if l == "" || isBreadcrumb(l) {
			continue
		}
		head = append(head, l)
		if len(head) == headWindow {
			break
		}
	}
	body := strings.Join(lines, "\n")
	labels := 0
	for _, l := range lines {
		if m := labelRe.FindStringSubmatch(l); m != nil {
			if _, ok := hasAnyPrefix(removeSpaces(m[1]), minutesLabels); ok {
				labels++
			}
		}
	}
	for _, l := range head {
		if containsAny(l, minutesTitleMarkers) && runeLen(l) < 80 {
			return document.KindMinutes
		}
	}
	if containsAny(body, minutesPhrases) || labels >= 2 {
		return document.KindMinutes
	}
	if isOfficial(head, body) {
		return document.KindOfficial
	}
	if isMeetingReport(head, body) {
		// Minutes pages without the word 纪要 still carry labelled
		// attendance lists ("列席人员:") that news prose never has.
		for _, l := range lines {
			if lbl, _, ok := listLabel(l); ok && lbl != "" && !strings.Contains(l, "。") {
				return document.KindMinutes
			}
		}
		return document.KindNews
	}
	return document.KindOther
}

func isOfficial(head []string, body string) bool {
	for _, l := range head {
		if m := labelRe.FindStringSubmatch(l); m != nil {
			switch metaLabels[removeSpaces(m[1])] {
			case "index_no", "doc_number", "written_on":
				return true
			}
		}
		if dn, ok := findDocNumber(l); ok && dn.Prefix != "" && runeLen(l) < 60 && !strings.Contains(l, "会议") {
			return true
		}
		if t := strings.Trim(l, "《》"); runeLen(t) < 80 && !strings.Contains(t, "会议召开") {
			if _, ok := hasAnySuffix(trimEndPunct(t), officialTitleSuffixes); ok && (strings.Contains(t, "关于") || strings.HasPrefix(t, "印发")) {
				return true
			}
		}
	}
	return containsAny(body, officialPhrases)
}

func isMeetingReport(head []string, body string) bool {
	for _, l := range head {
		if strings.Contains(l, "主持召开") || strings.Contains(l, "会议召开") || (strings.Contains(l, "召开") && strings.Contains(l, "会")) {
			return true
		}
	}
	return strings.Contains(body, "主持召开") || strings.Contains(body, "常务会议")
}

// isBreadcrumb reports page navigation lines ("首页 > 政务公开 > …").
func isBreadcrumb(l string) bool {
	return strings.Count(l, ">") >= 2 || strings.Count(l, "»") >= 2 || strings.Contains(l, "当前位置") || strings.Contains(l, "您的位置")
}
