package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"govarchive/internal/document"
)

const chromiumPath = "/usr/bin/chromium"

// browserEnv is a real headless Chromium on the real router and index.
type browserEnv struct {
	*testEnv
	base string
	ctx  context.Context

	mu       sync.Mutex
	jsErrors []string
	expected []string // console errors a step provokes on purpose ("400 (Bad Request)")
}

// expect lets the console report an error the next steps provoke on purpose.
func (b *browserEnv) expect(text string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.expected = append(b.expected, text)
}

func (b *browserEnv) isExpected(text string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.ContainsFunc(b.expected, func(e string) bool { return strings.Contains(text, e) })
}

// newBrowser starts the service on loopback and a headless Chromium. It
// fails when Chromium is missing, unless GOVARCHIVE_SKIP_BROWSER=1.
func newBrowser(t *testing.T) *browserEnv {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("GOVARCHIVE_SKIP_BROWSER") == "1" {
			t.Skip("GOVARCHIVE_SKIP_BROWSER=1 and no Chromium at " + chromiumPath)
		}
		t.Fatalf("browser tests need Chromium at %s (apt-get install -y chromium), or set GOVARCHIVE_SKIP_BROWSER=1: %v", chromiumPath, err)
	}
	env := newTestEnv(t, Deps{})
	srv := httptest.NewServer(env.e)
	t.Cleanup(srv.Close)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	b := &browserEnv{testEnv: env, base: srv.URL, ctx: ctx}
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("start Chromium: %v", err)
	}
	// Script exceptions and console errors (CSP violations among them)
	// fail the test; a 404 the page asked for on purpose does not.
	cctx, stopConsole := context.WithCancel(ctx)
	messages := chromedp.Console(cctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if (m.Type == chromedp.ConsoleError || m.IsException()) && !strings.Contains(m.Text, "404 (Not Found)") && !b.isExpected(m.Text) {
				b.mu.Lock()
				b.jsErrors = append(b.jsErrors, m.String())
				b.mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		stopConsole()
		<-done
		b.mu.Lock()
		defer b.mu.Unlock()
		for _, e := range b.jsErrors {
			t.Errorf("browser console: %s", e)
		}
	})
	return b
}

// run runs steps with a per-step deadline.
func (b *browserEnv) run(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// waitFor polls a JavaScript condition until it holds. It evaluates again
// after errors, since a navigation destroys the page's script context.
func (b *browserEnv) waitFor(t *testing.T, what, cond string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var lastErr error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("Boolean("+cond+")"))
		cancel()
		if err == nil && ok {
			return
		}
		lastErr = err
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("waiting for %s (%s): last error %v\npage: %s", what, cond, lastErr, b.text(t, "main"))
}

func (b *browserEnv) eval(t *testing.T, expr string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

func (b *browserEnv) text(t *testing.T, css string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	v, _ := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`(document.querySelector(%q)||{}).innerText||""`, css)))
	return v
}

func (b *browserEnv) screenshot(t *testing.T, name string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s (%d bytes)", path, len(png))
	// GOVARCHIVE_SCREENSHOTS keeps a copy for people to look at.
	if dir := os.Getenv("GOVARCHIVE_SCREENSHOTS"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
			t.Errorf("keep screenshot: %v", err)
		}
	}
	return path
}

func hitsCount(n int) string {
	return fmt.Sprintf(`document.querySelectorAll('.hit').length === %d && !document.querySelector('.loading')`, n)
}

func TestBrowserSearchAndFacets(t *testing.T) {
	b := newBrowser(t)
	a, bb, c := b.docs[0], b.docs[1], b.docs[2]

	// The search box's examples come from this archive.
	b.run(t, "home", chromedp.Navigate(b.base+"/"))
	b.waitFor(t, "examples", `document.querySelector('#q').placeholder.startsWith('例如：')`)
	if got := b.eval(t, `document.querySelector('#q').placeholder`); got != "例如：苏州市卫生健康委员会、凌鸣、苏府〔2021〕12号" {
		t.Errorf("placeholder = %q", got)
	}
	b.run(t, "open search", chromedp.Navigate(b.base+"/?q="+q("献血")))
	b.waitFor(t, "three hits", hitsCount(3))
	titles := b.text(t, ".hits")
	if !strings.Contains(titles, c.Title) || !strings.Contains(titles, a.Title) {
		t.Errorf("hits show %q", titles)
	}
	if got := b.eval(t, `document.querySelector('.snippet mark').textContent`); got != "献血" {
		t.Errorf("highlight = %q, want 献血", got)
	}
	if got := b.eval(t, `document.querySelector('#q').value`); got != "献血" {
		t.Errorf("search box = %q", got)
	}
	if got := b.text(t, ".summary"); !strings.Contains(got, "共 3 条结果") {
		t.Errorf("summary = %q", got)
	}
	// The whole result exports as CSV through the API.
	if got := b.eval(t, `document.querySelector('.summary a.export').getAttribute('href')`); got != "/api/search?q="+q("献血")+"&format=csv" {
		t.Errorf("export link = %q", got)
	}
	// Its feed is linked and announced in the head for feed readers.
	feed := "/api/search?q=" + q("献血") + "&format=atom"
	if got := b.eval(t, `document.querySelector('.summary a.feed').getAttribute('href')`); got != feed {
		t.Errorf("feed link = %q", got)
	}
	if got := b.eval(t, `document.querySelector('head link[rel=alternate][type="application/atom+xml"]').getAttribute('href')`); got != feed {
		t.Errorf("feed in the head = %q", got)
	}

	// Apply a facet: the URL carries it and the results narrow.
	b.run(t, "click year 2021", chromedp.Click(chromedp.CSS(`[data-facet="year"] [data-value="2021"]`)))
	b.waitFor(t, "year filter", hitsCount(2)+` && location.search.includes('year=2021')`)
	if got := b.eval(t, `document.querySelector('[data-facet="year"] [data-value="2021"]').getAttribute('aria-pressed')`); got != "true" {
		t.Errorf("year button pressed = %q", got)
	}
	// The page's title names the filter, so history entries differ.
	if got := b.eval(t, `document.title`); got != "“献血” · 2021年的搜索结果 · 政务档案检索" {
		t.Errorf("title = %q", got)
	}
	// The other years stay on offer, to switch to.
	b.waitFor(t, "other years offered", `document.querySelector('[data-facet="year"] [data-value="2020"]') !== null`)
	// Combine with a second facet.
	b.run(t, "click kind minutes", chromedp.Click(chromedp.CSS(`[data-facet="kind"] [data-value="minutes"]`)))
	b.waitFor(t, "year and kind", hitsCount(1)+` && location.search.includes('kind=minutes') && location.search.includes('year=2021')`)
	if got := b.eval(t, `document.querySelector('.hit a').getAttribute('href')`); !strings.Contains(got, bb.ID) {
		t.Errorf("remaining hit links to %q, want %s", got, bb.ID)
	}
	b.screenshot(t, "search-facets.png")

	// Remove the year filter with its chip.
	b.run(t, "remove year", chromedp.Click(chromedp.CSS(`.chip[data-filter="year"]`)))
	b.waitFor(t, "year removed", hitsCount(2)+` && !location.search.includes('year=') && location.search.includes('kind=minutes')`)
	// Back restores the previous state.
	b.run(t, "back", chromedp.NavigateBack())
	b.waitFor(t, "history", hitsCount(1)+` && location.search.includes('year=2021')`)

	// A shared URL renders on first load.
	b.run(t, "shared url", chromedp.Navigate(b.base+"/?q="+q("献血")+"&kind=official"))
	b.waitFor(t, "official only", hitsCount(1))
	if got := b.text(t, ".active-filters"); !strings.Contains(got, "类型：公文") {
		t.Errorf("active filters = %q", got)
	}

	// Keyboard: a facet applied with Enter keeps the focus on that facet.
	b.run(t, "keyboard facet", chromedp.Focus(chromedp.CSS(`[data-facet="year"] [data-value="2021"]`)), chromedp.KeyEvent("\r"))
	b.waitFor(t, "keyboard facet applied", `location.search.includes('year=2021') && document.activeElement && document.activeElement.dataset.value === '2021' && document.activeElement.getAttribute('aria-pressed') === 'true'`)

	// Every form control has a label, and the date range narrows the hits.
	if got := b.eval(t, `[...document.querySelectorAll('input, select')].filter(e => e.labels.length === 0).map(e => e.id || e.name).join(',')`); got != "" {
		t.Errorf("controls without a label: %s", got)
	}
	b.run(t, "plain search", chromedp.Navigate(b.base+"/?q="+q("献血")))
	b.waitFor(t, "three hits again", hitsCount(3))
	b.run(t, "date range", chromedp.Click(chromedp.CSS(".advanced summary")),
		chromedp.SetValue(chromedp.ID("from"), "2021-01-01"), chromedp.SetValue(chromedp.ID("to"), "2021-04-30"),
		chromedp.Click(chromedp.CSS(`.search-form button[type="submit"]`)))
	b.waitFor(t, "date range", hitsCount(1)+` && location.search.includes('from=2021-01-01') && location.search.includes('to=2021-04-30')`)

	// A query typed but not submitted is kept when the sort changes.
	b.run(t, "retype", chromedp.Navigate(b.base+"/?q="+q("献血")))
	b.waitFor(t, "three hits for retyping", hitsCount(3))
	b.eval(t, `document.getElementById('q').value = '危险化学品'; ''`)
	b.run(t, "change sort", chromedp.SetValue(chromedp.ID("sort"), "date_desc"))
	b.eval(t, `document.getElementById('sort').dispatchEvent(new Event('change')); ''`)
	b.waitFor(t, "typed query kept", `new URLSearchParams(location.search).get('q') === '危险化学品' && location.search.includes('sort=date_desc')`)
	// The skip link reaches the results past the form and the facets.
	if got := b.eval(t, `document.querySelector('a.skip[href="#results"]') && document.getElementById('results') ? 'ok' : ''`); got != "ok" {
		t.Error("no skip link to the results")
	}

	// Filters that leave none of the documents holding the words say so,
	// with a way out, instead of showing documents with one of the words.
	b.run(t, "filtered to nothing", chromedp.Navigate(b.base+"/?q="+q("献血")+"&year=2019"))
	b.waitFor(t, "unfiltered note", `document.querySelector('.summary .note a') !== null`)
	if got := b.text(t, ".summary"); !strings.Contains(got, "共 0 条结果") || !strings.Contains(got, "全部 3 条结果") {
		t.Errorf("summary = %q", got)
	}
	b.run(t, "drop filters", chromedp.Click(chromedp.CSS(".summary .note a")))
	b.waitFor(t, "unfiltered", hitsCount(3)+` && !location.search.includes('year=')`)
	// A name one character off is answered with the name the archive holds.
	b.run(t, "typo", chromedp.Navigate(b.base+"/?q="+q("李亚萍")))
	b.waitFor(t, "did you mean", `document.querySelector('.summary .note a') !== null`)
	if got := b.text(t, ".summary .note"); !strings.Contains(got, "您是不是要找：李亚平") {
		t.Errorf("typo note = %q", got)
	}
	// A query of symbols only lists every document and says why.
	b.run(t, "symbols", chromedp.Navigate(b.base+"/?q="+q("。")))
	b.waitFor(t, "symbols note", `document.querySelector('.summary .note') !== null`)
	if got := b.text(t, ".summary .note"); !strings.Contains(got, "没有可检索的文字") || !strings.Contains(got, "列出全部文档") {
		t.Errorf("symbols note = %q", got)
	}
	// A page past the last, and a rejected parameter, read in Chinese.
	b.run(t, "past the end", chromedp.Navigate(b.base+"/?q="+q("献血")+"&page=5"))
	b.waitFor(t, "empty page note", `document.querySelector('.summary .note') !== null`)
	if got := b.text(t, ".summary .note"); !strings.Contains(got, "结果只有 1 页") {
		t.Errorf("past the end = %q", got)
	}
	b.expect("400 (Bad Request)")
	b.run(t, "too deep", chromedp.Navigate(b.base+"/?q="+q("献血")+"&page=100000"))
	b.waitFor(t, "error", `document.querySelector('.error[role=alert]') !== null`)
	if got := b.text(t, ".error"); !strings.Contains(got, "只能翻阅前") {
		t.Errorf("too deep = %q", got)
	}

	// Suggestions complete pinyin initials.
	b.run(t, "type initials", chromedp.Navigate(b.base+"/"), chromedp.WaitVisible(chromedp.ID("q")), chromedp.SendKeys(chromedp.ID("q"), "lyp"))
	b.waitFor(t, "suggestion", `[...document.querySelectorAll('#suggestions option')].some(o => o.value === '李亚平')`)
	b.screenshot(t, "search-suggest.png")
}

func TestBrowserDocumentPersonDepartment(t *testing.T) {
	b := newBrowser(t)
	a := b.docs[0]

	b.run(t, "search", chromedp.Navigate(b.base+"/?q="+q("危险化学品")))
	b.waitFor(t, "hit", `document.querySelectorAll('.hit').length >= 1`)
	if got := b.text(t, ".topics"); !strings.Contains(got, "议题1") {
		t.Errorf("matching topics = %q", got)
	}
	b.run(t, "open document", chromedp.Click(chromedp.CSS(`.hit h3 a[href*="`+a.ID+`"]`)))
	b.waitFor(t, "document page", `location.pathname === '/doc.html' && document.querySelector('h1') && document.querySelectorAll('.topic').length === 2`)
	if got := b.text(t, "h1"); got != a.Title {
		t.Errorf("h1 = %q", got)
	}
	facts := b.text(t, ".facts")
	for _, want := range []string{"〔2020〕3号", "市政府第86次常务会议", "2020年1月6日", "李亚平"} {
		if !strings.Contains(facts, want) {
			t.Errorf("facts %q miss %q", facts, want)
		}
	}
	if got := b.text(t, "#topic-1"); !strings.Contains(got, "牵头部门：市应急局") {
		t.Errorf("topic 1 = %q", got)
	}
	obs := b.text(t, ".observers")
	if !strings.Contains(obs, "市发改委") || !strings.Contains(obs, "凌鸣") {
		t.Errorf("observers = %q", obs)
	}
	b.waitFor(t, "related", `document.querySelectorAll('.timeline li').length === 2`)
	b.screenshot(t, "document.png")

	// Follow an attendee to their person page.
	b.run(t, "follow attendee", chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('.attendees a.person')].find(a => a.textContent === '王翔')`)))
	b.waitFor(t, "person page", `location.pathname === '/person.html' && document.querySelectorAll('table.list tbody tr').length === 2`)
	if got := b.text(t, "h1"); got != "王翔" {
		t.Errorf("person h1 = %q", got)
	}
	// Each row names the government whose document it is (namesakes).
	if got := b.text(t, "table.list"); !strings.Contains(got, "主持（常务副市长）") || !strings.Contains(got, "出席") || !strings.Contains(got, "苏州市人民政府") {
		t.Errorf("person meetings = %q", got)
	}
	b.screenshot(t, "person.png")
	// A name the archive lacks reads in Chinese.
	b.expect("404 (Not Found)")
	b.run(t, "unknown person", chromedp.Navigate(b.base+"/person.html?name="+q("无此人")))
	b.waitFor(t, "unknown person", `document.querySelector('.error[role=alert]') !== null`)
	if got := b.text(t, ".error"); got != "档案中没有名为“无此人”的人员。" {
		t.Errorf("unknown person = %q", got)
	}

	// Back to the document, then follow a lead department.
	b.run(t, "document again", chromedp.Navigate(b.base+"/doc.html?id="+a.ID))
	b.waitFor(t, "document again", `document.querySelectorAll('.topic').length === 2`)
	// The link goes to the unit the document means, not to every 市应急局.
	if got := b.eval(t, `decodeURIComponent(document.querySelector('#topic-1 .leads a.dept').getAttribute('href'))`); got != "/department.html?name=苏州市应急管理局" {
		t.Errorf("lead department links to %q", got)
	}
	b.run(t, "follow department", chromedp.Click(chromedp.CSS(`#topic-1 .leads a.dept`)))
	b.waitFor(t, "department page", `location.pathname === '/department.html' && document.querySelector('svg.chart')`)
	if got := b.text(t, "h1"); got != "苏州市应急管理局" {
		t.Errorf("department h1 = %q", got)
	}
	if got := b.text(t, "ol.led"); !strings.Contains(got, "危险化学品") {
		t.Errorf("led topics = %q", got)
	}
	if got := b.text(t, ".name-grid"); !strings.Contains(got, "朱健") {
		t.Errorf("department people = %q", got)
	}
	// The page's feed follows the unit: the reader gets its documents.
	b.eval(t, `fetch(document.querySelector('.follow a.feed').href).then(r => r.text()).then(x => { window.feedText = x; }), 'fetching'`)
	b.waitFor(t, "department feed", `typeof window.feedText === 'string'`)
	if got := b.eval(t, `window.feedText`); !strings.Contains(got, a.ID) || !strings.Contains(got, "部门：苏州市应急管理局") {
		t.Errorf("department feed = %.300s", got)
	}
	b.screenshot(t, "department.png")

	// People on leave: listed apart on the document, a role of their own
	// on their page.
	b.run(t, "minutes with a leave list", chromedp.Navigate(b.base+"/doc.html?id="+b.docs[1].ID))
	b.waitFor(t, "leave list", `document.querySelector('.absent a.person') !== null`)
	if got := b.text(t, ".absent"); !strings.Contains(got, "请假（1）") || !strings.Contains(got, "吴晓东") || !strings.Contains(got, "副市长") {
		t.Errorf("leave list = %q", got)
	}
	if got := b.text(t, ".attendees"); strings.Contains(got, "吴晓东") {
		t.Errorf("attendees %q list a person on leave", got)
	}
	b.run(t, "follow absent", chromedp.Click(chromedp.CSS(`.absent a.person`)))
	b.waitFor(t, "absent person page", `location.pathname === '/person.html' && document.querySelectorAll('table.list tbody tr').length === 2`)
	if got := b.text(t, "table.list"); !strings.Contains(got, "请假") || !strings.Contains(got, "出席") {
		t.Errorf("person meetings = %q", got)
	}
}

func TestBrowserBrowsePages(t *testing.T) {
	b := newBrowser(t)
	b.run(t, "meetings", chromedp.Navigate(b.base+"/meetings.html"))
	// Minutes and news reports together, then minutes only.
	b.waitFor(t, "meetings list", `document.querySelectorAll('ol.meetings li').length === 3`)
	// Each meeting names its government: "市政府第86次常务会议" alone does not.
	if got := b.text(t, "ol.meetings"); !strings.Contains(got, "苏州市人民政府") {
		t.Errorf("meetings list %q names no issuer", got)
	}
	// A government's name narrows the list to its meetings, and back.
	b.run(t, "one government", chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('ol.meetings a.issuer')].find(a => a.textContent === '惠东县人民政府')`)))
	b.waitFor(t, "its meetings", `location.search.includes('issuer=') && document.querySelectorAll('ol.meetings li').length === 1`)
	if got := b.text(t, "h1"); got != "惠东县人民政府的会议" {
		t.Errorf("heading = %q", got)
	}
	b.run(t, "all governments", chromedp.Click(chromedp.CSS(".active-filters a")))
	b.waitFor(t, "all meetings again", `!location.search.includes('issuer=') && document.querySelectorAll('ol.meetings li').length === 3`)
	b.run(t, "minutes tab", chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('.tabs a')].find(a => a.textContent.startsWith('会议纪要'))`)))
	b.waitFor(t, "minutes only", `location.search.includes('kind=minutes') && document.querySelectorAll('ol.meetings li').length === 2`)
	b.run(t, "year 2020", chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('.years a')].find(a => a.textContent.startsWith('2020'))`)))
	b.waitFor(t, "2020 meetings", `location.search.includes('year=2020') && document.querySelectorAll('ol.meetings li').length === 1`)
	b.screenshot(t, "meetings.png")
	// A kind meetings do not have is said, not silently ignored.
	b.run(t, "meetings of a kind they lack", chromedp.Navigate(b.base+"/meetings.html?kind=official"))
	b.waitFor(t, "kind note", `document.querySelectorAll('ol.meetings li').length === 3 && document.querySelector('main .note') !== null`)

	b.run(t, "decisions", chromedp.Navigate(b.base+"/decisions.html?department="+q("苏州市卫生健康委员会")))
	b.waitFor(t, "decisions list", `document.querySelectorAll('.decision-list > li').length === 2`)
	if got := b.text(t, ".decision-list .meta"); !strings.Contains(got, "苏州市人民政府") {
		t.Errorf("decision meta %q names no issuer", got)
	}
	b.screenshot(t, "decisions.png")
	// The department filter suggests departments only.
	b.eval(t, `document.getElementById('department').value = ''`)
	b.run(t, "type department", chromedp.SendKeys(chromedp.ID("department"), "苏州市"))
	b.waitFor(t, "department suggestions", `(() => { const o = [...document.querySelectorAll('#dept-suggestions option')].map(o => o.value);
		return o.length > 0 && o.some(v => v.includes('卫生健康')) && !o.includes('李亚平'); })()`)

	b.run(t, "people", chromedp.Navigate(b.base+"/person.html"))
	b.waitFor(t, "people list", `document.querySelectorAll('.name-grid li').length >= 8`)
	b.run(t, "departments", chromedp.Navigate(b.base+"/department.html"))
	b.waitFor(t, "departments list", `[...document.querySelectorAll('.name-grid a')].some(a => a.textContent === '苏州市应急管理局')`)

	// A missing document shows an error, not a blank page.
	b.run(t, "missing doc", chromedp.Navigate(b.base+"/doc.html?id=0000000000000000"))
	b.waitFor(t, "error", `document.querySelector('.error[role=alert]') !== null`)

	// Phone-sized screen: facets fold away, results still readable.
	b.run(t, "phone", chromedp.EmulateViewport(390, 844), chromedp.Navigate(b.base+"/?q="+q("献血")))
	b.waitFor(t, "phone hits", hitsCount(3)+` && document.documentElement.scrollWidth <= 390`)
	b.screenshot(t, "search-phone.png")
}

// TestBrowserFacetMore: the year facet lists every year, not the ten most
// frequent; a facet that fills its ten slots offers the rest on request.
func TestBrowserFacetMore(t *testing.T) {
	b := newBrowser(t)
	var docs []*document.Document
	for i := range 12 {
		year := 2001 + i
		text := fmt.Sprintf("第%d号防汛通知\n做好防汛工作。", i+1)
		docs = append(docs, &document.Document{ID: document.ContentID(text), Source: fmt.Sprintf("f%d.txt", i), SourcePath: fmt.Sprintf("/f%d", i),
			Kind: document.KindOfficial, Title: fmt.Sprintf("第%d号防汛通知", i+1), Issuer: fmt.Sprintf("%c县人民政府", rune('甲'+i)),
			Date: fmt.Sprintf("%d-06-01", year), Text: text})
	}
	// Two more of one year and issuer, so the ten shown are not all.
	for i := range 2 {
		text := fmt.Sprintf("防汛检查通报%d\n做好防汛工作。", i)
		docs = append(docs, &document.Document{ID: document.ContentID(text), Source: fmt.Sprintf("g%d.txt", i), SourcePath: fmt.Sprintf("/g%d", i),
			Kind: document.KindOfficial, Title: "防汛检查通报", Issuer: "甲县人民政府", Date: "2001-07-01", Text: text})
	}
	if _, err := b.ix.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	b.run(t, "search", chromedp.Navigate(b.base+"/?q="+q("防汛")))
	b.waitFor(t, "every year", `document.querySelectorAll('[data-facet="year"] .facet-value').length === 12 && !document.querySelector('[data-facet="year"] .facet-more')`)
	b.waitFor(t, "ten issuers and more", `document.querySelectorAll('[data-facet="issuer"] .facet-value').length === 10 && document.querySelector('[data-facet="issuer"] .facet-more') !== null`)
	b.run(t, "more issuers", chromedp.Click(chromedp.CSS(`[data-facet="issuer"] .facet-more`)))
	b.waitFor(t, "every issuer", `document.querySelectorAll('[data-facet="issuer"] .facet-value').length === 12 && document.activeElement.dataset.value !== undefined`)
	b.screenshot(t, "facet-more.png")
}

// TestBrowserSlowNetwork: on a slow network a click keeps the results in
// place, marked busy, and the clicked facet keeps the focus; a response that
// comes back after the reader went back is dropped, so the facets never show
// a filter the URL and the results do not have.
func TestBrowserSlowNetwork(t *testing.T) {
	b := newBrowser(t)
	b.run(t, "search", chromedp.Navigate(b.base+"/?q="+q("献血")))
	b.waitFor(t, "three hits", hitsCount(3))
	// The year's searches answer late, the others soon.
	b.eval(t, `(() => { const f = window.fetch;
		window.fetch = (u, o) => new Promise(r => setTimeout(r, String(u).includes('year=2021') ? 1500 : 200)).then(() => f(u, o));
		return ''; })()`)
	b.run(t, "click year", chromedp.Click(chromedp.CSS(`[data-facet="year"] [data-value="2021"]`)))
	b.waitFor(t, "busy", `location.search.includes('year=2021') && document.getElementById('results').getAttribute('aria-busy') === 'true'`)
	if got := b.eval(t, `String(document.querySelectorAll('.hit').length) + ' ' + (document.querySelector('.results > .loading[role=status]') ? 'loading' : '') + ' ' +
		(document.activeElement.dataset.value || document.activeElement.tagName)`); got != "3 loading 2021" {
		t.Errorf("while loading: hits, status, focus = %q, want the old hits kept, a status and the focus on 2021", got)
	}
	b.screenshot(t, "search-busy.png")
	b.eval(t, `document.getElementById('announce').dataset.mine = 'x', ''`)
	b.run(t, "back before the answer", chromedp.NavigateBack())
	b.waitFor(t, "unfiltered again", hitsCount(3)+` && !location.search.includes('year=') && !document.getElementById('results').hasAttribute('aria-busy')`)
	// Let the late answer for 2021 arrive.
	time.Sleep(1800 * time.Millisecond)
	if got := b.eval(t, `document.querySelector('[data-facet="year"] [data-value="2021"]').getAttribute('aria-pressed') + ' ' +
		String(document.querySelectorAll('.hit').length) + ' ' + String(document.querySelector('.active-filters') === null)`); got != "false 3 true" {
		t.Errorf("after the late answer: 2021 pressed, hits, no chips = %q, want %q", got, "false 3 true")
	}
	// The count is told through the same live region all along.
	if got := b.eval(t, `(document.getElementById('announce').dataset.mine || '') + document.getElementById('announce').textContent`); got != "x共 3 条结果" {
		t.Errorf("live region = %q", got)
	}
}

// TestBrowserDocumentHighlight: a hit's topic link opens the document at
// that topic, marked, with the words the search matched highlighted and
// the topic's text open; the highlight can be turned off.
func TestBrowserDocumentHighlight(t *testing.T) {
	b := newBrowser(t)
	a := b.docs[0]
	b.run(t, "search", chromedp.Navigate(b.base+"/?q="+q("危险化学品")))
	b.waitFor(t, "topic link", `document.querySelector('.topics a[href*="`+a.ID+`"]') !== null`)
	b.run(t, "open topic", chromedp.Click(chromedp.CSS(`.topics a[href*="`+a.ID+`"]`)))
	b.waitFor(t, "document", `location.pathname === '/doc.html' && document.querySelector('.hl-note') !== null`)
	if got := b.eval(t, `new URLSearchParams(location.search).getAll('hl').join(',') + location.hash`); got != "危险化学品#topic-1" {
		t.Errorf("document URL carries %q, want the matched word and the topic", got)
	}
	if got := b.eval(t, `[...document.querySelectorAll('#topic-1 mark')].map(m => m.textContent).join(',')`); !strings.HasPrefix(got, "危险化学品,") {
		t.Errorf("marks in topic 1 = %q", got)
	}
	if got := b.eval(t, `String(document.getElementById('topic-1').classList.contains('current')) + ' ' +
		String(document.querySelector('#topic-1 details').open) + ' ' + String(document.querySelector('#topic-2 mark') === null)`); got != "true true true" {
		t.Errorf("topic 1 current, its text open, topic 2 unmarked = %q", got)
	}
	if got := b.text(t, ".hl-note"); !strings.Contains(got, "“危险化学品”") || !strings.Contains(got, "取消高亮") {
		t.Errorf("note = %q", got)
	}
	if got := b.text(t, ".fulltext summary"); got != "全文（2 处匹配）" {
		t.Errorf("full text summary = %q", got)
	}
	b.screenshot(t, "document-highlight.png")
	b.run(t, "no highlight", chromedp.Click(chromedp.CSS(".hl-note a")))
	b.waitFor(t, "unmarked", `!location.search.includes('hl=') && location.hash === '#topic-1' && document.querySelector('.topic') !== null && document.querySelector('article mark') === null`)
	// A fragment that is no percent-encoding names no topic: the document
	// shows all the same.
	b.run(t, "malformed fragment", chromedp.Navigate(b.base+"/doc.html?id="+a.ID+"&hl="+q("危险化学品")+"#%E0%A4"))
	b.waitFor(t, "document despite the fragment", `document.querySelector('.topic') !== null || document.querySelector('.error') !== null`)
	if got := b.eval(t, `String(document.querySelectorAll('.topic').length) + ' ' + String(document.querySelector('.error') === null) + ' ' + String(document.querySelector('.hl-note') !== null)`); got != "2 true true" {
		t.Errorf("document with a malformed fragment: topics, no error, note = %q", got)
	}
}

// TestBrowserMissingFields: a document without title, date or 文号 reads as
// such in every list instead of leaving blanks or an empty link.
func TestBrowserMissingFields(t *testing.T) {
	b := newBrowser(t)
	text := "常务会议召开\n会议研究了防汛工作。"
	doc := &document.Document{ID: document.ContentID(text), Source: "bare-news.html", SourcePath: "/bare-news.html",
		Kind: document.KindNews, Text: text,
		Meeting: &document.Meeting{Type: "常务会议", Chair: &document.Person{Name: "赵一", Title: "县长"}}}
	if _, err := b.ix.Put(context.Background(), []*document.Document{doc}); err != nil {
		t.Fatal(err)
	}
	b.run(t, "meetings", chromedp.Navigate(b.base+"/meetings.html"))
	b.waitFor(t, "bare meeting", `document.querySelector('ol.meetings a[href*="`+doc.ID+`"]') !== null`)
	if got := b.eval(t, `(() => { const li = document.querySelector('ol.meetings a[href*="`+doc.ID+`"]').closest('li');
		return li.querySelector('.date').textContent + '|' + li.querySelector('a[href*="doc.html"]').textContent; })()`); got != "日期不详|（无标题）" {
		t.Errorf("bare meeting row = %q", got)
	}
	// No year lists it: the page says so, and a tab of its own lists it.
	if got := b.text(t, "main p[role=status]"); got != "共 4 次会议，其中 1 次日期不详，列在最后" {
		t.Errorf("meetings status = %q", got)
	}
	b.run(t, "undated tab", chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll('.years a')].find(a => a.textContent.startsWith('日期不详'))`)))
	b.waitFor(t, "undated meetings", `location.search.includes('year=none') && document.querySelectorAll('ol.meetings li').length === 1`)
	if got := b.text(t, "h1"); got != "日期不详的会议" {
		t.Errorf("undated heading = %q", got)
	}
	b.run(t, "search it", chromedp.Navigate(b.base+"/?q="+q("防汛")))
	b.waitFor(t, "bare hit", hitsCount(1))
	if got := b.text(t, ".hit .meta"); got != "新闻报道 · 日期不详" {
		t.Errorf("bare hit meta = %q", got)
	}
	// year=none (the API's undated filter) reads as such, not "none年".
	b.run(t, "search undated", chromedp.Navigate(b.base+"/?q="+q("防汛")+"&year=none"))
	b.waitFor(t, "undated hit", hitsCount(1))
	if got := b.text(t, `.chip[data-filter="year"]`); got != "年份：日期不详 ×" {
		t.Errorf("undated chip = %q", got)
	}
	b.run(t, "search again", chromedp.Navigate(b.base+"/?q="+q("防汛")))
	b.waitFor(t, "bare hit again", hitsCount(1))
	b.run(t, "document", chromedp.Click(chromedp.CSS(".hit h3 a")))
	b.waitFor(t, "bare document", `document.querySelector('.facts') !== null`)
	if got := b.eval(t, `document.title`); got != "bare-news.html · 政务档案检索" {
		t.Errorf("title = %q", got)
	}
	if got := b.eval(t, `[...document.querySelectorAll('.facts dt')].find(dt => dt.textContent === '日期')?.nextElementSibling.textContent || ''`); got != "未注明" {
		t.Errorf("date fact = %q", got)
	}
}

// TestBrowserSearchLayout: a search without results gives them the whole
// width (no empty facet column), and a 文号 or a date never breaks inside.
func TestBrowserSearchLayout(t *testing.T) {
	b := newBrowser(t)
	b.run(t, "nothing found", chromedp.Navigate(b.base+"/?q="+q("台风")))
	b.waitFor(t, "summary", `document.querySelector('.summary') !== null && !document.querySelector('.facets')`)
	if got := b.eval(t, `String(Math.round(document.getElementById('results').getBoundingClientRect().left - document.querySelector('.search-form').getBoundingClientRect().left))`); got != "0" {
		t.Errorf("results start %spx right of the form, want 0", got)
	}
	// Nothing found points somewhere to browse.
	if got := b.eval(t, `[...document.querySelectorAll('.summary .note a')].map(a => a.getAttribute('href')).join(',')`); got != "/meetings.html,/decisions.html" {
		t.Errorf("links of the empty result = %q", got)
	}
	// Fewer words than typed are said to be a fallback, but not for an OR
	// the reader typed.
	b.run(t, "fallback", chromedp.Navigate(b.base+"/?q="+q("献血 台风")))
	b.waitFor(t, "fallback hits", hitsCount(3))
	if got := b.text(t, ".summary .note"); !strings.Contains(got, "只包含部分关键词") {
		t.Errorf("fallback note = %q", got)
	}
	b.run(t, "typed OR", chromedp.Navigate(b.base+"/?q="+q("献血 or 台风")))
	b.waitFor(t, "OR hits", hitsCount(3))
	if got := b.text(t, ".summary .note"); got != "" {
		t.Errorf("typed OR note = %q, want none", got)
	}
	// An OR with no word before it joins nothing: it is said to be left out.
	b.run(t, "leading OR", chromedp.Navigate(b.base+"/?q="+q("OR 献血")))
	b.waitFor(t, "leading OR hits", hitsCount(3))
	if got := b.text(t, ".summary .note"); got != "“OR” 两边都要有检索词才起作用，已忽略。" {
		t.Errorf("leading OR note = %q", got)
	}
	b.run(t, "phone", chromedp.EmulateViewport(375, 812), chromedp.Navigate(b.base+"/?q="+q("献血")))
	b.waitFor(t, "hits", hitsCount(3))
	if got := b.eval(t, `[...document.querySelectorAll('.hit .meta .doc-number, .hit .meta .date')].map(e => getComputedStyle(e).whiteSpace).join(',')`); got != "nowrap,nowrap,nowrap,nowrap,nowrap,nowrap" {
		t.Errorf("white-space of dates and 文号 = %q", got)
	}
	if got := b.eval(t, `[...document.querySelectorAll('.hit .meta .doc-number')].map(e => e.textContent).join(',')`); !strings.Contains(got, "苏府〔2021〕12号") {
		t.Errorf("文号 in hits = %q", got)
	}
}

// TestBrowserPagerScroll: the next page of a long result starts at its top,
// not where the reader clicked at the bottom of the previous one.
func TestBrowserPagerScroll(t *testing.T) {
	b := newBrowser(t)
	var docs []*document.Document
	for i := range 40 {
		text := fmt.Sprintf("第%d号防汛通知\n做好防汛工作。%s", i+1, strings.Repeat("汛期值班安排。", 40))
		docs = append(docs, &document.Document{ID: document.ContentID(text), Source: fmt.Sprintf("p%d.txt", i), SourcePath: fmt.Sprintf("/p%d", i),
			Kind: document.KindOfficial, Title: fmt.Sprintf("第%d号防汛通知", i+1), Date: fmt.Sprintf("2020-%02d-01", i%12+1), Text: text})
	}
	if _, err := b.ix.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	b.run(t, "search", chromedp.Navigate(b.base+"/?q="+q("防汛")))
	b.waitFor(t, "first page", hitsCount(20))
	b.run(t, "next page", chromedp.Click(chromedp.CSS(`.pager a[rel="next"]`)))
	b.waitFor(t, "second page", hitsCount(20)+` && location.search.includes('page=2')`)
	if got := b.eval(t, `String(Math.round(document.getElementById('results').getBoundingClientRect().top) >= 0 && document.getElementById('results').getBoundingClientRect().top < innerHeight)`); got != "true" {
		t.Errorf("the second page's results start outside the window (top %s)", b.eval(t, `String(document.getElementById('results').getBoundingClientRect().top)`))
	}
}

// TestBrowserDecisionsFilters: the words searched for stand out in the
// decisions found, and the filters can be cleared in one step.
func TestBrowserDecisionsFilters(t *testing.T) {
	b := newBrowser(t)
	b.run(t, "decisions", chromedp.Navigate(b.base+"/decisions.html?q="+q("献血")+"&year=2021"))
	b.waitFor(t, "decisions", `document.querySelectorAll('.decision-list > li').length === 1`)
	if got := b.eval(t, `[...new Set([...document.querySelectorAll('.decision-list mark')].map(m => m.textContent))].join(',')`); got != "献血" {
		t.Errorf("marks = %q", got)
	}
	// The query's syntax is no word of the text: a phrase is marked without
	// its quotes, and the words it excludes are not marked.
	b.run(t, "syntax", chromedp.Navigate(b.base+"/decisions.html?q="+q(`"献血" -台风 OR`)+"&year=2021"))
	b.waitFor(t, "decisions", `document.querySelectorAll('.decision-list > li').length === 1`)
	if got := b.eval(t, `[...new Set([...document.querySelectorAll('.decision-list mark')].map(m => m.textContent))].join(',')`); got != "献血" {
		t.Errorf("marks of a query with syntax = %q", got)
	}
	b.run(t, "clear", chromedp.Click(chromedp.CSS(".filters a.clear")))
	b.waitFor(t, "all decisions", `location.search === '' && document.querySelectorAll('.decision-list > li').length >= 3 && !document.querySelector('.filters a.clear')`)
}

// TestBrowserNetworkError: a lost connection or a failing server reads in
// Chinese, with a button that tries again.
func TestBrowserNetworkError(t *testing.T) {
	b := newBrowser(t)
	b.run(t, "search", chromedp.Navigate(b.base+"/?q="+q("献血")))
	b.waitFor(t, "hits", hitsCount(3))
	b.eval(t, `window.fetch = () => Promise.reject(new TypeError('Failed to fetch')), ''`)
	b.run(t, "facet offline", chromedp.Click(chromedp.CSS(`[data-facet="year"] [data-value="2021"]`)))
	b.waitFor(t, "error", `document.querySelector('#results .error[role=alert]') !== null`)
	if got := b.text(t, "#results .error"); !strings.HasPrefix(got, "无法连接到服务器，请检查网络后重试。") || strings.Contains(got, "Failed to fetch") {
		t.Errorf("offline error = %q", got)
	}
	// The previous search's facets do not stay beside the error.
	if got := b.eval(t, `String(document.querySelectorAll('.facet-value').length)`); got != "0" {
		t.Errorf("%s facet values left beside the error", got)
	}
	// Back online, 重试 loads the page the URL names.
	b.run(t, "retry", chromedp.Click(chromedp.CSS("#results .error button.retry")))
	b.waitFor(t, "retried", hitsCount(2)+` && location.search.includes('year=2021')`)
	// A server error too.
	b.expect("500 (Internal Server Error)")
	b.eval(t, `window.fetch = () => Promise.resolve(new Response('{"error":"internal error"}', {status: 500, headers: {'Content-Type': 'application/json'}})), ''`)
	b.run(t, "facet failing", chromedp.Click(chromedp.CSS(`.chip[data-filter="year"]`)))
	b.waitFor(t, "server error", `document.querySelector('#results .error button.retry') !== null`)
	if got := b.text(t, "#results .error"); !strings.HasPrefix(got, "服务器暂时出错（500），请稍后重试。") {
		t.Errorf("server error = %q", got)
	}
}

// TestBrowserFocusContrast: the keyboard focus ring stands out (3:1, WCAG
// 1.4.11) on the white page and on the dark header alike.
func TestBrowserFocusContrast(t *testing.T) {
	b := newBrowser(t)
	b.run(t, "home", chromedp.Navigate(b.base+"/"))
	b.waitFor(t, "form", `document.getElementById('q') !== null`)
	const contrast = `((el, bgEl) => {
		const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
		const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
			return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
		const a = lum(getComputedStyle(el).outlineColor), c = lum(getComputedStyle(bgEl).backgroundColor);
		return ((Math.max(a, c) + 0.05) / (Math.min(a, c) + 0.05)).toFixed(1);
	})`
	ratio := func(expr string) float64 {
		t.Helper()
		v, err := strconv.ParseFloat(b.eval(t, contrast+expr), 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	b.run(t, "tab to the brand", chromedp.KeyEvent("\t"), chromedp.KeyEvent("\t"), chromedp.KeyEvent("\t"))
	b.waitFor(t, "brand focused", `document.activeElement.classList.contains('brand')`)
	if got := ratio(`(document.activeElement, document.querySelector('header.site'))`); got < 3 {
		t.Errorf("focus ring on the header: contrast %.1f, want at least 3", got)
	}
	b.eval(t, `document.getElementById('q').focus(), ''`)
	if got := ratio(`(document.getElementById('q'), document.documentElement)`); got < 3 {
		t.Errorf("focus ring on the page: contrast %.1f, want at least 3", got)
	}
}

// TestBrowserDocumentChrome: the full text shows a captured page's menu and
// breadcrumb dimmed, with a hint of what they are, and the report as it
// is; the text reads as stored, and a search word highlights in the body
// only (search does not match the chrome).
func TestBrowserDocumentChrome(t *testing.T) {
	b := newBrowser(t)
	d, chrome, body := chromeDoc()
	if _, err := b.ix.Put(context.Background(), []*document.Document{d}); err != nil {
		t.Fatal(err)
	}
	b.run(t, "document", chromedp.Navigate(b.base+"/doc.html?id="+d.ID+"&hl="+q("政务公开")+"&hl="+q("防汛")))
	b.waitFor(t, "full text", `document.querySelector('.fulltext pre') !== null && document.querySelector('.hl-note') !== null`)
	// The match in the body opens the full text.
	if got := b.eval(t, `String(document.querySelector('.fulltext').open)`); got != "true" {
		t.Errorf("full text open = %s", got)
	}
	if got := b.eval(t, `[...document.querySelectorAll('.fulltext pre .chrome')].map(s => s.textContent).join('\n')`); got != strings.Join(chrome, "\n") {
		t.Errorf("dimmed = %q, want %q", got, strings.Join(chrome, "\n"))
	}
	if got := b.eval(t, `document.querySelector('.fulltext pre').textContent`); got != d.Text {
		t.Errorf("full text = %q, want the stored text", got)
	}
	if got := b.eval(t, `[...document.querySelectorAll('.fulltext pre .chrome')].every(s => s.title.includes('网页导航')) ? getComputedStyle(document.querySelector('.fulltext .chrome')).color + ' ' + getComputedStyle(document.querySelector('.fulltext pre')).color : 'no hint'`); got != "rgb(107, 107, 107) rgb(27, 27, 27)" {
		t.Errorf("chrome hint and colour, pre colour = %q", got)
	}
	if got := b.text(t, ".fulltext .chrome-note"); !strings.Contains(got, "灰色文字为网页导航等非正文内容") {
		t.Errorf("note = %q", got)
	}
	if got := b.eval(t, `[...document.querySelectorAll('.fulltext mark')].map(m => m.textContent + (m.closest('.chrome') ? '(chrome)' : '')).join(',')`); got != "防汛" {
		t.Errorf("marks in the full text = %q, want the body's 防汛 only", got)
	}
	if !strings.Contains(body, "防汛") {
		t.Fatal("test body lost its word")
	}
	b.screenshot(t, "document-chrome.png")
}

// TestBrowserUndatedFacet: the year panel offers the documents no year
// files (日期不详, the API's year=none), so its counts add up to the
// results and the undated ones are a click away, as on the meetings page.
func TestBrowserUndatedFacet(t *testing.T) {
	b := newBrowser(t)
	text := "常务会议召开\n会议研究了防汛工作。"
	doc := &document.Document{ID: document.ContentID(text), Source: "bare-news.html", SourcePath: "/bare-news.html",
		Kind: document.KindNews, Text: text, Meeting: &document.Meeting{Type: "常务会议"}}
	if _, err := b.ix.Put(context.Background(), []*document.Document{doc}); err != nil {
		t.Fatal(err)
	}
	total := len(b.docs) + 1
	b.run(t, "home", chromedp.Navigate(b.base+"/"))
	b.waitFor(t, "all documents", hitsCount(total))
	years := `[...document.querySelectorAll('[data-facet="year"] .facet-value')]`
	if got := b.eval(t, years+`.at(-1).textContent`); got != "日期不详1" {
		t.Errorf("last year value = %q, want 日期不详1", got)
	}
	if got := b.eval(t, `String(`+years+`.reduce((n, el) => n + Number(el.querySelector('.count').textContent), 0))`); got != strconv.Itoa(total) {
		t.Errorf("year counts add up to %s, want %d", got, total)
	}
	b.run(t, "click undated", chromedp.Click(chromedp.CSS(`[data-facet="year"] [data-value="none"]`)))
	b.waitFor(t, "undated only", hitsCount(1)+` && location.search.includes('year=none')`)
	if got := b.eval(t, `document.querySelector('.hit a').getAttribute('href')`); !strings.Contains(got, doc.ID) {
		t.Errorf("undated hit links to %q, want %s", got, doc.ID)
	}
	if got := b.text(t, `.chip[data-filter="year"]`); got != "年份：日期不详 ×" {
		t.Errorf("chip = %q", got)
	}
	// In use, the value stays pressed among the years to switch to.
	b.waitFor(t, "undated pressed", `document.querySelector('[data-facet="year"] [data-value="none"]')?.getAttribute('aria-pressed') === 'true' && document.querySelector('[data-facet="year"] [data-value="2021"]') !== null`)
	// A search whose matches all have a year offers no 日期不详.
	b.run(t, "dated search", chromedp.Navigate(b.base+"/?q="+q("献血")))
	b.waitFor(t, "dated hits", hitsCount(3))
	if got := b.eval(t, `String(document.querySelector('[data-facet="year"] [data-value="none"]'))`); got != "null" {
		t.Errorf("undated offered for dated hits: %s", got)
	}

	// More years than a search counts at first: the whole list, 日期不详
	// last, shows without a scroller of its own.
	var docs []*document.Document
	for y := 2000; y < 2012; y++ {
		text := fmt.Sprintf("%d年通知\n做好%d年防汛工作。", y, y)
		docs = append(docs, &document.Document{ID: document.ContentID(text), Source: fmt.Sprintf("y%d.txt", y), Kind: document.KindOfficial,
			Title: fmt.Sprintf("关于%d年防汛工作的通知", y), Date: fmt.Sprintf("%d-06-01", y), Text: text})
	}
	if _, err := b.ix.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	b.run(t, "phone", chromedp.EmulateViewport(375, 667), chromedp.Navigate(b.base+"/?q="+q("防汛")))
	b.waitFor(t, "every year", `document.querySelectorAll('[data-facet="year"] .facet-value').length === 13 && !document.querySelector('[data-facet="year"] .facet-more')`)
	if got := b.eval(t, `(() => { const ul = document.querySelector('[data-facet="year"] ul'); return ul.querySelector('li:last-child').textContent + ' ' + (ul.scrollHeight <= ul.clientHeight); })()`); got != "日期不详1 true" {
		t.Errorf("year list: last value and no inner scroll = %q", got)
	}
}

// TestBrowserEscapeCloses: Escape closes the disclosure the keyboard is
// in (the date range; the filters on a phone) and focus returns to its
// summary; the filter column beside the results on a wide screen stays.
func TestBrowserEscapeCloses(t *testing.T) {
	b := newBrowser(t)
	b.run(t, "search", chromedp.Navigate(b.base+"/?q="+q("献血")))
	b.waitFor(t, "hits", hitsCount(3))
	b.run(t, "open the date range", chromedp.Focus(chromedp.CSS(".advanced summary")), chromedp.KeyEvent("\r"), chromedp.KeyEvent("\t"))
	b.waitFor(t, "in the date range", `document.querySelector('.advanced').open && document.activeElement.id === 'from'`)
	b.run(t, "escape", chromedp.KeyEvent("\x1b"))
	b.waitFor(t, "date range closed", `!document.querySelector('.advanced').open && document.activeElement === document.querySelector('.advanced summary')`)

	b.run(t, "wide facet", chromedp.Focus(chromedp.CSS(`[data-facet="year"] [data-value="2021"]`)), chromedp.KeyEvent("\x1b"))
	if got := b.eval(t, `String(document.querySelector('details.facets').open)`); got != "true" {
		t.Errorf("filter column closed by Escape on a wide screen")
	}

	b.run(t, "phone", chromedp.EmulateViewport(375, 667), chromedp.Navigate(b.base+"/?q="+q("献血")))
	b.waitFor(t, "phone hits", hitsCount(3)+` && !document.querySelector('details.facets').open`)
	b.run(t, "open the filters", chromedp.Focus(chromedp.CSS("details.facets summary")), chromedp.KeyEvent("\r"), chromedp.KeyEvent("\t"))
	b.waitFor(t, "in the filters", `document.querySelector('details.facets').open && document.activeElement.classList.contains('facet-value')`)
	b.run(t, "escape on the phone", chromedp.KeyEvent("\x1b"))
	b.waitFor(t, "filters closed", `!document.querySelector('details.facets').open && document.activeElement === document.querySelector('details.facets summary')`)
}

// TestBrowserSyntaxHelp: the search box explains its syntax, folded away,
// and every example it gives is a query the API accepts.
func TestBrowserSyntaxHelp(t *testing.T) {
	b := newBrowser(t)
	b.run(t, "home", chromedp.Navigate(b.base+"/"))
	b.waitFor(t, "help", `document.querySelector('.search-form .syntax-help summary')?.textContent === '检索技巧'`)
	if got := b.eval(t, `String(document.querySelector('.syntax-help').open)`); got != "false" {
		t.Errorf("help open = %s, want folded", got)
	}
	examples := strings.Split(b.eval(t, `[...document.querySelectorAll('.syntax-help code')].map(c => c.textContent).join('　')`), "　")
	if len(examples) < 5 {
		t.Fatalf("examples = %q", examples)
	}
	for _, ex := range examples {
		res, err := http.Get(b.base + "/api/search?size=1&q=" + q(ex))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("example %q: status %d", ex, res.StatusCode)
		}
	}
	b.run(t, "open the help", chromedp.Focus(chromedp.CSS(".syntax-help summary")), chromedp.KeyEvent("\r"))
	b.waitFor(t, "help open", `document.querySelector('.syntax-help').open`)
}

// TestBrowserDepartmentChart: the activity chart keeps its years legible
// (10px type) on a phone, scrolling sideways from its latest years,
// instead of shrinking a long span to the screen.
func TestBrowserDepartmentChart(t *testing.T) {
	b := newBrowser(t)
	const unit = "苏州市卫生健康委员会"
	var docs []*document.Document
	for y := 1995; y < 2019; y += 3 {
		text := fmt.Sprintf("%d年工作通知\n市卫生健康委做好%d年卫生工作。", y, y)
		docs = append(docs, &document.Document{ID: document.ContentID(text), Source: fmt.Sprintf("n%d.txt", y), Kind: document.KindOfficial,
			Title: fmt.Sprintf("关于%d年卫生工作的通知", y), Issuer: "苏州市人民政府", Date: fmt.Sprintf("%d-03-01", y), Text: text,
			Departments: []string{"市卫生健康委"}, DepartmentRefs: []document.DeptRef{{Name: "市卫生健康委", Canonical: unit}}})
	}
	if _, err := b.ix.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	b.run(t, "phone", chromedp.EmulateViewport(375, 667), chromedp.Navigate(b.base+"/department.html?name="+q(unit)))
	b.waitFor(t, "chart", `document.querySelector('.chart .tick') !== null`)
	tick, err := strconv.ParseFloat(b.eval(t, `String(Math.min(...[...document.querySelectorAll('.chart .tick')].map(t => t.getBoundingClientRect().height)))`), 64)
	if err != nil || tick < 10 {
		t.Errorf("smallest tick is %.1fpx high on a phone, want at least 10 (%v)", tick, err)
	}
	if got := b.eval(t, `(() => { const s = document.querySelector('.chart-scroll'); return String(s.scrollWidth > s.clientWidth && s.scrollLeft + s.clientWidth >= s.scrollWidth - 1); })()`); got != "true" {
		t.Errorf("chart scrolled to its latest years: %s", got)
	}
	if got := b.eval(t, `String(document.documentElement.scrollWidth)`); got != "375" {
		t.Errorf("page is %spx wide on a 375px phone", got)
	}
}

// TestBrowserDecisionsEmpty: a decisions search that finds nothing says
// where else to look (the full text, fewer conditions, the department's
// page, only when the archive has one) instead of a bare "共 0 项议题".
func TestBrowserDecisionsEmpty(t *testing.T) {
	b := newBrowser(t)
	ways := `[...document.querySelectorAll('.empty a')].map(a => a.textContent + '=' + a.getAttribute('href')).join(' | ')`
	b.run(t, "nothing led", chromedp.Navigate(b.base+"/decisions.html?q="+q("台风")+"&department="+q("市应急局")))
	b.waitFor(t, "empty state", `document.querySelector('.empty') !== null`)
	want := "在全文中检索“台风”=/?q=" + q("台风") + " | 去掉牵头部门的限制=?q=" + q("台风") +
		" | 查看“市应急局”的部门页=/department.html?name=" + strings.ReplaceAll(q("市应急局"), "+", "%20")
	if got := b.eval(t, ways); got != want {
		t.Errorf("ways out = %q\nwant %q", got, want)
	}
	b.run(t, "unknown department", chromedp.Navigate(b.base+"/decisions.html?department="+q("无此部门")+"&year=2020"))
	b.waitFor(t, "empty state", `document.querySelector('.empty') !== null`)
	if got := b.eval(t, ways); got != "" {
		t.Errorf("ways out for an unknown department = %q, want none", got)
	}
	b.run(t, "found", chromedp.Navigate(b.base+"/decisions.html?department="+q("市应急局")))
	b.waitFor(t, "decisions", `document.querySelectorAll('.decision-list li').length > 0`)
	if got := b.eval(t, `String(document.querySelector('.empty'))`); got != "null" {
		t.Errorf("empty state beside results: %s", got)
	}
}

// TestBrowserPhoneFacetKeyboard: on a phone the filter panel starts
// folded; a filter chosen in it once opened keeps it open and the focus
// on the value chosen, instead of folding it and dropping the keyboard
// at the top of the page.
func TestBrowserPhoneFacetKeyboard(t *testing.T) {
	b := newBrowser(t)
	b.run(t, "phone", chromedp.EmulateViewport(375, 667), chromedp.Navigate(b.base+"/?q="+q("献血")))
	b.waitFor(t, "hits", hitsCount(3)+` && !document.querySelector('details.facets').open`)
	b.run(t, "open the filters", chromedp.Focus(chromedp.CSS("details.facets summary")), chromedp.KeyEvent("\r"))
	b.waitFor(t, "filters open", `document.querySelector('details.facets').open`)
	b.run(t, "choose 2021", chromedp.Focus(chromedp.CSS(`[data-facet="year"] [data-value="2021"]`)), chromedp.KeyEvent("\r"))
	b.waitFor(t, "filtered", hitsCount(2)+` && location.search.includes('year=2021')`)
	if got := b.eval(t, `document.querySelector('details.facets').open + ' ' + document.activeElement.dataset.value + ' ' + document.activeElement.getAttribute('aria-pressed')`); got != "true 2021 true" {
		t.Errorf("after choosing: panel open, focused value, pressed = %q, want true 2021 true", got)
	}
	// Folded again, it stays folded through the next search.
	b.run(t, "fold", chromedp.KeyEvent("\x1b"))
	b.run(t, "remove the filter", chromedp.Click(chromedp.CSS(`.chip[data-filter="year"]`)))
	b.waitFor(t, "unfiltered", hitsCount(3)+` && !location.search.includes('year=')`)
	if got := b.eval(t, `String(document.querySelector('details.facets').open)`); got != "false" {
		t.Errorf("folded panel open again after a search")
	}
}

// TestBrowserPersonPhone: on a phone a role keeps its title whole
// (主持 / （市长）, not （市 / 长）), and a department no document gives
// is said in words, not a lone dash.
func TestBrowserPersonPhone(t *testing.T) {
	b := newBrowser(t)
	b.run(t, "phone", chromedp.EmulateViewport(375, 667), chromedp.Navigate(b.base+"/person.html?name="+q("李亚平")))
	b.waitFor(t, "meetings", `document.querySelector('table.list tbody td:last-child') !== null`)
	if got := b.eval(t, `[...document.querySelectorAll('table.list tbody td:last-child')].map(td => {
		const r = document.createRange(); r.selectNodeContents(td.lastChild);
		return td.textContent + ':' + new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }).join(' ')`); !strings.Contains(got, "（市长）:1") {
		t.Errorf("role cells (text:lines of the title) = %q, want （市长） on one line", got)
	}
	if got := b.eval(t, `document.querySelector('#pd-h').nextElementSibling.textContent`); got != "文档中未注明" {
		t.Errorf("no department = %q", got)
	}
}

// TestBrowserNotFoundWaysOut: a person, department or document the
// archive lacks is not a dead end: the error is followed by the full-text
// search for the name and the list it was to be in.
func TestBrowserNotFoundWaysOut(t *testing.T) {
	b := newBrowser(t)
	ways := `[...document.querySelectorAll('.ways-out a')].map(a => a.textContent + '=' + a.getAttribute('href')).join(' | ')`
	for _, c := range []struct{ page, want string }{
		{"/person.html?name=" + q("无此人"), "在全文中检索“无此人”=/?q=" + q("无此人") + " | 浏览全部人员=/person.html"},
		{"/department.html?name=" + q("无此局"), "在全文中检索“无此局”=/?q=" + q("无此局") + " | 浏览全部部门=/department.html"},
		{"/doc.html?id=0123456789abcdef", "回到搜索=/"},
	} {
		b.run(t, c.page, chromedp.Navigate(b.base+c.page))
		b.waitFor(t, "error", `document.querySelector('main .error') !== null`)
		if got := b.eval(t, ways); got != c.want {
			t.Errorf("%s: ways out = %q, want %q", c.page, got, c.want)
		}
	}
}

// TestBrowserNameListEmpty: a name filter that matches no one says so and
// offers the full-text search for it, instead of a bare "共 0 个".
func TestBrowserNameListEmpty(t *testing.T) {
	b := newBrowser(t)
	for _, page := range []string{"/person.html", "/department.html"} {
		b.run(t, page, chromedp.Navigate(b.base+page+"?prefix="+q("无此名")))
		b.waitFor(t, "list", `document.querySelector('main p[role=status]:not(.loading)') !== null`)
		if got := b.text(t, ".empty"); got != "名单中没有“无此名”。在全文中检索“无此名”。" {
			t.Errorf("%s: empty state = %q", page, got)
		}
		if got := b.eval(t, `document.querySelector('.empty a').getAttribute('href')`); got != "/?q="+q("无此名") {
			t.Errorf("%s: link = %q", page, got)
		}
	}
}

// TestBrowserPinyinSuggestion: a place typed in pinyin by a reader with no
// Chinese input finds nothing, and the page offers the name the archive
// holds (the API's did_you_mean) as a link that searches it; a misspelt
// search is not offered as a feed to follow.
func TestBrowserPinyinSuggestion(t *testing.T) {
	b := newBrowser(t)
	b.run(t, "phone", chromedp.EmulateViewport(375, 667), chromedp.Navigate(b.base+"/?q="+q("献血")))
	b.waitFor(t, "hits", hitsCount(3))
	b.eval(t, `document.getElementById('q').value = ''`)
	b.run(t, "type pinyin", chromedp.SendKeys(chromedp.ID("q"), "suzhou\r"))
	b.waitFor(t, "suggestion", `document.querySelector('.summary .note a') !== null && location.search === '?q=suzhou'`)
	if got := b.text(t, ".summary .note"); !strings.Contains(got, "您是不是要找：苏州") {
		t.Errorf("note = %q", got)
	}
	if got := b.eval(t, `String(document.querySelector('.summary a.feed'))`); got != "null" {
		t.Errorf("feed offered for a misspelt search: %s", got)
	}
	if got := b.eval(t, `String(document.head.querySelector('link[rel=alternate]'))`); got != "null" {
		t.Errorf("the previous search's feed still announced: %s", got)
	}
	b.run(t, "take it", chromedp.Click(chromedp.CSS(".summary .note a")))
	b.waitFor(t, "found", `document.querySelectorAll('.hit').length > 0 && document.getElementById('q').value.startsWith('苏州')`)
	if got := b.eval(t, `String(document.querySelector('.summary a.feed') !== null)`); got != "true" {
		t.Errorf("no feed for a search with results")
	}
}
