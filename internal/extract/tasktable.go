package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"govarchive/internal/document"
)

// A task-division table (序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限) is
// how most 实施方案 and 任务分工 documents assign work: each row is a task
// and the unit that leads it.
//
// The cleaned lines the extractor reads part cells by single spaces, as
// they part words inside a cell, so the table is read from the text as
// decoded: cells parted by tabs (html, docx), by runs of two or more spaces
// (text, PDF) or by bars (markdown). Each cell is then cleaned on its own.

// Column roles of a task table.
const (
	colOther   = iota
	colNo      // 序号
	colTask    // 重点任务, 工作任务, 具体措施 …
	colLead    // 牵头单位
	colResp    // 责任单位: the leads when no column says 牵头
	colCo      // 配合单位, 协同单位: never leads
	colDecided // 议定事项, 会议决定: what minutes set out as a table decided
)

// taskColumnRole names the role of a header cell (spaces removed).
func taskColumnRole(h string) int {
	h = strings.Trim(h, "*")
	switch {
	case h == "序号" || h == "编号" || h == "序":
		return colNo
	case containsAny(h, []string{"议定", "决定", "决议", "会议意见", "审议意见", "审议结果"}):
		return colDecided
	case h == "议题" || h == "会议议题" || h == "议题名称" || h == "议题内容" || h == "审议事项" || h == "研究事项":
		return colTask
	case containsAny(h, []string{"汇报单位", "汇报部门", "提请单位", "提交单位", "报告单位"}):
		return colResp
	case strings.Contains(h, "领导") || strings.Contains(h, "责任人"):
		return colOther // a person, not a unit
	case containsAny(h, []string{"配合", "协同", "协办", "参与", "协助"}):
		return colCo
	case strings.Contains(h, "牵头"):
		return colLead
	case containsAny(h, []string{"责任单位", "责任部门", "负责单位", "负责部门", "责任主体", "主责单位", "承办单位", "实施单位"}):
		return colResp
	case runeLen(h) <= 6 && (strings.HasSuffix(h, "任务") || strings.HasSuffix(h, "措施") ||
		h == "工作内容" || h == "主要内容" || h == "具体内容" || h == "任务内容" || h == "重点工作" || h == "工作事项" || h == "改革事项"):
		return colTask
	}
	return colOther
}

// taskHeaderWords are in every task column's name, simplified or traditional.
var taskHeaderWords = []string{"任务", "任務", "措施", "内容", "內容", "工作", "事项", "事項", "议题", "議題"}

// Cell layouts: how a table's rows part their cells.
const (
	layoutBars   = iota + 1 // | a | b |
	layoutTabs              // a\tb
	layoutGaps              // a  b (two or more spaces)
	layoutSpaces            // a b: only when each cell is one word
)

var (
	gapRe   = regexp.MustCompile(`[ \x{3000}\x{00a0}]{2,}`)
	spaceRe = regexp.MustCompile(`[ \x{3000}\x{00a0}]+`)
	// mdRuleRe is the rule under a markdown table's header (|---|:--:|).
	mdRuleRe = regexp.MustCompile(`^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$`)
	// rowNoRe is the number in a row's 序号 cell.
	rowNoRe = regexp.MustCompile(`^(?:\d{1,3}|` + cnNumeral + `)[、.．]?$`)
	// cellParenRe is a bracketed note in a unit cell: (牵头), (区知识产权局).
	cellParenRe = regexp.MustCompile(`[（(][^（）()]*[）)]`)
)

// splitCells parts a decoded line into cells in the given layout; nil when
// the line is no row of it. Inner empty cells are kept (a merged cell).
func splitCells(l string, layout int) []string {
	l = strings.TrimSpace(strings.ReplaceAll(l, "\r", ""))
	var cells []string
	switch layout {
	case layoutBars:
		if !strings.HasPrefix(l, "|") && !strings.HasPrefix(l, "｜") {
			return nil
		}
		l = strings.ReplaceAll(l, "｜", "|")
		cells = strings.Split(strings.Trim(l, "|"), "|")
	case layoutTabs:
		if !strings.Contains(l, "\t") {
			return []string{l}
		}
		cells = strings.Split(l, "\t")
	case layoutGaps:
		cells = gapRe.Split(l, -1)
	case layoutSpaces:
		cells = spaceRe.Split(l, -1)
	}
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

// lineLayouts are the layouts a header line may be written in, from the
// most explicit separator to the least.
func lineLayouts(l string) []int {
	t := strings.TrimSpace(l)
	switch {
	case strings.HasPrefix(t, "|") || strings.HasPrefix(t, "｜"):
		return []int{layoutBars}
	case strings.Contains(t, "\t"):
		return []int{layoutTabs}
	}
	return []int{layoutGaps, layoutSpaces}
}

// taskTable is a header read as column roles.
type taskTable struct {
	layout  int
	roles   []int
	task    int // column index of the task
	lead    int // column index of the leads (牵头, else 责任), or -1
	decided int // column index of what a meeting decided, or -1
	no      int // column index of 序号, or -1
}

// cleanCell cleans one cell as the whole text is cleaned.
func (st *state) cleanCell(c string) string {
	if st.p.cleaner != nil && c != "" {
		c = st.p.cleaner.Normalize(c)
	}
	return strings.TrimSpace(strings.ReplaceAll(c, "\n", " "))
}

// taskHeader reads a header line of a task table: a column of tasks and
// one of leading or responsible units, every cell a short column name.
func (st *state) taskHeader(l string) (taskTable, bool) {
	for _, layout := range lineLayouts(l) {
		raw := splitCells(l, layout)
		if len(raw) < 3 || len(raw) > 12 {
			continue
		}
		var cells []string
		single := false // the last cell is letters spaced over cells
		for _, c := range raw {
			c = removeSpaces(st.cleanCell(c))
			// "序 号", "完 成 时 限": a name letter-spaced over cells.
			if layout >= layoutGaps && runeLen(c) == 1 {
				if single {
					cells[len(cells)-1] += c
				} else {
					cells = append(cells, c)
				}
				single = true
				continue
			}
			cells = append(cells, c)
			single = false
		}
		t := taskTable{layout: layout, task: -1, lead: -1, no: -1, decided: -1}
		resp := -1
		for i, c := range cells {
			if c == "" || runeLen(c) > 12 || strings.ContainsAny(c, "。，；：:") {
				return taskTable{}, false
			}
			r := taskColumnRole(c)
			t.roles = append(t.roles, r)
			switch {
			case r == colTask && t.task < 0:
				t.task = i
			case r == colLead && t.lead < 0:
				t.lead = i
			case r == colResp && resp < 0:
				resp = i
			case r == colNo && t.no < 0:
				t.no = i
			case r == colDecided && t.decided < 0:
				t.decided = i
			}
		}
		if t.lead < 0 {
			t.lead = resp
		}
		// Minutes as a table (议题 | 汇报单位 | 议定事项) may name no unit
		// column: what was decided names who acts.
		if t.task >= 0 && (t.lead >= 0 || t.decided >= 0) {
			return t, true
		}
	}
	return taskTable{}, false
}

// taskRow is one row of a task table: its cells and the cleaned line it
// starts on (-1 when none matches).
type taskRow struct {
	cells []string
	line  int
}

// taskTableTopics reads the task tables of the document: one topic per
// row, titled by its task and led by the units of its 牵头 (else 责任)
// cell. lines holds the cleaned lines the tables take up.
func (st *state) taskTableTopics() (topics []document.Topic, at []int, lines map[int]bool) {
	if !containsAny(st.text, []string{"牵头", "责任单位", "责任部门", "负责单位", "议定", "汇报单位", "决定事项"}) || st.doc == nil {
		return nil, nil, nil
	}
	raw := strings.Split(st.doc.Text, "\n")
	cursor := 0 // cleaned lines are matched in order
	lines = map[int]bool{}
	for i := 0; i < len(raw); i++ {
		// Cells are cleaned one by one, so only a line that may be a header
		// (short, naming a task column in either script) is read as one.
		if utf8.RuneCountInString(raw[i]) > 120 || !containsAny(raw[i], taskHeaderWords) {
			continue
		}
		t, ok := st.taskHeader(raw[i])
		if !ok {
			continue
		}
		if k := st.matchLine(raw[i], t.layout, cursor); k >= 0 {
			lines[k] = true
			cursor = k + 1
		}
		rows, next := st.taskRows(raw, i+1, t)
		for _, r := range rows {
			r.line = st.matchLine(raw[r.line], t.layout, cursor)
			if r.line >= 0 {
				lines[r.line] = true
				cursor = r.line + 1
			}
			if tp, ok := st.rowTopic(r.cells, t); ok {
				topics = append(topics, tp)
				at = append(at, max(r.line, cursor-1))
			}
		}
		i = next - 1
	}
	return topics, at, lines
}

// taskRows reads the rows under a header from raw line i on; it returns
// them (line: the raw line each starts on) and the line after the table.
// A row broken over lines (a <br> in a cell, a wrapped text cell) is
// joined while it has fewer cells than the header; a line of one cell
// between rows (a group heading) is passed over only when a row follows.
func (st *state) taskRows(raw []string, i int, t taskTable) ([]taskRow, int) {
	n := len(t.roles)
	var rows []taskRow
	startsRow := func(cells []string) bool {
		if len(cells) < 2 {
			return false
		}
		if t.no == 0 {
			return rowNoRe.MatchString(cells[0])
		}
		return len(cells) >= n-1
	}
	blank := 0
	for ; i < len(raw); i++ {
		l := strings.TrimSpace(raw[i])
		if l == "" || mdRuleRe.MatchString(l) {
			if blank++; blank > 2 {
				break
			}
			continue
		}
		gap := blank > 0
		blank = 0
		cells := splitCells(l, t.layout)
		if cells == nil {
			break
		}
		if startsRow(cells) {
			rows = append(rows, taskRow{cells: cells, line: i})
			continue
		}
		// The rest of a row broken inside a cell (a <br>, a wrapped text
		// cell): more cells, or one short cell right under the row.
		if k := len(rows) - 1; k >= 0 && len(rows[k].cells) < n && len(rows[k].cells)+len(cells)-1 <= n &&
			(len(cells) > 1 || !gap && runeLen(l) <= 30 && !itemNoRe.MatchString(l) && !strings.Contains(l, "。")) {
			r := &rows[k]
			r.cells[len(r.cells)-1] += " " + cells[0]
			r.cells = append(r.cells, cells[1:]...)
			continue
		}
		// A task wrapped in a text file: its tail alone on the next line.
		// (A wrapped unit cannot be told from the next cell's, and stays out.)
		if k := len(rows) - 1; k >= 0 && len(rows[k].cells) == n && len(cells) == 1 && !gap && runeLen(l) <= 30 &&
			!itemNoRe.MatchString(l) && !st.unitsOnly(l) && !strings.ContainsAny(rows[k].cells[t.task], "。；") {
			rows[k].cells[t.task] += l
			continue
		}
		if len(cells) == 1 && len(rows) > 0 && st.rowFollows(raw, i+1, t, startsRow) {
			continue // a group heading inside the table
		}
		break
	}
	// A row left short stays only when a cell is missing at an end.
	rows = slices.DeleteFunc(rows, func(r taskRow) bool { return len(r.cells) < n-1 || len(r.cells) > n })
	return rows, i
}

// rowFollows reports whether the next non-blank line from i starts a row.
func (st *state) rowFollows(raw []string, i int, t taskTable, startsRow func([]string) bool) bool {
	for ; i < len(raw); i++ {
		l := strings.TrimSpace(raw[i])
		if l == "" {
			continue
		}
		return startsRow(splitCells(l, t.layout))
	}
	return false
}

// rowTopic makes the topic of a row. A row one cell short lost it at an
// end (an empty first or last cell trimmed away): the cells are aligned
// at the end whose alignment puts units under the lead column.
func (st *state) rowTopic(cells []string, t taskTable) (document.Topic, bool) {
	for i := range cells {
		cells[i] = st.cleanCell(cells[i])
	}
	n := len(t.roles)
	cands := [][]string{cells}
	if len(cells) == n-1 {
		cands = [][]string{append(slices.Clone(cells), ""), append([]string{""}, cells...)}
	}
	for _, c := range cands {
		task := strings.TrimSpace(c[t.task])
		var leads []string
		if t.lead >= 0 {
			leads = st.cellUnits(c[t.lead])
		}
		var decided string
		if t.decided >= 0 {
			decided = trimEndPunct(strings.TrimSpace(c[t.decided]))
			// The unit that reported leads, as in prose minutes; so do
			// those the decision tells to act.
			for _, u := range st.leadDepts(decided) {
				if !contains(leads, u) {
					leads = append(leads, u)
				}
			}
		}
		if task == "" || st.unitsOnly(task) || rowNoRe.MatchString(task) {
			continue
		}
		if len(cands) > 1 && len(leads) == 0 {
			continue
		}
		// Without a 牵头 column, a unit marked （牵头） among the responsible
		// ones leads alone.
		if t.lead >= 0 && t.roles[t.lead] == colResp {
			var marked []string
			for _, part := range splitAny(c[t.lead], "、，,；;") {
				if strings.Contains(part, "牵头") {
					marked = append(marked, st.cellUnits(part)...)
				}
			}
			if len(marked) > 0 {
				leads = marked
			}
		}
		title := trimEndPunct(task)
		if runeLen(title) > maxTopicTitle {
			title, _ = topicTitle(title)
		}
		var text []string
		for _, x := range c {
			if x != "" {
				text = append(text, x)
			}
		}
		tp := document.Topic{Title: title, LeadDepartments: leads, Text: strings.Join(text, " ")}
		tp.Documents = docTitles(task)
		if decided != "" {
			tp.Decisions = []string{decided}
		}
		for _, u := range leads {
			st.addDept(u)
		}
		return tp, true
	}
	return document.Topic{}, false
}

// cellUnits returns the units a cell names ("区市场监管局、区税务局",
// "市发展改革委（牵头）"). Collective names (各镇街, 有关部门) name no
// unit that leads.
func (st *state) cellUnits(cell string) []string {
	var out []string
	for _, part := range splitAny(cellParenRe.ReplaceAllString(cell, ""), "、，,；;/ \n") {
		part = trimEndPunct(part)
		if _, bad := hasAnyPrefix(part, []string{"各", "相关", "有关", "其他", "其它"}); bad {
			continue
		}
		if st.cellUnit(part) {
			out = append(out, part)
			continue
		}
		// "市财政局和市民政局"
		for _, u := range st.deptRun(part, false) {
			if !contains(out, u) {
				out = append(out, u)
			}
		}
	}
	return out
}

// branchSuffixes end the name of a unit under a known one.
var branchSuffixes = []string{"分局", "支队", "大队", "中心", "办公室", "管理处", "管理站", "服务站", "分公司"}

// cellUnit reports a unit named whole, or a known unit's branch
// (鄂尔多斯市生态环境局伊金霍洛旗分局): a unit column holds nothing else.
func (st *state) cellUnit(s string) bool {
	n := st.deptLengths(s)
	if len(n) == 0 {
		return false
	}
	if n[0] == len(s) {
		return true
	}
	rest := s[n[0]:]
	_, ok := hasAnySuffix(rest, branchSuffixes)
	return ok && allHan(rest) && runeLen(rest) <= 10
}

// unitsOnly reports a cell that lists units and nothing else: no task.
func (st *state) unitsOnly(cell string) bool {
	parts := splitAny(cellParenRe.ReplaceAllString(cell, ""), "、，,；; ")
	for _, p := range parts {
		if !st.cellUnit(p) {
			return false
		}
	}
	return len(parts) > 0
}

// matchLine finds, from cleaned line from on, the line a decoded row
// became: the same text once spaces are gone.
func (st *state) matchLine(raw string, layout int, from int) int {
	var key strings.Builder
	for _, c := range splitCells(raw, layout) {
		key.WriteString(removeSpaces(st.cleanCell(c)))
	}
	k := key.String()
	if k == "" {
		return -1
	}
	for i := from; i < len(st.lines) && i < from+40; i++ {
		if removeSpaces(strings.NewReplacer("|", "", "｜", "").Replace(st.lines[i])) == k {
			return i
		}
	}
	return -1
}

// mergeTopics puts the rows of task tables among the prose items in the
// order of the text: a prose item stands where its title is first found.
func (st *state) mergeTopics(prose, rows []document.Topic, rowAt []int) []document.Topic {
	if len(rows) == 0 {
		return prose
	}
	at := make([]int, len(prose))
	from := 0
	for k, t := range prose {
		at[k] = from
		key := removeSpaces(firstRunes(stripItemNo(t.Title), 12))
		for i := from; key != "" && i < len(st.lines); i++ {
			if strings.Contains(removeSpaces(st.lines[i]), key) {
				at[k], from = i, i
				break
			}
		}
	}
	out := make([]document.Topic, 0, len(prose)+len(rows))
	i, j := 0, 0
	for i < len(prose) || j < len(rows) {
		if j == len(rows) || i < len(prose) && at[i] <= rowAt[j] {
			out = append(out, prose[i])
			i++
		} else {
			out = append(out, rows[j])
			j++
		}
	}
	return out
}
