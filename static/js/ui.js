// Shared helpers of every page: DOM building without innerHTML (only the
// API's snippets, already escaped by the server, are inserted as HTML),
// JSON fetching with readable errors, links between pages and pagination.

/** Builds an element: h('a', {href: '/'}, 'text', child, …). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Puts HTML the server produced (snippets: matches in <mark>, the rest escaped). */
export function safeHTML(tag, html, attrs = {}) {
  const el = h(tag, attrs);
  el.innerHTML = html;
  // Defence in depth: keep only text and <mark>.
  for (const node of el.querySelectorAll('*')) {
    if (node.tagName !== 'MARK') node.replaceWith(document.createTextNode(node.textContent));
  }
  return el;
}

export class APIError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** GETs a JSON endpoint; params with empty values are left out. */
export async function api(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, v);
  }
  const url = qs.toString() ? `${path}?${qs}` : path;
  let res;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (err) {
    // The network, not the archive: status 0.
    throw new APIError(0, err.message);
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  if (!res.ok) throw new APIError(res.status, (body && body.error) || `请求失败（${res.status}）`);
  return body;
}

export const kindLabels = { minutes: '会议纪要', news: '新闻报道', official: '公文', other: '其他' };
export const roleLabels = { chair: '主持', attendee: '出席', observer: '列席', recorder: '记录', absent: '请假', mentioned: '提及' };
export const facetLabels = { department: '部门', person: '人员', year: '年份', kind: '类型', issuer: '发文机关' };

export const link = {
  // terms: words to highlight on the document page (a search's matches).
  doc: (id, terms = []) => {
    const qs = new URLSearchParams({ id });
    for (const t of terms) qs.append('hl', t);
    return `/doc.html?${qs}`;
  },
  person: (name) => `/person.html?name=${encodeURIComponent(name)}`,
  department: (name) => `/department.html?name=${encodeURIComponent(name)}`,
  search: (params) => `/?${new URLSearchParams(params)}`,
};

export function personLink(name, extra = {}) {
  return h('a', { href: link.person(name), class: 'person', ...extra }, name);
}

/** A department as written, linked to the unit it stands for when the
 * document resolved it (县住建局 → 湘阴县住房和城乡建设局). */
export function departmentLink(name, unit = '') {
  const target = unit || name;
  return h('a', { href: link.department(target), class: 'dept', title: target !== name ? target : null }, name);
}

/** Formats an ISO date as 2020年1月6日. */
export function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  if (!m) return iso || '';
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** A date in Chinese form, or what a reader should see for none. */
export function dateOrUnknown(iso) {
  return iso ? formatDate(iso) : '日期不详';
}

const QUOTES = { '"': '"', '“': '”', '「': '」', '『': '』', '＂': '＂' };
const OPERATORS = new Set(['OR', 'or', '|', '或', 'AND', 'and', '&&', '和']);

/** isOperator: a word of the query syntax's operators (index/query.go's). */
export const isOperator = (w) => OPERATORS.has(w) || w === 'NOT' || w === 'not';
const SCOPE = /^(title|标题|doc_number|文号|person|人员|department|dept|部门|issuer|发文机关|year|年份)[:：]/i;

/**
 * searchedWords are the words of a query as the text may write them, for
 * highlight: quotes, +, a field's scope and operators taken off, and the
 * words excluded (-word, NOT word) left out.
 */
export function searchedWords(q) {
  const words = [];
  let not = false;
  for (let i = 0; i < q.length;) {
    if (/\s/.test(q[i])) { i++; continue; }
    let exclude = false;
    if ('+＋'.includes(q[i])) i++;
    else if ('-－!！'.includes(q[i])) { exclude = true; i++; }
    const scope = SCOPE.exec(q.slice(i));
    if (scope) i += scope[0].length;
    let word;
    const close = QUOTES[q[i]];
    const end = close ? q.indexOf(close, i + 1) : -1;
    if (close && (end >= 0 || q[i] === '"')) {
      word = q.slice(i + 1, end >= 0 ? end : q.length).trim();
      i = end >= 0 ? end + 1 : q.length;
    } else {
      const m = /^\S+/.exec(q.slice(i));
      word = m ? m[0] : '';
      i += word.length;
    }
    const bare = !exclude && !scope && !close;
    if (bare && (word === 'NOT' || word === 'not')) { not = true; continue; }
    if (bare && OPERATORS.has(word)) continue;
    if (word && !exclude && !not) words.push(word);
    not = false;
  }
  return words;
}

/**
 * highlight wraps every occurrence of terms in the text under root in
 * <mark>, longest term first, but not in page chrome (.chrome), which
 * search does not match; it returns the marks made.
 */
export function highlight(root, terms) {
  const words = [...new Set(terms.map((t) => t.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!words.length) return [];
  const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement.closest('mark, script, style, .chrome') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  const marks = [];
  for (const node of nodes) {
    const text = node.nodeValue;
    re.lastIndex = 0;
    if (!re.test(text)) continue;
    re.lastIndex = 0;
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const m of text.matchAll(re)) {
      if (m.index > at) frag.append(text.slice(at, m.index));
      const mark = h('mark', {}, m[0]);
      marks.push(mark);
      frag.append(mark);
      at = m.index + m[0].length;
    }
    if (at < text.length) frag.append(text.slice(at));
    node.replaceWith(frag);
  }
  return marks;
}

/** Replaces the content of the main region, and announces errors. */
export function render(root, ...children) {
  root.replaceChildren();
  append(root, children);
}

// What a rejected parameter means to a reader, by the API's "name: reason"
// message (the API speaks English to programs).
const paramErrors = [
  [/\bq: .*(too long|longer than)\D*(\d+)?/, (m) => `检索词太长${m[2] ? `（最多 ${m[2]} 个字）` : ''}，请缩短后再试。`],
  [/\bq: .*more than (\d+) words/, (m) => `检索词太多（最多 ${m[1]} 个），请减少后再试。`],
  [/\bq: .*OR/, () => 'OR 的两边都需要检索词。'],
  [/\bq: (\w+): needs a value/, (m) => `“${m[1]}:” 后面需要跟检索词。`],
  [/\bq: /, () => '检索词的写法有误，请检查后再试。'],
  [/\bpage: .*(deep|first) \D*(\d+)/, (m) => `只能翻阅前 ${m[2]} 条结果，请增加检索词或筛选条件。`],
  [/\bpage: /, () => '页码无效。'],
  [/\bsort: /, () => '排序方式无效。'],
  [/\bfrom: after to/, () => '起始日期晚于结束日期。'],
  [/\b(from|to): /, () => '日期无效，应写作 2020-01-06。'],
  [/\byear: /, () => '年份无效，应写作 2020。'],
  [/\bkind: /, () => '文档类型无效。'],
];

/** The reader's wording of an API error. */
export function errorText(err) {
  if (err instanceof APIError) {
    if (err.status === 404) {
      const m = /^no (person|department) called "(.*)" in the archive$/.exec(err.message);
      if (m) return `档案中没有名为“${m[2]}”的${m[1] === 'person' ? '人员' : '部门'}。`;
      return err.message === 'document not found' ? '没有这份文档，它可能已被删除。' : '未找到要访问的内容。';
    }
    if (err.status === 429) return '请求太频繁，请稍后再试。';
    if (err.status === 0) return '无法连接到服务器，请检查网络后重试。';
    if (err.status >= 500) return `服务器暂时出错（${err.status}），请稍后重试。`;
    if (err.status === 400) {
      for (const [re, text] of paramErrors) {
        const m = re.exec(err.message);
        if (m) return text(m);
      }
    }
  }
  return `出错了：${err.message}`;
}

// retryable errors pass with time: the network, a busy or failing server.
function retryable(err) {
  return err instanceof APIError && (err.status === 0 || err.status === 429 || err.status >= 500);
}

export function errorBox(err) {
  // The page's whole state is in its URL, so loading it again retries.
  return h('p', { class: 'error', role: 'alert' }, errorText(err),
    retryable(err) ? [' ', h('button', { type: 'button', class: 'retry', onclick: () => location.reload() }, '重试')] : null);
}

/**
 * waysOut follows a "not found" (err: a 404) with where to go instead:
 * the archive's full text for the name, and the list it was to be in —
 * a page that ends at an error leaves a reader nowhere.
 */
export function waysOut(err, name, list = null) {
  if (!(err instanceof APIError) || err.status !== 404) return null;
  const ways = [];
  if (name) ways.push(h('a', { href: link.search({ q: name }) }, `在全文中检索“${name}”`));
  if (list) ways.push(h('a', { href: list.href }, list.text));
  if (!name) ways.push(h('a', { href: '/' }, '回到搜索'));
  return h('ul', { class: 'ways-out' }, ways.map((a) => h('li', {}, a)));
}

export function loading() {
  return h('p', { class: 'loading', role: 'status' }, '正在加载…');
}

/** Pagination links that keep every other URL parameter. */
export function pager(total, page, size, makeHref, label = '分页') {
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages <= 1) return null;
  const nav = h('nav', { class: 'pager', 'aria-label': label });
  const item = (p, text, rel) => {
    if (p < 1 || p > pages) return h('span', { class: 'disabled', 'aria-disabled': 'true' }, text);
    if (p === page) return h('span', { class: 'current', 'aria-current': 'page' }, text);
    return h('a', { href: makeHref(p), rel, 'data-page': p }, text);
  };
  nav.append(item(page - 1, '上一页', 'prev'));
  const shown = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2]);
  let last = 0;
  for (const p of [...shown].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b)) {
    if (p - last > 1) nav.append(h('span', { class: 'gap' }, '…'));
    nav.append(item(p, String(p)));
    last = p;
  }
  nav.append(item(page + 1, '下一页', 'next'));
  return nav;
}

/** Current URL parameters as a plain object. */
export function urlParams() {
  return Object.fromEntries(new URLSearchParams(location.search));
}

/**
 * A link to the Atom feed of a search (its filters, newest first), which
 * feed readers also find in the page's head: following a search, a
 * department or a person is the archive's alert.
 */
export function feedLink(params, label = '订阅（Atom）') {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) qs.set(k, v);
  qs.set('format', 'atom');
  const href = `/api/search?${qs}`;
  let alt = document.head.querySelector('link[rel="alternate"][type="application/atom+xml"]');
  if (!alt) {
    alt = document.createElement('link');
    alt.rel = 'alternate';
    alt.type = 'application/atom+xml';
    document.head.append(alt);
  }
  alt.href = href;
  alt.title = label;
  return h('a', { class: 'feed', href, type: 'application/atom+xml' }, label);
}

/** Sets the page title (document and <h1> stay in step). */
export function setTitle(text) {
  document.title = text ? `${text} · 政务档案检索` : '政务档案检索';
}

/**
 * Fills a <datalist> with suggestions as the user types into input; kinds
 * limits them (person, department, title). Errors are ignored: suggestions
 * are a convenience.
 */
export function suggestInto(input, datalist, kinds = null, labels = {}) {
  let timer = 0;
  let seq = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) {
      datalist.replaceChildren();
      return;
    }
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        const res = await api('/api/suggest', { q: text });
        if (mine !== seq) return;
        const items = res.suggestions.filter((s) => !kinds || kinds.includes(s.kind));
        datalist.replaceChildren(...items.map((s) =>
          h('option', { value: s.text, label: labels[s.kind] ? `${labels[s.kind]} · ${s.text}` : s.text })));
      } catch {
        /* ignore */
      }
    }, 150);
  });
}

/**
 * Escape closes the disclosure (<details>) the keyboard is in — the date
 * range, the filters on a phone, a topic's text — and puts focus back on
 * its summary, as it closes menus and dialogs elsewhere; the innermost
 * one first. The filter column beside the results on a wide screen is
 * not a disclosure to its readers and stays open.
 */
function closeOnEscape(ev) {
  if (ev.key !== 'Escape' || ev.defaultPrevented || ev.isComposing) return;
  const details = document.activeElement?.closest?.('details[open]');
  if (!details) return;
  if (details.classList.contains('facets') && matchMedia('(min-width: 900px)').matches) return;
  details.open = false;
  details.querySelector(':scope > summary')?.focus();
  ev.preventDefault();
}
document.addEventListener('keydown', closeOnEscape);
