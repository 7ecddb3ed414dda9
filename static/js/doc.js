// Document page: header facts, topics with decisions and lead departments,
// attendees, observers grouped by department, and related documents.
import { api, h, render, errorBox, waysOut, loading, urlParams, setTitle, link, personLink, departmentLink,
  kindLabels, formatDate, dateOrUnknown, highlight } from './ui.js';

const main = document.getElementById('main');
const NUMERALS = '一二三四五六七八九十';

function topicNo(n) {
  if (n >= 1 && n <= 10) return NUMERALS[n - 1];
  if (n > 10 && n < 20) return `十${NUMERALS[n - 11]}`;
  return String(n);
}

function facts(d) {
  const m = d.meeting || {};
  const rows = [
    ['类型', kindLabels[d.kind] || d.kind],
    ['发文机关', d.issuer],
    ['文号', d.doc_number ? h('span', { class: 'doc-number' }, d.doc_number) : ''],
    ['会议', m.name],
    ['届次', m.term ? `第${m.term}届` : ''],
    ['会议次序', m.session ? `第${m.session}次` : ''],
    // A missing date is said: a reader citing the document needs to know.
    ['日期', d.date ? [formatDate(d.date), m.part_of_day, m.time].filter(Boolean).join(' ') + (d.date_inferred ? '（年份为推断）' : '')
      : '未注明'],
    ['地点', m.place],
    ['主持人', m.chair ? [personLink(m.chair.name), m.chair.title ? `（${m.chair.title}）` : ''] : ''],
    ['成文日期', formatDate(d.written_on)],
    ['发布日期', formatDate(d.published_on)],
    ['索引号', d.index_no],
    ['主题分类', d.subject],
    ['主送', (d.addressees || []).join('、')],
    ['记录', d.recorder ? personLink(d.recorder) : ''],
    ['整理', d.compiled_by],
    ['印发日期', formatDate(d.issued_on)],
    ['公开', d.published ? '此件公开发布' : ''],
    ['分送', (d.distribution || []).join('、')],
    ['来源文件', d.source],
  ].filter(([, v]) => v && (!Array.isArray(v) || v.length));
  return h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function titleSearch(t) {
  return h('a', { href: link.search({ q: `"${t}"` }) }, `《${t}》`);
}

function topicsView(d, units) {
  if (!d.topics || !d.topics.length) return null;
  return h('section', { class: 'topics-section', 'aria-labelledby': 'topics-h' },
    h('h2', { id: 'topics-h' }, `议题（${d.topics.length}）`),
    h('ol', { class: 'topic-list' }, d.topics.map((t) => h('li', { id: `topic-${t.no}`, class: 'topic' },
      h('h3', {}, `${topicNo(t.no)}、${t.title}`),
      t.lead_departments && t.lead_departments.length
        ? h('p', { class: 'leads' }, '牵头部门：', joinNodes(t.lead_departments.map((x) => departmentLink(x, units.get(x))))) : null,
      t.documents && t.documents.length
        ? h('p', { class: 'reviewed' }, '审议文件：', joinNodes(t.documents.map(titleSearch))) : null,
      t.decisions && t.decisions.length
        ? h('ul', { class: 'decisions', 'aria-label': '决定' }, t.decisions.map((x) => h('li', {}, x))) : null,
      t.text ? h('details', {}, h('summary', {}, '议题全文'), h('p', { class: 'topic-text' }, t.text)) : null))));
}

function joinNodes(nodes, sep = '、') {
  return nodes.flatMap((n, i) => (i ? [sep, n] : [n]));
}

function peopleView(d, units) {
  const out = [];
  if (d.attendees && d.attendees.length) {
    out.push(h('section', { 'aria-labelledby': 'att-h', class: 'attendees' },
      h('h2', { id: 'att-h' }, `出席（${d.attendees.length}）`),
      h('ul', { class: 'names' }, d.attendees.map((a) => {
        const p = typeof a === 'string' ? { name: a } : a;
        return h('li', {}, personLink(p.name), p.title ? h('span', { class: 'title' }, p.title) : null);
      }))));
  }
  if (d.observers && d.observers.length) {
    const groups = new Map();
    for (const o of d.observers) {
      const key = o.department || '';
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(o);
    }
    out.push(h('section', { 'aria-labelledby': 'obs-h', class: 'observers' },
      h('h2', { id: 'obs-h' }, `列席（${d.observers.length}）`),
      h('dl', { class: 'groups' }, [...groups].map(([dept, ps]) => [
        h('dt', {}, dept ? departmentLink(dept, units.get(dept)) : '未注明部门'),
        h('dd', {}, h('ul', { class: 'names' }, ps.map((p) => h('li', {}, personLink(p.name),
          p.title ? h('span', { class: 'title' }, p.title) : null)))),
      ]))));
  }
  if (d.absent && d.absent.length) {
    out.push(h('section', { 'aria-labelledby': 'abs-h', class: 'absent' },
      h('h2', { id: 'abs-h' }, `请假（${d.absent.length}）`),
      h('ul', { class: 'names' }, d.absent.map(personWithUnit))));
  }
  if (d.members && d.members.length) {
    out.push(h('section', { 'aria-labelledby': 'mem-h' },
      h('h2', { id: 'mem-h' }, '成员'),
      h('ul', { class: 'names' }, d.members.map(personWithUnit))));
  }
  return out;
}

// A list item: the person's link, then their unit and post where written.
function personWithUnit(p) {
  const about = [p.department, p.title].filter(Boolean).join(' ');
  return h('li', {}, personLink(p.name), about ? h('span', { class: 'title' }, about) : null);
}

function namedView(d, units) {
  const depts = d.departments || [];
  const people = d.people || [];
  if (!depts.length && !people.length) return null;
  return h('section', { 'aria-labelledby': 'named-h', class: 'named' },
    h('h2', { id: 'named-h' }, '文中提及'),
    depts.length ? h('p', {}, '部门：', joinNodes(depts.map((x) => departmentLink(x, units.get(x))))) : null,
    people.length ? h('p', {}, '人员：', joinNodes(people.map((n) => personLink(n)))) : null);
}

const relationLabels = { same_document: '审议同一文件', cites_this: '引用本文', cited_by_this: '本文引用' };

async function relatedView(id, box) {
  try {
    const res = await api(`/api/documents/${encodeURIComponent(id)}/related`);
    if (!res.related.length) {
      render(box, h('h2', { id: 'rel-h' }, '相关文档'), h('p', {}, '没有找到审议或引用相同文件的其他文档。'));
      return;
    }
    render(box, h('h2', { id: 'rel-h' }, `相关文档（${res.total}）`),
      h('ol', { class: 'timeline' }, res.related.map((r) => h('li', {},
        h('span', { class: 'date' }, dateOrUnknown(r.date)),
        h('a', { href: link.doc(r.id) }, r.title),
        h('span', { class: 'meta' }, [kindLabels[r.kind], (r.relations || []).map((x) => relationLabels[x] || x).join('、'),
          (r.via || []).join('、')].filter(Boolean).join(' · '))))));
  } catch (err) {
    render(box, h('h2', { id: 'rel-h' }, '相关文档'), errorBox(err));
  }
}

const CHROME_HINT = '网页导航等非正文内容，不参与检索';

// fullText shows the text as stored with the page chrome the index left out
// (d.chrome: [start, end) ranges of the text's UTF-8 bytes: a captured
// page's menus, breadcrumbs and controls) dimmed, so the reader sees the
// body; a note says what the grey text is.
function fullText(d) {
  const text = d.text || '';
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const parts = [];
  let at = 0;
  for (const [start, end] of d.chrome || []) {
    if (!(start >= at && end > start && end <= bytes.length)) continue;
    if (start > at) parts.push(dec.decode(bytes.subarray(at, start)));
    parts.push(h('span', { class: 'chrome', title: CHROME_HINT }, dec.decode(bytes.subarray(start, end))));
    at = end;
  }
  if (!parts.length) return [h('pre', {}, text)];
  if (at < bytes.length) parts.push(dec.decode(bytes.subarray(at)));
  return [h('p', { class: 'note chrome-note' }, `灰色文字为${CHROME_HINT}。`), h('pre', {}, ...parts)];
}

// showMatches highlights the words a search matched (the search page passes
// them as hl=), opens the topic text that holds them, and says how many
// there are, so a reader coming from a hit finds why it matched.
function showMatches(article, terms) {
  if (!terms.length) return;
  const marks = highlight(article, terms);
  const note = h('p', { class: 'hl-note', role: 'note' });
  if (!marks.length) {
    note.append('本页正文中没有找到检索词的原样写法（可能匹配的是同义词或不同写法）。');
  } else {
    note.append(`检索词 ${terms.map((t) => `“${t}”`).join('、')} 已高亮，共 ${marks.length} 处。`);
  }
  const plain = new URLSearchParams(location.search);
  plain.delete('hl');
  note.append(' ', h('a', { href: `?${plain}${location.hash}` }, '取消高亮'));
  article.querySelector('h1').after(note);
  // The topic the hit pointed at (#topic-N), else every topic with a match,
  // shows its text; the full text opens when no topic holds a match.
  const target = hashTarget();
  let inTopic = false;
  for (const topic of article.querySelectorAll('.topic')) {
    const details = topic.querySelector('details');
    if (details && details.querySelector('mark') && (!target || topic === target)) details.open = true;
    if (topic.querySelector('mark')) inTopic = true;
  }
  const full = article.querySelector('.fulltext');
  const inFull = full.querySelectorAll('mark').length;
  if (inFull) full.querySelector('summary').append(`（${inFull} 处匹配）`);
  if (!inTopic && inFull) full.open = true;
  if (!target && marks.length) marks[0].scrollIntoView({ block: 'center' });
}

// hashTarget is the element the URL's fragment names, if any: a fragment
// that is no valid percent-encoding (a hand-edited link) names none.
function hashTarget() {
  try {
    return location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  } catch {
    return null;
  }
}

// showTarget marks and scrolls to the topic the URL names (#topic-N):
// :target does not match an element the script adds after the page loaded.
function showTarget() {
  for (const el of document.querySelectorAll('.topic.current')) el.classList.remove('current');
  const el = hashTarget();
  if (!el) return;
  el.classList.add('current');
  el.scrollIntoView();
}

async function load() {
  const { id } = urlParams();
  if (!id) {
    render(main, h('h1', {}, '文档'), h('p', {}, '请从', h('a', { href: '/' }, '搜索'), '中选择一个文档。'));
    return;
  }
  render(main, loading());
  try {
    const d = await api(`/api/documents/${encodeURIComponent(id)}`);
    setTitle(d.title || d.source);
    const related = h('section', { class: 'related', 'aria-labelledby': 'rel-h' }, h('h2', { id: 'rel-h' }, '相关文档'), loading());
    // The unit each department as written stands for in this document.
    const units = new Map((d.department_refs || []).filter((r) => r.canonical).map((r) => [r.name, r.canonical]));
    render(main,
      h('article', { class: 'document' },
        h('h1', {}, d.title || d.source),
        facts(d),
        topicsView(d, units),
        peopleView(d, units),
        namedView(d, units),
        related,
        h('details', { class: 'fulltext' }, h('summary', {}, '全文'), ...fullText(d))));
    relatedView(id, related);
    showMatches(main.querySelector('article.document'), new URLSearchParams(location.search).getAll('hl'));
    showTarget();
  } catch (err) {
    render(main, h('h1', {}, '文档'), errorBox(err), waysOut(err));
  }
}

window.addEventListener('hashchange', showTarget);
load();
