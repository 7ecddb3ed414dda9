package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"govarchive/internal/document"
	"govarchive/internal/norm"
)

// maxTopicTitle bounds a title taken from prose.
const maxTopicTitle = 100

// topicsFrom reads the numbered items from line start on. Without numbered
// headings it falls back to the items opened by 会议认为/指出/决定….
// decisionsOnly keeps only decision sentences (news reports).
func (st *state) topicsFrom(start int, decisionsOnly bool) []document.Topic {
	paras, gaps := st.paragraphGaps(start)

	paras, gaps = flattenSections(paras, gaps)
	// Topics read from the document's first line: the pages of a scan may
	// open with item 三.
	topics := numberedTopicsGaps(paras, gaps, start <= st.firstContentLine())
	if len(topics) == 0 {
		var comments int
		topics, comments = st.openerTopicsCount(paras, decisionsOnly)
		if !decisionsOnly {
			topics = st.oneSubject(topics, start)
		} else if len(topics) > comments {
			topics = splitAgendaSentences(topics)
		} else {
			// A report on one matter: its comments are items under the
			// matter its lead names; elsewhere those that set units work
			// (found above) are items of their own.
			if merged := st.oneSubject(st.commentTopics(paras), start); len(merged) == 1 && !commentTitleRe.MatchString(merged[0].Title) {
				topics = merged
			}
		}
	}
	for i := range topics {
		// "要求，各成员单位要…": once items are merged (the label marks a
		// comment there), what is asked titles the item without it.
		if loc := askedLabelRe.FindStringIndex(topics[i].Title); loc != nil && loc[1] < len(topics[i].Title) {
			topics[i].Title = topics[i].Title[loc[1]:]
		}
		st.fillTopic(&topics[i])
	}
	return topics
}

// askedLabelRe is the label of an item's title that says what the meeting
// asked (要求，…).
var askedLabelRe = regexp.MustCompile(`^(?:还|同时)?要求[，,：:]`)

// paragraphs returns the non-blank lines from start on, without the
// attendance lists and labelled fields in between, up to the distribution
// list that closes a document.
func (st *state) paragraphs(start int) []string {
	paras, _ := st.paragraphGaps(start)
	return paras
}

// paragraphGaps is paragraphs with, for each, whether a blank line stands
// before it: the layout that sets items apart in many minutes.
func (st *state) paragraphGaps(start int) (out []string, gaps []bool) {
	gap := false
	for i := start; i >= 0 && i < len(st.lines); i++ {
		l := st.lines[i]
		if l == "" || st.tableLines[i] {
			gap = true
			continue
		}
		// A date alone on its line signs the document ("…办公室\n2022年
		// 9月16日"); it is no item's text.
		if ds := findDates(l); len(ds) == 1 && ds[0].Start == 0 && ds[0].End == len(l) {
			gap = true
			continue
		}
		// So do the office above it (国务院办公厅, …办公室整理) and the
		// publication mark (（此件公开发布）).
		if runeLen(l) <= 30 && (isIssuer(trimIssueVerb(l)) || compiledRe.MatchString(l)) ||
			runeLen(l) < 20 && containsAny(l, publishedMarkers) {
			gap = true
			continue
		}
		_, _, list := listLabel(l)
		if _, _, leave := leaveLabel(l); list || leave {
			// Skip the list and its wrapped lines.
			for i+1 < len(st.lines) && (st.lines[i+1] == "" || !isEndOfList(st.lines[i+1])) {
				i++
			}
			continue
		}
		if st.distributionLine(l) {
			break
		}
		if m := labelRe.FindStringSubmatch(l); m != nil {
			label := removeSpaces(m[1])
			// 主题词 opens an older document's footer (主题词, 抄送, 印发);
			// so does 主送 written under the signature (a 通知 of a ministry).
			if label == "主题词" || label == "主送" || label == "主送机关" {
				break
			}
			if contains(agendaLabels, label) {
				// The agenda lists the items by short titles ("1.研究…");
				// its numbers are not the numbering of the decisions.
				for i+1 < len(st.lines) && (st.lines[i+1] == "" || isAgendaItem(st.lines[i+1])) {
					i++
				}
				continue
			}
			if contains(recorderLabels, label) {
				continue
			}
		}
		out = append(out, l)
		gaps = append(gaps, gap)
		gap = false
	}
	return out, gaps
}

// numbering is one style of item numbers: the heading at the start of a
// paragraph and the same number inside a paragraph after a sentence end.
type numbering struct {
	heading *regexp.Regexp // groups: number, rest of the line
	inline  *regexp.Regexp // group: number
	marks   []string       // one of which the style needs (nil: none), so that no regexp runs without them
}

// usedIn reports whether some paragraph may hold the style's numbers.
func (n numbering) usedIn(paras []string) bool {
	if n.marks == nil {
		return true
	}
	for _, p := range paras {
		if containsAny(p, n.marks) {
			return true
		}
	}
	return false
}

// numberings are tried in order; the first that yields items is the
// document's top level (一、 above （一） above 1. above (1)).
var numberings = []numbering{
	{headingRe, inlineHeadingRe, nil},
	// "一，审议《…》" (typed with a comma, often ASCII): only a line of a
	// title alone, as "一，" opens many a clause in prose.
	{regexp.MustCompile(`^(` + cnNumeral + `)，\s*([^，。；;：:！？!?]{2,60})$`), regexp.MustCompile(`[。；;!！]\s*(` + cnNumeral + `)，[^，。；;：:]{2,60}$`), []string{"一，"}},
	{regexp.MustCompile(`^[（(]\s*(` + cnNumeral + `)\s*[)）]\s*(.*)$`), regexp.MustCompile(`[。；;：:!！]\s*[（(](` + cnNumeral + `)[)）]`), nil},
	// "；2.请…" inline: an ASCII point after the number when no digit
	// follows it (3.5亿元 is no item).
	{regexp.MustCompile(`^(\d{1,2})\s*[、.．]\s*(\D.*)$`), regexp.MustCompile(`[。；;：:!！]\s*(\d{1,2})(?:[、．]|\.[^\d])`), nil},
	{regexp.MustCompile(`^[（(]\s*(\d{1,2})\s*[)）]\s*(.*)$`), regexp.MustCompile(`[。；;：:!！]\s*[（(](\d{1,2})[)）]`), nil},
	{regexp.MustCompile(`^([①-⑳])\s*(.*)$`), regexp.MustCompile(`[。；;：:!！]\s*([①-⑳])`), []string{"①", "②"}},
	// "议题一：", "议题1：", "【议题二】", "第三项议题：", "第一项：": items labelled as agenda items.
	{regexp.MustCompile(`^【?\s*议题\s*(` + cnNumeral + `|\d{1,2})\s*(?:】|[：:、.．])\s*(.*)$`), regexp.MustCompile(`[。；;!！]\s*【?议题(` + cnNumeral + `|\d{1,2})(?:】|[：:])`), []string{"议题"}},
	// "第一个议题：" (its colon optional: "第一个议题" opens no prose).
	{regexp.MustCompile(`^第\s*(` + cnNumeral + `|\d{1,2})\s*个议题\s*[：:]?\s*(.*)$`), regexp.MustCompile(`[。；;!！]\s*第(` + cnNumeral + `|\d{1,2})个议题`), []string{"个议题"}},
	// "【一】", "〖一〗", "［一］", "[一]": numbers in brackets, whose
	// stand-ins also enclose a 文号's year ([2019]): one or two digits only.
	{regexp.MustCompile(`^[【〖［\[]\s*(` + cnNumeral + `|\d{1,2})\s*[】〗］\]]\s*(.*)$`), regexp.MustCompile(`[。；;!！]\s*[【〖［\[](` + cnNumeral + `|\d{1,2})[】〗］\]]`), []string{"【", "〖", "［", "["}},
	// "一）": a half bracket after the numeral.
	{regexp.MustCompile(`^(` + cnNumeral + `)\s*[)）]\s*(.*)$`), regexp.MustCompile(`[。；;!！]\s*(` + cnNumeral + `)[)）]`), []string{"）", ")"}},
	// "第一项：" alone needs its colon: "第一项工作" opens prose.
	{regexp.MustCompile(`^第\s*(` + cnNumeral + `|\d{1,2})\s*项(?:议题\s*[：:]?|\s*[：:])\s*(.*)$`), regexp.MustCompile(`[。；;!！]\s*第(` + cnNumeral + `|\d{1,2})项(?:议题|[：:])`), []string{"项"}},
}

// numberedTopics splits paragraphs at the headings of the first numbering
// style the document uses, including headings inside a paragraph ("…。二、…").
func (st *state) numberedTopics(paras []string) []document.Topic {
	return numberedTopicsGaps(paras, nil, false)
}

// numberedTopicsGaps is numberedTopics with the blank lines before each
// paragraph (nil when unknown). fragment says paras open the document, so
// its first item may have any number.
func numberedTopicsGaps(paras []string, gaps []bool, fragment bool) []document.Topic {
	topics, _ := topLevel(paras, gaps, fragment)
	return topics
}

// topLevel returns the items of the top-level numbering and its index in
// numberings (-1 without items).
func topLevel(paras []string, gaps []bool, fragment bool) ([]document.Topic, int) {
	// The top level is the style whose first item comes first: 一、 above
	// （一） in most minutes, but "1." above "（一）" in others.
	var best []document.Topic
	bestAt, bestStyle := len(paras)+1, -1
	for k, style := range numberings {
		if !style.usedIn(paras) {
			continue
		}
		at := firstHeading(paras, style, fragment)
		if at >= bestAt {
			continue
		}
		if topics := numberedWith(paras, gaps, style, 0, fragment); len(topics) > 0 {
			best, bestAt, bestStyle = topics, at, k
		}
	}
	return best, bestStyle
}

// firstHeading returns the index of the first paragraph holding the
// style's item 1 (in a fragment, any item first), or len(paras).
func firstHeading(paras []string, style numbering, fragment bool) int {
	for i, p := range paras {
		for _, piece := range splitInlineHeadings(p, 0, style) {
			if m := style.heading.FindStringSubmatch(piece); m != nil {
				if n, _ := norm.ParseNumber(m[1]); n == 1 || fragment && i == 0 {
					return i
				}
			}
		}
	}
	return len(paras)
}

// numberedWith reads the items of one style, numbered on after from (0:
// from the start); in a fragment the first may have any number.
func numberedWith(paras []string, gaps []bool, style numbering, from int, fragment bool) []document.Topic {
	var topics []document.Topic
	var layouts []itemLayout
	last := from
	wrapped := false // the last heading is a title alone on its line
	var body []bodyPiece
	flush := func() {
		if len(topics) > 0 {
			t := &topics[len(topics)-1]
			texts := []string{t.Text}
			for _, b := range body {
				texts = append(texts, b.text)
			}
			t.Text = strings.TrimSpace(strings.Join(texts, "\n"))
		}
		body = nil
	}
	for i, p := range paras {
		for j, piece := range splitInlineHeadings(p, last, style) {
			bp := bodyPiece{text: piece, para: j == 0, gap: j == 0 && gaps != nil && gaps[i]}
			if m := style.heading.FindStringSubmatch(piece); m != nil {
				n, _ := norm.ParseNumber(m[1])
				if n > last && n <= last+3 && (last > from || n <= from+2) || fragment && last == from && i == 0 && j == 0 && n > 0 {
					if len(topics) > 0 {
						layouts[len(layouts)-1].body = body
					}
					flush()
					title, rest := topicTitle(m[2])
					topics = append(topics, document.Topic{No: n, Title: title, Text: rest})
					inline := rest != "" || strings.ContainsAny(m[2], sentenceEnd)
					layouts = append(layouts, itemLayout{para: bp.para, gap: bp.gap, inline: inline})
					last = n
					wrapped = !inline && j == 0
					continue
				}
			}
			// A long heading wrapped onto a second line ("一、研究关于…打造
			// 世界级锂电新能源\n产业基地…的有关事项"): the short rest of a
			// title, with no clause of its own, continues it.
			if wrapped && bp.para && !bp.gap && len(body) == 0 {
				t := &topics[len(topics)-1]
				if n := runeLen(piece); runeLen(t.Title) >= 15 && n <= runeLen(t.Title) && runeLen(t.Title)+n <= maxTopicTitle && !strings.ContainsAny(piece, "，,。；;：:！？!?") &&
					!strings.HasPrefix(piece, "会议") && !itemNoRe.MatchString(piece) {
					t.Title += piece
					wrapped = false
					continue
				}
			}
			wrapped = false
			if len(topics) > 0 {
				body = append(body, bp)
			}
		}
	}
	if len(topics) > 0 {
		// A paragraph on the meeting as a whole after the last item is no
		// part of it.
		body = body[:closingAt(layouts[:len(layouts)-1], layouts[len(layouts)-1], body)]
	}
	flush()
	if len(topics) > 0 {
		// The closing formula is not part of the last item.
		t := &topics[len(topics)-1]
		for _, f := range []string{"会议还研究了其他事项。", "会议还研究了其他问题。", "会议还研究了其他事项", "会议还研究了其他问题"} {
			t.Text = strings.TrimSpace(strings.TrimSuffix(t.Text, f))
		}
	}
	return topics
}

// bodyPiece is a piece of an item's text after its heading: a paragraph or
// the rest of one after an inline heading.
type bodyPiece struct {
	text string
	para bool // opens a paragraph (a line of its own)
	gap  bool // a blank line stands before it
}

// itemLayout is how an item is laid out: its heading and its body pieces.
type itemLayout struct {
	para, gap bool // the heading opens a paragraph; a blank line before it
	inline    bool // the heading's line holds sentences, not a title alone
	body      []bodyPiece
}

// closingOpeners open a paragraph that may speak about the meeting as a
// whole rather than about one item.
var closingOpeners = []string{"会议强调", "会议要求", "会议指出", "会议号召", "会议认为", "会议提出", "会议希望", "会议还强调", "会议还要求", "会议还指出", "会议最后", "最后，会议", "最后,会议", "会议同时强调", "会议同时要求", "以上事项", "以上议定事项", "上述事项", "上述议定事项", "以上各项"}

// wholeMeetingRefs name the meeting's decisions or the meeting itself
// together, as a paragraph on the whole meeting does.
// "根据本次会议讨论意见修改" speaks of one item, so 本次会议 alone is no
// such reference.
var wholeMeetingRefs = []string{"会议议定", "议定事项", "本次会议精神", "会议确定的各项", "会议决定的各项", "会议部署的各项", "上述议题", "上述事项", "以上事项", "以上议题"}

// sentenceFrom returns the text of body[k] and the pieces a wrapped line
// continues it on, up to its first sentence end.
func sentenceFrom(body []bodyPiece, k int) string {
	var b strings.Builder
	for _, p := range body[k:] {
		b.WriteString(p.text)
		if i := strings.IndexAny(b.String(), sentenceEnd); i >= 0 {
			return b.String()[:i]
		}
	}
	return b.String()
}

// attendanceSentence reports a sentence that says who attended or sat in
// ("…出席会议。", "列席会议的还有…") or a bracketed byline: no item's text.
func attendanceSentence(s string) bool {
	if strings.HasPrefix(s, "（") && containsAny(s, bylineMarkers) {
		return true
	}
	_, att := hasAnySuffix(trimEndPunct(s), []string{"出席会议", "列席会议", "参加会议", "出席", "列席", "参加活动", "参加调研", "陪同调研", "一同调研"})
	_, list := hasAnyPrefix(s, []string{"出席会议的", "列席会议的", "参加会议的"})
	return (att || list) && !isDecision(s)
}

// attendanceParagraph reports a paragraph of such sentences only.
func attendanceParagraph(p string) bool {
	ss := sentences(p)
	for _, s := range ss {
		if !attendanceSentence(s) {
			return false
		}
	}
	return len(ss) > 0
}

// endsSentence reports text that ends with a stop.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return strings.ContainsRune(sentenceEnd+"；;", r)
}

// finalOpeners say in so many words that the paragraph closes the meeting.
var finalOpeners = []string{"会议最后", "最后，会议", "最后,会议", "会议号召", "以上事项", "以上议定事项", "上述事项", "上述议定事项", "以上各项"}

// closingAt returns how many of the last item's body pieces belong to it:
// the count before a paragraph that closes the meeting. Such a paragraph
// opens with 会议强调/要求/指出/号召… on a line of its own and stands where
// the layout puts a new item, not a paragraph of one:
//   - items of one paragraph each (the text on the heading's line, no
//     paragraph below any earlier item), so any paragraph after the last
//     item's is outside it;
//   - items set apart by blank lines that never stand inside an item, and a
//     blank line before this paragraph;
//   - earlier items (two or more) all as many paragraphs long, and this
//     paragraph one more in the last item;
//   - or a paragraph that says it is the last word (会议最后强调, 会议号召).
//
// A 会议强调 paragraph inside an item's text, laid out like its other
// paragraphs, stays with it.
func closingAt(earlier []itemLayout, lastItem itemLayout, body []bodyPiece) int {
	if len(earlier) == 0 {
		return len(body)
	}
	single := lastItem.inline
	for _, it := range earlier {
		if !it.inline {
			single = false
		}
		for _, b := range it.body {
			if b.para {
				single = false
			}
		}
	}
	gapped := lastItem.gap
	for k, it := range earlier {
		if k > 0 && !it.gap {
			gapped = false
		}
		for _, b := range it.body {
			if b.gap {
				gapped = false
			}
		}
	}
	// Earlier items all as many paragraphs long (a heading line and one
	// paragraph each, say): a paragraph the last item has beyond that
	// count stands where the items end. One earlier item is too few to
	// show a shape.
	size, uniform := -1, len(earlier) >= 2
	for _, it := range earlier {
		n := 0
		for _, b := range it.body {
			if b.para {
				n++
			}
		}
		if size >= 0 && n != size {
			uniform = false
		}
		size = n
	}
	paras := 0
	for k, b := range body {
		if !b.para {
			continue
		}
		paras++
		_, opens := hasAnyPrefix(b.text, closingOpeners)
		_, final := hasAnyPrefix(b.text, finalOpeners)
		// Whatever the layout (a hard-wrapped text gives items of any
		// number of lines), a paragraph that starts after a finished
		// sentence and names the meeting's decisions together
		// (会议议定事项, 本次会议精神, 上述事项) speaks about the meeting as
		// a whole.
		whole := k > 0 && endsSentence(body[k-1].text) && containsAny(sentenceFrom(body, k), wholeMeetingRefs)
		// A paragraph that decides something (会议最后研究了…，原则同意…)
		// is one more matter, not a word on the meeting as a whole.
		if opens && (single || gapped && b.gap || final || uniform && paras == size+1 || whole) && !isDecision(b.text) && !isDecision(sentenceFrom(body, k)) {
			return k
		}
		// Who attended, written after the items, closes them.
		if (k > 0 && endsSentence(body[k-1].text) || k == 0 && lastItem.inline) && attendanceParagraph(b.text) {
			return k
		}
		if b.gap {
			// A blank line inside the last item: its layout is not the
			// one the earlier items show.
			gapped = false
		}
	}
	return len(body)
}

// splitInlineHeadings cuts a paragraph before each number that continues
// the numbering after a sentence end or colon.
func splitInlineHeadings(p string, last int, style numbering) []string {
	var out []string
	next := last + 1
	if m := style.heading.FindStringSubmatch(p); m != nil {
		if n, _ := norm.ParseNumber(m[1]); n > last {
			next = n + 1
		}
	}
	for {
		cut := -1
		for _, loc := range style.inline.FindAllStringSubmatchIndex(p, -1) {
			// One number may be skipped ("二、…。四、").
			if n, _ := norm.ParseNumber(p[loc[2]:loc[3]]); n == next || n == next+1 {
				// Cut after the sentence end, before any bracket.
				cut, next = loc[0]+len(firstRuneOf(p[loc[0]:])), n
				break
			}
		}
		if cut <= 0 {
			break
		}
		out = append(out, strings.TrimSpace(p[:cut]))
		p = strings.TrimSpace(p[cut:])
		next++
	}
	return append(out, strings.TrimSpace(p))
}

func firstRuneOf(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}

// topicTitle splits a heading into its title and the text that follows on
// the same line.
func topicTitle(h string) (title, rest string) {
	h = strings.TrimSpace(h)
	if i := strings.Index(h, "。"); i >= 0 {
		title, rest = h[:i], strings.TrimSpace(h[i+len("。"):])
	} else {
		title = h
	}
	title = trimEndPunct(title)
	// "一、会议审议通过了《X》，由…印发实施。": the item is the review of
	// the document; the paragraph, its decision, stays in the text.
	if m := passedDocRe.FindStringSubmatch(title); m != nil {
		verb := "审议"
		if strings.Contains(m[1], "讨论") {
			verb = "讨论"
		}
		return verb + strings.TrimRight(m[2], "、和及与，,"), strings.TrimSpace(h)
	}
	// "一、会议听取了…的汇报，原则同意…。": one paragraph per item; the
	// matter taken up names it, and the decision stays in its text.
	if _, ok := hasAnyPrefix(strings.Replace(title, "会议还", "会议", 1), subjectOpeners); ok {
		if decidesAfterSubject(title) {
			title, rest = title[:strings.IndexAny(title, "，,")], strings.TrimSpace(h)
			title = subjectTitle(strings.TrimPrefix(title, "会议"))
		} else if !isDecision(title) {
			title = subjectTitle(strings.TrimPrefix(title, "会议"))
		}
	}
	if runeLen(title) > maxTopicTitle {
		rest = strings.TrimSpace(h)
		title = firstRunes(title, maxTopicTitle)
	}
	return title, rest
}

// subjectVerbs name what a meeting took up (听取了…的汇报, 研究了…问题).
var subjectVerbs = []string{"听取", "研究", "审议", "讨论", "传达", "学习", "部署"}

// subjectTitle is the title of a matter taken up, without the narrative 还
// and 了 of the sentence: "还听取了…的汇报" → "听取…的汇报".
func subjectTitle(s string) string {
	t := s
	for _, p := range []string{"还", "同时", "并"} {
		if r, ok := strings.CutPrefix(t, p); ok {
			if _, verb := hasAnyPrefix(r, subjectVerbs); verb {
				t, s = r, r
			}
			break
		}
	}
	i := strings.Index(t, "了")
	if i < 0 || runeLen(t[:i]) > 5 {
		return s
	}
	if _, ok := hasAnySuffix(t[:i], subjectVerbs); !ok {
		return s
	}
	return t[:i] + t[i+len("了"):]
}

// openerTopics makes one topic per sentence opened by an item verb
// (会议认为/指出/决定/原则同意…); following sentences join its text.
//
// Minutes that give each item a paragraph of its own ("会议听取了…。会议认为
// …。会议要求…" three times over) make one topic per paragraph: the
// sentences after the first comment on the same item.
func (st *state) openerTopics(paras []string, decisionsOnly bool) []document.Topic {
	topics, _ := st.openerTopicsCount(paras, decisionsOnly)
	return topics
}

// openerTopicsCount is openerTopics that also counts the items that are
// comments setting units work (news only).
func (st *state) openerTopicsCount(paras []string, decisionsOnly bool) ([]document.Topic, int) {
	var topics []document.Topic
	comments := 0
	n := 0
	perPara, bySubject := false, false
	if !decisionsOnly {
		opened, subjects := 0, 0
		for _, p := range paras {
			if ss := sentences(p); len(ss) > 0 && isOpener(ss[0], false) {
				opened++
				if _, ok := hasAnyPrefix(ss[0], subjectOpeners); ok {
					subjects++
				}
			}
		}
		perPara = opened >= 2
		// Items introduced by 会议听取/研究/审议 paragraphs: a paragraph of
		// 会议强调/要求… after one comments on that item, and the leads it
		// names are that item's.
		bySubject = subjects >= 2
	}
	detached, closed := false, false
	// matterOpen: the paragraph opened an item on a matter taken up (news);
	// commentItem: the last item is a comment that sets units work.
	matterOpen, commentItem := false, false
	// Paragraphs an item runs on into after its own, and where the last
	// item's first such paragraph starts in its text.
	var extra []int
	lastExtraAt := -1
	for _, p := range paras {
		// head: the sentence that opens the paragraph's matter; after a
		// later meeting's lead ("7月12日，市政府召开第46次常务会议，…。会议
		// 审议了《…》"), the one after it.
		head := 0
		for k, s := range sentences(p) {
			// News of two meetings: the second's paragraph is no part of
			// the first's last item.
			if decisionsOnly && k == 0 && len(topics) > 0 && convenesMeeting(s) && !isOpener(s, true) {
				detached, matterOpen, head = true, false, 1
				continue
			}
			// News: "…同意由A牵头推进。会议还研究了B项目，要求…" takes up
			// another matter inside the paragraph: 还 says so.
			_, also := hasAnyPrefix(s, alsoMatterOpeners)
			also = also && decisionsOnly && k > head && !otherMattersRe.MatchString(s)
			opens := isOpener(s, decisionsOnly) && (!perPara || k == 0) || also
			// News: a paragraph on a matter the meeting took up
			// (会议研究了安全生产工作。会议强调，市应急局要…) is an item
			// even where it decides nothing; what the meeting passed on
			// from above (会议传达学习了…) is not, unless the paragraph
			// tasks units with it (会议要求，市应急局要会同市水利局…).
			if decisionsOnly && k == head {
				matterOpen = false
				if !opens && !otherMattersRe.MatchString(s) {
					_, opens = hasAnyPrefix(s, newsSubjectOpeners)
					opens = opens || studiedRe.MatchString(s)
					if _, study := hasAnyPrefix(s, studyOpeners); study && !opens {
						opens = len(st.leadDepts(p)) > 0
					}
					matterOpen = opens
				}
			} else if opens && matterOpen && !also && !strings.Contains(s, "《") {
				// …and the decision on it that follows in the paragraph
				// (会议审议了《…》。会议原则同意，请…) is that item's.
				opens = false
			}
			// News: "会议传达学习了…精神。会议强调，…由市应急局牵头" is a
			// subject that makes no decision; what follows it comments on
			// that subject, not on the decision above.
			if decisionsOnly && !opens && k == head {
				// So is a paragraph on another matter that decides nothing
				// (会议研究了春季森林防火工作，要求…), and the last word on
				// the meeting as a whole (会议号召，全县上下…). A draft
				// reviewed (会议审议了《…》) still names its documents.
				_, study := hasAnyPrefix(s, studyOpeners)
				_, matter := hasAnyPrefix(s, []string{"会议研究", "会议讨论", "会议还研究", "会议还讨论"})
				_, final := hasAnyPrefix(s, finalOpeners)
				// …and a comment on the meeting's decisions together
				// (会议要求，各部门要对照会议议定事项…).
				_, closing := hasAnyPrefix(s, closingOpeners)
				whole := closing && containsAny(p, wholeMeetingRefs) && !isDecision(p)
				// What follows the last word (a byline, the signature) is
				// no decision's either.
				closed = closed || final || whole
				detached = study || matter && !strings.Contains(s, "《") || closed
			}
			// News: "会议强调，要深入开展…排查整治，由省应急管理厅牵头…" under
			// no matter taken up is an item of its own when it sets units
			// work, titled by the task; rhetoric that sets none is not.
			if decisionsOnly && !opens && k == head && !closed && (len(topics) == 0 || detached || commentItem) {
				// A decision later in the paragraph opens its own item.
				decides := slices.ContainsFunc(sentences(p)[1:], func(x string) bool { return isOpener(x, true) })
				if _, c := hasAnyPrefix(s, closingOpeners); c && !decides {
					if title := st.taskTitle(p); title != "" {
						n++
						topics = append(topics, document.Topic{No: n, Title: title, Text: s})
						extra = append(extra, 0)
						lastExtraAt = -1
						detached, commentItem = false, true
						comments++
						continue
					}
				}
			}
			if opens && bySubject && len(topics) > 0 {
				_, subject := hasAnyPrefix(s, subjectOpeners)
				opens = subject || st.takesUpNew(s, topics[len(topics)-1])
			}
			if opens {
				n++
				title := trimEndPunct(s)
				// "会议审议通过了《A》和《B》": the documents reviewed name the
				// item, the sentence is its decision.
				if passedDocRe.MatchString(title) {
					t, _ := topicTitle(title)
					title = "会议" + t
				}
				// "会议听取了…的汇报，原则同意…": the matter taken up names the
				// item; the decision follows it.
				if m := studiedRe.FindStringSubmatch(title); m != nil {
					// "会议对X进行了研究，明确…": the matter studied.
					title = "会议" + m[2] + m[1]
				} else if decidesAfterSubject(title) {
					title = title[:strings.IndexAny(title, "，,")]
				} else if i := commentAfterSubject(title); i > 0 {
					// "会议听取了…汇报，要求市应急局…": what it asks is no
					// part of the matter's name.
					title = title[:i]
				}
				title = subjectTitle(strings.TrimPrefix(title, "会议"))
				// "会议议定：原则同意…": the decision, without its label.
				for _, label := range []string{"议定：", "议定:", "议定，", "议定,", "决定：", "决定:", "决定，", "决定,", "明确：", "明确:", "明确，", "明确,", "同意："} {
					if t, ok := strings.CutPrefix(title, label); ok && t != "" {
						title = t
						break
					}
				}
				if !strings.HasPrefix(s, "会议") {
					// An intro sentence: the decision is what follows the verb,
					// titled by the documents it passed if it names them.
					if i := firstDecisionVerb(title); i > 0 {
						title = title[i:]
						if passedDocRe.MatchString("会议" + title) {
							title, _ = topicTitle("会议" + title)
						}
					}
				}
				if runeLen(title) > maxTopicTitle {
					title = firstRunes(title, maxTopicTitle)
				}
				topics = append(topics, document.Topic{No: n, Title: title, Text: s})
				extra = append(extra, 0)
				lastExtraAt = -1
				detached, commentItem = false, false
				continue
			}
			// "…副部长董保同出席会议。": who attended is no decision's text.
			// Nor is a list of those who did ("列席会议的还有…") or a byline.
			if attendanceSentence(s) {
				continue
			}
			if len(topics) > 0 && !detached {
				t := &topics[len(topics)-1]
				if k == 0 {
					extra[len(extra)-1]++
					if lastExtraAt < 0 {
						lastExtraAt = len(t.Text)
					}
				}
				t.Text += s
			}
		}
	}
	// Items of one paragraph each (会议听取…。会议强调…, or a decision a
	// paragraph in news): a paragraph after the last item's that opens like
	// a comment speaks about the meeting as a whole, as does one that says
	// it is the last word.
	if (bySubject || decisionsOnly) && len(topics) >= 2 && lastExtraAt >= 0 {
		t := &topics[len(topics)-1]
		rest := t.Text[lastExtraAt:]
		single := !slices.ContainsFunc(extra[:len(extra)-1], func(n int) bool { return n > 0 })
		_, opens := hasAnyPrefix(rest, closingOpeners)
		_, final := hasAnyPrefix(rest, finalOpeners)
		if opens && single || final {
			t.Text = t.Text[:lastExtraAt]
		}
	}
	return topics, comments
}

// taskTitle titles a comment paragraph by the task it sets units: the
// clause a lead is named in, or, where that clause only names the lead
// (由省应急管理厅牵头), the task before it; without the comment's opener and
// a leading 要. It returns "" when the paragraph names no lead.
func (st *state) taskTitle(p string) string {
	var clauses []string
	for _, c := range splitAny(p, "，,；;。！!") {
		if c = strings.TrimSpace(c); c != "" {
			clauses = append(clauses, c)
		}
	}
	for i, c := range clauses {
		if len(st.leadDepts(c)) == 0 {
			continue
		}
		title := c
		if (strings.HasPrefix(c, "由") || strings.HasSuffix(c, "牵头") || strings.HasSuffix(c, "负责")) && i > 0 {
			title = clauses[i-1]
		}
		if t, ok := hasAnyPrefix(title, closingOpeners); ok {
			title = strings.TrimLeft(title[len(t):], "，,：: ")
		}
		title = strings.TrimPrefix(title, "要")
		if _, c := hasAnyPrefix(title, closingOpeners); c || strings.HasPrefix(title, "由") || runeLen(title) < 4 {
			return ""
		}
		if runeLen(title) > maxTopicTitle {
			title = firstRunes(title, maxTopicTitle)
		}
		return title
	}
	return ""
}

// takesUpNew reports a paragraph's first sentence s that opens an item of
// its own among items introduced by 会议听取/研究/审议, rather than commenting
// on item t above it: a decision on a document t does not name
// ("会议同意《城区学校布局规划》，由市教育局…"), or a task set straight to a
// unit t does not name ("会议要求市应急管理局开展…专项整治"). A comment
// ("会议要求，由县财政局…", "会议强调，…") stays t's.
func (st *state) takesUpNew(s string, t document.Topic) bool {
	if docs := docTitles(s); len(docs) > 0 && opensDecision(s) {
		known := docTitles(t.Title + "\n" + t.Text)
		return !slices.ContainsFunc(docs, func(d string) bool { return slices.Contains(known, d) })
	}
	rest, ok := strings.CutPrefix(strings.Replace(s, "会议还要求", "会议要求", 1), "会议要求")
	if !ok {
		return false
	}
	u := st.openingLead(rest)
	if u == "" {
		ms := st.findDepts(firstRunes(rest, 40))
		if len(ms) == 0 || ms[0].Start != 0 {
			return false
		}
		u = ms[0].Name
	}
	return !strings.Contains(t.Title+t.Text, u)
}

// convenesMeeting reports a sentence opening with a date that reports a
// meeting held: "7月12日，市政府召开第46次常务会议，市长马建平主持。"
func convenesMeeting(s string) bool {
	ds := findDates(s)
	return len(ds) > 0 && ds[0].Start == 0 && ds[0].Month != 0 && ds[0].Day != 0 && strings.Contains(s, "召开") && strings.Contains(s, "会议")
}

// passedDocRe is an item that opens with the documents the meeting passed:
// group 1 the verb, 2 the titles (会议审议并原则通过《A》和《B》).
var passedDocRe = regexp.MustCompile(`^会议(?:还|同时)?(审议并原则通过|审议并原则同意|审议并通过|审议通过|审议同意|原则审议通过|原则通过|讨论通过|研究通过|研究审定|审定)了?((?:《[^《》]+》[、和及与，,]?)+)`)

// subjectOpeners open a paragraph that introduces an item (the report
// heard, the draft reviewed, the matter studied), as opposed to the
// comments and requirements that follow it.
var subjectOpeners = []string{"会议听取", "会议审议", "会议研究", "会议讨论", "会议传达", "会议学习"}

// otherMattersRe is the formula that closes a report (会议还研究了其他事项。):
// no matter of its own.
var otherMattersRe = regexp.MustCompile(`^会议(?:还|同时)?\p{Han}{0,6}其[他它](?:事项|问题|工作|议题)[。；]?$`)

// alsoMatterOpeners take up another matter after one a news paragraph
// opened (会议还研究了…).
var alsoMatterOpeners = []string{"会议还研究", "会议还听取", "会议还审议", "会议还讨论"}

// newsSubjectOpeners open a news paragraph on a matter the meeting took up.
var newsSubjectOpeners = []string{"会议研究", "会议还研究", "会议听取", "会议还听取", "会议审议", "会议还审议", "会议讨论", "会议还讨论"}

// studyOpeners open a paragraph on what a meeting studied or passed on
// (会议传达学习了…精神), which decides nothing on the items before it.
var studyOpeners = []string{"会议传达", "会议学习", "会议还传达", "会议还学习"}

// commentTitleRe is a paragraph title that only comments (认为，…/要求，…):
// what the meeting said, not a matter it took up or a decision.
var commentTitleRe = regexp.MustCompile(`^(?:还|同时)?(?:认为|指出|强调|要求|提出|希望|明确|研究认为)[，,：:]`)

// introSubjectRe finds the matter an intro sentence names: "…主持召开专题会议，
// 研究城市副中心重点工程建设有关问题。"
var introSubjectRe = regexp.MustCompile(`[，,]\s*((?:专题)?(?:研究|协调|调度|部署|听取)[^。；;，,]{4,60})[。；;]?\s*(?:现将|现|纪要|会议纪要|$)`)

// oneSubject merges the paragraphs of a meeting on one matter (专题会议纪要:
// "…，研究X。纪要如下：" then "会议认为，…", "会议要求，…") into one topic
// named by that matter, when every paragraph only comments on it.
func (st *state) oneSubject(topics []document.Topic, start int) []document.Topic {
	if len(topics) == 0 || slices.ContainsFunc(topics, func(t document.Topic) bool { return !commentTitleRe.MatchString(t.Title) }) {
		return topics
	}
	subject := ""
	// The intro opens the text the topics were read from, or stands above it.
	for i := max(start-8, 0); i < min(start+4, len(st.lines)); i++ {
		if m := introSubjectRe.FindStringSubmatch(st.lines[i]); m != nil && containsAny(st.lines[i], []string{"主持", "召开"}) {
			subject = subjectTitle(m[1])
			break
		}
	}
	if subject == "" {
		return topics
	}
	var text strings.Builder
	for _, t := range topics {
		text.WriteString(t.Text)
	}
	return []document.Topic{{No: 1, Title: subject, Text: text.String()}}
}

// agendaClauseRe opens a clause naming a matter a meeting took up:
// "听取了…的汇报", "研究了…问题", "审议并原则通过了《…》".
var agendaClauseRe = regexp.MustCompile(`^(?:会议)?(?:还|并|同时)?(?:听取|研究|审议|讨论)`)

// splitAgendaSentences splits a report's item whose sentence lists the
// matters the meeting took up ("会议听取了A的汇报，研究了B问题，审议并原则
// 通过了《C》。") into one item per matter, each titled as items are.
func splitAgendaSentences(topics []document.Topic) []document.Topic {
	var out []document.Topic
	for _, t := range topics {
		ss := sentences(t.Text)
		if len(ss) == 0 {
			out = append(out, t)
			continue
		}
		first := ss[0]
		// "…主持召开区政府第78次常务会议，审议通过《A》，听取…": the
		// matters follow the meeting's clause in the lead sentence.
		if !strings.HasPrefix(first, "会议") {
			_, after, ok := strings.Cut(first, "召开")
			if _, rest, found := strings.Cut(after, "会议，"); ok && found {
				first = rest
			} else {
				out = append(out, t)
				continue
			}
		}
		clauses := splitAny(trimEndPunct(first), "，,；;")
		if len(clauses) < 2 || slices.ContainsFunc(clauses, func(c string) bool { return !agendaClauseRe.MatchString(c) }) {
			out = append(out, t)
			continue
		}
		for k, c := range clauses {
			c = strings.TrimLeft(strings.TrimPrefix(c, "会议"), "还并")
			c = strings.TrimPrefix(c, "同时")
			title, _ := topicTitle("会议" + c)
			title = strings.TrimPrefix(title, "会议")
			text := c + "。"
			if k == len(clauses)-1 {
				text += strings.Join(ss[1:], "") // what follows speaks of the last
			}
			out = append(out, document.Topic{Title: title, Text: text})
		}
	}
	for i := range out {
		out[i].No = i + 1
	}
	return out
}

// commentTopics are the paragraphs of a report that comment on what the
// meeting took up (会议要求，省交通运输厅要…), each as a topic titled by its
// first sentence, for oneSubject to name by the report's matter.
func (st *state) commentTopics(paras []string) []document.Topic {
	var out []document.Topic
	for _, p := range paras {
		if _, ok := hasAnyPrefix(p, closingOpeners); !ok || !strings.HasPrefix(p, "会议") {
			continue
		}
		title := strings.TrimPrefix(sentences(p)[0], "会议")
		out = append(out, document.Topic{No: len(out) + 1, Title: trimEndPunct(title), Text: p})
	}
	return out
}

func isOpener(s string, decisionsOnly bool) bool {
	if decisionsOnly {
		// A report heard is an item too ("会议听取了市住建局关于…的汇报").
		if strings.HasPrefix(s, "会议听取") && strings.Contains(s, "汇报") {
			return true
		}
		return isDecision(s) && (strings.HasPrefix(s, "会议") || strings.Contains(s, "《"))
	}
	if _, ok := hasAnyPrefix(s, itemOpeners); ok {
		return true
	}
	return strings.HasPrefix(s, "会议") && isDecision(s)
}

// opensDecision reports a sentence that states a decision: a decision verb
// at its start, after 会议 or a short lead-in ("经研究，原则同意…"), or a
// decision head after 会议 ("会议决定由…", "经研究，会议确定…").
func opensDecision(s string) bool {
	i := firstDecisionVerb(s)
	return i >= 0 && runeLen(s[:i]) <= 8 && !strings.HasSuffix(s[:i], "不") || decisionHead(s, false) >= 0
}

// decisionHeads state a decision only where they open it: 决定/确定/明确
// are common words elsewhere (国务院关于…的决定, 明确责任).
var decisionHeads = []string{"决定", "议定", "商定", "确定", "明确"}

// decisionHeadLeads may stand before a decision head ("会议研究决定由…",
// "经研究，会议明确，…").
var decisionHeadLeads = []string{"会议", "研究", "会议还", "会议同时", "讨论"}

// decisionHead returns the byte offset after the head that opens s as a
// decision ("会议决定由…" → "由…"), or -1. Right after the subject of a
// sentence ("会议研究了X，决定由…") 决定/议定/商定 need no lead; 确定 and
// 明确 opening a clause rather set a task (确定专人负责).
func decisionHead(s string, afterSubject bool) int {
	for _, h := range decisionHeads {
		i := strings.Index(s, h)
		if i < 0 || runeLen(s[:i]) > 8 {
			continue
		}
		lead := strings.TrimRight(s[:i], "，,")
		if lead == "" {
			if !afterSubject || h == "确定" || h == "明确" {
				continue
			}
		} else if _, ok := hasAnySuffix(lead, decisionHeadLeads); !ok || !strings.Contains(lead, "会议") && !strings.HasPrefix(lead, "经") {
			// (各地要研究确定… sets a task.)
			continue
		}
		// Not the decisions spoken of (会议决定的事项) nor a requirement
		// (会议明确要求…).
		rest := s[i+len(h):]
		if _, ok := hasAnyPrefix(rest, []string{"的", "要求", "指出", "提出", "强调"}); ok || strings.TrimLeft(rest, "，,：:") == "" {
			continue
		}
		return i + len(h)
	}
	return -1
}

// decidesAfterSubject reports a sentence that names what the meeting took
// up and then decides on it in its next clause ("会议研究了县城停车场建设
// 问题，原则同意…", "会议听取了…的汇报，同意…").
func decidesAfterSubject(s string) bool {
	_, ok := decisionAfterSubject(s)
	return ok
}

// decisionAfterSubject returns the decision of such a sentence: the clause
// after the subject, without a 决定 that opens it ("会议研究了X，决定由市
// 农业农村局牵头…" → "由市农业农村局牵头…").
func decisionAfterSubject(s string) (string, bool) {
	s = strings.Replace(s, "会议还", "会议", 1) // 会议还研究了… (news)
	if _, ok := hasAnyPrefix(s, subjectOpeners); !ok {
		return "", false
	}
	i := strings.IndexAny(s, "，,")
	if i < 0 {
		return "", false
	}
	rest := strings.TrimLeft(s[i:], "，,")
	if strings.HasPrefix(rest, "不") {
		return "", false
	}
	if j := decisionHead(rest, true); j >= 0 {
		return trimEndPunct(strings.TrimLeft(rest[j:], "，,：: ")), true
	}
	if !opensDecision(rest) {
		return "", false
	}
	return trimEndPunct(rest), true
}

// studiedRe is a news paragraph on a matter the meeting studied, worded
// "会议对X进行了研究": group 1 the matter, 2 the verb.
var studiedRe = regexp.MustCompile(`^会议(?:还|同时)?对([^，。；《》]{2,40}?)(?:进行了|作了|进行)(?:专题)?(研究|审议|讨论|部署)`)

// commentAfterSubject returns where a sentence opened by a matter taken up
// goes on to comment on it ("会议听取了X汇报，要求…" → the offset of "，要求"),
// or -1.
func commentAfterSubject(s string) int {
	if _, ok := hasAnyPrefix(strings.Replace(s, "会议还", "会议", 1), subjectOpeners); !ok {
		return -1
	}
	i := strings.IndexAny(s, "，,")
	if i < 0 {
		return -1
	}
	if _, ok := hasAnyPrefix(strings.TrimLeft(s[i:], "，,"), []string{"要求", "强调", "指出", "认为"}); !ok {
		return -1
	}
	return i
}

// firstDecisionVerb returns the byte offset of the earliest decision verb.
func firstDecisionVerb(s string) int {
	best := -1
	for _, v := range decisionVerbs {
		if i := strings.Index(s, v); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

func isDecision(s string) bool {
	for _, v := range decisionVerbs {
		if strings.Contains(s, v) {
			return true
		}
	}
	return false
}

// decisionOf returns the decision a sentence states: the clause after the
// matter taken up ("会议听取了…的汇报，原则同意…" → "原则同意…"), or the
// sentence.
func decisionOf(s string) (string, bool) {
	d, ok := decisionOfSentence(s)
	if ok {
		d = trimEndPunct(cutRequirementList(d))
	}
	return d, ok
}

// requirementListRe finds the clause that opens a list of requirements
// inside a decision ("…，并提出以下要求：一是…"): the list sets tasks, the
// decision ends before it.
var requirementListRe = regexp.MustCompile(`[，,；;]\s*(?:并|同时|会议)?(?:提出|明确|强调)?(?:了)?(?:以下|如下|几点|\p{Han}{0,3}的)?(?:要求|意见)\s*(?:如下)?\s*[：:]`)

func cutRequirementList(d string) string {
	if loc := requirementListRe.FindStringIndex(d); loc != nil && loc[0] > 0 {
		return d[:loc[0]]
	}
	return d
}

func decisionOfSentence(s string) (string, bool) {
	if d, ok := decisionAfterSubject(s); ok {
		// "会议审议通过了《…》，决定提请…": the first clause decides too.
		if isDecision(s[:strings.IndexAny(s, "，,")]) {
			return trimEndPunct(s), true
		}
		return d, true
	}
	if opensDecision(s) {
		return trimEndPunct(s), true
	}
	return "", false
}

// deferralWords state that a meeting put a matter off or sent it back:
// the outcome of its item, wherever the sentence says it.
var deferralWords = []string{"暂缓审议", "暂缓研究", "暂缓决定", "暂不审议", "暂不研究", "退回修改", "退回重新", "不予通过", "不予同意", "不予批准"}

// deferral returns the clauses of s from the one that defers the matter
// ("会议认为，该方案还需征求意见，决定暂缓审议" → "决定暂缓审议").
func deferral(s string) (string, bool) {
	i := -1
	for _, w := range deferralWords {
		if j := strings.Index(s, w); j >= 0 && (i < 0 || j < i) {
			i = j
		}
	}
	if i < 0 {
		return "", false
	}
	if k := strings.LastIndexAny(s[:i], "，,；;：:"); k >= 0 {
		_, size := utf8.DecodeRuneInString(s[k:])
		s = s[k+size:]
	} else {
		s = strings.TrimPrefix(s, "会议")
	}
	return trimEndPunct(s), true
}

// sentences splits a paragraph after each sentence end, keeping the mark.
func sentences(p string) []string {
	var out []string
	start := 0
	for i, r := range p {
		if strings.ContainsRune(sentenceEnd, r) {
			end := i + len(string(r))
			if s := strings.TrimSpace(p[start:end]); s != "" {
				out = append(out, s)
			}
			start = end
		}
	}
	if s := strings.TrimSpace(p[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// fillTopic derives documents, decisions and lead departments of a topic.
func (st *state) fillTopic(t *document.Topic) {
	all := t.Title + "\n" + t.Text
	t.Documents = docTitles(all)
	listed, rest := decisionList(t.Text)
	for _, s := range sentences(strings.ReplaceAll(rest, "\n", "")) {
		s = stripItemNo(s)
		if d, ok := decisionOf(s); ok {
			t.Decisions = append(t.Decisions, d)
		} else if d, ok := deferral(s); ok {
			t.Decisions = append(t.Decisions, d)
		}
	}
	t.Decisions = append(t.Decisions, listed...)
	// "1、会议审议并原则通过《…》，由县住建局负责组织实施。": an item of
	// one sentence is its own decision (unless its text states it again).
	if title := trimEndPunct(stripItemNo(t.Title)); strings.ContainsAny(title, "，,") {
		if d, ok := decisionOf(title); ok && !slices.ContainsFunc(t.Decisions, func(x string) bool { return strings.Contains(x, d) }) {
			t.Decisions = append([]string{d}, t.Decisions...)
		}
	}
	t.LeadDepartments = st.leadDepts(all)
	// "二、区热力公司要于11月15日前…": the unit an item opens with, and
	// that the verb after it sets to work, leads it.
	if u := st.openingLead(stripItemNo(t.Title)); u != "" && !contains(t.LeadDepartments, u) {
		t.LeadDepartments = append([]string{u}, t.LeadDepartments...)
	}
	// So do the units that open its sub-items or paragraphs ("（二）市住建局
	// 要会同各街道…").
	for _, l := range strings.Split(t.Text, "\n") {
		if u := st.openingLead(stripItemNo(l)); u != "" && !contains(t.LeadDepartments, u) {
			t.LeadDepartments = append(t.LeadDepartments, u)
		}
	}
	// "市发改委要会同市工信局…": the units an opening lead works with
	// share the lead.
	for _, l := range append([]string{t.Title}, strings.Split(t.Text, "\n")...) {
		for _, u := range st.openingCoLeads(stripItemNo(l)) {
			if !contains(t.LeadDepartments, u) {
				t.LeadDepartments = append(t.LeadDepartments, u)
			}
		}
	}
}

// openingCoLeads returns the departments joined by 会同 to the lead a
// decision opens with ("县水利局要会同县应急局…" → 县应急局), or nil.
func (st *state) openingCoLeads(s string) []string {
	u := st.openingLead(s)
	if u == "" {
		return nil
	}
	i := strings.Index(s, u)
	if i < 0 {
		return nil
	}
	rest := s[i+len(u):]
	c, ok := hasAnyPrefix(rest, []string{"要会同", "负责会同", "牵头会同", "牵头，会同", "负责，会同", "会同", "要联合", "联合"})
	if !ok {
		return nil
	}
	return st.departmentsOnly(st.deptRun(rest[len(c):], false))
}

// openingLead returns the department a decision opens with when a lead's
// verb follows it ("区财政局负责落实…", "县住建局要抓紧…"), or "".
func (st *state) openingLead(s string) string {
	// "（三）各乡（镇）人民政府要落实专人…": a group of governments the item
	// sets to work.
	if i := strings.Index(s, "政府"); i > 0 && isGovernmentGroup(s[:i+len("政府")]) {
		if _, ok := hasAnyPrefix(s[i+len("政府"):], openingLeadVerbs); ok {
			return s[:i+len("政府")]
		}
	}
	ms := st.findDepts(firstRunes(s, 40))
	if len(ms) == 0 || ms[0].Start != 0 {
		return ""
	}
	if _, ok := hasAnyPrefix(s[ms[0].End:], openingLeadVerbs); !ok {
		return ""
	}
	if ls := st.departmentsOnly([]string{ms[0].Name}); len(ls) == 1 {
		return ls[0]
	}
	return ""
}

// openingLeadVerbs follow a department that opens a decision and is set to
// work by it.
var openingLeadVerbs = []string{"要", "负责", "牵头", "抓紧", "尽快", "于", "会同", "组织", "做好", "加强", "按照", "根据", "认真", "切实", "务必", "应", "须", "必须"}

// docTitles returns the top-level 《…》 titles in order. Short names
// introduced by 以下简称 are left out, with their later uses, and so are back
// references (该《责任清单》).
// cornerQuoteRe is a title in corner brackets, ruleKinds the words a
// rule's title ends with.
var (
	cornerQuoteRe = regexp.MustCompile(`「([^「」\n]{2,60}?)」`)
	ruleKinds     = []string{"条例", "办法", "规定", "规则", "细则", "准则", "标准", "计划", "方案", "草案", "规划", "纲要", "要点"}
)

func docTitles(s string) []string {
	var out []string
	alias := map[string]bool{}
	depth, start := 0, 0
	wrapped := false // the open title already crossed a line break
	for i, r := range s {
		switch r {
		case '《', '〈':
			if depth == 0 {
				if r == '〈' {
					continue
				}
				start = i + len(string(r))
			}
			depth++
		case '》', '〉':
			if depth == 0 {
				continue
			}
			depth--
			if depth == 0 {
				title := strings.TrimSpace(strings.ReplaceAll(s[start:i], "\n", ""))
				before := strings.TrimSuffix(s[:start], "《")
				if strings.HasSuffix(before, "简称") {
					alias[title] = true
					continue
				}
				if strings.HasSuffix(before, "该") || title == "" || runeLen(title) > 120 {
					continue
				}
				out = append(out, title)
			}
		case '\n':
			// A title wraps onto the next line in a hard-wrapped text
			// ("《…政府投资\n项目计划》"); one that is still open there
			// was never closed.
			if depth > 0 && (wrapped || depth > 1 || strings.ContainsAny(s[start:i], "。；;") || !closesNext(s[i+1:])) {
				depth = 0
			}
			wrapped = depth > 0
			continue
		}
		if r != '\n' && depth == 0 {
			wrapped = false
		}
	}
	// Taiwanese minutes quote the rules they review in 「」(「高雄市市有
	// 财产管理自治条例」修正草案); a quoted report (「…执行情形」) is none.
	for _, m := range cornerQuoteRe.FindAllStringSubmatch(s, -1) {
		if _, ok := hasAnySuffix(m[1], ruleKinds); ok {
			out = append(out, m[1])
		}
	}
	kept := out[:0]
	for _, t := range out {
		if alias[t] || isBackReference(t, kept) {
			continue
		}
		kept = append(kept, t)
	}
	return dedupe(kept)
}

// closesNext reports whether the line that opens s closes a title before
// it opens another one or ends a sentence: the rest of a wrapped title.
func closesNext(s string) bool {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	j := strings.Index(s, "》")
	return j >= 0 && !strings.Contains(s[:j], "《") && !strings.ContainsAny(s[:j], "。；;")
}

// isBackReference reports a short title that ends an earlier one: 《报告》
// after 《政府工作报告》.
func isBackReference(t string, earlier []string) bool {
	for _, e := range earlier {
		if len(e) > len(t) && strings.HasSuffix(e, t) {
			return true
		}
	}
	return false
}

// stripItemNo removes the number opening an item ("（一）", "1.", "二、"),
// but not the digits of an amount ("3.5亿").
func stripItemNo(s string) string {
	loc := itemNoRe.FindStringIndex(s)
	if loc == nil {
		return strings.TrimSpace(s)
	}
	rest := s[loc[1]:]
	if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		return strings.TrimSpace(s)
	}
	return strings.TrimSpace(rest)
}

// agendaLabels introduce the list of items a meeting was to discuss.
var agendaLabels = []string{"会议议题", "议题", "会议内容"}

// isAgendaItem is a numbered agenda line: a short title, no sentence.
func isAgendaItem(l string) bool {
	return itemNoRe.MatchString(l) && !strings.ContainsAny(l, sentenceEnd) && runeLen(l) <= 60
}

// decisionLabelRe opens a list of what the meeting decided ("会议议定：",
// "会议决定如下：", "议定事项："): each of its items is a decision, whatever
// its verb ("（二）工程所需资金由市财政局统筹安排。").
var decisionLabelRe = regexp.MustCompile(`(?:^|[。；;])\s*((?:会议|经会议)?(?:研究)?(?:议定|决定|决议|确定|商定|明确)(?:事项|意见)?(?:如下)?\s*[:：])`)

// subItemRe is the number of an item inside a decision list: （一）, (1),
// 1、 1. ①, 一是, at the start of the text or after a sentence or clause end.
var subItemRe = regexp.MustCompile(`(?:^|[。；;：:])\s*(?:[（(]\s*(?:` + cnNumeral + `|\d{1,2})\s*[)）]|\d{1,2}[、．.]|` + cnNumeral + `、|[①-⑳]|[一二三四五六七八九十]是)`)

// ordinalOpenRe is the 一是, 二是 … that opens an item of a list in prose.
var ordinalOpenRe = regexp.MustCompile(`^[一二三四五六七八九十]是`)

// decisionList reads the decision list of a topic's text: its items, and
// the text without the list (for the sentences that state decisions
// anywhere else). Without a list it returns the text unchanged.
func decisionList(text string) (items []string, rest string) {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		body := stripItemNo(l)
		loc := decisionLabelRe.FindStringSubmatchIndex(body)
		if loc == nil {
			continue
		}
		// The list: the rest of the label's line, then the lines that open
		// an item or continue one (a wrapped line: the one before it ends
		// mid-sentence). What the line says before the label stays text.
		before, list := body[:loc[2]], body[loc[3]:]
		end := i + 1
		for ; end < len(lines); end++ {
			next := strings.TrimSpace(lines[end])
			prev := strings.TrimSpace(lines[end-1])
			if next == "" {
				break
			}
			if r, _ := utf8.DecodeRuneInString(next); !itemNoRe.MatchString(next) && (r < '①' || r > '⑳') && endsSentence(prev) {
				break
			}
			list += "\n" + next
		}
		list = strings.ReplaceAll(list, "\n", "")
		if !subItemRe.MatchString(list) {
			// Not numbered: the label's sentence decides; what follows
			// ("会议要求，…") is read as any text is.
			if k := strings.Index(list, "。"); k >= 0 && k+len("。") < len(list) {
				before += list[k+len("。"):]
				list = list[:k]
			}
		}
		items = splitItems(list)
		if len(items) == 0 {
			return nil, text
		}
		kept := append(append([]string{}, lines[:i]...), before)
		return items, strings.Join(append(kept, lines[end:]...), "\n")
	}
	return nil, text
}

// splitItems cuts a list's text at its item numbers; text before the first
// number is an item of its own. Items keep no number and no final stop.
func splitItems(s string) []string {
	var out []string
	add := func(p string) {
		p = strings.TrimLeft(p, "。；;：: ")
		p = trimEndPunct(strings.TrimSpace(itemNoRe.ReplaceAllString(p, "")))
		if r, size := utf8.DecodeRuneInString(p); r >= '①' && r <= '⑳' { // itemNoRe does not strip these
			p = strings.TrimSpace(p[size:])
		}
		p = ordinalOpenRe.ReplaceAllString(p, "")
		if runeLen(p) >= 4 {
			out = append(out, p)
		}
	}
	last := 0
	for _, m := range subItemRe.FindAllStringIndex(s, -1) {
		if m[0] > last {
			add(s[last:m[0]])
		}
		last = m[0]
	}
	add(s[last:])
	return out
}

// firstContentLine is the index of the document's first non-blank line.
func (st *state) firstContentLine() int {
	for i, l := range st.lines {
		if strings.TrimSpace(l) != "" {
			return i
		}
	}
	return len(st.lines)
}
