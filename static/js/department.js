// Department page (?name=, any surface form or alias): activity per year as
// a small SVG chart, the topics it led, its people and meetings. Without a
// name: the list of departments.
import { api, h, feedLink, render, errorBox, waysOut, loading, pager, urlParams, setTitle, link, personLink, dateOrUnknown, kindLabels } from './ui.js';
import { nameList } from './lists.js';

const main = document.getElementById('main');
const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** Grouped bars per year: documents naming the department, topics it led. */
function activityChart(sparse) {
  if (!sparse.length) return h('p', {}, '暂无按年份的记录。');
  // Years without activity are drawn as gaps, so the axis is honest.
  let activity = sparse;
  const first = sparse[0].year, last = sparse[sparse.length - 1].year;
  if (last - first < 40) {
    const by = new Map(sparse.map((a) => [a.year, a]));
    activity = [];
    for (let y = first; y <= last; y++) activity.push(by.get(y) || { year: y, meetings: 0, led_topics: 0 });
  }
  const bw = 14, gap = 10, group = bw * 2 + gap, left = 28, top = 10, height = 120, bottom = 24;
  const width = left + activity.length * group + gap;
  const max = Math.max(1, ...activity.map((a) => Math.max(a.meetings, a.led_topics)));
  const y = (v) => top + height - (v / max) * height;
  // Drawn at its natural size: scaled down to a phone, its years were
  // 5px high.
  const svg = s('svg', { viewBox: `0 0 ${width} ${top + height + bottom}`, width, height: top + height + bottom,
    class: 'chart', role: 'img', 'aria-labelledby': 'chart-title' });
  svg.append(s('title', { id: 'chart-title' }, `按年份的活动：${activity.map((a) => `${a.year}年 文档${a.meetings}份、牵头议题${a.led_topics}项`).join('；')}`));
  svg.append(s('line', { x1: left, x2: width, y1: top + height, y2: top + height, class: 'axis' }));
  svg.append(s('text', { x: left - 4, y: top + 8, 'text-anchor': 'end', class: 'tick' }, max));
  svg.append(s('text', { x: left - 4, y: top + height, 'text-anchor': 'end', class: 'tick' }, 0));
  activity.forEach((a, i) => {
    const x = left + gap / 2 + i * group;
    svg.append(s('rect', { x, y: y(a.meetings), width: bw, height: top + height - y(a.meetings), class: 'bar-docs' },
      s('title', {}, `${a.year}年：文档 ${a.meetings} 份`)));
    svg.append(s('rect', { x: x + bw, y: y(a.led_topics), width: bw, height: top + height - y(a.led_topics), class: 'bar-led' },
      s('title', {}, `${a.year}年：牵头议题 ${a.led_topics} 项`)));
    // Label every year when there are few, else every fifth.
    if (activity.length <= 12 || a.year % 5 === 0 || i === 0 || i === activity.length - 1) {
      svg.append(s('text', { x: x + bw, y: top + height + 16, 'text-anchor': 'middle', class: 'tick' }, a.year));
    }
  });
  return h('figure', { class: 'chart-box' }, h('div', { class: 'chart-scroll' }, svg),
    h('figcaption', {}, h('span', { class: 'key key-docs' }, '提及的文档'), h('span', { class: 'key key-led' }, '牵头的议题')));
}

async function load() {
  const params = urlParams();
  if (!params.name) {
    setTitle('部门');
    return nameList(main, { title: '部门', endpoint: '/api/departments', key: 'departments', linkTo: link.department, placeholder: '部门名称或简称，如 应急' });
  }
  const name = params.name;
  const page = Math.max(1, Number(params.page) || 1);
  setTitle(name);
  render(main, loading());
  try {
    const d = await api(`/api/departments/${encodeURIComponent(name)}`, { page, size: 50 });
    setTitle(d.name);
    render(main,
      h('h1', {}, d.name),
      (d.aliases || []).length ? h('p', { class: 'aliases' }, '又称：', d.aliases.join('、')) : null,
      h('p', { class: 'follow' }, feedLink({ department: d.name }, '订阅此部门的新文档（Atom）')),
      h('section', { 'aria-labelledby': 'act-h' }, h('h2', { id: 'act-h' }, '历年活动'), activityChart(d.activity || [])),
      h('section', { 'aria-labelledby': 'led-h' },
        h('h2', { id: 'led-h' }, `牵头的议题（${d.led_topics_total ?? (d.led_topics || []).length}）`),
        (d.led_topics || []).length ? h('ol', { class: 'led' }, d.led_topics.map((t) => h('li', {},
          h('span', { class: 'date' }, dateOrUnknown(t.date)),
          t.issuer ? h('span', { class: 'issuer' }, t.issuer) : null,
          h('a', { href: `${link.doc(t.document_id)}#topic-${t.no}` }, t.title)))) : h('p', {}, '暂无。')),
      (d.people || []).length ? h('section', { 'aria-labelledby': 'ppl-h' },
        h('h2', { id: 'ppl-h' }, '本部门人员'),
        h('ul', { class: 'name-grid' }, d.people.map((p) => h('li', {}, personLink(p.name),
          h('span', { class: 'count', 'aria-label': `${p.count} 次` }, String(p.count)))))) : null,
      h('section', { 'aria-labelledby': 'dm-h' },
        h('h2', { id: 'dm-h' }, `相关文档（${d.meetings_total}）`),
        h('ul', { class: 'doc-list' }, d.meetings.map((m) => h('li', {},
          h('span', { class: 'date' }, dateOrUnknown(m.date)),
          h('a', { href: link.doc(m.id) }, m.title || '（无标题）'),
          h('span', { class: 'meta' }, [m.issuer, kindLabels[m.kind], m.led_topics ? `牵头议题 ${m.led_topics} 项` : ''].filter(Boolean).join(' · '))))),
        pager(d.meetings_total, page, d.size, (n) => `?${new URLSearchParams({ name, page: n })}`)),
      h('p', {}, h('a', { href: link.search({ department: d.name }) }, `检索涉及${d.name}的全部文档`),
        ' · ', h('a', { href: `/decisions.html?${new URLSearchParams({ department: d.name })}` }, '该部门牵头的决定事项')));
    // A chart wider than the screen opens at its latest years.
    const scroller = main.querySelector('.chart-scroll');
    if (scroller) scroller.scrollLeft = scroller.scrollWidth;
  } catch (err) {
    render(main, h('h1', {}, name), errorBox(err), waysOut(err, name, { href: '/department.html', text: '浏览全部部门' }));
  }
}

load();
