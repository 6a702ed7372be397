// World map with d3-geo and world-atlas (bundled; nothing is fetched from the internet).
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { api } from '../api.js';
import { QUADS, QUAD_COLORS, fmt, h, legend, s, table } from '../ui.js';
import { allowOnly, intParam } from './common.js';

export async function map({ root, params, go, isCurrent }) {
  allowOnly(params, ['quad', 'top', 'from', 'to']);
  const quad = intParam(params, 'quad', 0, 0, 4);
  const top = intParam(params, 'top', 200, 1, 1000);
  const data = await api('places', { top, from: params.get('from'), to: params.get('to') });
  if (!isCurrent()) return;
  const W = 960, H = 500;
  const projection = geoNaturalEarth1().fitSize([W, H], { type: 'Sphere' });
  const path = geoPath(projection);
  const countries = feature(world, world.objects.countries);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'img', 'aria-label': 'events by place' },
    s('path', { d: path({ type: 'Sphere' }), class: 'sphere' }),
    ...countries.features.map((f) => s('path', { d: path(f), class: 'country' }, s('title', {}, f.properties.name))));
  const count = (p) => (quad ? p.quad_counts[quad - 1] : p.events);
  const places = data.places.filter((p) => count(p) > 0 && (p.lat || p.lon));
  const max = Math.max(1, ...places.map(count));
  for (const p of places.sort((a, b) => count(b) - count(a))) {
    const [x, y] = projection([p.lon, p.lat]);
    const dominant = p.quad_counts.indexOf(Math.max(...p.quad_counts));
    svg.append(s('circle', { cx: x, cy: y, r: 3 + 17 * Math.sqrt(count(p) / max), fill: QUAD_COLORS[quad ? quad - 1 : dominant], class: 'place', 'data-name': p.name, 'data-count': count(p),
      onclick: () => go('events', { place: p.iso3 && p.name === p.iso3 ? p.iso3 : p.name, quad: quad || '' }) },
    s('title', {}, `${p.name}: ${count(p)} events`)));
  }
  root.append(h('h1', {}, 'Map'),
    h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); go('map', Object.fromEntries(new FormData(e.target))); } },
      h('label', {}, 'quad class ', h('select', { name: 'quad' }, h('option', { value: '' }, 'all'), QUADS.map((q, i) => h('option', { value: i + 1, selected: quad === i + 1 }, q)))),
      h('label', {}, 'from ', h('input', { name: 'from', value: params.get('from') || '', size: 10 })),
      h('label', {}, 'to ', h('input', { name: 'to', value: params.get('to') || '', size: 10 })),
      h('button', {}, 'Show')),
    h('div', { class: 'chart-wrap' }, svg), legend(),
    h('p', { class: 'hint' }, 'Circle size: events; colour: the selected quad class, or the most frequent one. Click a place for its events.'),
    table(['Place', 'ISO3', 'Events', ...QUADS], places.map((p) => h('tr', { 'data-testid': 'place-row' },
      h('td', {}, p.name), h('td', {}, p.iso3), h('td', { class: 'num' }, fmt(p.events)), p.quad_counts.map((c) => h('td', { class: 'num' }, fmt(c)))))));
}
