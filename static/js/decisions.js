// Decisions across meetings (?q=&department=&year=&page=): every agenda
// topic with its meeting, lead departments and reviewed documents.
import { api, h, render, suggestInto, errorBox, loading, pager, urlParams, setTitle, link, departmentLink, dateOrUnknown, highlight, searchedWords } from './ui.js';

const main = document.getElementById('main');

function field(id, label, value, attrs = {}, extra = null) {
  return h('div', { class: 'field' }, h('label', { for: id }, label),
    h('input', { id, name: id, value: value || '', ...attrs }), extra);
}

// noDecisions says where else to look when no agenda topic matched: the
// same words in the full text (where a meeting's news or a notice may
// say them, and a misspelt word gets a suggestion), fewer conditions, or
// the department's own page.
// knownDepartment is true when the archive has a page for the name.
async function knownDepartment(name) {
  try {
    await api(`/api/departments/${encodeURIComponent(name)}`, { size: 1 });
    return true;
  } catch {
    return false;
  }
}

async function noDecisions(params) {
  const ways = [];
  if (params.q) ways.push(h('a', { href: link.search({ q: params.q }) }, `在全文中检索“${params.q}”`));
  const limits = [params.department ? '牵头部门' : '', params.year ? '年份' : ''].filter(Boolean);
  if (params.q && limits.length) {
    ways.push(h('a', { href: `?${new URLSearchParams({ q: params.q })}` }, `去掉${limits.join('和')}的限制`));
  }
  // Only to a page that exists: an unknown name's page is an error.
  if (params.department && await knownDepartment(params.department)) {
    ways.push(h('a', { href: link.department(params.department) }, `查看“${params.department}”的部门页`));
  }
  return h('div', { class: 'note empty' },
    h('p', {}, '没有找到匹配的议题。牵头部门可写全称或简称（如 市应急局），关键词可换用更短或更常用的说法。'),
    ways.length ? h('ul', {}, ways.map((a) => h('li', {}, a))) : null);
}

async function load() {
  const params = urlParams();
  const page = Math.max(1, Number(params.page) || 1);
  setTitle('决定事项');
  const form = h('form', { class: 'filters', method: 'get', 'aria-label': '筛选决定事项' },
    field('q', '关键词', params.q, { type: 'search' }),
    field('department', '牵头部门', params.department, { type: 'text', list: 'dept-suggestions', autocomplete: 'off' },
      h('datalist', { id: 'dept-suggestions' })),
    field('year', '年份', params.year, { type: 'number', min: 1900, max: 2200, inputmode: 'numeric' }),
    h('button', { type: 'submit' }, '筛选'),
    params.q || params.department || params.year ? h('a', { href: '/decisions.html', class: 'clear' }, '清除筛选') : null);
  const box = h('div', {}, loading());
  render(main, h('h1', {}, '决定事项'), form, box);
  suggestInto(form.querySelector('#department'), form.querySelector('#dept-suggestions'), ['department']);
  try {
    const res = await api('/api/decisions', { q: params.q, department: params.department, year: params.year, page, size: 20 });
    const href = (p) => {
      const o = { ...params, page: p };
      for (const k of Object.keys(o)) if (!o[k]) delete o[k];
      return `?${new URLSearchParams(o)}`;
    };
    render(box,
      h('p', { role: 'status' }, `共 ${res.total} 项议题`, res.truncated ? '（仅统计了最近的部分文档）' : ''),
      h('ol', { class: 'decision-list' }, res.decisions.map((d) => h('li', {},
        h('article', {},
          h('h2', {}, h('a', { href: `${link.doc(d.document_id)}#topic-${d.no}` }, d.title)),
          h('p', { class: 'meta' }, [dateOrUnknown(d.date), d.issuer, d.meeting || d.document_title].filter(Boolean).join(' · ')),
          d.lead_departments && d.lead_departments.length
            ? h('p', { class: 'leads' }, '牵头部门：', d.lead_departments.flatMap((x, i) => {
              const a = departmentLink(x, (d.canonical || {})[x]);
              return i ? ['、', a] : [a];
            })) : null,
          d.documents && d.documents.length ? h('p', { class: 'reviewed' }, '审议文件：', d.documents.map((t) => `《${t}》`).join('')) : null,
          d.decisions && d.decisions.length ? h('ul', { class: 'decisions' }, d.decisions.map((x) => h('li', {}, x))) : null)))),
      res.total === 0 ? await noDecisions(params) : null,
      pager(res.total, page, 20, href));
    // The words searched for stand out in the topics found.
    if (params.q) highlight(box.querySelector('.decision-list'), searchedWords(params.q));
  } catch (err) {
    render(box, errorBox(err));
  }
}

load();
