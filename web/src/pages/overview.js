import { api } from '../api.js';
import { QUADS, QUAD_COLORS, fmt, fmtG, h, legend, link, stackedBars, table } from '../ui.js';
import { allowOnly, fillRows } from './common.js';

export async function overview({ root, params, go }) {
  allowOnly(params, ['by', 'from', 'to']);
  const by = params.get('by') || 'month';
  const range = { from: params.get('from'), to: params.get('to') };
  const [stats, timeline, net] = await Promise.all([
    api('stats'),
    api('timeline', { by, ...range }),
    api('network', { top: 10, ...range }),
  ]);
  const card = (label, value, id) => h('div', { class: 'card' }, h('div', { class: 'label' }, label), h('div', { class: 'value', 'data-testid': id }, value));
  root.append(
    h('h1', {}, 'Overview'),
    h('div', { class: 'cards' },
      card('Documents', fmt(stats.documents), 'stat-documents'),
      card('Events', fmt(stats.events), 'stat-events'),
      card('Unflagged', fmt(stats.unflagged_events), 'stat-unflagged'),
      card('Dates', stats.first_date ? `${stats.first_date} – ${stats.last_date}` : '—', 'stat-dates')),
    h('div', { class: 'cards' }, QUADS.map((q, i) =>
      h('div', { class: 'card small', style: `border-left:4px solid ${QUAD_COLORS[i]}` },
        h('div', { class: 'label' }, q), h('div', { class: 'value', 'data-testid': `stat-quad-${i + 1}` }, fmt(stats.quad_counts[i]))))),
    h('h2', {}, `Event volume by quad class per ${by}`),
    h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); const f = new FormData(e.target); go('', Object.fromEntries(f)); } },
      h('label', {}, 'by ', h('select', { name: 'by' }, ['day', 'week', 'month'].map((b) => h('option', { value: b, selected: b === by }, b)))),
      h('label', {}, 'from ', h('input', { name: 'from', value: range.from || '', placeholder: 'YYYY-MM-DD', size: 10 })),
      h('label', {}, 'to ', h('input', { name: 'to', value: range.to || '', placeholder: 'YYYY-MM-DD', size: 10 })),
      h('button', {}, 'Apply')),
    timeline.periods.length ? stackedBars(fillRows(timeline.periods, timeline.periods.map((p) => p.period)), { label: 'events by quad class over time', attrs: () => ({ 'data-testid': 'timeline-bar' }) }) : h('p', {}, 'No events.'),
    legend(),
    h('h2', {}, 'Top dyads'),
    table(['Source', 'Target', 'Cooperation', 'Conflict', 'Mean Goldstein'],
      net.edges.map((e) => h('tr', { 'data-testid': 'top-dyad' },
        h('td', {}, e.source), h('td', {}, e.target), h('td', { class: 'num' }, fmt(e.cooperation)), h('td', { class: 'num' }, fmt(e.conflict)),
        h('td', { class: 'num' }, fmtG(e.mean_goldstein)),
        h('td', {}, link(`#/dyad?a=${encodeURIComponent(e.source)}&b=${encodeURIComponent(e.target)}`, 'explore'))))),
  );
}
