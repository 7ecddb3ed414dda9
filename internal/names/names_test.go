package names

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestIsSurnameAndLen(t *testing.T) {
	tests := []struct {
		in      string
		surname bool
		lenOf   string // the surname SurnameLen should measure at the start of in
	}{
		{"李", true, "李"},
		{"王", true, "王"},
		{"国", true, "国"}, // 国宏利 (huanan)
		{"栗", true, "栗"}, // 栗涛 (seed recorder)
		{"詹", true, "詹"},
		{"欧阳", true, "欧阳"},
		{"司马", true, "司马"},
		{"上官", true, "上官"},
		{"韓", true, "韓"}, // unconverted traditional text
		{"海", true, "海"}, // common among the Hui: 海金武
		{"代", true, "代"}, // common in Sichuan and Chongqing
		{"庹", true, "庹"},
		{"纳", true, "纳"}, // Hui surnames: 纳建华, 妥建军, 敏海林
		{"妥", true, "妥"},
		{"敏", true, "敏"},
		{"保", false, ""}, // ends 社保, 医保: a wrapped 县社|保中心 is no name
		{"由", false, ""}, // 由马娜牵头: a function word first
		{"欧阳明", false, "欧阳"},
		{"李亚平", false, "李"},
		{"市长", false, ""},
		{"副县长", false, ""},
		{"和", false, ""},
		{"区", false, ""},
		{"", false, ""},
	}
	for _, tt := range tests {
		if got := IsSurname(tt.in); got != tt.surname {
			t.Errorf("IsSurname(%q) = %v, want %v", tt.in, got, tt.surname)
		}
		if got := SurnameLen(tt.in); got != len(tt.lenOf) {
			t.Errorf("SurnameLen(%q) = %d, want %d (%q)", tt.in, got, len(tt.lenOf), tt.lenOf)
		}
	}
}

// TestSurnameFileUnique keeps the list free of duplicates, so a review can
// trust what a line holds.
func TestSurnameFileUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, line := range strings.Split(surnamesTxt, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			if seen[w] {
				t.Errorf("surname %q listed twice", w)
			}
			seen[w] = true
		}
	}
}

func TestSurnameListSize(t *testing.T) {
	if n := len(singleSurnames) + len(compoundSurnames); n < 450 {
		t.Errorf("only %d surnames loaded; the embedded list should hold about 500", n)
	}
	if len(compoundSurnames) < 40 {
		t.Errorf("only %d compound surnames", len(compoundSurnames))
	}
}

func TestPlausible(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		// Names from the corpus.
		{"李亚平", true}, {"王颺", true}, {"国宏利", true}, {"刘通", true}, {"邹映涛", true},
		{"梁庆民", true}, {"金华", false}, {"姜有为", true}, {"高峰", true}, {"周平", true},
		{"詹利剑", true}, {"徐本", true}, {"栗涛", true}, {"韩正", true}, {"龚正", true},
		{"常东旭", true}, {"于晓东", true}, {"花建慧", true}, {"李强", true}, {"欧阳明", true}, {"范徐丽泰", true},
		{"买买提·艾力", true}, {"海金武", true}, {"代红梅", true}, {"庹勇", true}, {"衣俊卿", true},
		// Hui surnames, and the words of prose they open.
		{"纳建华", true}, {"妥建军", true}, {"敏海林", true}, {"喇文新", true}, {"铁木尔", true},
		{"纳入", false}, {"纳税", false}, {"脱贫", false}, {"铁路", false}, {"敏感", false}, {"锁定", false},
		{"拜访", false}, {"虎门", false}, {"妥善", false}, {"纳入到", false}, {"脱贫户", false}, {"敏感点", false},
		{"保障", false}, {"保安", false},
		// Masked names.
		{"李xx", false}, {"马XX", false}, {"王××", false}, {"某某", false}, {"张某", false}, {"李???", false},
		// Titles, units and words.
		{"副市长", false}, {"市长", false}, {"主任", false}, {"会议", false}, {"同志", false}, {"常务", false},
		{"部门", false}, {"政府", false}, {"市委", false}, {"国务院", false}, {"安委办", false}, {"全市", false},
		{"顾问", false}, {"胡同", false}, {"宋体", false}, {"康复", false}, // gse tags these nr
		{"方案", false}, {"安全", false}, {"万元", false}, {"关于", false}, {"程序", false}, {"党组", false},
		{"王市长", false}, {"李主任", false}, {"梁庆民同志", false},
		// Name runs that are not names.
		{"李翔强调", false}, {"王翔副", false}, {"李亚平市", false}, {"刘通等", false},
		// Shape.
		{"李", false}, {"欧阳", false}, {"李亚平王", false}, {"李a", false}, {"Li Qiang", false}, {"", false},
		{"市发改委凌鸣", false},
	}
	for _, tt := range tests {
		if got := Plausible(tt.in); got != tt.want {
			t.Errorf("Plausible(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestPlausibleListed(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"和平", true}, // 市发改委和平: 和 is a surname where only a name can stand
		{"区明", true},
		{"公丽娟", true},
		{"向明", true},
		{"李亚平", true}, // ordinary names still pass
		{"和区", false}, // 和 joining the next unit (区教育局和区卫健局) is no name
		{"和县", false},
		{"区政府", false},
		{"和平区政府", false},
		{"和xx", false},
		{"和", false},
		{"副区长", false},
	}
	for _, tt := range tests {
		if got := PlausibleListed(tt.in); got != tt.want {
			t.Errorf("PlausibleListed(%q) = %v, want %v", tt.in, got, tt.want)
		}
		// Plausible itself keeps rejecting the function-word surnames.
		if tt.in == "和平" || tt.in == "区明" {
			if Plausible(tt.in) {
				t.Errorf("Plausible(%q) = true, want false outside a list slot", tt.in)
			}
		}
	}
}

func TestPlausibleTitled(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"金华", true}, // 市长金华出席会议 (shulan): a city's name, here a mayor's
		{"李亚平", true},
		{"常务", false},   // only the generated common-word list is waived, not the hand-made stoplist,
		{"副市长", false},  // titles,
		{"李xx", false},  // masks
		{"市发改委", false}, // or units.
		{"纳入", false},   // the Hui surnames' words are on the stoplist
		{"脱贫", false},
		{"锁定为", false},
	}
	for _, tt := range tests {
		if got := PlausibleTitled(tt.in); got != tt.want {
			t.Errorf("PlausibleTitled(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestTransliterated: Tibetan names are runs of name elements without a
// surname (扎西, 次仁卓嘎, 洛桑江村); elements that are words alone, odd
// lengths and other characters are not.
func TestTransliterated(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"扎西", true},
		{"德吉", true},
		{"次仁卓嘎", true},
		{"洛桑江村", true},
		{"拉毛才让", true},
		{"格桑曲珍", true},
		{"扎西次仁平措", true},
		{"巴图孟和", true}, // Mongolian, by its characters
		// Mongolian names that stand alone, shorter than four characters.
		{"其木格", true},
		{"宝音", true},
		{"宝音图", true},
		{"达来", true},
		{"青格乐", true},
		{"斯日古楞", true},
		{"斯琴高娃", true}, // two of them
		{"尕藏才让", true}, // Tibetan of Amdo
		{"乌兰", false},  // 乌兰察布
		{"宝音县", false},
		{"江村", false}, // a village alone
		{"罗布", false}, // 罗布泊
		{"扎西镇", false},
		{"次仁卓嘎扎西次仁平措", false}, // too long for one name
		{"李明", false},
		{"会议", false},
	}
	for _, tt := range tests {
		if got := Transliterated(tt.in); got != tt.want {
			t.Errorf("Transliterated(%q) = %v, want %v", tt.in, got, tt.want)
		}
		if tt.want && !PlausibleTitled(tt.in) {
			t.Errorf("PlausibleTitled(%q) = false", tt.in)
		}
	}
}

func TestMasked(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"李xx", true}, {"马XX", true}, {"xxx", true}, {"王××", true}, {"某某", true}, {"某", true},
		{"???", true}, {"李？", true}, {"＊＊", true}, {"李亚平", false}, {"", false},
	}
	for _, tt := range tests {
		if got := Masked(tt.in); got != tt.want {
			t.Errorf("Masked(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestJoinPadded(t *testing.T) {
	tests := []struct{ in, want string }{
		{"韩　正", "韩正"},
		{"韩 正", "韩正"},
		{" 韩　正 ", "韩正"},
		{"龚　正　市长", "龚正\u3000市长"},
		{"李 亚 平", "李亚平"},
		{"张 旗 韩 卫", "张旗 韩卫"},
		{"李亚平 王翔 洪宗明", "李亚平 王翔 洪宗明"},
		{"组　长：韩　正　　国务院副总理", "组长：韩正　　国务院副总理"},
		{"李亚平", "李亚平"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := JoinPadded(tt.in); got != tt.want {
			t.Errorf("JoinPadded(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestJoinProsePadded(t *testing.T) {
	tests := []struct{ in, want string }{
		{"县长杨　华主持召开县人民政府常务会议", "县长杨华主持召开县人民政府常务会议"},
		{"副县长李国平、何　琼、陶建民，县长助理赵　勇出席会议", "副县长李国平、何琼、陶建民，县长助理赵勇出席会议"},
		{"副县长李 华、王永红出席", "副县长李华、王永红出席"},
		{"记录：李　娜", "记录：李娜"},
		// Leaders named as a group: no post, but a name follows.
		{"区领导刘　伟、罗　红、杨其亮出席会议", "区领导刘伟、罗红、杨其亮出席会议"},
		{"区领导刘　伟出席会议", "区领导刘伟出席会议"},
		// Not a name: a word after the space, no post or mark before it,
		// no surname, or a wide gap.
		{"县长杨　华山路段", "县长杨　华山路段"},
		{"会议 要求", "会议 要求"},
		{"市司法局    陈  刚", "市司法局    陈  刚"},
		{"副县长何　　　琼出席", "副县长何　　　琼出席"},
		{"出席：韩　正　　国务院副总理", "出席：韩　正　　国务院副总理"},
		{"出席：县长杜　军　副县长王宏伟　邹　红", "出席：县长杜军　副县长王宏伟　邹　红"}, // the list joins the last
		// The next label on the line ends the name before it.
		{"列席：区住建局局长周　伟　记录：郑　洁", "列席：区住建局局长周伟　记录：郑洁"},
		{"县长杜　军　请假：王　芳", "县长杜军　请假：王芳"},
		{"县长杜　军　2023年：", "县长杜　军　2023年："},
		{"区财政局局长孙　丽　区住建局局长", "区财政局局长孙丽　区住建局局长"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := JoinProsePadded(tt.in); got != tt.want {
			t.Errorf("JoinProsePadded(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitTitle(t *testing.T) {
	tests := []struct {
		in, title, name string
		ok              bool
	}{
		{"常务副县长国宏利", "常务副县长", "国宏利", true},
		// Minority names: transliterated, without a Chinese surname.
		{"旗委副书记、旗长那仁满都拉", "旗委副书记、旗长", "那仁满都拉", true},
		{"副旗长巴图孟和", "副旗长", "巴图孟和", true},
		{"自治区主席洛桑江村", "自治区主席", "洛桑江村", true},
		{"州长扎西", "州长", "扎西", true},
		{"副旗长其木格", "副旗长", "其木格", true},
		{"副州长纳建华", "副州长", "纳建华", true},
		{"市林业和草原局局长拉毛才让", "市林业和草原局局长", "拉毛才让", true},
		{"市委副书记、市长阿不都热依木·阿不力孜", "市委副书记、市长", "阿不都热依木·阿不力孜", true},
		{"副县长加强工作部署", "", "", false},
		{"县委副书记、县长梁庆民", "县委副书记、县长", "梁庆民", true},
		{"县委常委、政府常务副县长国宏利", "县委常委、政府常务副县长", "国宏利", true},
		{"政府副县长刘通", "政府副县长", "刘通", true},
		{"政府党组成员陈士君", "政府党组成员", "陈士君", true},
		{"市长姜有为同志", "市长", "姜有为", true},
		{"市长金华", "市长", "金华", true},
		{"市委常委、副市长王识开", "市委常委、副市长", "王识开", true},
		{"市发改委主任王庆海", "市发改委主任", "王庆海", true},
		{"区城管执法局局长赵坚华", "区城管执法局局长", "赵坚华", true},
		{"副区长霍国荣", "副区长", "霍国荣", true},
		{"市长 龚正", "市长", "龚正", true},
		{"副秘书长欧阳明", "副秘书长", "欧阳明", true},
		{"县长", "", "", false},
		{"县长李xx", "", "", false},
		{"记者伍丹", "", "", false},
		{"市发改委凌鸣", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		title, name, ok := SplitTitle(tt.in)
		if title != tt.title || name != tt.name || ok != tt.ok {
			t.Errorf("SplitTitle(%q) = %q, %q, %v; want %q, %q, %v", tt.in, title, name, ok, tt.title, tt.name, tt.ok)
		}
	}
}

func TestSplitNameTitle(t *testing.T) {
	tests := []struct {
		in, name, title string
		ok              bool
	}{
		{"李亚平市长", "李亚平", "市长", true},
		{"吴庆文市长", "吴庆文", "市长", true},
		{"韩军副秘书长", "韩军", "副秘书长", true},
		{"花建慧副省长", "花建慧", "副省长", true},
		{"王翔副市长", "王翔", "副市长", true},
		{"龚　正　市长", "龚正", "市长", true},
		{"韩　正　　国务院副总理", "韩正", "国务院副总理", true},
		{"李亚平常务副市长", "李亚平", "常务副市长", true},
		{"市政府办公厅xxx主任", "", "", false},
		{"单位主要负责人", "", "", false},
		{"国务委员", "", "", false},
		{"国务院全体会议由总理", "", "", false},
		{"李亚平", "", "", false},
	}
	for _, tt := range tests {
		name, title, ok := SplitNameTitle(tt.in)
		if name != tt.name || title != tt.title || ok != tt.ok {
			t.Errorf("SplitNameTitle(%q) = %q, %q, %v; want %q, %q, %v", tt.in, name, title, ok, tt.name, tt.title, tt.ok)
		}
	}
}

func TestIsTitle(t *testing.T) {
	for in, want := range map[string]bool{
		"县委副书记、县长": true, "常务副市长": true, "党组成员": true, "市发改委主任": true, "国务院副总理": true,
		"市发改委": false, "李亚平": false, "会议": false, "": false,
	} {
		if got := IsTitle(in); got != want {
			t.Errorf("IsTitle(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestIsByline(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"(记者 伍丹 丁远远)", true},
		{"株洲日报讯(全媒体记者/陈正明)", true},
		{"(本報記者 李天舒)", true}, // qidong, unconverted
		{"(本报记者 李天舒)", true},
		{"列席人员:新闻媒体记者贾笔耕。", true},
		{"撰稿人：张三", true},
		{"审稿人：李四", true},
		{"责任编辑：王五", true},
		{"通讯员 赵六", true},
		{"来源: 苏州市人民政府办公室", true},
		{"人民教育出版社原总编辑", false},
		{"县委常委、常务副县长国宏利", false},
		{"出席：李亚平 王翔", false},
	}
	for _, tt := range tests {
		if got := IsByline(tt.in); got != tt.want {
			t.Errorf("IsByline(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestSeedNames checks the hand-verified people of the sample minutes: every
// attendee and observer is Plausible, and no observer's department is.
func TestSeedNames(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "spec", "seed-expected.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("seed expectation not found at %s (expected the shared spec next to the repository): %v", path, err)
	}
	var seed struct {
		Attendees []string `json:"attendees"`
		Observers []struct {
			Name       string `json:"name"`
			Department string `json:"department"`
		} `json:"observers"`
		Recorder string `json:"recorder"`
		Meeting  struct {
			Chair struct{ Name, Title string } `json:"chair"`
		} `json:"meeting"`
	}
	if err := json.Unmarshal(raw, &seed); err != nil {
		t.Fatal(err)
	}
	names := append([]string{seed.Recorder, seed.Meeting.Chair.Name}, seed.Attendees...)
	for _, o := range seed.Observers {
		names = append(names, o.Name)
		if o.Department != "" && Plausible(o.Department) {
			t.Errorf("department %q taken for a name", o.Department)
		}
		// A department followed by its person, as the minutes print them,
		// is not one name either.
		if o.Department != "" && Plausible(o.Department+o.Name) {
			t.Errorf("run %q taken for a name", o.Department+o.Name)
		}
	}
	if len(names) < 70 {
		t.Fatalf("only %d names in the seed; the spec changed", len(names))
	}
	for _, n := range names {
		if !Plausible(n) {
			t.Errorf("seed name %q not Plausible", n)
		}
	}
	if !IsTitle(seed.Meeting.Chair.Title) {
		t.Errorf("chair title %q not a title", seed.Meeting.Chair.Title)
	}
}

// TestJoinProsePaddedLongLine: a line of padded names (one of up to a
// megabyte a parse reads) is joined in time linear in its length; reading
// the rest of the line at every name made 272 KB take 14 s.
func TestJoinProsePaddedLongLine(t *testing.T) {
	line := strings.Repeat("、王 伟 局长", 16000)
	start := time.Now()
	got := JoinProsePadded(line)
	if d := time.Since(start); d > time.Second {
		t.Errorf("a %d-byte line took %v", len(line), d)
	}
	if !strings.HasPrefix(got, "、王伟 局长、王伟") {
		t.Errorf("joined %q…", got[:40])
	}
}
