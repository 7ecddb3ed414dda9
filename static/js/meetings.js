// Meetings by year (?year=&kind=&issuer=&page=), newest first; a
// government's name on a row narrows the list to its meetings.
import { api, h, render, errorBox, loading, pager, urlParams, setTitle, link, personLink, dateOrUnknown } from './ui.js';

const main = document.getElementById('main');

// undatedNote says how many meetings no year files (their documents carry
// no date): under 全部 they come last, and 日期不详 lists them alone.
function undatedNote(res, params) {
  if (params.year) return null;
  return res.undated > 0 ? `，其中 ${res.undated} 次日期不详，列在最后` : null;
}

const yearLabel = (y) => (y === 'none' ? '日期不详' : `${y}年`);

async function load() {
  const params = urlParams();
  const page = Math.max(1, Number(params.page) || 1);
  // Minutes and news reports of meetings together unless one kind is chosen.
  const kind = params.kind === 'news' || params.kind === 'minutes' ? params.kind : '';
  const href = (over) => {
    const p = { ...params, ...over };
    for (const k of Object.keys(p)) if (!p[k]) delete p[k];
    return `?${new URLSearchParams(p)}`;
  };
  const heading = `${params.issuer || ''}${params.year ? yearLabel(params.year) : ''}${params.issuer || params.year === 'none' ? '的会议' : '会议'}`;
  setTitle(heading);
  render(main, h('h1', {}, heading), loading());
  try {
    const res = await api('/api/meetings', { year: params.year, kind, issuer: params.issuer, page, size: 20 });
    const kindCount = (k) => {
      const f = (res.kinds || []).find((x) => x.value === k);
      return h('span', { class: 'count' }, String(f ? f.count : 0));
    };
    const kindLabel = { minutes: '纪要', news: '报道' };
    render(main,
      h('h1', {}, heading),
      params.issuer ? h('p', { class: 'active-filters' }, '发文机关：', params.issuer, '　',
        h('a', { href: href({ issuer: '', page: '' }) }, '查看所有机关的会议')) : null,
      h('nav', { class: 'tabs', 'aria-label': '文档类型' },
        h('a', { href: href({ kind: '', page: '' }), 'aria-current': kind === '' ? 'page' : null }, '全部'),
        h('a', { href: href({ kind: 'minutes', page: '' }), 'aria-current': kind === 'minutes' ? 'page' : null }, '会议纪要', kindCount('minutes')),
        h('a', { href: href({ kind: 'news', page: '' }), 'aria-current': kind === 'news' ? 'page' : null }, '会议报道', kindCount('news'))),
      h('nav', { class: 'years', 'aria-label': '年份' },
        h('a', { href: href({ year: '', page: '' }), 'aria-current': params.year ? null : 'page' }, '全部'),
        res.years.map((y) => h('a', { href: href({ year: y.value, page: '' }), 'aria-current': params.year === y.value ? 'page' : null },
          yearLabel(y.value), h('span', { class: 'count' }, String(y.count)))),
        res.undated > 0 || params.year === 'none'
          ? h('a', { href: href({ year: 'none', page: '' }), 'aria-current': params.year === 'none' ? 'page' : null, title: '文中没有日期的会议' },
            yearLabel('none'), h('span', { class: 'count' }, String(res.undated || 0)))
          : null),
      params.kind && !kind ? h('p', { class: 'note' }, `会议只分纪要和报道两类，“${params.kind}”不是其中之一，下面列出全部会议。`) : null,
      h('p', { role: 'status' }, `共 ${res.total} 次会议`, undatedNote(res, params)),
      h('ol', { class: 'meetings' }, res.meetings.map((m) => h('li', {},
        h('span', { class: m.date ? 'date' : 'date unknown' }, dateOrUnknown(m.date)),
        m.issuer ? h('a', { class: 'issuer', href: href({ issuer: m.issuer, page: '' }), title: `只看${m.issuer}的会议` }, m.issuer) : null,
        h('a', { href: link.doc(m.id) }, m.name || m.title || '（无标题）'),
        h('span', { class: 'meta' }, [kind ? '' : kindLabel[m.kind], m.name && m.title !== m.name ? m.title : '', m.doc_number,
          m.topic_count ? `议题 ${m.topic_count} 项` : ''].filter(Boolean).join(' · ')),
        m.chair ? h('span', { class: 'chair' }, '主持：', personLink(m.chair.name)) : null))),
      pager(res.total, page, 20, (p) => href({ page: p })));
  } catch (err) {
    render(main, h('h1', {}, heading), errorBox(err));
  }
}

load();
