package dept

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// genericSuffixes end the names of units the table does not list, longest
// first. 会/联/社 are left out on purpose: as single characters they end too
// many ordinary words (常务会, 形成联动, 经济社会); the table has the real ones.
var genericSuffixes = []string{
	"有限责任公司", "股份有限公司", "有限公司", "分公司", "工作领导小组办公室", "领导小组办公室", "村民委员会", "居民委员会", "社区居委会", "管理委员会", "街道办事处", "中心支行", "执法队", "委员会", "管委会", "村委会", "居委会", "办公室", "办事处",
	"党总支", "党支部", "研究室", "督查室", "研究院", "出版社", "幼儿园", "派出所", "信用社", "分局", "支队", "大队", "中队", "中支", "海关",
	"中心", "集团", "公司", "银行", "分行", "支行", "医院", "报社", "小学", "中学", "学校", "学院", "大学",
	"局", "委", "办", "厅", "院", "部", "室", "所", "站", "署", "处", "科",
}

// companySuffixes end a company's registered name, whose stem validStem
// reads more loosely.
// A company's branch names the city it serves (中国联通湘潭市分公司,
// 中国电信市分公司).
var companySuffixes = map[string]bool{"有限责任公司": true, "股份有限公司": true, "有限公司": true, "分公司": true}

// companyWords are characters of stemBan that companies' names use in
// words of their own: 资本, 经营, 和平.
var companyWords = charSet("本经和")

// genericSuffixRunes and levelSuffixRunes are the lists above as runes,
// converted once.
var (
	genericSuffixRunes = toRunes(genericSuffixes)
	levelSuffixRunes   = toRunes(levelSuffixes)
)

func toRunes(ss []string) [][]rune {
	out := make([][]rune, len(ss))
	for i, s := range ss {
		out[i] = []rune(s)
	}
	return out
}

// levelSuffixes end a place name, longest first.
var levelSuffixes = []string{
	"特别行政区", "自治区", "自治州", "自治县", "自治旗", "联合旗", "地区", "街道", "省", "市", "区", "县", "旗", "盟", "镇", "乡",
	// An autonomous prefecture by its short name (红河州, 昌吉州).
	"州",
}

// prefectureShortNames are the autonomous prefectures as their documents
// shorten them before 州 (红河州 for 红河哈尼族彝族自治州); 博州, 巴州 and
// 克州 have one-character stems, which no first place may have.
var prefectureShortNames = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields("延边 恩施 湘西 阿坝 甘孜 凉山 黔东南 黔南 黔西南 楚雄 红河 文山 西双版纳 大理 德宏 怒江 迪庆 " +
		"临夏 甘南 海北 黄南 海南 果洛 玉树 海西 昌吉 伊犁") {
		m[n] = true
	}
	return m
}()

// levelRank orders the levels, so a chain of places only descends
// (省 → 市 → 区/县 → 镇/乡/街道).
var levelRank = map[string]int{
	"特别行政区": 1, "自治区": 1, "省": 1,
	"自治州": 2, "州": 2, "地区": 2, "市": 2, "盟": 2,
	"自治县": 3, "自治旗": 3, "联合旗": 3, "区": 3, "县": 3, "旗": 3,
	"街道": 4, "镇": 4, "乡": 4,
}

// levelsByFirst indexes levelSuffixes by their first character, longest
// first, for placeChain's test at every possible end of a stem.
var levelsByFirst = func() map[rune][]int {
	m := map[rune][]int{}
	for i, lr := range levelSuffixRunes {
		m[lr[0]] = append(m[lr[0]], i)
	}
	return m
}()

// relLevels maps a relative prefix (市应急局 → 市) to the levels of the
// issuer's place it refers to.
var relLevels = map[rune][]string{
	'省': {"省", "自治区"},
	'市': {"市"},
	'区': {"区"},
	'县': {"县", "自治县"},
	'旗': {"旗", "自治旗"},
	// 州 as a prefix (州公安局) is the prefecture of a 自治州 (红河州): a
	// relative unit only where a word starts, since 苏州, 广州 end with it.
	'州': {"自治州", "州"},
	'盟': {"盟"},
	'镇': {"镇"},
	'乡': {"乡"},
}

// charSet is the set of the characters of s.
func charSet(s string) map[rune]bool {
	m := make(map[rune]bool, len(s)/3)
	for _, r := range s {
		m[r] = true
	}
	return m
}

// stemBan holds characters that never occur inside a place name or the stem
// of a generic unit: unit suffixes (a stem holding one has run into the next
// unit), level characters, and function words of running text.
var stemBan = charSet("局委办厅部院室所处署队会站副省市县区乡镇的各等及与或了在是为对向把将由请其该本我这那和并从按经被让给至到于以")

// placeBan holds characters that never occur inside a place name; 副 is a
// deputy's post (常务副县长刘洪 has no place 常务副县).
var placeBan = charSet("局委办厅部院室所处署队会省市县区乡镇的各等及了在是为对向把将由请其该这那并从按经被让给至到以副")

// genericPhrases make a stem a reference to departments in general, not to
// one department: 有关部门, 相关单位, 主管部门, 各级政府.
var genericPhrases = []string{"有关", "相关", "其他", "上级", "主管", "分管", "职能", "责任", "牵头", "成员", "直属", "所属", "下属", "会议", "工作部", "各级"}

// notPlaceWords never occur in a place name; they are what running text puts
// before a unit ("原则同意县水务局", "确保海关", "进一步优化区域布局").
var notPlaceWords = []string{"修订", "提高", "修改", "制定", "追加", "补助", "划拨", "奖励", "移交", "拨付", "补贴", "资助", "下达", "给予", "奖补", "返还", "拨给", "调拨",
	"原则", "同意", "学习", "程序", "名义", "做好", "推动", "调动", "实行", "确保", "简化",
	"优化", "进一步", "加强", "支持", "要求", "根据", "按照", "通过", "组织", "研究", "落实", "完善", "推进", "建设",
	"发展", "工作", "负责", "牵头", "配合", "指导", "督促", "协调", "报告", "提请", "审议", "听取", "召开", "参加",
	"出席", "列席", "领导", "全面", "积极", "认真", "我国", "全国", "国家", "中央", "中国", "某某", "如何", "已经",
	"批复", "同时", "以及", "有关", "相关", "其他", "所有", "重点", "继续", "开展", "实施", "改革", "经济", "社会",
	"服务", "管理", "企业", "项目", "国际", "关于", "对于", "为了", "围绕", "加快", "全力", "各个", "一个", "两个",
	"部分", "这个", "调整", "成立", "设立", "撤销", "组建", "保留", "不再", "印发", "公布", "规范", "促进", "深化", "健全", "建立", "保障", "统筹",
	"新建", "改建", "扩建", "用于", "前报", "上报", "报送", "城乡", "乡镇", "镇乡", "志任", "担任", "兼任", "改任",
	"经费", "退回", "发回", "率", "带领",
	// 直辖市 is a kind of place in a list of kinds (各省、自治区、直辖市教育厅).
	"直辖"}

// notStemWords never occur in the stem of a unit outside the table.
var notStemWords = []string{"原则", "同意", "名义", "做好", "推动", "调动", "实行", "确保", "简化", "进一步",
	"加强", "根据", "按照", "通过", "负责", "牵头", "提请", "审议", "听取", "召开", "参加", "出席", "列席", "政府",
	"某某", "特色", "已经", "签署",
	// Setting a unit up is no part of its name: 支持我区设立台胞就业服务中心.
	"设立", "成立", "组建", "撤销",
	// A post given to a person: 由贾建国兼任办公室主任.
	"兼任", "担任", "改任"}

// wordEnds are ordinary words that end in a unit suffix (布局, 干部, 举办,
// 网站, 行政中心): a unit outside the table never ends in one.
var wordEnds = toRunes([]string{"布局", "格局", "大局", "全局", "结局", "僵局", "开局", "变局", "政局", "时局", "战局",
	"全部", "内部", "外部", "干部", "总部", "本部", "基部", "顶部", "底部", "中部", "东部", "西部", "南部", "北部",
	"举办", "主办", "承办", "督办", "创办", "申办", "交办", "代办", "查办", "包办", "协办", "开办", "兴办", "筹办",
	"好处", "到处", "各处", "难处", "住处", "长处", "益处", "之处", "相处", "别处", "深处",
	"场所", "住所", "处所", "厕所", "诊所", "网站", "车站", "签署", "大厅", "餐厅", "庭院", "剧院",
	"常委", "行政中心", "会议室", "会议中心", "活动中心", "活动室", "大院", "机关院", "机关大院", "宿舍院", "家属院",
	// Schools in general (县中小学校), not one school.
	"中小学", "中小学校",
	// Fields, grades and wards, no section of an office (社会事务科).
	"学科", "本科", "专科", "分科", "全科", "文科", "理科", "工科", "医科", "外科", "内科", "儿科", "妇科", "眼科", "骨科",
	"牙科", "百科", "前科"})

// directions alone are parts of a place, not units: 区东南部, 市中部.
const directions = "东西南北中上下内外前后"

// blockedBigrams are a unit's last character followed by one that makes it
// an ordinary word (部署, 局面, 办法, 社会 …): no unit ends there.
var blockedBigrams = func() map[[2]rune]bool {
	m := map[[2]rune]bool{}
	for _, w := range []string{"部署", "部分", "部门", "部位", "局面", "局势", "局部", "办法", "办理", "办公", "办事",
		"办好", "委员", "会议", "所有", "所以", "所属", "所在", "所得", "所辖", "处理", "处置", "处罚", "处于", "站在",
		"队伍", "心城", "室内", "院校", "院士", "厅堂", "学生", "科学", "科技", "科研", "科室", "科普", "府办", "局限", "署名", "市场", "市民", "区域", "区位"} {
		r := []rune(w)
		m[[2]rune{r[0], r[1]}] = true
	}
	return m
}()

// relBlocked are characters before 市/区/县 that make it part of an ordinary
// word (城市, 超市, 社区, 园区) rather than a relative place prefix.
var relBlocked = func() map[[2]rune]bool {
	m := map[[2]rune]bool{}
	for _, w := range []string{"城市", "超市", "都市", "门市", "上市", "股市", "集市", "夜市", "楼市", "车市", "全市", "各市",
		"社区", "园区", "景区", "小区", "辖区", "片区", "山区", "库区", "老区", "灾区", "郊区", "矿区", "牧区", "专区", "示范区", "试验区", "保护区", "功能区",
		// 粤港澳大湾区建设领导小组办公室 has no 区建设领导小组办公室.
		"大湾区", "经济特区", "自贸区", "综保区", "校区", "实验区",
		"郡县", "城乡", "城区", "辖市",
		// A town's old quarter or a themed town is no town's level: 塘栖古镇旅游发展有限公司.
		"古镇", "小镇",
		// 乡镇 and 镇乡 are the towns in general: 各镇乡街道 has no 乡街道.
		"乡镇", "镇乡"} {
		r := []rune(w)
		m[[2]rune{r[len(r)-2], r[len(r)-1]}] = true
	}
	return m
}()

// LevelInWord reports a level character (市, 区, 县) that ends a word with
// the character before it (城市, 社区, 实验区) rather than prefixing a unit.
func LevelInWord(before, level rune) bool { return relBlocked[[2]rune{before, level}] }

// relNextBlocked are a relative prefix followed by a character that makes
// it an ordinary word (区域, 市场, 县城): 区域布局 is no 区…局.
var relNextBlocked = func() map[[2]rune]bool {
	m := map[[2]rune]bool{}
	for _, w := range []string{"区域", "区位", "区间", "区别", "区分", "区块", "市场", "市容", "市面", "县域", "县城", "省份", "省内", "市内", "区内", "县内", "镇域",
		"市级", "县级", "区级", "省级", "乡级", "镇级", "乡街", "镇街"} {
		r := []rune(w)
		m[[2]rune{r[0], r[1]}] = true
	}
	return m
}()

// boundaryRunes may stand right before a place-prefixed unit in running
// text: "由苏州市应急局", "请昆山市…", "市发改委和苏州海关".
const boundaryRunes = "由请和与及同成将经对向在从按是为并至到于把被让给以、"

// agentMarkers introduce the body that is to act, so an unknown unit after
// them is taken even without a place: "由兴东集团按程序组织实施".
var agentMarkers = []string{"由", "请", "责成", "会同", "交由"}

// agentRunes are agentMarkers as runes, for longestAt's test at every
// position of a text.
var agentRunes = func() [][]rune {
	out := make([][]rune, len(agentMarkers))
	for i, a := range agentMarkers {
		out[i] = []rune(a)
	}
	return out
}()

// verbMarkers are words that often stand right before a unit in running text;
// a place seemingly starting with one ("责成县", "要求苏州市") starts after it.
var verbMarkers = []string{"责成", "会同", "交由", "要求", "同意", "支持", "督促", "指导", "协调", "委托", "授权",
	"通知", "组织", "配合", "联合", "协助", "听取", "审议", "批准", "报请", "提请", "商请", "邀请", "抄送", "分送", "主送"}

// The word lists as sets of runes: the place and stem tests run for every
// span of every text searched for units, too often to build strings.
var (
	notPlaceSet   = newWordSet(notPlaceWords)
	notStemSet    = newWordSet(genericPhrases, notStemWords)
	verbMarkerSet = newWordSet(verbMarkers)
)

// wordStarts are the first two characters of the words no place holds.
var wordStarts = func() map[[2]rune]bool {
	m := map[[2]rune]bool{}
	for _, w := range notPlaceWords {
		if r := []rune(w); len(r) >= 2 {
			m[[2]rune{r[0], r[1]}] = true
		}
	}
	return m
}()

// verbsBeforeUnits are the words of notPlaceWords that running text puts
// right before a unit ("原则同意德阳经开区管委会", "支持国家产业创新中心"); the
// nouns among them (服务, 经济) end the unit before, in a list run together.
var verbsBeforeUnits = []string{"同意", "学习", "做好", "推动", "调动", "实行", "确保", "简化", "优化", "加强",
	"支持", "要求", "根据", "按照", "通过", "组织", "研究", "落实", "完善", "推进", "负责", "牵头", "配合", "指导",
	"督促", "协调", "提请", "审议", "听取", "召开", "参加", "出席", "列席", "批复", "以及", "关于", "对于", "为了",
	"围绕", "加快", "调整", "成立", "设立", "撤销", "组建", "保留", "不再", "印发", "公布", "规范", "促进", "深化", "健全", "建立", "保障", "统筹",
	"新建", "改建", "扩建", "用于", "前报", "上报", "报送", "担任", "兼任", "改任", "同志任", "退回", "发回",
	// A leader taking units along: 市长吴斌率市发改局…赴崇福镇.
	"率", "带领",
	// Money and assets given to a unit: 追加市疾控中心经费, 补助市人民医院.
	"追加", "补助", "划拨", "奖励", "移交", "拨付", "补贴", "资助", "下达", "给予", "奖补", "返还", "拨给", "调拨"}

// wordsByLast are verbsBeforeUnits by their last character.
var wordsByLast = func() map[rune][][]rune {
	m := map[rune][][]rune{}
	for _, w := range verbsBeforeUnits {
		r := []rune(w)
		m[r[len(r)-1]] = append(m[r[len(r)-1]], r)
	}
	return m
}()

// endsWord reports whether rs ends with one of verbsBeforeUnits.
func endsWord(rs []rune) bool {
	if len(rs) == 0 {
		return false
	}
	for _, w := range wordsByLast[rs[len(rs)-1]] {
		if hasSuffix(rs, w) {
			return true
		}
	}
	return false
}

// wordSet holds words by their first character.
type wordSet map[rune][][]rune

func newWordSet(lists ...[]string) wordSet {
	ws := wordSet{}
	for _, l := range lists {
		for _, w := range l {
			rs := []rune(w)
			ws[rs[0]] = append(ws[rs[0]], rs)
		}
	}
	return ws
}

// in reports whether any of the words occurs in s.
func (ws wordSet) in(s []rune) bool {
	for i := range s {
		if ws.opens(s[i:]) {
			return true
		}
	}
	return false
}

// opens reports whether s starts with any of the words.
func (ws wordSet) opens(s []rune) bool {
	if len(s) == 0 {
		return false
	}
	for _, w := range ws[s[0]] {
		if hasPrefix(s, w) {
			return true
		}
	}
	return false
}

type headKind uint8

const (
	headNone     headKind = iota
	headRel               // 市…: the issuer's place
	headExplicit          // 苏州市…, 珠海市斗门区…, 国家…
	headBare              // 苏州海关: a place without its level
)

// parsed is a department name split into its parts.
type parsed struct {
	entry     int // table entry, -1 for a generic unit or a place
	cat       string
	head      string // place part as written, without a 政府/委 marker
	kind      headKind
	rel       rune
	core      string // the department part: key or stem+suffix
	tmplPlace string // the place inside a template name (人行苏州中支 → 苏州)
	tmplKind  headKind
	place     bool // the whole name is a place (张家港市)
	// parent is the department a sub-unit belongs to (县公安局 in
	// 县公安局交警大队); the sub-unit takes its place from it.
	parent *parsed
	// merged marks a unit outside the table made of two bureaus the table
	// knows (规划建设局): as good as a table entry, also without a place.
	merged bool
}

// merged reports a stem made of the stems of two table units with the same
// suffix: 规划|建设 + 局, 安监|环保 + 局, the merged bureaus of development
// zones and small counties.
func (t *Table) merged(stem, suffix []rune) bool {
	if len(suffix) != 1 {
		return false
	}
	for i := 2; i <= len(stem)-2; i++ {
		if _, ok := t.keys[string(stem[:i])+string(suffix)]; !ok {
			continue
		}
		if _, ok := t.keys[string(stem[i:])+string(suffix)]; ok {
			return true
		}
	}
	return false
}

func isHan(r rune) bool {
	// The CJK Unified Ideographs block first: nearly every character checked.
	return r >= 0x4E00 && r <= 0x9FFF || r == '〇' || r > 0x2E7F && unicode.Is(unicode.Han, r)
}

// parse splits a name into place and department, as Resolve accepts it.
func (t *Table) parse(s string) (parsed, bool) {
	return t.parseMode([]rune(s), nil, mode{places: true, bareGeneric: true})
}

// mode says what parseMode accepts besides table entries with a valid head.
type mode struct {
	places bool // a bare place is a unit (张家港市): attendee runs, Resolve
	// bareGeneric admits a unit outside the table without a place when its
	// suffix has several characters (兴东集团, not 总理签署): Resolve, and Find
	// after 由/请. Lengths leaves it out: in a run without separators a name
	// would run into it ("力人行苏州中支").
	bareGeneric bool
}

// parseMode splits rs into place and department. gaps[i] reports whitespace
// before rs[i] (nil when there is none): a place never spans whitespace,
// while a department name may be wrapped across lines.
func (t *Table) parseMode(rs []rune, gaps []bool, md mode) (parsed, bool) {
	n := len(rs)
	if n == 0 {
		return parsed{}, false
	}
	// Only a company's name holds a bracket (its （集团）), which validStem
	// checks.
	company := hasSuffix(rs, []rune("公司"))
	for _, r := range rs {
		if !isHan(r) && !(company && (isOpenParen(r) || isCloseParen(r))) {
			return parsed{}, false
		}
	}
	// Names with the place inside: 人行苏州中支, 团市委.
	for _, tp := range t.templates {
		p, s := tp.prefixRunes, tp.suffixRunes
		if n <= len(p)+len(s) || !hasPrefix(rs, p) || !hasSuffix(rs, s) {
			continue
		}
		mid := rs[len(p) : n-len(s)]
		midGaps := sub(gaps, len(p), n-len(s))
		k := headNone
		switch {
		case len(mid) == 1 && relLevels[mid[0]] != nil:
			k = headRel
		case validPlace(mid, midGaps):
			k = headExplicit
		case validBare(mid, midGaps):
			k = headBare
		default:
			continue
		}
		// A name that starts with its place (湖北金融监管局) is the central
		// agency's branch only under the province's bare name: 市金融监管局
		// and 苏州市金融监管局 are the city's own bureau.
		if len(p) == 0 && k != headBare {
			continue
		}
		return parsed{entry: tp.entry, cat: t.entries[tp.entry].Category, core: string(rs),
			tmplPlace: string(mid), tmplKind: k}, true
	}
	// The longest table key that ends the name and leaves a valid head.
	var lens [maxUnitRunes + 1]int
	var refs [maxUnitRunes + 1]keyRef
	found := 0
	for k, nd := 1, t.rkeys; k <= n && found < len(lens); k++ {
		if nd = nd.next[rs[n-k]]; nd == nil {
			break
		}
		if nd.key {
			lens[found], refs[found] = k, nd.ref
			found++
		}
	}
	for j := found - 1; j >= 0; j-- {
		k, ref := lens[j], refs[j]
		cat := t.entries[ref.entry].Category
		if k == 1 && n == 1 {
			continue // 委 alone is no unit
		}
		// A bank's short name (农行, 工行) also ends words and names (施工行业,
		// 创建行动, 建筑施工行, 农行 a person): only a place with its level
		// makes it a bank.
		shortBank := k == 2 && rs[n-1] == '行'
		if p, ok := t.head(rs[:n-k], sub(gaps, 0, n-k), cat); ok {
			if shortBank && (p.kind == headNone || p.kind == headBare) {
				continue
			}
			p.entry, p.cat, p.core = ref.entry, cat, string(rs[n-k:])
			return p, true
		}
		if shortBank {
			continue
		}
		// A national body (中国工商银行) is no sub-unit of a local bureau:
		// "市公安局\n中国工商银行…" is a list.
		if hasPrefix(rs[n-k:], []rune("中国")) {
			continue
		}
		if p, ok := t.subUnit(rs[:n-k], sub(gaps, 0, n-k), cat); ok {
			p.entry, p.cat, p.core = ref.entry, cat, string(rs[n-k:])
			return p, true
		}
	}
	if p, ok := t.zoneCommittee(rs, gaps, md); ok {
		return p, true
	}
	if p, ok := t.nationalBranch(rs, gaps); ok {
		return p, true
	}
	if md.places && validPlace(rs, gaps) {
		return parsed{entry: -1, place: true, head: string(rs), kind: headExplicit}, true
	}
	if p, ok := t.ordinalBranch(rs, gaps); ok {
		return p, true
	}
	// A unit outside the table: [place] stem suffix.
	if endsInWord(rs) {
		return parsed{}, false
	}
	for _, sr := range genericSuffixRunes {
		if n < len(sr)+2 || !hasSuffix(rs, sr) {
			continue
		}
		// "中国电信市分公司\n中国移动市分公司": a company's long stem may hold a
		// place, but not a line break after another unit's suffix.
		if companySuffixes[string(sr)] && unitBeforeBreak(rs, gaps) {
			continue
		}
		body := rs[:n-len(sr)]
		for h := len(body) - 2; h >= 0; h-- {
			stem := body[h:]
			before := rune(0)
			if h > 0 {
				before = body[h-1]
			}
			if ok, longer := validStem(stem, before, companySuffixes[string(sr)]); !ok {
				if !longer {
					break
				}
				continue
			}
			if h == 0 {
				if t.merged(stem, sr) {
					return parsed{entry: -1, core: string(rs), merged: true}, true
				}
				// After 由/请 a stem and 局 name a bureau (由招商服务局负责),
				// unless wrapped (由 is also a surname: "由斌　州水利局");
				// the other one-character suffixes end verbs and words
				// there (由总理签署).
				// A national enterprise's branch names itself: 中国电信市分公司,
				// 国网宁远供电公司.
				if hasSuffix(sr, []rune("公司")) && (hasPrefix(stem, []rune("中国")) || hasPrefix(stem, []rune("国网"))) && !hasGap(gaps, 0, n) {
					return parsed{entry: -1, core: string(rs)}, true
				}
				if !md.bareGeneric || len(sr) < 2 && (sr[0] != '局' || hasGap(gaps, 1, n)) {
					continue
				}
				return parsed{entry: -1, core: string(rs)}, true
			}
			p, ok := t.head(body[:h], sub(gaps, 0, h), CatGov)
			// 科 ends too many words and names (学科, 阿鲁科尔沁旗): a section
			// only of the issuer's own offices (街道社会事务科, 镇财政科).
			if ok && len(sr) == 1 && sr[0] == '科' && p.kind != headRel {
				continue
			}
			if ok && p.kind != headBare && p.kind != headNone && !relBlockedAt(p, rs, h) {
				p.entry, p.core = -1, string(rs[h:])
				return p, true
			}
			// A branch's own name is a short place (北山, 城关): a longer
			// stem is a person's name run into the next unit in a list
			// (旗水利局王凤|旗生态环境分局).
			if !ok && branchSuffixes[string(sr)] && len(stem) == 2 && validPlaceStem(stem) && !hasGap(gaps, h, n) {
				if p, ok := t.branchOf(body[:h], sub(gaps, 0, h)); ok {
					p.core = string(rs[h:])
					return p, true
				}
			}
		}
	}
	return parsed{}, false
}

// nationalBranch reads a national agency's bureau for a province, named by
// the agency and the province's bare name: 国家矿山安全监察局山西局,
// 国家能源局山西监管办, one unit, not the agency with 山西局 after it.
func (t *Table) nationalBranch(rs []rune, gaps []bool) (parsed, bool) {
	n := len(rs)
	if n < 8 || rs[n-1] != '局' && rs[n-1] != '办' || !hasPrefix(rs, []rune("国家")) {
		return parsed{}, false
	}
	// The province's name and its suffix take at most five characters;
	// testing them before the agency keeps the reading linear (the agency
	// is parsed by parseMode, which calls back here).
	for k := n - 3; k >= max(4, n-6); k-- {
		if rs[k-1] != '局' || !bareBranchTail(rs[k:n-1], sub(gaps, k, n-1)) {
			continue
		}
		p, ok := t.parseMode(rs[:k], sub(gaps, 0, k), mode{})
		if ok && (p.cat == CatNational || p.kind == headExplicit && p.head == "国家") {
			return parsed{entry: -1, kind: headExplicit, head: "国家", core: string(rs[2:])}, true
		}
	}
	return parsed{}, false
}

// bareBranchTail reports a province's bare name, alone or before 监管 or
// 分, as a national agency's branch ends (山西|局, 山西监管|办, 山西分|局).
func bareBranchTail(tail []rune, gaps []bool) bool {
	for _, w := range []string{"监管", "分", ""} {
		if pl, ok := cutSuffix(tail, []rune(w)); ok && len(pl) <= 3 && validBare(pl, sub(gaps, 0, len(pl))) {
			return true
		}
	}
	return false
}

// zoneCommitteeRunes end the committee that runs a zone named after its
// place or purpose.
var zoneCommitteeRunes = toRunes([]string{"管理委员会", "管委会"})

// zoneCommittee reads the committee of a zone the table does not list:
// [place] name + 区/园 + 管委会 (滨海工业区管委会, 宁波保税区管委会,
// 南沙自贸片区管委会, 化工园管委会). 区 ends the zone's name here, not a
// district's. Without a place in front, it needs a bareGeneric reader
// (由港区管委会负责).
func (t *Table) zoneCommittee(rs []rune, gaps []bool, md mode) (parsed, bool) {
	for _, sr := range zoneCommitteeRunes {
		body, ok := cutSuffix(rs, sr)
		if !ok || len(body) < 2 {
			continue
		}
		if z := body[len(body)-1]; z != '区' && z != '园' || t.endsInZone(body) {
			return parsed{}, false
		}
		zone := body[:len(body)-1]
		// The shortest place in front: 宁波|保税区, 市|化工园.
		for h := 0; h < len(zone); h++ {
			if !zoneName(zone[h:]) || unitBeforeBreak(zone[h:], sub(gaps, h, len(zone))) {
				continue
			}
			if h == 0 {
				if md.bareGeneric {
					return parsed{entry: -1, core: string(rs)}, true
				}
				continue
			}
			if p, ok := t.placeHead(zone[:h], sub(gaps, 0, h), CatZone); ok && !relBlockedAt(p, rs, h) {
				p.entry, p.core = -1, string(rs[h:])
				return p, true
			}
		}
	}
	return parsed{}, false
}

// unitBeforeBreak reports a name wrapped after a unit's suffix
// ("中心小学\n滨海工业"): units listed a line each, not one name.
func unitBeforeBreak(rs []rune, gaps []bool) bool {
	for k := 1; k < len(rs); k++ {
		if k >= len(gaps) || !gaps[k] {
			continue
		}
		for _, sr := range genericSuffixRunes {
			if hasSuffix(rs[:k], sr) {
				return true
			}
		}
	}
	return false
}

// endsInZone reports a name ending in a zone the table knows (经开区,
// 高新区): the table says what may stand before it, so "张卫东廊坊开发区管委会"
// is no zone of its own.
func (t *Table) endsInZone(rs []rune) bool {
	for k := 2; k <= len(rs) && k <= t.maxKey; k++ {
		if ref, ok := t.keys[string(rs[len(rs)-k:])]; ok && t.entries[ref.entry].Category == CatZone {
			return true
		}
	}
	return false
}

// zoneBan holds the characters no zone's name holds: stemBan without 经
// and 和 (临空经济示范区, 中德和平产业园), with every level, since a place
// goes in front of the name (宁波|保税区), not inside it.
var zoneBan = charSet("局委办厅部院室所处署队会站副省市县区乡镇旗州盟的各等及与或了在是为对向把将由请其该本我这那并从按被让给至到于以")

// zoneName reports whether name, without its final 区 or 园, can name a
// zone: 港 (港区), 临空经济示范, not 各 or 东.
func zoneName(name []rune) bool {
	if len(name) > 8 || len(name) == 1 && strings.ContainsRune(directions, name[0]) {
		return false
	}
	for _, r := range name {
		if zoneBan[r] || !isHan(r) {
			return false
		}
	}
	return !notStemSet.in(name)
}

// subUnit accepts a government department with a place as the head of an
// agency or institution under it: 县公安局|交警大队, 市财政局|国库支付中心.
func (t *Table) subUnit(h []rune, gaps []bool, cat string) (parsed, bool) {
	if cat != CatVertical && cat != CatCenter {
		return parsed{}, false
	}
	return t.owner(h, gaps, CatGov)
}

// owner reads h as a department of the table, of one of cats and with a
// place, that owns the unit after it (subUnit, branchOf): the unit takes
// its place from it.
func (t *Table) owner(h []rune, gaps []bool, cats ...string) (parsed, bool) {
	if len(h) < 3 {
		return parsed{}, false
	}
	pp, ok := t.parseMode(h, gaps, mode{})
	if !ok || pp.entry < 0 || !slices.Contains(cats, pp.cat) || pp.parent != nil || pp.kind == headNone || pp.kind == headBare {
		return parsed{}, false
	}
	return parsed{kind: pp.kind, rel: pp.rel, head: pp.head, parent: &pp}, true
}

// branchSuffixes end a bureau's local branches and squads, named by their
// place after the bureau: 区城管局北山中队, 县公安局城关派出所.
var branchSuffixes = map[string]bool{"中队": true, "大队": true, "支队": true, "分局": true, "派出所": true, "所": true, "站": true}

// branchOf accepts a department with a place as the owner of a branch the
// table does not list, as subUnit does for those it lists.
func (t *Table) branchOf(h []rune, gaps []bool) (parsed, bool) {
	p, ok := t.owner(h, gaps, CatGov, CatVertical)
	p.entry = -1
	return p, ok
}

// ordinalSuffixes end the numbered branches of a bureau.
var ordinalSuffixes = toRunes([]string{"派出所", "分局", "大队", "支队", "中队", "局", "所", "处"})

// ordinalBranch reads a bureau's numbered branch (市税务局第一稽查局,
// 县公安局第二派出所) as one unit under the bureau: the bureau alone was
// found, and the branch lost.
func (t *Table) ordinalBranch(rs []rune, gaps []bool) (parsed, bool) {
	i := slices.Index(rs, '第')
	if i < 3 || i+2 >= len(rs) || hasGap(gaps, i, len(rs)) {
		return parsed{}, false
	}
	k := i + 1
	for k < len(rs) && k-i <= 3 && strings.ContainsRune("一二三四五六七八九十", rs[k]) {
		k++
	}
	if k == i+1 {
		return parsed{}, false
	}
	for _, sr := range ordinalSuffixes {
		stem, ok := cutSuffix(rs[k:], sr)
		if !ok || len(stem) > 4 {
			continue
		}
		for _, r := range stem {
			if stemBan[r] || !isHan(r) {
				return parsed{}, false
			}
		}
		p, ok := t.branchOf(rs[:i], sub(gaps, 0, i))
		if !ok {
			return parsed{}, false
		}
		p.core = string(rs[i:])
		return p, true
	}
	return parsed{}, false
}

// endsInWord reports a name that ends in an ordinary word (布局, 行政中心).
func endsInWord(rs []rune) bool {
	if len(rs) == 0 {
		return false
	}
	for _, w := range wordEndsByLast[rs[len(rs)-1]] {
		if hasSuffix(rs, w) {
			return true
		}
	}
	return false
}

// wordEndsByLast indexes wordEnds by their last character.
var wordEndsByLast = func() map[rune][][]rune {
	m := map[rune][][]rune{}
	for _, w := range wordEnds {
		last := w[len(w)-1]
		m[last] = append(m[last], w)
	}
	return m
}()

// relBlockedAt reports a relative prefix that is really the start of a word
// with the character after it (区域, 市场). Only units outside the table are
// checked: a table key right after the prefix wins over the word, so
// 县|城管综合执法局, 县|城市管理局 and 县|城乡建设局 are not 县城 + something.
func relBlockedAt(p parsed, rs []rune, h int) bool {
	return p.kind == headRel && h < len(rs) && relNextBlocked[[2]rune{p.rel, rs[h]}]
}

// head checks the part of a name before its department: nothing, a relative
// prefix, a place, or a place followed by the 政府/委 that owns the department.
func (t *Table) head(h []rune, gaps []bool, cat string) (parsed, bool) {
	if len(h) == 0 {
		return parsed{kind: headNone}, true
	}
	if cat == CatNational || cat == CatCentral {
		return parsed{}, false
	}
	// 市政府外办, 苏州市人民政府外事办公室, 县委督查室: the owner between place and department.
	var markers []string
	switch cat {
	case CatParty:
		markers = []string{"委"}
	case CatGov, CatCenter, CatVertical:
		markers = []string{"人民政府", "政府"}
	}
	if cat == CatParty {
		// 自治区党委组织部: a region's Party committee is its 党委.
		if rest, ok := cutSuffix(h, []rune("党")); ok && len(rest) > 0 {
			if p, ok := t.placeHead(rest, sub(gaps, 0, len(rest)), cat); ok {
				return p, true
			}
		}
	}
	for _, m := range markers {
		if rest, ok := cutSuffix(h, []rune(m)); ok && len(rest) > 0 {
			if p, ok := t.placeHead(rest, sub(gaps, 0, len(rest)), cat); ok {
				return p, true
			}
		}
	}
	return t.placeHead(h, gaps, cat)
}

func (t *Table) placeHead(h []rune, gaps []bool, cat string) (parsed, bool) {
	if len(h) == 1 && relLevels[h[0]] != nil {
		return parsed{kind: headRel, rel: h[0], head: string(h)}, true
	}
	// The heads named below are short: their text is built once, and only
	// for a short head (placeHead runs for every span a text is searched in).
	s := ""
	if len(h) <= 8 {
		s = string(h)
	}
	switch {
	// 自治区发展改革委 in a Guangxi document: the region's, like 省… in a
	// province's.
	case s == "自治区":
		return parsed{kind: headRel, rel: '省', head: s}, true
	// 自治州民族宗教事务委员会, 自治县财政局: the prefecture's and county's own.
	case s == "自治州" || s == "自治县":
		return parsed{kind: headRel, rel: h[2], head: s}, true
	// 地区粮食局 in a prefecture's (行署) document, 林区财政局 in 神农架林区's:
	// place levels of their own, not 区 after a stray character.
	case (s == "地区" || s == "林区") && !hasGap(gaps, 1, 2):
		return parsed{kind: headRel, rel: h[0], head: s}, true
	// 街道城建办, 街道财政所 in a sub-district's minutes: its offices, as
	// 镇城建办 are a town's.
	case s == "街道" && !hasGap(gaps, 1, 2):
		return parsed{kind: headRel, rel: '街', head: "街道"}, true
	// The Xinjiang Production and Construction Corps governs as a province
	// does and names its bureaus so: 新疆生产建设兵团教育局, 兵团财政局.
	case (s == "新疆生产建设兵团" || s == "兵团") && cat == CatGov:
		return parsed{kind: headExplicit, head: s}, true
	case s == "国家" && cat != CatBody && cat != CatZone:
		return parsed{kind: headExplicit, head: "国家"}, true
	}
	if validPlace(h, gaps) {
		return parsed{kind: headExplicit, head: string(h)}, true
	}
	if (cat == CatVertical || cat == CatZone) && validBare(h, gaps) {
		return parsed{kind: headBare, head: string(h)}, true
	}
	if (cat == CatGov || cat == CatCenter) && t.zoneHead(h, gaps) {
		return parsed{kind: headExplicit, head: string(h)}, true
	}
	return parsed{}, false
}

// zoneHead reports a development zone the table knows, alone or after its
// place, as the owner of the bureau after it: 经开区|建设局, 赣州经开区|招商合作局.
// Its 区 is the zone's, not a district's relative prefix (区|建设局 lost
// the zone, and a block of that 区 lost the bureau).
func (t *Table) zoneHead(h []rune, gaps []bool) bool {
	// Zones' keys end in 区 or a committee's 会; the reversed key trie is
	// walked from the end, as parseMode does, without building strings.
	if n := len(h); n < 3 || h[n-1] != '区' && h[n-1] != '会' {
		return false
	}
	nd := t.rkeys
	for k := 1; k <= len(h) && k <= t.maxKey; k++ {
		if nd = nd.next[h[len(h)-k]]; nd == nil {
			return false
		}
		if !nd.key || k < 3 {
			continue
		}
		ref := nd.ref
		if t.entries[ref.entry].Category != CatZone || hasGap(gaps, len(h)-k+1, len(h)) {
			continue
		}
		// 新区 and 景区 name no zone without a name in front of them.
		if name := t.entries[ref.entry].Name; name == "新区管理委员会" || name == "景区管理委员会" {
			continue
		}
		pl := h[:len(h)-k]
		if len(pl) == 0 || validPlace(pl, sub(gaps, 0, len(pl))) || validBare(pl, sub(gaps, 0, len(pl))) {
			return true
		}
	}
	return false
}

// validPlace reports whether rs is a chain of place names with their level
// (苏州市, 珠海市斗门区, 攀枝花市东区), descending in level, not wrapped.
func validPlace(rs []rune, gaps []bool) bool {
	if len(rs) < 2 || hasGap(gaps, 1, len(rs)) {
		return false
	}
	return placeChain(rs, true, 0)
}

// oneCharCounties are the counties named with one character before 县 (沛县,
// 茂县, 滑县), current and recently renamed. A first place needs two
// characters otherwise, since 全县, 各县, 本县 and 市县 look the same. Left
// out, for the words they make more often than the county: 新县 (新县城,
// 新县长), 和县 (市和县), 代县 (代县长), 应县 (应县政府邀请), 开县 (召开县).
const oneCharCounties = "易献蠡雄磁魏涉威沧青景赵邱蔚唐滦任" + // 河北
	"兴祁沁隰吉绛盂蒲古岚临夏" + // 山西
	"沛丰" + // 江苏
	"歙黟泾萧泗寿" + // 安徽
	"莒单曹冠莘费" + // 山东
	"滑浚淇杞息郏叶陕睢范温嵩" + // 河南
	"房攸茂理" + // 湖北, 湖南, 四川
	"富眉陇乾凤佳彬户华" + // 陕西
	"岷礼徽成康文漳" // 甘肃

// minFirstStem is the shortest stem of a first place at rs: one character
// for a county of oneCharCounties, else two.
func minFirstStem(rs []rune) int {
	if len(rs) >= 2 && rs[1] == '县' && strings.ContainsRune(oneCharCounties, rs[0]) {
		return 1
	}
	return 2
}

func placeChain(rs []rune, first bool, prevRank int) bool {
	if len(rs) == 0 {
		return !first
	}
	minStem := minFirstStem(rs)
	if !first {
		minStem = 1
	}
	for stem := minStem; stem < len(rs) && stem <= 8; stem++ {
		for _, li := range levelsByFirst[rs[stem]] {
			lv, lr := levelSuffixes[li], levelSuffixRunes[li]
			if !hasPrefix(rs[stem:], lr) {
				continue
			}
			rank := levelRank[lv]
			if rank <= prevRank && !(rank == 2 && prevRank == 2 && lv == "市") {
				continue
			}
			maxStem := 4
			switch {
			case strings.HasPrefix(lv, "自治") || lv == "特别行政区":
				maxStem = 8
			case strings.HasSuffix(lv, "旗"):
				maxStem = 6 // banners have Mongolian names: 阿鲁科尔沁旗
			}
			if stem > maxStem || !stemOfLevel(rs[:stem], lv) {
				continue
			}
			if placeChain(rs[stem+len(lr):], false, rank) {
				return true
			}
		}
	}
	return false
}

// stemOfLevel reports whether stem names a place of the level lv after it,
// for every reader of place chains (placeChain, splitChain).
func stemOfLevel(stem []rune, lv string) bool {
	if !validPlaceStem(stem) && !marketTown(stem, lv) && !(wordTowns[string(stem)] && levelRank[lv] == 4) {
		return false
	}
	last := stem[len(stem)-1]
	switch {
	// 乡镇 and 镇乡 are the towns in general (边远乡镇卫生院), and 西湖镇镇长
	// is no place 西湖镇镇.
	case (last == '乡' || last == '镇') && (lv == "镇" || lv == "乡"):
		return false
	// A town's whole name (城关镇, 西湖乡) is no county's or city's stem:
	// "城关镇　县发展改革局" is two units of a list, where 宁乡市 and 安乡县
	// have a one-character stem before 乡.
	case (last == '乡' || last == '镇') && len(stem) >= 3:
		return false
	// 州 alone is a level only after the short name of an autonomous
	// prefecture (红河州): 人行苏州, 苏州工业园区 and 神州 hold none.
	case lv == "州" && !prefectureShortNames[string(stem)]:
		return false
	// 红旗 is a given name (孙红旗), no banner.
	case lv == "旗" && last == '红':
		return false
	// 沙圪堵镇和旗国资委 is the town and the banner's 国资委: no place ends
	// a level and a conjunction (平和县 does not; 和县 is a county).
	case (last == '和' || last == '及' || last == '与') && len(stem) >= 2 && strings.ContainsRune("镇乡县市区旗", stem[len(stem)-2]):
		return false
	}
	return true
}

// wordTowns are words of notPlaceWords that sub-districts and towns are
// named after (建设街道, 发展街道, 新建镇): a whole stem before 街道/镇/乡.
var wordTowns = map[string]bool{"建设": true, "发展": true, "新建": true, "改革": true}

// marketTown reports a town named for its market (新市镇, 柳市镇): 市 ends
// the stem before 镇, after a character that is no quantifier of places
// (全市镇, 各市镇 are every city's towns). Not before 乡: 市乡村振兴局 is
// the city's bureau.
func marketTown(stem []rune, level string) bool {
	n := len(stem)
	if level != "镇" || n < 2 || stem[n-1] != '市' || strings.ContainsRune("全各本该每市县区省", stem[n-2]) {
		return false
	}
	return validPlaceStem(stem[:n-1])
}

func validPlaceStem(s []rune) bool {
	for _, r := range s {
		// 乡 and 镇 occur in the names of counties and cities (宁乡市,
		// 乡宁县, 镇巴县, 镇江市); only a level must end the stem.
		if (r == '乡' || r == '镇') && len(s) >= 2 {
			continue
		}
		if placeBan[r] || !isHan(r) {
			return false
		}
	}
	// The verbs that stand before units (授权, 委托, 责成) open no place.
	return !notPlaceSet.in(s) && !verbMarkerSet.opens(s)
}

// looseBan holds the characters no place name holds, for PlausiblePlace:
// placeBan without the level and function characters that real names use
// (新乡县, 四会市, 周至县, 会理县).
var looseBan = charSet("局委办厅部院室所处署队的各等及了在是为对向把将由请其该这那并从按经被让给到以副")

// notOneCharCounty are the characters before 县 that make a phrase (全县,
// 各县, 本县, 该县), not a one-character county (兴县, 沛县, 新县).
const notOneCharCounty = "全各本我该此邻外每两一二三四五六七八九十某其另原老"

// PlausiblePlace reports whether name reads as one place with its level
// (周至县, 兴县, 阿鲁科尔沁旗, 石林彝族自治县), judged more loosely than the
// place rules for units, since the caller has other evidence that a place
// is named there (a government, a document title). A stem of one character
// is accepted for counties only.
func PlausiblePlace(name string) bool {
	rs := []rune(name)
	for li, lr := range levelSuffixRunes {
		if !hasSuffix(rs, lr) {
			continue
		}
		stem := rs[:len(rs)-len(lr)]
		maxStem := 4
		if strings.HasPrefix(levelSuffixes[li], "自治") || strings.HasSuffix(levelSuffixes[li], "旗") {
			maxStem = 8
		}
		if len(stem) < 1 || len(stem) > maxStem || len(stem) == 1 && (levelSuffixes[li] != "县" || strings.ContainsRune(notOneCharCounty, stem[0])) {
			continue
		}
		ok := true
		for _, r := range stem {
			if looseBan[r] || !isHan(r) || strings.ContainsRune("省市区县旗盟", r) {
				ok = false
				break
			}
		}
		if ok && !notPlaceSet.in(stem) && !verbMarkerSet.opens(stem) {
			return true
		}
	}
	return false
}

// validBare reports whether rs can be a place written without its level
// (苏州 in 苏州海关): two to four characters, not wrapped.
func validBare(rs []rune, gaps []bool) bool {
	if len(rs) < 2 || len(rs) > 4 || hasGap(gaps, 1, len(rs)) {
		return false
	}
	// "决定开发区基础设施建设由…": a verb before a zone is no place.
	if bareStopWords[string(rs)] {
		return false
	}
	return validPlaceStem(rs)
}

// bareStopWords are words that stand before a zone or an agency in prose
// and that no place is called.
var bareStopWords = map[string]bool{"决定": true, "同意": true, "研究": true, "要求": true, "推进": true, "加快": true, "支持": true,
	"依托": true, "明确": true, "确定": true, "建设": true, "发展": true, "所在": true, "周边": true, "相关": true, "有关": true,
	"各个": true, "全国": true, "全省": true, "全市": true, "全县": true,
	// A visit's verbs: "深入高新区重点项目现场", "走进经开区".
	"深入": true, "前往": true, "走进": true, "来到": true, "走访": true, "调研": true, "考察": true, "视察": true, "进驻": true, "入驻": true, "落户": true}

// validStem checks the stem of a unit outside the table (民族宗教事务 in
// 县民族宗教事务局). longer reports whether a stem that starts further left
// may still pass: one too long, or holding a banned character or word, fails
// with all its extensions.
func validStem(s []rune, before rune, company bool) (ok, longer bool) {
	if len(s) < 2 {
		return false, true
	}
	// A company's registered name is longer and may hold its town
	// (杭州塘栖古镇旅游发展有限公司): the suffix is evidence enough.
	if company {
		if len(s) > 16 {
			return false, false
		}
	} else if len(s) > 10 || len(s) > 8 && !slices.Contains(s, '和') && !slices.Contains(s, '与') {
		return false, false
	}
	// "受市长李爱武委托": after a level, 长 makes the head's title (市长);
	// elsewhere it starts names (长虹村委会).
	if s[0] == '长' && relLevels[before] != nil {
		return false, true
	}
	// 省属国有企业公司 are the enterprises a province owns, no unit of it.
	if s[0] == '属' && relLevels[before] != nil {
		return false, false
	}
	allDir := true
	for j, r := range s {
		// 市政 is a word of its own in unit names: 市政园林中心, 市政工程处;
		// so is 市场 (镇市场监管所, 市场服务中心).
		if r == '市' && j+1 < len(s) && (s[j+1] == '政' || s[j+1] == '场') {
			allDir = false
			continue
		}
		// 城市 names a campaign's office (创建全国文明城市工作领导小组办公室),
		// and a city's own agencies (区城市更新事务中心): a stem starting
		// further left may hold it.
		if r == '市' && j > 0 && s[j-1] == '城' {
			allDir = false
			continue
		}
		if r == '市' && j == 0 && before == '城' {
			return false, true
		}
		// So are 社会 and 会展: 社会事业局, 社会事务办, 会展办.
		if r == '会' {
			if j > 0 && s[j-1] == '社' || j+1 < len(s) && s[j+1] == '展' {
				allDir = false
				continue
			}
			if j == 0 {
				return false, before == '社' // a stem starting further left may hold 社会
			}
		}
		// 城乡 (住房城乡建委), and 和 joining two bureaus' stems in a merged
		// one (区住建和交通局, 区水务和湖泊局): two characters on each side.
		// Some places write 与 there (区自然资源与规划局, 镇海洋与渔业办公室).
		if r == '乡' && j > 0 && s[j-1] == '城' {
			allDir = false
			continue
		}
		// 乡村 is a word of its own too (市乡村振兴工作领导小组办公室).
		if r == '乡' && j == 0 && !(len(s) > 1 && s[1] == '村') {
			return false, before == '城' // a stem starting further left may hold 城乡
		}
		if r == '乡' && j == 0 {
			allDir = false
			continue
		}
		if r == '和' || r == '与' {
			if j >= 2 && len(s)-j > 2 {
				allDir = false
				continue
			}
			if j < 2 {
				return false, before != 0 && isHan(before) && !stemBan[before]
			}
		}
		if company && strings.ContainsRune("市县区镇乡", r) {
			if j == 0 {
				return false, true // the town's name is further left (塘栖古镇)
			}
			allDir = false
			continue
		}
		if company && companyWords[r] {
			allDir = false
			continue
		}
		// 绵阳科技城发展投资（集团）有限公司: a group's mark in brackets.
		if company && (isOpenParen(r) || isCloseParen(r)) {
			if isOpenParen(r) && j > 0 && j+3 < len(s) && string(s[j+1:j+3]) == "集团" && isCloseParen(s[j+3]) ||
				isCloseParen(r) && j >= 3 && string(s[j-2:j]) == "集团" && isOpenParen(s[j-3]) {
				allDir = false
				continue
			}
			// A stem that cuts the mark may hold it whole further left.
			return false, isOpenParen(r) && j == 0 || isCloseParen(r) && j < 3
		}
		if stemBan[r] || !isHan(r) {
			return false, false
		}
		if !strings.ContainsRune(directions, r) {
			allDir = false
		}
	}
	if notStemSet.in(s) {
		return false, false
	}
	return !allDir, true
}

func isOpenParen(r rune) bool  { return r == '（' || r == '(' }
func isCloseParen(r rune) bool { return r == '）' || r == ')' }

// render builds the canonical name of a parsed department.
// registeredName: an enterprise named in full (上海光明生猪有限公司, 国网宜昌供电公司,
// 江南农村商业银行) is that name wherever the document is from, often with a
// place of its own inside; a short generic one (供电公司, 农商银行) is the
// issuer's place's.
func registeredName(core string) bool {
	if utf8.RuneCountInString(core) < 6 {
		return false
	}
	for _, s := range []string{"公司", "银行", "集团"} {
		if strings.HasSuffix(core, s) {
			return true
		}
	}
	return false
}

func (t *Table) render(p parsed, issuer string) string {
	if p.place {
		return p.head
	}
	if p.parent != nil {
		if p.entry < 0 {
			return t.render(*p.parent, issuer) + p.core
		}
		return t.render(*p.parent, issuer) + t.entries[p.entry].Name
	}
	name := p.core
	if p.entry >= 0 {
		name = t.entries[p.entry].Name
	}
	if p.cat == CatNational || p.cat == CatCentral {
		return name
	}
	place := ""
	switch p.kind {
	case headRel:
		place = levelPlace(issuer, p.rel)
		if place == "" {
			place = p.head
		}
	case headExplicit, headBare:
		place = p.head
	case headNone:
		if p.tmplPlace == "" && !(p.entry < 0 && registeredName(p.core)) {
			place = PlaceOf(issuer)
		}
		// 发展改革委 in a State Council document is the national
		// commission, 国家发展和改革委员会.
		if place == "" && p.entry >= 0 && p.cat == CatGov && t.central(issuer) {
			if ref, ok := t.keys["国家"+name]; ok && t.entries[ref.entry].Category == CatNational {
				return t.entries[ref.entry].Name
			}
		}
	}
	if p.tmplPlace != "" {
		place = p.tmplPlace
		switch p.tmplKind {
		case headRel:
			if lp := levelPlace(issuer, []rune(p.tmplPlace)[0]); lp != "" {
				place = lp
			}
		case headBare:
			// 人行苏州中支 in a 苏州市 document: the issuer's full place name.
			// Not a province's: central agencies name their provincial
			// branches by the bare name (国家金融监督管理总局湖北监管局).
			for _, seg := range placeSegments(issuer) {
				if levelRank[seg.level] > 1 && strings.HasPrefix(seg.name, place) {
					place = seg.name
				}
			}
		}
	}
	if strings.Contains(name, "…") {
		return strings.Replace(name, "…", place, 1)
	}
	// 香港特别行政区政府 is that government's name: no 人民政府 there.
	if name == "人民政府" && strings.HasSuffix(place, "特别行政区") {
		return place + "政府"
	}
	if strings.HasPrefix(name, "委") && (place == "" || strings.HasSuffix(place, "自治区")) {
		// A Party department with no place known (党委宣传部), or a
		// region's (广西壮族自治区党委组织部).
		return place + "党" + name
	}
	// 街道应急管理办公室 under 北山街道办事处 names its level already: one
	// 街道, not 北山街道街道….
	if strings.HasSuffix(place, "街道") && strings.HasPrefix(name, "街道") && name != "街道" {
		name = strings.TrimPrefix(name, "街道")
	}
	return place + name
}

// central reports an issuer of the central government: the State Council,
// its office, the Party's centre, a ministry.
func (t *Table) central(issuer string) bool {
	issuer = clean(issuer)
	if strings.HasPrefix(issuer, "国务院") || strings.HasPrefix(issuer, "中共中央") {
		return true
	}
	ref, ok := t.keys[issuer]
	return ok && t.entries[ref.entry].Category == CatNational
}

// placeSeg is one level of an issuer's place: 珠海市, then 斗门区.
type placeSeg struct{ name, level string }

// placeSegments splits the place at the start of an issuer into its levels.
func placeSegments(issuer string) []placeSeg {
	rs := []rune(clean(issuer))
	// The longest prefix that is a place chain.
	for end := min(len(rs), 24); end >= 2; end-- {
		if segs, ok := splitChain(rs[:end], true, 0); ok {
			return segs
		}
	}
	// Counties with one-character names (开县, 沛县) only where the
	// government follows, since 全县/该县 would look the same.
	if len(rs) > 2 && rs[1] == '县' && validPlaceStem(rs[:1]) {
		rest := string(rs[2:])
		for _, b := range []string{"人民政府", "政府", "委"} {
			if strings.HasPrefix(rest, b) {
				return []placeSeg{{name: string(rs[:2]), level: "县"}}
			}
		}
	}
	return nil
}

func splitChain(rs []rune, first bool, prevRank int) ([]placeSeg, bool) {
	if len(rs) == 0 {
		return nil, !first
	}
	minStem := minFirstStem(rs)
	if !first {
		minStem = 1
	}
	for stem := minStem; stem < len(rs) && stem <= 8; stem++ {
		for _, li := range levelsByFirst[rs[stem]] {
			lv, lr := levelSuffixes[li], levelSuffixRunes[li]
			if !hasPrefix(rs[stem:], lr) {
				continue
			}
			rank := levelRank[lv]
			if rank <= prevRank && !(rank == 2 && prevRank == 2 && lv == "市") {
				continue
			}
			maxStem := 6 // an issuer is a name, not running text: 苏州工业园区
			if strings.HasPrefix(lv, "自治") || lv == "特别行政区" || strings.HasSuffix(lv, "旗") {
				maxStem = 8
			}
			if stem > maxStem || !stemOfLevel(rs[:stem], lv) {
				continue
			}
			if rest, ok := splitChain(rs[stem+len(lr):], false, rank); ok {
				return append([]placeSeg{{name: string(rs[:stem+len(lr)]), level: lv}}, rest...), true
			}
		}
	}
	return nil, false
}

// PlaceOf extracts the most specific place from an issuer: "苏州市人民政府" →
// "苏州市", "珠海市斗门区人民政府" → "斗门区", "中共铁岭县委" → "铁岭县",
// "国务院办公厅" → "".
func PlaceOf(issuer string) string {
	segs := placeSegments(issuer)
	if len(segs) == 0 {
		return ""
	}
	return segs[len(segs)-1].name
}

// levelPlace returns the issuer's place at the level a relative prefix names:
// 市 in a 珠海市斗门区 document is 珠海市, 区 is 斗门区.
func levelPlace(issuer string, rel rune) string {
	segs := placeSegments(issuer)
	for i := len(segs) - 1; i >= 0; i-- {
		if slices.Contains(relLevels[rel], segs[i].level) ||
			rel == '地' && segs[i].level == "地区" || rel == '林' && strings.HasSuffix(segs[i].name, "林区") ||
			rel == '街' && segs[i].level == "街道" {
			return segs[i].name
		}
	}
	// A prefecture's short name (红河州人民政府) is no level the place
	// chain knows; its 州 units (州公安局) still belong to it.
	if rel == '州' {
		if i := strings.Index(issuer, "州"); i > 0 {
			if head := []rune(issuer[:i]); len(head) >= 2 && len(head) <= 4 && validPlaceStem(head) {
				return issuer[:i+len("州")]
			}
		}
	}
	return ""
}

// runeText is text as runes without whitespace, remembering where each rune
// is in the original and whether whitespace came before it. A blank line is
// kept as a '\n' rune, which no name crosses.
type runeText struct {
	rs    []rune
	gaps  []bool
	start []int // byte offset of rs[i]
	end   []int // byte offset after rs[i]
}

func newRuneText(s string, limit int) runeText {
	// Counting the runes of a long s would cost as much as reading it,
	// for a caller that wants only its first limit runes.
	n := limit + 1
	if limit <= 0 || len(s) < n {
		n = utf8.RuneCountInString(s)
	}
	rt := runeText{rs: make([]rune, 0, n), gaps: make([]bool, 0, n), start: make([]int, 0, n), end: make([]int, 0, n)}
	gap, newlines := false, 0
	for i, r := range s {
		if unicode.IsSpace(r) {
			gap = true
			if r == '\n' {
				newlines++
			}
			continue
		}
		if limit > 0 && len(rt.rs) >= limit {
			break
		}
		if newlines >= 2 && len(rt.rs) > 0 {
			rt.rs = append(rt.rs, '\n')
			rt.gaps = append(rt.gaps, false)
			rt.start = append(rt.start, i)
			rt.end = append(rt.end, i)
		}
		rt.rs = append(rt.rs, r)
		rt.gaps = append(rt.gaps, gap && len(rt.rs) > 1)
		rt.start = append(rt.start, i)
		rt.end = append(rt.end, i+utf8.RuneLen(r))
		gap, newlines = false, 0
	}
	return rt
}

// readLen returns how many bytes of s newRuneText(s, limit) reads, without
// building it.
func readLen(s string, limit int) int {
	n, newlines := 0, 0
	for i, r := range s {
		if unicode.IsSpace(r) {
			if r == '\n' {
				newlines++
			}
			continue
		}
		if n >= limit {
			return i
		}
		if newlines >= 2 && n > 0 {
			n++ // the paragraph mark
		}
		n++
		newlines = 0
	}
	return len(s)
}

// lengthsLimit is the runes of a text Lengths reads: a unit and the
// character after it.
const lengthsLimit = maxUnitRunes + 1

// maxUnitRunes bounds the length of a unit name; maxFindRunes, the length of
// one found in running text (中国人民银行苏州市中心支行 is 13).
const (
	maxUnitRunes = 30
	maxFindRunes = 24
)

// Lengths returns the byte lengths n, longest first, for which s[:n] is a
// complete department or unit name at the start of s, which may continue with
// a person's name, punctuation or more text: for "市民政局胡岚" it is
// [len("市民政局")]. Units are places (张家港市), governments and committees
// (市政府, 市委), table entries with any place or relative prefix, and
// [place] stem + unit suffix (县民族宗教事务局). A name wrapped across lines
// ("市政府研\n究室毛文元") is measured in s, whitespace included; a place never
// spans whitespace, so "李丹 市检察院" is no "李丹市". "市民" and "市长" are
// not units.
func (t *Table) Lengths(s string) []int {
	rt := newRuneText(s, lengthsLimit)
	// A run cannot tell "林爱嵩县红十字会" (林爱嵩 and 县红十字会) from a
	// one-character county's unit: runs read such a county only with its
	// government (茂县人民政府), Find where the text before shows where a
	// unit starts.
	if minFirstStem(rt.rs) == 1 && !hasPrefix(rt.rs[2:], []rune("人民政府")) {
		return nil
	}
	var out []int
	for e := 1; e <= len(rt.rs) && e <= maxUnitRunes; e++ {
		if !t.lastRunes.has(rt.rs[e-1]) || !endOK(rt.rs, e) {
			continue
		}
		if _, ok := t.parseMode(rt.rs[:e], rt.gaps[:e], mode{places: true}); ok {
			out = append(out, rt.end[e-1])
		}
	}
	slices.Reverse(out)
	return out
}

// endOK rejects an end inside a word: 部|署, 局|面, 市|民.
func endOK(rs []rune, e int) bool {
	return e >= len(rs) || !blockedBigrams[[2]rune{rs[e-1], rs[e]}]
}

// Find returns every department mention in free text with byte offsets:
// "由市应急局会同相关部门…" → 市应急局; "请市妇联会市司法局…" → 市妇联, 市司法局;
// "（市人力资源社会保障局、市医保局负责）" → both. It reports departments, not the
// governments and committees themselves (市政府, 市委, 人大) nor bare places,
// and not generic phrases (有关部门, 各地各部门). A unit outside the table needs
// a place or relative prefix ("县民族宗教事务局"), or to follow 由/请/责成/会同
// ("由兴东集团…").
func (t *Table) Find(text string) []Mention {
	var out []Mention
	for _, f := range t.findAll(newRuneText(text, 0), 0, nil) {
		out = append(out, f.Mention)
	}
	return out
}

// found is a mention with its span in runes; oneChar marks a unit of a
// one-character county (沛县财政局), county one relative to the issuer's
// county (县财政局).
type found struct {
	Mention
	start, end      int
	oneChar, county bool
	agent           bool // read after 由/请 or in a list that follows one
}

// findAll is scan, read again without one-character counties when the text
// also names units relative to its county: a text that writes 县公安局 names
// its own county's units so, and its "…林爱\n嵩县红十字会" is a name wrapped
// before 县红十字会, not 嵩县's unit.
func (t *Table) findAll(rt runeText, from int, out []found) []found {
	out = t.scan(rt, from, out, false)
	oneChar, county := false, false
	for _, f := range out {
		oneChar, county = oneChar || f.oneChar, county || f.county
	}
	if oneChar && county {
		out = t.scan(rt, 0, nil, true)
	}
	return out
}

// scan appends to out the mentions that start at rune from or later;
// noOneChar reads no one-character county.
func (t *Table) scan(rt runeText, from int, out []found, noOneChar bool) []found {
	rs := rt.rs
	// Where a unit may end does not depend on where it starts.
	ends := make([]bool, len(rs)+1)
	for e := max(from, 1); e <= len(rs); e++ {
		ends[e] = t.lastRunes.has(rs[e-1]) && endOK(rs, e)
	}
	for i := from; i < len(rs); {
		// "由宝石社区居委会、青芝坞社区居委会负责": the list 由 opens shares it.
		listed := false
		if k := len(out); k > 0 && out[k-1].agent && out[k-1].end == i-1 && strings.ContainsRune("、和及与", rs[i-1]) {
			listed = true
		}
		end, p, agent := t.longestAt(rt, ends, i, noOneChar, listed)
		if end == 0 {
			i++
			continue
		}
		out = append(out, found{Mention: Mention{Name: string(rs[i:end]), Start: rt.start[i], End: rt.end[end-1]}, start: i, end: end,
			oneChar: p.kind == headExplicit && minFirstStem(rs[i:end]) == 1, county: p.kind == headRel && p.rel == '县', agent: agent})
		i = end
	}
	return out
}

// longestAt returns the end (a rune index) of the longest unit that starts
// at rs[i] and ends where ends allows, or 0 for none; listed says a list
// opened by 由/请 goes on at i, and agent whether the unit was read so.
func (t *Table) longestAt(rt runeText, ends []bool, i int, noOneChar, listed bool) (int, parsed, bool) {
	rs := rt.rs
	if !isHan(rs[i]) {
		return 0, parsed{}, false
	}
	oneChar := minFirstStem(rs[i:]) == 1
	var prev rune
	if i > 0 {
		prev = rs[i-1]
	}
	// prevBoundary reports whether a unit with a place of its own may start
	// at i, worked out only for such a unit (the word tests cost).
	prevBoundary := func() bool {
		if i == 0 || !isHan(prev) {
			return true
		}
		// A line break may cut a name before its last character:
		// "林爱\n嵩县红十字会" is 林爱嵩 and 县红十字会, so a break alone opens
		// no one-character county.
		if rt.gaps[i] && minFirstStem(rs[i:]) != 1 {
			return true
		}
		// A boundary character that opens a word with the next (同意, 按照)
		// is part of that word: "原则同意德阳经开区…" has no place 意德阳;
		// a verb that ends before i is a boundary: 原则同意|德阳经开区.
		if strings.ContainsRune(boundaryRunes, prev) && !wordStarts[[2]rune{prev, rs[i]}] {
			return true
		}
		return endsWord(rs[:i])
	}
	agent := listed
	for _, ar := range agentRunes {
		if i >= len(ar) && slices.Equal(rs[i-len(ar):i], ar) {
			agent = true
		}
	}
	// "会议要求江南农村商业银行牵头": after 要求 a unit is the body to act
	// only when a lead's verb follows it; 要求 opens much else.
	demanded := !agent && i >= 2 && rs[i-2] == '要' && rs[i-1] == '求'
	// "…；日照港集团有限公司负责港区道路改造": a company opening a clause
	// and told what to do is the body to act too.
	clause := !agent && (i == 0 || strings.ContainsRune("，。；：,;:\n", prev) ||
		prev == '、' && i >= 2 && strings.ContainsRune("一二三四五六七八九十0123456789", rs[i-2])) // 三、X要…
	relOK := prev == 0 || !relBlocked[[2]rune{prev, rs[i]}] && !t.zoneAt(rs, i)
	listStart := !agent && i > 0 && (rt.gaps[i] || strings.ContainsRune("：:\n", prev))
	consent := !agent && i >= 2 && rs[i-2] == '同' && rs[i-1] == '意'
	for e := min(len(rs), i+maxFindRunes); e > i; e-- {
		if !ends[e] {
			continue
		}
		ag := agent || demanded && leadVerbAt(rs, e) || clause && (companyName(rs[i:e]) || villageUnit(rs[i:e])) && (leadVerbAt(rs, e) || e < len(rs) && rs[e] == '要') ||
			// A village's committee standing alone in a list (列席：东浜村村委会
			// 西湖村村委会) or permitted to act (同意东浜村村民委员会实施…).
			(listStart || consent) && villageUnit(rs[i:e])
		p, ok := t.parseMode(rs[i:e], rt.gaps[i:e], mode{bareGeneric: ag})
		if !ok || p.place || p.cat == CatBody || p.cat == CatCentral {
			continue
		}
		// A list goes on with names a suffix of several characters ends
		// (、青芝坞社区居委会), not with a bare 局 (、招商局漳州开发区管委会).
		if listed && p.kind == headNone && p.entry < 0 && !p.merged && !multiSuffix(rs[i:e]) {
			continue
		}
		switch p.kind {
		case headExplicit, headBare:
			if oneChar && noOneChar || !prevBoundary() {
				continue
			}
		case headRel:
			if !relOK || (p.rel == '州' || p.rel == '地' || p.rel == '林' || p.rel == '街') && !prevBoundary() {
				continue
			}
			// "红河哈尼族彝族\n自治州住房和城乡建设局": a place's name
			// wrapped before its 自治州, not the prefecture's own unit.
			if strings.HasPrefix(p.head, "自治") && rt.gaps[i] && isHan(prev) {
				continue
			}
		case headNone:
			// A hall alone (博物馆, 图书馆) is a building or a project's name
			// (钧官窑址博物馆二期工程) unless a directive names it.
			if p.cat == CatCenter && p.entry >= 0 && strings.HasSuffix(t.entries[p.entry].Name, "馆") && !ag {
				continue
			}
			if p.cat == CatZone || p.entry < 0 && !ag && !p.merged {
				continue
			}
			// 中央纪委国家监委: a national owner this table does not model,
			// whose pieces (纪委, 监委) are no local departments.
			if i >= 2 && (string(rs[i-2:i]) == "中央" || string(rs[i-2:i]) == "国家") {
				continue
			}
			// A Party department needs the committee's place in front
			// (市委办公室); 委办公室 alone is the end of another name
			// (协调委办公室).
			if p.entry >= 0 && strings.HasPrefix(t.entries[p.entry].Name, "委") && rs[i] == '委' {
				continue
			}
			if p.tmplPlace != "" && p.tmplKind != headRel && !prevBoundary() {
				continue
			}
			// 经委 in 人大财经委: the end of a longer name the scan passed
			// over (a committee, not a department) is no unit of its own.
			if t.tailOfKey(rs, i, e) {
				continue
			}
		}
		// "由苏州市应急局", "责成县妇联": the place starts after 由/责成, not at it.
		if p.kind == headExplicit || p.kind == headBare {
			if t.startsLater(rt, i, e) {
				continue
			}
		}
		return e, p, ag
	}
	return 0, parsed{}, false
}

// zoneAt reports a 区 at i that ends a zone the table knows (开发|区,
// 经开|区): the zone's, no district's relative prefix. The zone with its
// bureau is read whole where it starts (经开区建设局, zoneHead).
func (t *Table) zoneAt(rs []rune, i int) bool {
	if rs[i] != '区' {
		return false
	}
	nd := t.rkeys
	for k := 1; k <= i+1 && k <= t.maxKey; k++ {
		if nd = nd.next[rs[i+1-k]]; nd == nil {
			return false
		}
		if nd.key && k >= 3 && t.entries[nd.ref.entry].Category == CatZone {
			return true
		}
	}
	return false
}

// companyName reports a name ending as a company's does (公司, 集团).
func companyName(rs []rune) bool {
	return hasSuffix(rs, []rune("公司")) || hasSuffix(rs, []rune("集团"))
}

// villageUnit reports a village's or community's committee or party
// branch (东浜村村民委员会, 祁浜村党总支), which, like a company, names
// no place of the table's.
func villageUnit(rs []rune) bool {
	for _, sfx := range villageSuffixes {
		stem, ok := cutSuffix(rs, sfx)
		if !ok {
			continue
		}
		// The village's own name, two or three characters: 东浜(村).
		if s, ok := cutSuffix(stem, []rune("社区")); ok {
			stem = s
		} else if s, ok := cutSuffix(stem, []rune("村")); ok {
			stem = s
		}
		return len(stem) >= 2 && len(stem) <= 3 && validPlaceStem(stem)
	}
	return false
}

var villageSuffixes = toRunes([]string{"村民委员会", "居民委员会", "村委会", "居委会", "党总支", "党支部"})

// leadVerbs say that the unit before them leads or carries out a task.
var leadVerbs = toRunes([]string{"牵头", "负责", "会同"})

// leadVerbAt reports a lead's verb at rs[e:].
func leadVerbAt(rs []rune, e int) bool {
	for _, v := range leadVerbs {
		if hasPrefix(rs[e:], v) {
			return true
		}
	}
	return false
}

// multiSuffix reports a name ending in a generic suffix of several
// characters (集团, 居委会), which bareGeneric admits without a place.
func multiSuffix(rs []rune) bool {
	for _, sr := range genericSuffixRunes {
		if len(sr) >= 2 && hasSuffix(rs, sr) {
			return true
		}
	}
	return false
}

// tailOfKey reports whether rs[i:e] ends a longer table key that starts
// before i.
func (t *Table) tailOfKey(rs []rune, i, e int) bool {
	for j := i - 1; j >= 0 && e-j <= t.maxKey; j-- {
		if _, ok := t.keys[string(rs[j:e])]; ok {
			return true
		}
	}
	return false
}

// startsLater reports whether rs[i:e] begins with a boundary character or a
// verb after which a unit with a place of its own also ends at e.
func (t *Table) startsLater(rt runeText, i, e int) bool {
	skips := []int{}
	if strings.ContainsRune(boundaryRunes, rt.rs[i]) {
		skips = append(skips, 1)
	}
	for _, v := range verbMarkers {
		if vr := []rune(v); hasPrefix(rt.rs[i:e], vr) {
			skips = append(skips, len(vr))
		}
	}
	for _, k := range skips {
		if i+k >= e {
			continue
		}
		if q, ok := t.parseMode(rt.rs[i+k:e], rt.gaps[i+k:e], mode{}); ok && q.kind != headNone && q.cat != CatBody {
			return true
		}
	}
	return false
}

func hasPrefix(rs, p []rune) bool { return len(rs) >= len(p) && slices.Equal(rs[:len(p)], p) }
func hasSuffix(rs, s []rune) bool { return len(rs) >= len(s) && slices.Equal(rs[len(rs)-len(s):], s) }

func cutSuffix(rs, s []rune) ([]rune, bool) {
	if !hasSuffix(rs, s) {
		return rs, false
	}
	return rs[:len(rs)-len(s)], true
}

// sub slices gaps like the runes it belongs to; nil stays nil.
func sub(gaps []bool, i, j int) []bool {
	if gaps == nil {
		return nil
	}
	return gaps[i:j]
}

// hasGap reports whitespace before any of rs[i:j].
func hasGap(gaps []bool, i, j int) bool {
	for k := i; k < j && k < len(gaps); k++ {
		if gaps[k] {
			return true
		}
	}
	return false
}
