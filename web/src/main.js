// The dashboard: a hash router (#/page?params) so every view's state is in the URL.
import './style.css';
import { errorBox, h } from './ui.js';
import { overview } from './pages/overview.js';
import { dyad } from './pages/dyad.js';
import { events, eventDetail } from './pages/events.js';
import { documentView, search } from './pages/documents.js';

const ROUTES = {
  '': overview,
  dyad,
  network: (ctx) => import('./pages/network.js').then((m) => m.network(ctx)),
  map: (ctx) => import('./pages/map.js').then((m) => m.map(ctx)),
  events,
  event: eventDetail,
  document: documentView,
  search,
};

export function parseHash(hash) {
  const raw = (hash || '').replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const [page, ...rest] = path.split('/');
  return { page, arg: rest.map(decodeURIComponent).join('/'), params };
}

// Navigate to a page with params (empty values dropped), e.g. go('events', {actor: 'USA'}).
export function go(page, params = {}, arg = '') {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, v);
  const path = '#/' + page + (arg ? '/' + encodeURIComponent(arg) : '');
  location.hash = path + (qs.toString() ? '?' + qs : '');
}

let generation = 0;
async function render() {
  const app = document.getElementById('app');
  const { page, arg, params } = parseHash(location.hash);
  const mine = ++generation;
  for (const a of document.querySelectorAll('#nav a')) {
    const target = parseHash(a.getAttribute('href')).page;
    a.classList.toggle('active', target === page || (page === 'event' && target === 'events'));
  }
  const view = ROUTES[page];
  const root = h('section', { class: 'page', 'data-page': page || 'overview' });
  app.replaceChildren(root);
  app.setAttribute('aria-busy', 'true');
  try {
    if (!view) throw new Error(`unknown page '${page}'`);
    await view({ root, arg, params, go, isCurrent: () => mine === generation });
  } catch (err) {
    if (mine === generation) root.append(errorBox(err));
  } finally {
    if (mine === generation) app.setAttribute('aria-busy', 'false');
  }
}

window.addEventListener('hashchange', render);
render();
