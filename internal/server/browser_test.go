package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
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
