import { api } from '../api.js';
import { QUADS, QUAD_COLORS, fmtG, h, link, table } from '../ui.js';
import { allowOnly, intParam } from './common.js';

const FILTERS = ['from', 'to', 'actor', 'cameo', 'quad', 'place', 'q', 'include_flagged'];

export async function events({ root, params, go }) {
  allowOnly(params, [...FILTERS, 'offset']);
  const offset = intParam(params, 'offset', 0, 0, 100000000);
  const limit = 50;
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || '']));
  const submit = (e) => { e.preventDefault(); const f = Object.fromEntries(new FormData(e.target)); go('events', f); };
  const input = (name, label, ph, size = 10) => h('label', {}, label + ' ', h('input', { name, value: filters[name], placeholder: ph, size }));
  root.append(h('h1', {}, 'Events'),
    h('form', { class: 'filters', onsubmit: submit },
      input('from', 'from', 'YYYY-MM-DD'), input('to', 'to', 'YYYY-MM-DD'), input('actor', 'actor', 'USA', 8),
      input('cameo', 'CAMEO', '04', 4),
      h('label', {}, 'quad ', h('select', { name: 'quad' }, h('option', { value: '' }, 'any'),
        QUADS.map((q, i) => h('option', { value: i + 1, selected: filters.quad === String(i + 1) }, `${i + 1} ${q}`)))),
      input('place', 'place', 'UKR', 8), input('q', 'text', 'words', 10),
      h('label', {}, h('input', { type: 'checkbox', name: 'include_flagged', value: 'true', checked: filters.include_flagged === 'true' }), ' flagged'),
      h('button', {}, 'Filter')));
  const data = await api('events', { ...filters, limit, offset });
  root.append(eventTable(data.events));
  const nav = h('div', { class: 'pager' });
  if (offset > 0) nav.append(link('#', '← previous', { onclick: (e) => { e.preventDefault(); go('events', { ...filters, offset: Math.max(0, offset - limit) }); } }));
  nav.append(h('span', {}, ` rows ${data.events.length ? offset + 1 : 0}–${offset + data.events.length} `));
  if (data.events.length === limit) nav.append(link('#', 'next →', { 'data-testid': 'next', onclick: (e) => { e.preventDefault(); go('events', { ...filters, offset: offset + limit }); } }));
  root.append(nav);
}

export function eventTable(evs) {
  if (!evs.length) return h('p', { 'data-testid': 'no-events' }, 'No events match.');
  return table(['Date', 'Source', 'CAMEO', 'Target', 'Quad', 'Goldstein', 'Place', ''], evs.map((e) => h('tr', { 'data-testid': 'event-row', 'data-id': e.id },
    h('td', {}, e.date), h('td', {}, e.sources.map((x) => x.code).join(', ')),
    h('td', {}, e.cameo), h('td', {}, e.targets.map((x) => x.code).join(', ')),
    h('td', {}, h('span', { class: 'quad', style: `background:${QUAD_COLORS[e.quad_class - 1]}`, title: QUADS[e.quad_class - 1] }, e.quad_class)),
    h('td', { class: 'num' }, fmtG(e.goldstein)), h('td', {}, e.place ? e.place.name : ''),
    h('td', {}, link(`#/event/${e.id}`, 'detail')))));
}

// The sentence with source, predicate and target highlighted, and the rule that coded it.
export async function eventDetail({ root, arg, params }) {
  allowOnly(params, []);
  const e = await api('events/' + encodeURIComponent(arg || 'missing'));
  const st = e.sentence_text || { text: '', highlights: [] };
  const hl = [...(st.highlights || [])].filter((x) => x.begin < x.end).sort((x, y) => x.begin - y.begin);
  const sentence = h('p', { class: 'sentence', 'data-testid': 'sentence' });
  let pos = 0;
  for (const x of hl) {
    if (x.begin < pos) continue;  // Overlapping spans: keep the first.
    sentence.append(st.text.slice(pos, x.begin));
    sentence.append(h('mark', { class: 'hl-' + x.role, 'data-role': x.role, title: `${x.role}${x.code ? ' ' + x.code : ''}` }, st.text.slice(x.begin, x.end)));
    pos = x.end;
  }
  sentence.append(st.text.slice(pos));
  const flags = Object.entries(e.flags || {}).filter(([, v]) => v).map(([k]) => k);
  const row = (k, v, id) => h('tr', {}, h('th', {}, k), h('td', id ? { 'data-testid': id } : {}, v));
  root.append(h('h1', {}, `Event ${e.id}`), sentence,
    h('div', { class: 'legend' }, ['source', 'predicate', 'target'].map((r) => h('span', {}, h('mark', { class: 'hl-' + r }, r)))),
    h('table', { class: 'kv' }, h('tbody', {},
      row('Pattern', e.pattern || '—', 'pattern'),
      row('CAMEO', `${e.cameo} (root ${e.cameo_root})`, 'cameo'),
      row('Quad class', `${e.quad_class} ${QUADS[e.quad_class - 1] || ''}`),
      row('Goldstein', fmtG(e.goldstein), 'goldstein'),
      row('PLOVER', e.plover && e.plover.event ? [e.plover.event, e.plover.mode, e.plover.context].filter(Boolean).join(' / ') : '—'),
      row('Sources', e.sources.map((x) => `${x.code}${x.name ? ' (' + x.name + ')' : ''}`).join(', '), 'sources'),
      row('Targets', e.targets.map((x) => `${x.code}${x.name ? ' (' + x.name + ')' : ''}`).join(', '), 'targets'),
      row('Date', `${e.date} (${e.date_precision || 'day'})`),
      row('Place', e.place ? `${e.place.name}${e.place.iso3 ? ', ' + e.place.iso3 : ''}` : '—'),
      row('Flags', flags.length ? flags.join(', ') : 'none'),
      e.speaker ? row('Speaker', e.speaker.code) : null,
      row('Document', e.document ? link(`#/document/${encodeURIComponent(e.document.id)}`, e.document.title || e.document.id, { 'data-testid': 'document-link' }) : '—'),
      e.document && e.document.url ? row('URL', h('a', { href: e.document.url, rel: 'noopener noreferrer' }, e.document.url)) : null)));
}
