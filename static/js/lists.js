// A browsable name list (people or departments) with a prefix filter and
// pagination, state in the URL (?prefix=&page=).
import { api, h, render, errorBox, loading, pager, urlParams, link } from './ui.js';

export async function nameList(main, { title, endpoint, key, linkTo, placeholder }) {
  const params = urlParams();
  const page = Math.max(1, Number(params.page) || 1);
  const size = 100;
  const input = h('input', { id: 'prefix', name: 'prefix', type: 'search', value: params.prefix || '', placeholder });
  const form = h('form', { class: 'inline-form', method: 'get' },
    h('label', { for: 'prefix' }, '筛选：'), input, h('button', { type: 'submit' }, '查找'));
  const box = h('div', {}, loading());
  render(main, h('h1', {}, title), form, box);
  try {
    const res = await api(endpoint, { prefix: params.prefix, page, size });
    const href = (p) => `?${new URLSearchParams({ ...(params.prefix ? { prefix: params.prefix } : {}), page: p })}`;
    render(box,
      h('p', { role: 'status' }, `共 ${res.total} 个`),
      h('ul', { class: 'name-grid' }, res[key].map((x) => h('li', {},
        h('a', { href: linkTo(x.name) }, x.name), h('span', { class: 'count', 'aria-label': `${x.count} 份文档` }, String(x.count))))),
      // Nothing by that name: the archive's text may still hold it.
      res.total === 0 && params.prefix ? h('p', { class: 'note empty' }, `名单中没有“${params.prefix}”。`,
        h('a', { href: link.search({ q: params.prefix }) }, `在全文中检索“${params.prefix}”`), '。') : null,
      pager(res.total, page, size, href));
  } catch (err) {
    render(box, errorBox(err));
  }
}
