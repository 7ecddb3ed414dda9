package extract

import (
	"govarchive/internal/norm"
	"slices"

	"regexp"
	"sort"
	"strings"
)

// Tables of the genre's vocabulary. Patterns are data: the extractors below
// only walk these tables.

// meetingTypes are meeting kinds, longest first so that 县长办公会议 wins over
// 办公会议, then any 会议; a ministry's 部常务会议 is typed as the 常务会议 it
// is, as the meetings facet groups them.
var meetingTypes = append(slices.DeleteFunc(norm.MeetingTypes(), func(t string) bool { return t == "部常务会议" }), "会议")

// minutesMarkers in the first lines (or anywhere, for the phrases) make a
// document minutes.
// 会议纪录 is the Taiwanese 會議紀錄.
var minutesTitleMarkers = []string{"纪要", "会议纪录"}
var minutesPhrases = []string{"纪要如下", "会议议定以下", "会议议定如下", "会议议定了如下", "会议议定：", "会议决定如下事项", "会议研究了以下事项"}

// minutesLabels are labelled header fields of minutes pages.
var minutesLabels = []string{"会议时间", "会议主持人", "主持人", "会议议题", "列席情况", "出席人员", "列席人员", "参会人员", "会议主持"}

// officialTitleSuffixes end the title of an official document.
var officialTitleSuffixes = []string{
	"通知", "意见", "批复", "复函", "函", "决定", "办法", "规则", "答复", "通报", "规定", "命令", "公告",
	"通告", "报告", "请示", "方案", "细则", "条例", "纲要", "规划", "决议",
}

// officialPhrases are the closing or opening formulas of official documents.
var officialPhrases = []string{"特此批复", "特此通知", "特此函告", "特此函复", "现印发给你们", "通知如下", "答复如下", "现批复如下", "特此报告", "此复"}

// metaLabels are the labelled metadata fields of government web pages
// (gov.cn and its provincial clones), keyed by the label with all spaces
// removed.
var metaLabels = map[string]string{
	"索引号":  "index_no",
	"主题分类": "subject",
	"发文机关": "issuer",
	"发布机关": "issuer",
	"发文机构": "issuer",
	"发文单位": "issuer",
	"成文日期": "written_on",
	"发文日期": "written_on",
	"标题":   "title",
	"名称":   "title",
	"文件名称": "title",
	"信息名称": "title",
	"发文字号": "doc_number",
	"文号":   "doc_number",
	"发布日期": "published_on",
	"发布时间": "published_on",
	"主题词":  "keywords",
	"时间":   "time",
	"来源":   "source",
	"信息来源": "source",
	"统一编号": "serial",
	"实施日期": "effective",
	"失效日期": "expires",
	"有效性":  "validity",
	"文件状态": "validity",
	"内容概述": "summary",
	// Local portals' headers.
	"信息索引号": "index_no",
	"公开日期":  "published_on",
	"生成日期":  "written_on",
	"发布机构":  "publisher",
	"发布单位":  "publisher",
	"公开方式":  "disclosure",
	"信息分类":  "subject",
	// The site's government, as textio adds it from a page's <title>
	// (…_常州市新北区人民政府).
	"网站": "site",
}

// bareLabels are the gov.cn header labels that also stand alone on a line
// with their value on the next one ("索引号\n000014349/2018-00021").
var bareLabels = []string{"索引号", "主题分类", "发文机关", "发布机关", "成文日期", "标题", "发文字号", "发布日期"}

// fieldStartRe finds a metadata label inside a line that holds several
// ("索引号：… 主题分类：…"): a label after a space, before a colon.
var fieldStartRe = func() *regexp.Regexp {
	keys := make([]string, 0, len(metaLabels))
	for k := range metaLabels {
		keys = append(keys, regexp.QuoteMeta(k))
	}
	// Longest first, so 发布时间 wins over 时间.
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	return regexp.MustCompile(`[ \t　](?:` + strings.Join(keys, "|") + `)[ 　]*[:：]`)
}()

// anyFieldRe is any label after a space ("　信息分类：", " 公开范围："): on a
// line of metadata fields, a label the table does not know still ends the
// field before it.
var anyFieldRe = regexp.MustCompile(`[ \t　][\p{Han}]{2,6}[ 　]*[:：]`)

// issuerSuffixes end the name of a body that issues documents.
var issuerSuffixes = []string{
	"人民政府办公厅", "人民政府办公室", "人民政府", "政府办公室", "政府办公厅", "政府", "国务院办公厅", "国务院",
	"办公厅", "办公室", "办事处", "委员会", "管委会", "人民法院", "人民检察院", "局", "厅", "部", "委", "署", "司", "院", "会", "办",
}

// Attendance labels open a list of people.
var attendeeLabels = []string{"出席人员", "出席会议", "出席", "参加人员", "参会人员", "参加会议人员", "参加会议", "参会单位", "参加单位", "与会人员",
	"参会单位及人员", "参会单位和人员", "参加单位及人员", "参加单位和人员", "与会单位及人员", "参会人员及单位",
	"出席领导", "参会领导", "与会领导", "出席会议人员", "出席会议领导", "参加会议单位", "参会人", "参加人", "出席人",
	"参加会议的有", "出席会议的有", "参会的有", "到会人员", "到会领导", "参加会议的同志", "出席会议的同志", "参加会议的单位和人员",
	"出席单位", "出席单位及人员", "出席单位和人员", "与会单位", "参加", "参会",
	"参加现场办公的有", "参加现场办公会议的有", "参加现场办公的同志", "参加现场办公人员"}
var observerLabels = []string{"列席人员", "列席情况", "列席会议", "列席单位", "列席", "列席单位及人员", "列席单位和人员",
	"列席会议人员", "列席会议单位", "列席人", "列席会议的有", "列席会议的同志"}

// 主席 labels the chair of Taiwanese minutes (主席：侯市長友宜).
var chairLabels = []string{"会议主持人", "主持人", "会议主持", "主持", "会议主席", "主席"}

// endLabels close an attendance list; 主题词 opens the footer of older
// documents, right after the lists.
var endLabels = []string{"记录", "记录人", "分送", "抄送", "主送", "发送", "印发", "主题词", "关键词", "请假", "缺席", "因事请假", "因公请假", "因病请假", "因故请假", "因故缺席", "未出席", "未参加", "会议议题", "会议过程", "会议内容", "会议地点", "会议时间", "议题"}

// titleSuffixes end an official title of a person (副县长, 党组成员…).
var titleSuffixes = []string{
	"书记", "常委", "委员", "主任", "主席", "秘书长", "长", "成员", "领导", "总理", "理事", "专员", "参事",
	"巡视员", "调研员", "助理", "经理", "总监", "总师", "总工程师", "总经济师", "总会计师", "总规划师", "督学", "负责人", "负责同志", "代表", "顾问", "干部",
}

// nameContext is what follows a person's name in prose: a title or a verb
// of speech ("李翔强调", "花建慧副省长").
var nameContext = []string{
	"同志", "指出", "强调", "要求", "表示", "主持", "讲话", "出席", "参加", "副", "常务副", "代",
	"市长", "县长", "区长", "省长", "州长", "书记", "主任", "主席", "部长", "局长", "厅长", "秘书长", "委员", "常委",
}

// mentionStopWords open a phrase that the department finder may take for a
// name ("关于高新区…").
var mentionStopWords = []string{"关于", "对", "在", "由", "向", "和", "及", "与", "将", "为", "从", "按", "请", "经"}

// Topic verbs open an item of a minutes document.
var itemOpeners = []string{"会议认为", "会议指出", "会议强调", "会议决定", "会议明确", "会议要求", "会议议定", "会议同意", "会议原则同意", "会议审议", "会议听取", "会议研究",
	"会议讨论", "会议学习", "会议传达"}

// decisionVerbs mark a decision sentence in news reports and minutes.
var decisionVerbs = []string{"审议并原则通过", "审议通过", "研究通过", "审议同意", "原则通过", "原则同意", "审定", "审议并通过", "讨论通过", "研究审定", "同意", "决定，", "决定：", "议定，", "议定："}

// leadTriggers precede the department that leads a decision.
// "由A牵头，会同B和C制定…": B and C share the lead.
var leadTriggers = []string{"责成", "由", "请", "交由", "要求", "要求，", "要求,", "强调，", "强调,",
	"牵头，会同", "牵头,会同", "牵头会同", "负责，会同", "负责,会同",
	"责任单位：", "责任单位:", "牵头单位：", "牵头单位:", "责任部门：", "责任部门:"}

// namedOnlyTriggers introduce a lead only when a department follows at once
// ("要求市司法局会同…", "会议要求，区教育局要…", "（责任单位：市文化广电旅游局、…）");
// without one they open an ordinary sentence.
var namedOnlyTriggers = []string{"要求", "要求，", "要求,", "强调，", "强调,", "责任单位：", "责任单位:", "牵头单位：", "牵头单位:", "责任部门：", "责任部门:"}

// reportTriggers precede a department that reported ("听取市住建局关于…").
var reportTriggers = []string{"原则同意", "同意", "听取了", "听取"}

// leadConnectors join two lead departments.
var leadConnectors = []string{"要会同", "负责会同", "会同", "联合", "协同", "配合", "和", "及", "与", "、", "会", "商"}

// leadVerbs may follow a lead department.
var leadVerbs = []string{
	"根据", "按照", "按", "牵头", "负责", "会同", "结合", "抓紧", "尽快", "进一步", "做好", "组织", "修改", "研究",
	"会各", "会有关", "会相关", "对", "将", "于", "在", "认真", "做", "提请", "报", "关于", "拟", "起草", "编制", "送审", "汇报", "的汇报", "依", "督促", "履行", "统筹", "配合", "协助", "指导", "加强", "及时", "全力", "切实", "要", "抓好", "落实", "做",
	"制定", "制订", "拟定", "开展", "建立", "完善", "推进", "实施", "核定", "审核", "出台", "办理", "协调", "抓",
	"积极", "主动", "共同", "争取", "立即", "加快", "尽早", "严格", "完成", "确保", "进行",
	"新增", "新建", "增设", "建设", "安排", "拨付", "筹措", "筹集", "设立", "印发", "上报", "向",
	"提出", "提前", "具体", "提交", "提供", "先行", "再行", "限期", "派员", "继续", "持续", "专题", "就",
	// Funding: 由市财政局从预备费中列支, 由县财政局予以保障.
	"从", "通过", "予以", "给予", "承担", "列支", "解决",
	// The body a project or procedure names: 由县住建局作为实施机构, 由县城投公司作为业主单位.
	"作为", "担任",
	"，", "。", "、", "；", ",", ".", ";", "）", ")", "（", "(", "\n",
}

// reportVerbs must follow a department named after 同意/听取 for it to be a
// lead (the department that reported).
var reportVerbs = []string{"关于", "的汇报", "汇报", "拟草", "起草", "送审", "报送", "编制", "提交", "牵头起草",
	// …or the department a decision lets act: 同意县卫健局按程序采购.
	"按程序", "按规定", "按照", "负责", "牵头", "抓紧", "组织实施", "具体实施"}

// pageClutter marks lines of a web page's frame rather than the document
// (a model-essay site's heading, a font-size switch).
var pageClutter = []string{"范例", "范文", "字体", "--", "◇", "分享", "当前位置"}

// Tail fields of minutes.
var recorderLabels = []string{"记录人", "记录", "会议记录", "记录员", "纪录"} // 纪录: Taiwanese 紀錄
var distributionLabels = []string{"分送", "抄送", "发送", "报送", "抄报"}

var publishedMarkers = []string{"此件公开发布", "此件主动公开", "公开发布", "主动公开"}

// bylineMarkers introduce names that are not participants.
var bylineMarkers = []string{"记者", "撰稿", "审稿", "编辑", "通讯员", "供稿", "摄影", "来源", "责任编辑", "作者", "校对", "审核"}

// unitFinals are characters that end unit names (局, 委, 办…) and are not
// surnames, so a "name" opening or ending with one is a piece of a unit.
const unitFinals = "局委办院会处所队站署厅部组"

// levelChars are the administrative levels a relative unit name opens
// with (市发改委, 县民政局) or a place name ends with (苏州市, 吴江区).
const levelChars = "省市区县州旗乡镇"

// nameLevelChars are the levels that cannot open a person's name; 区 is
// left out because it is also a surname (区雪凤).
const nameLevelChars = "省市县州旗乡镇"

// unitSuffixes end the name of a unit that is not in the department table
// (a county, a customs office, a branch).
const unitSuffixes = "市县区局委办院会处所队站中心署行关团部厅司组支镇乡街道园社校馆室台厂场联"

// cnNumeral is a Chinese numeral as used for item numbers.
const cnNumeral = `[一二三四五六七八九十百零〇]+`

// sentenceEnd holds the marks that end a sentence.
const sentenceEnd = "。！？!?"

// Patterns.
var (
	// headingRe matches a first-level heading "一、…".
	headingRe = regexp.MustCompile(`^(` + cnNumeral + `)[、.．]\s*(.*)$`)
	// subHeadingRe matches "（一）", "(1)", "1." and "1、".
	subHeadingRe = regexp.MustCompile(`^(?:[（(]\s*(?:` + cnNumeral + `|\d{1,2})\s*[)）]|\d{1,2}[、.．](?:\D|$))`)
	// itemNoRe is the number opening an item, for stripping it.
	itemNoRe = regexp.MustCompile(`^\s*(?:[（(]\s*(?:` + cnNumeral + `|\d{1,2})\s*[)）]|(?:` + cnNumeral + `|\d{1,2})[、．.])\s*`)
	// inlineHeadingRe finds "。二、" where a paragraph holds several items.
	inlineHeadingRe = regexp.MustCompile(`[。；;：:!！]\s*(` + cnNumeral + `)、`)
	// labelRe matches "标签：值" at the start of a line (label of 2–8 Han
	// characters, possibly spaced).
	labelRe = regexp.MustCompile(`^[•·\-\s]*([\p{Han}][\p{Han} 　]{0,10}[\p{Han}])\s*[:：]\s*(.*)$`)
	// simplyCalledRe removes "（以下简称《X》）" aliases.
	simplyCalledRe = regexp.MustCompile(`[（(]以下简称[^）)]*[）)]`)
	// compiledRe is "XX办公室整理".
	compiledRe = regexp.MustCompile(`^(.{2,30}?)(?:整理|印发)$`)
	// emptySessionRe is a meeting number whose digits were lost ("第 次").
	emptySessionRe = regexp.MustCompile(`第\s*次`)
	// issuedRe is a date followed by 印发 ("2020年1月22日印发").
	issuedRe = regexp.MustCompile(`^(.*日)\s*印发$`)
	// speechRe is a report of what someone said at a meeting: "在X会议上强调".
	speechRe = regexp.MustCompile(`在([^，。,;；：:！!\s在]{2,40}?(?:会议|会))上(?:强调|指出|要求|表示|讲话|部署|说)`)
	// footnoteMark is an optional note marker right after a word: ①, ⑴,
	// ¹, *, [1].
	footnoteMark = `(?:[①-⑳⑴-⒇¹²³⁴-⁹*＊]|[\[［〔]\d{1,2}[\]］〕])?`
	// siteVisitRe finds who leads a site visit (…率/带领…赴/到X…现场办公):
	// group 1 the verb, 2 the place visited. The leader may also take a
	// party to a place first and hold the meeting after a comma ("带领…
	// 深入高新区项目现场，并召开现场办公会"): no place is read then.
	siteVisitRe = regexp.MustCompile(`(率队|带队|率|带领)[^。；]{0,80}?(?:(?:赴|到|深入)([^，。；,、\s]{2,20}?)(?:开展|进行|召开|举行)?现场办公|[，,]并?(?:召开|举行)了?现场办公会)`)
	// hostRe splits the intro sentence around 主持.
	hostRe = regexp.MustCompile(`主持(?:召开|举行|开展)?|召集(?:召开)?`)
	// meetingAfterRe finds the meeting name after 召开/举行.
	// A footnote marker may follow the name ("…常务会议①。", "…会议[1]，").
	meetingAfterRe = regexp.MustCompile(`(?:主持召开|主持举行|召开了|召开|举行了|举行|主持)(?:了)?([^，。,;；：:！!\n]{2,60}?(?:会议|会))` + footnoteMark + `(?:[，。,;；：:！!?？\s]|$|并|传达|审议|研究|听取|学习|会议|，)`)
	// meetingBeforeRe finds "X会议在…召开", "X会议于4月16日下午在…召开" and
	// "X会议召开".
	meetingBeforeRe = regexp.MustCompile(`([^，。,;；：:！!\s]{2,40}?(?:会议|会))` + footnoteMark + `(?:于[^，。,在]{1,24})?(?:在[^，。,]{1,30})?(?:召开|举行)`)
)
