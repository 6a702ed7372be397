// Small DOM and chart helpers (no framework: the first load stays small).
export const QUADS = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
export const QUAD_COLORS = ['#74c476', '#238b45', '#fd8d3c', '#d7301f'];

// h('div', {class: 'x', onclick: f}, child, ...): an element; strings become text nodes.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

const SVG = 'http://www.w3.org/2000/svg';
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

export function fmt(n) {
  return Number(n).toLocaleString('en-US');
}
export function fmtG(x) {
  return (x >= 0 ? '+' : '') + Number(x).toFixed(2);
}

export function errorBox(err) {
  const msg = err && err.message ? err.message : String(err);
  const param = err && err.parameter && !msg.includes(`'${err.parameter}'`) ? ` (parameter '${err.parameter}')` : '';
  return h('div', { class: 'error', role: 'alert', 'data-testid': 'error' },
    h('strong', {}, 'Error: '), msg + param);
}

export function link(href, text, attrs = {}) {
  return h('a', { href, ...attrs }, text);
}

export function actorList(refs) {
  return (refs || []).map((r) => r.code).join(', ');
}

export function legend() {
  return h('div', { class: 'legend' },
    QUADS.map((q, i) => h('span', {}, h('i', { style: `background:${QUAD_COLORS[i]}` }), q)));
}

// A stacked bar chart of quad-class counts per period. rows: [{period, quad_counts:[4]}].
// onBar(row) makes bars clickable; `attrs(row)` adds data attributes.
// Width of a chart's drawing (viewBox units) for n periods; CSS scales it to the box.
export function chartWidth(n) {
  return Math.max(900, n * 14 + 50);
}

export function stackedBars(rows, { height = 260, onBar, label = '', attrs } = {}) {
  const W = chartWidth(rows.length);
  const H = height;
  const pad = { l: 40, r: 8, t: 10, b: 40 };
  const max = Math.max(1, ...rows.map((r) => r.quad_counts.reduce((a, b) => a + b, 0)));
  const bw = (W - pad.l - pad.r) / Math.max(1, rows.length);
  const y = (v) => pad.t + (H - pad.t - pad.b) * (1 - v / max);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': label });
  for (const t of [0, 0.5, 1]) {
    const v = Math.round(max * t);
    svg.append(s('line', { x1: pad.l, x2: W - pad.r, y1: y(v), y2: y(v), class: 'grid' }));
    svg.append(s('text', { x: pad.l - 4, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, fmt(v)));
  }
  rows.forEach((r, i) => {
    const x = pad.l + i * bw;
    const total = r.quad_counts.reduce((a, b) => a + b, 0);
    const g = s('g', {
      class: 'bar' + (onBar && total ? ' clickable' : ''),
      tabindex: onBar && total ? 0 : undefined,
      'data-period': r.period,
      'data-total': total,
      ...(attrs ? attrs(r) : {}),
    });
    let acc = 0;
    r.quad_counts.forEach((c, q) => {
      if (!c) return;
      g.append(s('rect', { x: x + 1, width: Math.max(1, bw - 2), y: y(acc + c), height: y(acc) - y(acc + c), fill: QUAD_COLORS[q] }));
      acc += c;
    });
    g.append(s('title', {}, `${r.period}: ${total} events (${r.quad_counts.join(' / ')})`));
    if (onBar) {
      g.addEventListener('click', () => onBar(r));
      g.addEventListener('keydown', (e) => e.key === 'Enter' && onBar(r));
    }
    svg.append(g);
    const every = Math.ceil(rows.length / 10);
    if (i % every === 0) {
      svg.append(s('text', { x: x + bw / 2, y: H - pad.b + 14, 'text-anchor': 'middle', class: 'tick' }, r.period));
    }
  });
  return h('div', { class: 'chart-wrap' }, svg);
}

export function table(headers, rows, attrs = {}) {
  return h('div', { class: 'table-wrap' },
    h('table', attrs, h('thead', {}, h('tr', {}, headers.map((x) => h('th', {}, x)))),
      h('tbody', {}, rows.map((r) => (r instanceof Node ? r : h('tr', {}, r.map((c) => h('td', {}, c))))))));
}
