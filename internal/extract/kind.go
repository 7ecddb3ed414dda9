package extract

import (
	"strings"

	"govarchive/internal/document"
)

// headWindow is how many non-blank lines count as the header.
const headWindow = 12

// detectKind classifies the document from its header and formulas. Strong
// signals come first: a 纪要 title, a metadata header, minutes formulas, an
// official title, then the account of a meeting.
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
	for _, l := range head {
		if containsAny(l, minutesTitleMarkers) && runeLen(l) < 80 && !strings.Contains(l, "。") {
			return document.KindMinutes
		}
		// "区政府第二十三次常务会议议定事项": a meeting's decisions for a
		// title are its minutes under another name.
		if _, ok := hasAnySuffix(l, []string{"会议议定事项", "会议决定事项"}); ok && runeLen(l) < 60 && !strings.ContainsAny(l, "。，") {
			return document.KindMinutes
		}
	}
	labels := 0
	for _, l := range lines {
		if m := labelRe.FindStringSubmatch(l); m != nil {
			if _, ok := hasAnyPrefix(removeSpaces(m[1]), minutesLabels); ok {
				labels++
			}
		}
	}
	// A meeting page's labelled fields (会议时间/会议主持人/列席情况) outweigh a
	// 文号 field it may also carry.
	// A report's headline ("…常务会议召开", "…主持召开…") keeps it news even
	// when it lists the items in the minutes' words (会议研究了以下事项：一、…).
	if labels >= 2 || containsAny(body, minutesPhrases) && !reportHeadline(head) && !newsByline(head) {
		return document.KindMinutes
	}
	if hasMetaHeader(head) {
		return document.KindOfficial
	}
	if hasOfficialTitle(head) || containsAny(body, officialPhrases) || isRegulation(head, body) {
		return document.KindOfficial
	}
	// A summary, plan or annual report may count the meetings of its year
	// (召开常务会议24次) without reporting one.
	if len(head) > 0 && containsAny(head[0], reportTitleMarkers) && !strings.Contains(head[0], "召开") {
		return document.KindOther
	}
	if isMeetingReport(head, body) {
		// Minutes pages without the word 纪要 still carry labelled
		// attendance lists ("列席人员:") that news prose never has.
		for _, l := range lines {
			if _, _, ok := listLabel(l); ok {
				return document.KindMinutes
			}
		}
		return document.KindNews
	}
	// A fragment of minutes without their header (the pages of a scan):
	// the meeting's decisions, and who attended under a label.
	if containsAny(body, meetingDecisionOpeners) {
		for _, l := range lines {
			if _, _, ok := listLabel(l); ok {
				return document.KindMinutes
			}
		}
	}
	return document.KindOther
}

// meetingDecisionOpeners open what a meeting decided or required.
var meetingDecisionOpeners = []string{"会议同意", "会议原则同意", "会议决定", "会议议定", "会议要求", "会议研究", "会议审议", "会议听取"}

// hasMetaHeader reports the labelled metadata of a government page or a 文号
// with its prefix on a line of its own.
func hasMetaHeader(head []string) bool {
	for _, l := range head {
		if m := labelRe.FindStringSubmatch(l); m != nil {
			switch metaLabels[removeSpaces(m[1])] {
			case "index_no", "doc_number", "written_on":
				return true
			}
		}
		// 南府纪〔2008〕5号: a 纪 in the prefix numbers minutes.
		if dn, ok := findDocNumber(l); ok && dn.Prefix != "" && runeLen(l) < 60 && !strings.Contains(l, "会议") && !strings.Contains(dn.Prefix, "纪") {
			return true
		}
	}
	return false
}

// hasOfficialTitle reports a title line ending like an official document
// (…关于…的通知, 印发…的通知).
func hasOfficialTitle(head []string) bool {
	for _, l := range head {
		if headingRe.MatchString(l) || strings.Contains(l, "。") {
			continue
		}
		t := strings.Trim(l, "《》")
		if runeLen(t) >= 80 || strings.Contains(t, "会议召开") {
			continue
		}
		// A genre's name alone for a title (通  知, 紧急通知): a short notice
		// without 关于, often of a meeting.
		if contains(bareOfficialTitles, removeSpaces(t)) {
			return true
		}
		if suf, ok := hasAnySuffix(trimEndPunct(t), officialTitleSuffixes); ok && (strings.Contains(t, "关于") || strings.HasPrefix(t, "印发")) {
			// A 公告 or 通告 to the public without a 文号 is no official
			// document of the government's own business.
			if contains(publicNoticeSuffixes, suf) && !headHasDocNumber(head) {
				continue
			}
			return true
		}
	}
	return false
}

// bareOfficialTitles title an official document on their own.
var bareOfficialTitles = []string{"通知", "紧急通知", "补充通知", "通报", "批复", "函", "请示"}

// regulationSuffixes end the title of a regulation (政府规章 and the like).
var regulationSuffixes = []string{"办法", "规定", "细则", "条例", "规则", "规程", "章程", "准则"}

// isRegulation reports the text of a regulation: a title of its kind and
// numbered articles (第一条…). Its 题注 may name the 常务会议 that passed it,
// which makes it no report of that meeting.
func isRegulation(head []string, body string) bool {
	if !strings.Contains(body, "第一条") || !strings.Contains(body, "第二条") {
		return false
	}
	for _, l := range head[:min(len(head), 3)] {
		t := trimEndPunct(strings.Trim(l, "《》"))
		if _, ok := hasAnySuffix(t, regulationSuffixes); ok && runeLen(t) <= 40 && !strings.ContainsAny(t, "，。") {
			return true
		}
	}
	return false
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

// reportHeadline reports a first header line that announces a meeting the
// way a news report does: 召开 in a short line without sentence punctuation.
func reportHeadline(head []string) bool {
	if len(head) == 0 {
		return false
	}
	l := head[0]
	return strings.Contains(l, "召开") && runeLen(l) < 60 && !strings.ContainsAny(l, "。，")
}

// newsByline reports a reporter's byline or a dateline among the opening
// lines ("本报讯（记者 何丽）", "新华社北京3月8日电"): a news report, even one
// that gives the decisions in the minutes' words (会议议定：).
func newsByline(head []string) bool {
	for _, l := range head {
		if containsAny(l, []string{"本报讯", "（记者", "(记者", "通讯员", "日讯", "日电"}) {
			return true
		}
	}
	return false
}

// reportTitleMarkers name documents that account for a period's work.
var reportTitleMarkers = []string{"工作总结", "工作计划", "工作要点", "年度报告", "工作报告", "述职报告"}

// publicNoticeSuffixes end the titles of notices to the public.
var publicNoticeSuffixes = []string{"公告", "通告"}

// publicNotice reports a notice to the public by its title: …关于…的公告,
// X人民政府公告, or 公告/通告 alone under the issuer.
func publicNotice(lines []string) bool {
	n := 0
	for _, l := range lines {
		if l == "" {
			continue
		}
		if n++; n > headWindow {
			break
		}
		t := trimEndPunct(removeSpaces(strings.Trim(l, "《》")))
		if runeLen(t) >= 80 || strings.Contains(t, "。") {
			continue
		}
		if _, ok := hasAnySuffix(t, publicNoticeSuffixes); ok && (strings.Contains(t, "关于") || contains(publicNoticeSuffixes, t) || isIssuer(strings.TrimSuffix(strings.TrimSuffix(t, "公告"), "通告"))) {
			return true
		}
	}
	return false
}

func headHasDocNumber(head []string) bool {
	for _, l := range head {
		if _, ok := findDocNumber(l); ok {
			return true
		}
	}
	return false
}
