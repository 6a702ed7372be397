import { api } from '../api.js';
import { chartWidth, fmt, fmtG, h, legend, link, stackedBars, table } from '../ui.js';
import { allowOnly, fillRows, periodRange } from './common.js';

// Two actors: cooperation/conflict per period in both directions; click a bar to list its events.
export async function dyad({ root, params, go, isCurrent }) {
  allowOnly(params, ['a', 'b', 'by', 'from', 'to', 'period', 'dir']);
  const a = params.get('a') || '', b = params.get('b') || '', by = params.get('by') || 'month';
  const state = Object.fromEntries(params);
  const form = h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); go('dyad', Object.fromEntries(new FormData(e.target))); } },
    h('label', {}, 'Actor A ', h('input', { name: 'a', value: a, placeholder: 'USA', size: 8, required: true })),
    h('label', {}, 'Actor B ', h('input', { name: 'b', value: b, placeholder: 'CHN', size: 8, required: true })),
    h('label', {}, 'by ', h('select', { name: 'by' }, ['day', 'week', 'month'].map((x) => h('option', { value: x, selected: x === by }, x)))),
    h('label', {}, 'from ', h('input', { name: 'from', value: params.get('from') || '', size: 10 })),
    h('label', {}, 'to ', h('input', { name: 'to', value: params.get('to') || '', size: 10 })),
    h('button', {}, 'Show'));
  root.append(h('h1', {}, 'Dyad explorer'), form);
  if (!a && !b) {
    root.append(h('p', {}, 'Choose two actors (codes such as USA, CHNGOV; prefixes match).'));
    return;
  }
  const data = await api('dyad', { a, b, by, from: params.get('from'), to: params.get('to') });
  const dirs = [[data.a, data.b], [data.b, data.a]];
  for (const [from, to] of dirs) {
    const rows = fillRows(data.periods.filter((p) => p.from === from && p.to === to), data.periods.map((p) => p.period));
    const total = rows.reduce((s, r) => s + r.events, 0);
    const mean = total ? rows.reduce((s, r) => s + r.mean_goldstein * r.events, 0) / total : 0;
    const dirKey = from === data.a ? 'ab' : 'ba';
    root.append(h('h2', {}, `${from} → ${to}: `, h('span', { 'data-testid': `dyad-total-${dirKey}` }, fmt(total)), ' events, mean Goldstein ',
      h('span', { 'data-testid': `dyad-goldstein-${dirKey}` }, total ? fmtG(mean) : '—')));
    if (!total) { root.append(h('p', {}, 'No events in this direction.')); continue; }
    root.append(stackedBars(rows, {
      label: `${from} to ${to}`,
      attrs: () => ({ 'data-dir': dirKey, 'data-testid': 'dyad-bar' }),
      onBar: (r) => r.events && go('dyad', { ...state, period: r.period, dir: dirKey }),
    }));
    root.append(goldsteinLine(rows));
  }
  root.append(legend(), h('p', { class: 'hint' }, 'Click a bar to list its events.'));
  const period = params.get('period');
  if (period) {
    const dir = params.get('dir') === 'ba' ? dirs[1] : dirs[0];
    const [from, to] = periodRange(period);
    const list = await api('events', { actor: dir[0], from, to, limit: 1000 });
    if (!isCurrent()) return;
    const match = (refs, code) => refs.some((r) => r.code.startsWith(code));
    const evs = list.events.filter((e) => match(e.sources, dir[0]) && match(e.targets, dir[1]));
    root.append(h('h2', { id: 'period-events' }, `Events ${dir[0]} → ${dir[1]} in ${period} (${evs.length})`),
      table(['Date', 'Source', 'CAMEO', 'Target', 'Goldstein', ''], evs.map((e) => h('tr', { 'data-testid': 'period-event' },
        h('td', {}, e.date), h('td', {}, e.sources.map((x) => x.code).join(', ')), h('td', {}, e.cameo),
        h('td', {}, e.targets.map((x) => x.code).join(', ')), h('td', { class: 'num' }, fmtG(e.goldstein)),
        h('td', {}, link(`#/event/${e.id}`, 'sentence', { 'data-testid': 'event-link' }))))));
    document.getElementById('period-events').scrollIntoView({ block: 'nearest' });
  }
}

// Mean Goldstein per period (-10..+10): a line through the periods that have events, aligned with
// the bars above.
function goldsteinLine(rows) {
  const W = chartWidth(rows.length), H = 90, l = 40, r = 8;
  const bw = (W - l - r) / rows.length;
  const y = (g) => 8 + (H - 16) * (1 - (g + 10) / 20);
  const pts = rows.map((p, i) => (p.events ? `${l + i * bw + bw / 2},${y(p.mean_goldstein)}` : '')).filter(Boolean).join(' ');
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('class', 'chart goldstein');
  svg.innerHTML = `<line x1="${l}" x2="${W - r}" y1="${y(0)}" y2="${y(0)}" class="grid"/>` +
    `<text x="${l - 4}" y="${y(10) + 4}" text-anchor="end" class="tick">+10</text>` +
    `<text x="${l - 4}" y="${y(0) + 4}" text-anchor="end" class="tick">0</text>` +
    `<text x="${l - 4}" y="${y(-10)}" text-anchor="end" class="tick">-10</text>` +
    `<polyline points="${pts}" fill="none" stroke="#555" stroke-width="1.5"/>`;
  return h('div', { class: 'chart-wrap' }, svg);
}
