// Person page (?name=): roles in meetings, departments and titles with the
// dates seen, people met most often. Without a name: the list of people.
import { api, h, feedLink, render, errorBox, waysOut, loading, pager, urlParams, setTitle, link, personLink, departmentLink,
  roleLabels, kindLabels, formatDate, dateOrUnknown } from './ui.js';
import { nameList } from './lists.js';

const main = document.getElementById('main');

function seenList(items, linkFn) {
  // Said in words: a lone dash reads as nothing, or as "dash".
  if (!items.length) return h('p', { class: 'none' }, '文档中未注明');
  return h('ul', { class: 'seen' }, items.map((x) => h('li', {}, linkFn ? linkFn(x.name, x.unit) : x.name,
    h('span', { class: 'dates' }, x.first === x.last ? formatDate(x.first) : `${formatDate(x.first)} 至 ${formatDate(x.last)}`))));
}

async function load() {
  const params = urlParams();
  if (!params.name) {
    setTitle('人员');
    return nameList(main, { title: '人员', endpoint: '/api/people', key: 'people', linkTo: link.person, placeholder: '姓氏或姓名，如 李' });
  }
  const name = params.name;
  const page = Math.max(1, Number(params.page) || 1);
  setTitle(name);
  render(main, loading());
  try {
    const p = await api(`/api/people/${encodeURIComponent(name)}`, { page, size: 50 });
    render(main,
      h('h1', {}, p.name),
      h('p', { class: 'follow' }, feedLink({ person: p.name }, '订阅此人的新文档（Atom）')),
      h('div', { class: 'cards' },
        h('section', { 'aria-labelledby': 'pd-h' }, h('h2', { id: 'pd-h' }, '所在部门'), seenList(p.departments, departmentLink)),
        h('section', { 'aria-labelledby': 'pt-h' }, h('h2', { id: 'pt-h' }, '职务'), seenList(p.titles)),
        // Namesakes in different places are told apart by the governments
        // whose documents name them.
        (p.issuers || []).length > 1 ? h('section', { 'aria-labelledby': 'pi-h' }, h('h2', { id: 'pi-h' }, '发文机关（同名者可能不止一人）'), seenList(p.issuers)) : null),
      h('section', { 'aria-labelledby': 'pm-h' },
        h('h2', { id: 'pm-h' }, `参加的会议与文档（${p.meetings_total}）`),
        h('table', { class: 'list' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '日期'), h('th', { scope: 'col' }, '文档'), h('th', { scope: 'col' }, '身份'))),
          h('tbody', {}, p.meetings.map((m) => h('tr', {},
            h('td', {}, dateOrUnknown(m.date)),
            h('td', {}, h('a', { href: link.doc(m.id) }, m.title || '（无标题）'), h('span', { class: 'meta' }, ` ${kindLabels[m.kind] || ''}${m.issuer ? ` · ${m.issuer}` : ''}`)),
            h('td', { class: 'role' }, roleLabels[m.role] || m.role, m.position ? `（${m.position}）` : ''))))),
        pager(p.meetings_total, page, p.size, (n) => `?${new URLSearchParams({ name, page: n })}`)),
      (p.co_attendees || []).length ? h('section', { 'aria-labelledby': 'pc-h' },
        h('h2', { id: 'pc-h' }, '常一同出席'),
        h('ul', { class: 'name-grid' }, p.co_attendees.map((c) => h('li', {}, personLink(c.name),
          h('span', { class: 'count', 'aria-label': `${c.count} 次` }, String(c.count)))))) : null,
      h('p', {}, h('a', { href: link.search({ person: name }) }, `检索提及${name}的全部文档`)));
  } catch (err) {
    render(main, h('h1', {}, name), errorBox(err), waysOut(err, name, { href: '/person.html', text: '浏览全部人员' }));
  }
}

load();
