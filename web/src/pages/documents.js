import { api } from '../api.js';
import { h, link, table } from '../ui.js';
import { allowOnly, intParam } from './common.js';
import { eventTable } from './events.js';

export async function documentView({ root, arg, params }) {
  allowOnly(params, []);
  if (!arg) throw new Error('no document id in the address (#/document/ID)');
  const d = await api('documents/' + encodeURIComponent(arg));
  root.append(h('h1', { 'data-testid': 'document-title' }, d.title || d.id),
    h('p', { class: 'meta' }, [d.date, d.source, d.url ? h('a', { href: d.url, rel: 'noopener noreferrer' }, d.url) : null].filter(Boolean).flatMap((x, i) => (i ? [' · ', x] : [x]))),
    h('div', { class: 'doctext', 'data-testid': 'document-text' }, d.text),
    h('h2', {}, `Events (${d.events.length})`), eventTable(d.events));
}

// "[match]" in API snippets becomes <mark>.
function snippet(text) {
  const out = [];
  const re = /\[([^\]]*)\]/g;
  let pos = 0, m;
  while ((m = re.exec(text))) {
    out.push(text.slice(pos, m.index), h('mark', {}, m[1]));
    pos = m.index + m[0].length;
  }
  out.push(text.slice(pos));
  return out;
}

export async function search({ root, params, go }) {
  allowOnly(params, ['q', 'from', 'to', 'offset']);
  const q = params.get('q') || '';
  const offset = intParam(params, 'offset', 0, 0, 100000000);
  root.append(h('h1', {}, 'Full-text search'),
    h('form', { class: 'filters', role: 'search', onsubmit: (e) => { e.preventDefault(); go('search', Object.fromEntries(new FormData(e.target))); } },
      h('input', { name: 'q', value: q, placeholder: 'words, "a phrase", a OR b', size: 30, 'aria-label': 'search' }),
      h('label', {}, 'from ', h('input', { name: 'from', value: params.get('from') || '', size: 10 })),
      h('label', {}, 'to ', h('input', { name: 'to', value: params.get('to') || '', size: 10 })),
      h('button', {}, 'Search')));
  const data = await api('documents', { q, from: params.get('from'), to: params.get('to'), limit: 50, offset });
  root.append(h('p', {}, `${data.documents.length}${data.documents.length === 50 ? '+' : ''} documents`),
    table(['Date', 'Title', 'Source', q ? 'Match' : ''], data.documents.map((d) => h('tr', { 'data-testid': 'search-result' },
      h('td', {}, d.date), h('td', {}, link(`#/document/${encodeURIComponent(d.id)}`, d.title || d.id)), h('td', {}, d.source || ''),
      h('td', { class: 'snippet' }, q ? snippet(d.snippet || '') : '')))));
  if (q && data.documents.length) {
    root.append(h('p', {}, link(`#/events?q=${encodeURIComponent(q)}`, 'Events in these documents →')));
  }
}
