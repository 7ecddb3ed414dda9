// Search page: the whole state lives in the URL with the API's parameter
// names (/?q=献血&department=…&year=…), so a search can be shared and
// reloaded; the page renders the results for such a URL on first load.
import { isOperator, api, h, feedLink, safeHTML, render, suggestInto, errorBox, loading, pager, urlParams, setTitle, link,
  kindLabels, facetLabels, dateOrUnknown } from './ui.js';

const main = document.getElementById('main');
const FILTERS = ['department', 'person', 'year', 'kind', 'issuer'];
const STATE_KEYS = ['q', ...FILTERS, 'from', 'to', 'sort', 'page'];
const PAGE_SIZE = 20;

function readState() {
  const p = urlParams();
  const s = {};
  for (const k of STATE_KEYS) if (p[k]) s[k] = p[k];
  return s;
}

// formState is the URL's state with what the form holds now: a query
// typed or a date picked but not submitted is kept when the sort or a
// filter changes.
function formState() {
  const s = readState();
  const val = (id) => document.getElementById(id)?.value;
  const q = val('q');
  if (q !== undefined) s.q = q.trim();
  for (const k of ['from', 'to', 'sort']) {
    const v = val(k);
    if (v !== undefined) s[k] = v;
  }
  return s;
}

function hrefFor(state) {
  const qs = new URLSearchParams();
  for (const k of STATE_KEYS) if (state[k]) qs.set(k, state[k]);
  const s = qs.toString();
  return s ? `/?${s}` : '/';
}

// filterQuery is the search's words and filters without page and sort: an
// export and a feed are newest first and have no page.
function filterQuery(state) {
  return new URLSearchParams(hrefFor({ ...state, page: '', sort: '' }).slice(2));
}

// exportHref streams every match of the search as CSV (the API's export).
function exportHref(state) {
  const qs = filterQuery(state);
  qs.set('format', 'csv');
  return `/api/search?${qs}`;
}

// focusKey names the control that had focus, so that keyboard users keep
// their place when the page is rendered again.
function focusKey(el) {
  if (!el || !el.dataset) return null;
  if (el.dataset.facet || el.closest('[data-facet]')) {
    const facet = el.closest('[data-facet]');
    return facet && el.dataset.value ? `[data-facet="${CSS.escape(facet.dataset.facet)}"] [data-value="${CSS.escape(el.dataset.value)}"]` : null;
  }
  if (el.dataset.filter) return '.active-filters';
  if (el.id) return `#${CSS.escape(el.id)}`;
  return null;
}

function restoreFocus(key) {
  if (!key) return;
  const el = document.querySelector(key === '.active-filters' ? '.active-filters .chip, #q' : key);
  if (el) el.focus();
}

function navigate(state, { replace = false } = {}) {
  const url = hrefFor(state);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  load(focusKey(document.activeElement));
}

// examplesInto sets the search box's examples from what this archive
// holds: its most frequent department and person, and a 文号 of its own.
function examplesInto(input, res) {
  const top = (f) => (res.facets[f] || [])[0]?.value;
  const num = res.hits.find((x) => x.doc_number)?.doc_number;
  const examples = [top('department'), top('person'), num].filter(Boolean);
  if (input && examples.length) input.placeholder = `例如：${examples.join('、')}`;
}

// ---- form with suggestions ----

// syntaxHelp explains the query syntax (index/query.go's) to readers who
// do not know it, in their words, folded away for those who do.
function syntaxHelp() {
  const row = (example, text) => h('li', {}, h('code', {}, example), '　', text);
  return h('details', { class: 'advanced syntax-help' },
    h('summary', {}, '检索技巧'),
    h('ul', {},
      row('养老 补贴', '空格隔开的几个词：找同时包含这些词的文档'),
      row('"城市更新"', '加引号：按原文找整个短语'),
      row('养老 OR 托育', '用 OR（或“或”）隔开：包含其中任一个词即可'),
      row('会议 -疫情', '词前加减号：排除含有这个词的文档'),
      row('人员:张三　部门:财政局', '只在人员、部门中找；同样可用 标题:、文号:、发文机关:、年份:2023'),
      h('li', {}, '也可直接输入部门简称（如 市应急局）、人名或文号（如 苏府〔2021〕12号）。')));
}

function searchForm(state) {
  const list = h('datalist', { id: 'suggestions' });
  const input = h('input', {
    id: 'q', name: 'q', type: 'search', value: state.q || '', list: 'suggestions',
    placeholder: '关键词、部门、人名或文号', autocomplete: 'off', maxlength: 512,
  });
  suggestInto(input, list, null, { person: '人员', department: '部门', title: '标题' });
  const sort = h('select', { id: 'sort', name: 'sort' },
    [['', '默认排序'], ['relevance', '按相关度'], ['date_desc', '最新在前'], ['date_asc', '最早在前']]
      .map(([v, t]) => h('option', { value: v, selected: (state.sort || '') === v }, t)));
  sort.addEventListener('change', () => navigate({ ...formState(), page: '' }));
  const from = h('input', { id: 'from', name: 'from', type: 'date', value: state.from || '' });
  const to = h('input', { id: 'to', name: 'to', type: 'date', value: state.to || '' });
  const form = h('form', { role: 'search', class: 'search-form', 'aria-label': '全文检索' },
    h('label', { for: 'q', class: 'visually-hidden' }, '搜索关键词'),
    input, list,
    h('button', { type: 'submit' }, '搜索'),
    h('label', { for: 'sort', class: 'visually-hidden' }, '排序'),
    sort,
    h('details', { class: 'advanced', open: Boolean(state.from || state.to) },
      h('summary', {}, '日期范围'),
      h('label', { for: 'from' }, '起始日期'), from,
      h('label', { for: 'to' }, '截止日期'), to),
    syntaxHelp());
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    navigate({ ...formState(), page: '' });
  });
  return form;
}

// ---- filters and facets ----

function valueLabel(facet, value) {
  if (facet === 'kind') return kindLabels[value] || value;
  if (facet === 'year') return value === 'none' ? '日期不详' : `${value}年`;
  return value;
}

function activeFilters(state) {
  const chips = [];
  for (const f of [...FILTERS, 'from', 'to']) {
    if (!state[f]) continue;
    const label = { from: '起始日期', to: '截止日期' }[f] || facetLabels[f];
    chips.push(h('li', {},
      h('button', {
        type: 'button', class: 'chip', 'data-filter': f,
        'aria-label': `移除筛选条件 ${label}：${valueLabel(f, state[f])}`,
        onclick: () => navigate({ ...formState(), [f]: '', page: '' }),
      }, `${label}：${valueLabel(f, state[f])}`, h('span', { 'aria-hidden': 'true' }, ' ×'))));
  }
  if (!chips.length) return null;
  return h('div', { class: 'active-filters' },
    h('span', { id: 'active-label' }, '已选条件：'),
    h('ul', { 'aria-labelledby': 'active-label' }, chips),
    h('a', { href: hrefFor({ q: readState().q }), class: 'clear' }, '全部清除'));
}

// FACET_SHOWN is how many values of a facet a search returns; a facet that
// fills it may have more, which "更多" fetches.
const FACET_SHOWN = 10;
const FACET_MORE = 200;

// withUndated adds to a complete year facet (every year counted: fewer
// values than asked for) the documents no year files, 日期不详, which
// year=none selects: the panel's counts then add up to the results. A
// document has one year at most, so they are the matches not counted.
function withUndated(values, total, asked) {
  if (!values || values.length >= asked || values.some((v) => v.value === 'none')) return values;
  const undated = total - values.reduce((n, v) => n + v.count, 0);
  return undated > 0 ? [...values, { value: 'none', count: undated }] : values;
}

function facetValues(f, values, state) {
  const sorted = [...values];
  // Years read best in order, newest first, 日期不详 last; other facets by count.
  if (f === 'year') sorted.sort((a, b) => (a.value === 'none') - (b.value === 'none') || b.value.localeCompare(a.value));
  return sorted.map((v) => {
    const active = state[f] === v.value;
    return h('li', {},
      h('button', {
        type: 'button', class: 'facet-value', 'aria-pressed': String(active), 'data-value': v.value,
        onclick: () => navigate({ ...formState(), [f]: active ? '' : v.value, page: '' }),
      }, h('span', { class: 'facet-name' }, valueLabel(f, v.value)), h('span', { class: 'count' }, String(v.count))));
  });
}

// moreValues replaces a facet's list with its longer one.
async function moreValues(f, state, list, button, focus = true) {
  button.disabled = true;
  try {
    const res = await api('/api/search', { ...state, [f]: '', page: '', size: 1, facet: f, facet_size: FACET_MORE });
    const shown = list.children.length;
    let values = res.facets[f] || [];
    if (f === 'year') values = withUndated(values, res.total, FACET_MORE);
    list.replaceChildren(...facetValues(f, values, state));
    // A long list scrolls in its panel; a few dozen years (日期不详 last)
    // show whole rather than cut off in a scroller inside the page.
    if (f !== 'year' || values.length > 40) list.classList.add('expanded');
    button.remove();
    // Keyboard users continue at the first value they had not seen.
    if (focus) list.children[shown]?.querySelector('button')?.focus();
  } catch (err) {
    button.disabled = false;
    button.replaceWith(errorBox(err));
  }
}

// facetPanels builds the filter panel, open as the reader left it (on a
// phone it starts folded, beside the results from 900px up it starts
// open): a filter chosen in the open panel on a phone keeps the panel
// and the keyboard's place in it.
function facetPanels(facets, state, open) {
  const panels = FILTERS.map((f) => {
    const values = (facets && facets[f]) || [];
    if (!values.length) return null;
    const id = `facet-${f}`;
    const list = h('ul', {}, facetValues(f, values, state));
    let more = null;
    if (values.filter((v) => v.value !== 'none').length >= FACET_SHOWN) {
      more = h('button', { type: 'button', class: 'facet-more', 'aria-label': `更多${facetLabels[f]}` }, '更多…');
      more.addEventListener('click', () => moreValues(f, state, list, more));
      // Years are few: the whole list at once, or the panel looks complete
      // with years missing from it.
      if (f === 'year') queueMicrotask(() => moreValues(f, state, list, more, false));
    }
    return h('section', { class: 'facet', 'aria-labelledby': id, 'data-facet': f },
      h('h2', { id }, facetLabels[f]), list, more);
  }).filter(Boolean);
  if (!panels.length) return null;
  return h('details', { class: 'facets', open: open ?? matchMedia('(min-width: 900px)').matches },
    h('summary', {}, '筛选'), panels);
}

// ---- results ----

// markedTerms are the words the server highlighted in a hit's snippets (its
// analyser's matches: synonyms, segmented words), which the document page
// highlights again.
function markedTerms(hit) {
  const terms = new Set();
  const tpl = document.createElement('template');
  for (const html of [...(hit.snippets || []), ...(hit.topics || []).map((t) => t.snippet || '')]) {
    tpl.innerHTML = html;
    for (const m of tpl.content.querySelectorAll('mark')) {
      const w = m.textContent.trim();
      if (w) terms.add(w);
    }
  }
  return [...terms].slice(0, 8);
}

// metaItem keeps a date or a 文号 on one line (〔2021〕 must not end a line).
function metaItem(text, cls) {
  return h('span', { class: cls }, text);
}

function hitView(hit) {
  const terms = markedTerms(hit);
  const meta = [kindLabels[hit.kind] || hit.kind, metaItem(dateOrUnknown(hit.date), 'date'), hit.issuer,
    hit.doc_number ? metaItem(hit.doc_number, 'doc-number') : null, hit.meeting && hit.meeting.name].filter(Boolean);
  return h('li', { class: 'hit' },
    h('article', {},
      h('h3', {}, h('a', { href: link.doc(hit.id, terms) }, hit.title || hit.source)),
      h('p', { class: 'meta' }, meta.flatMap((m, i) => (i ? [' · ', m] : [m]))),
      (hit.snippets || []).map((s) => safeHTML('p', s, { class: 'snippet' })),
      hit.topics && hit.topics.length
        ? h('div', { class: 'topics' },
          h('p', { class: 'topics-label' }, '匹配的议题：'),
          h('ul', {}, hit.topics.map((t) => h('li', {},
            h('a', { href: `${link.doc(hit.id, terms)}#topic-${t.no}` }, `议题${t.no}：${t.title}`),
            t.snippet ? safeHTML('p', t.snippet, { class: 'snippet' }) : null))))
        : null));
}

function summary(res, state) {
  const parts = [`共 ${res.total} 条结果`];
  if (typeof res.took_ms === 'number') parts.push(`用时 ${res.took_ms.toFixed(1)} 毫秒`);
  const pages = Math.ceil(res.total / PAGE_SIZE);
  const page = Number(state.page) || 1;
  let note = null;
  // An OR the reader typed between words (OR, or, |, 或) asked for any of
  // them: nothing fell back.
  const typedOr = /\S\s+(OR|or|\||或)\s+\S/.test(state.q || '');
  if (res.total > 0 && res.operator === 'or' && !typedOr) {
    note = '没有同时包含所有关键词的文档，下面显示只包含部分关键词的结果。';
  } else if (res.total === 0 && res.unfiltered_total) {
    // The words are in the archive, only not under these filters.
    note = ['当前筛选条件下没有匹配的文档。', h('a', { href: hrefFor({ q: state.q, sort: state.sort }) },
      `去掉筛选条件，查看全部 ${res.unfiltered_total} 条结果`), '。'];
  } else if (res.total === 0 && res.did_you_mean) {
    note = ['没有找到匹配的文档。您是不是要找：', h('a', { href: hrefFor({ ...state, q: res.did_you_mean, page: '' }) }, res.did_you_mean), '？'];
  } else if (res.total === 0 && state.q) {
    note = ['没有找到匹配的文档。请检查用字，尝试更短的关键词，或移除筛选条件；也可以',
      h('a', { href: '/meetings.html' }, '按年份浏览会议'), '或', h('a', { href: '/decisions.html' }, '查看决定事项'), '。'];
  } else if (res.total > 0 && page > pages) {
    note = [`结果只有 ${pages} 页，这一页是空的。`, h('a', { href: hrefFor({ ...state, page: '' }) }, '回到第 1 页'), '。'];
  }
  // Symbols typed alone (。, *, an emoji) are left out of the search, and
  // so is an operator with no word on one side (OR 献血, 献血 AND).
  let ignored = null;
  if (res.ignored && res.ignored.length) {
    const none = !/[\p{L}\p{N}]/u.test(state.q || '');
    const ops = res.ignored.filter(isOperator);
    const symbols = res.ignored.filter((w) => !isOperator(w));
    const said = [];
    if (symbols.length) said.push(`检索词中的 ${symbols.map((w) => `“${w}”`).join('、')} 没有可检索的文字`);
    if (ops.length) said.push(`${ops.map((w) => `“${w}”`).join('、')} 两边都要有检索词才起作用`);
    ignored = said.join('；') + '，已忽略' + (none ? '，下面列出全部文档。' : '。');
  }
  const misspelt = res.total === 0 && Boolean(res.did_you_mean);
  // Nor is the previous search's feed still announced for it.
  if (misspelt) document.head.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.remove();
  return h('div', { class: 'summary' },
    h('p', {}, parts.join('，'),
      res.total > 0 ? ['　', h('a', { class: 'export', href: exportHref(state), download: '' }, '导出全部结果（CSV）')] : null,
      // A misspelt search (a suggestion offered) is not one to follow.
      misspelt ? null : ['　', feedLink(Object.fromEntries(filterQuery(state)), '订阅新文档（Atom）')]),
    ignored ? h('p', { class: 'note' }, ignored) : null,
    note ? h('p', { class: 'note' }, note) : null);
}

// loads counts the searches started: a response that comes back after a
// newer search began (a second click, back or forward on a slow network)
// is dropped, so the page never shows one state's facets beside another's
// results.
let loads = 0;

// searchTitle names a search by its words, filters and page, so the
// entries of the history menu (and a screen reader's page title) differ.
function searchTitle(state) {
  const filters = FILTERS.filter((f) => state[f]).map((f) => valueLabel(f, state[f]));
  if (!state.q && !filters.length) return '';
  const page = Number(state.page) > 1 ? `（第 ${Number(state.page)} 页）` : '';
  return `${[state.q ? `“${state.q}”` : '', ...filters].filter(Boolean).join(' · ')}的搜索结果${page}`;
}

// busy marks the results shown as out of date while the next ones load:
// they stay in place (and a focused facet keeps its focus) instead of the
// page emptying and jumping on every click.
function busy(results) {
  results.setAttribute('aria-busy', 'true');
  if (!results.querySelector(':scope > .loading')) results.prepend(loading());
}

async function load(focus = null) {
  const mine = ++loads;
  const state = readState();
  setTitle(searchTitle(state));
  const page = Math.max(1, Number(state.page) || 1);
  const form = searchForm(state);
  const chips = activeFilters(state);
  let results = main.querySelector('#results');
  if (results) {
    main.querySelector('.search-form').replaceWith(form);
    main.querySelector('.active-filters')?.remove();
    if (chips) form.after(chips);
    busy(results);
  } else {
    results = h('section', { class: 'results', id: 'results', tabindex: '-1', 'aria-label': '搜索结果', 'aria-busy': 'true' }, loading());
    render(main,
      h('h1', { class: 'visually-hidden' }, '搜索政务档案'),
      // One live region for the whole visit: a region inserted with its
      // text is not announced by every screen reader, a change to it is.
      h('p', { id: 'announce', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' }),
      form, chips,
      h('div', { class: 'search-layout' }, h('div', { class: 'facet-column' }), results));
  }
  // The control used may have been replaced with the form or the chips.
  if (!main.contains(document.activeElement)) restoreFocus(focus);
  try {
    // A facet in use counts its values without its own filter, so the
    // panel still offers the other years (issuers, …) to switch to.
    const active = FILTERS.filter((f) => state[f]);
    const [res, ...others] = await Promise.all([
      api('/api/search', { ...state, size: PAGE_SIZE }),
      ...active.map((f) => api('/api/search', { ...state, [f]: '', page: '', size: 1, facet: f, facet_size: FACET_SHOWN })),
    ]);
    if (mine !== loads) return;
    if (!state.year) res.facets.year = withUndated(res.facets.year, res.total, FACET_SHOWN);
    active.forEach((f, i) => {
      let values = others[i].facets[f] || [];
      if (f === 'year') values = withUndated(values, others[i].total, FACET_SHOWN);
      // The value chosen is shown even when it is not among the first.
      if (!values.some((v) => v.value === state[f])) values.push({ value: state[f], count: res.total });
      res.facets[f] = values;
    });
    const hadFocus = main.querySelector('.facet-column').contains(document.activeElement) || results.contains(document.activeElement);
    const panels = facetPanels(res.facets, state, main.querySelector('details.facets')?.open);
    main.querySelector('.facet-column').replaceChildren(...(panels ? [panels] : []));
    if (!state.q && !active.length) examplesInto(document.getElementById('q'), res);
    results.removeAttribute('aria-busy');
    render(results,
      summary(res, state),
      h('ol', { class: 'hits', start: (page - 1) * PAGE_SIZE + 1 }, res.hits.map(hitView)),
      pager(res.total, page, PAGE_SIZE, (p) => hrefFor({ ...state, page: p > 1 ? String(p) : '' })));
    document.getElementById('announce').textContent =
      [`共 ${res.total} 条结果`, ...[...results.querySelectorAll('.summary .note')].map((n) => n.textContent)].join('。');
    // Focus goes back to the control used, unless the reader moved on.
    if (hadFocus || document.activeElement === document.body || !document.activeElement) restoreFocus(focus);
    for (const a of results.querySelectorAll('.pager a')) {
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        navigate({ ...readState(), page: a.dataset.page === '1' ? '' : a.dataset.page });
        // The old page stays while the next loads: go to its top, where the
        // next one will start.
        main.focus({ preventScroll: true });
        results.scrollIntoView({ block: 'start' });
      });
    }
  } catch (err) {
    if (mine !== loads) return;
    // The facets shown were the previous search's: gone with its results.
    main.querySelector('.facet-column').replaceChildren();
    results.removeAttribute('aria-busy');
    render(results, errorBox(err));
  }
}

window.addEventListener('popstate', () => load());
load();
