// Actor network with cytoscape (loaded only when this page opens).
import cytoscape from 'cytoscape';
import { api } from '../api.js';
import { fmt, fmtG, h, table } from '../ui.js';
import { allowOnly, intParam } from './common.js';

export async function network({ root, params, go, isCurrent }) {
  allowOnly(params, ['top', 'from', 'to', 'countries']);
  const top = intParam(params, 'top', 40, 1, 1000);
  const countries = params.get('countries') || '';
  const data = await api('network', { top, from: params.get('from'), to: params.get('to'), countries });
  if (!isCurrent()) return;
  root.append(h('h1', {}, 'Actor network'),
    h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); go('network', Object.fromEntries(new FormData(e.target))); } },
      h('label', {}, 'edges ', h('input', { name: 'top', value: top, size: 4 })),
      h('label', {}, 'from ', h('input', { name: 'from', value: params.get('from') || '', size: 10 })),
      h('label', {}, 'to ', h('input', { name: 'to', value: params.get('to') || '', size: 10 })),
      h('label', {}, h('input', { type: 'checkbox', name: 'countries', value: 'true', checked: countries === 'true' }), ' countries only'),
      h('button', {}, 'Show')),
    h('div', { class: 'legend' }, h('span', {}, h('i', { style: 'background:#238b45' }), 'mostly cooperation'), h('span', {}, h('i', { style: 'background:#d7301f' }), 'mostly conflict'), h('span', {}, 'click an edge for its dyad')));
  const box = h('div', { class: 'graph', 'data-testid': 'network-graph' });
  root.append(box);
  const nodes = new Map();
  for (const e of data.edges) for (const c of [e.source, e.target]) nodes.set(c, (nodes.get(c) || 0) + e.cooperation + e.conflict);
  const maxW = Math.max(1, ...data.edges.map((e) => e.cooperation + e.conflict));
  const cy = cytoscape({
    container: box,
    elements: [
      ...[...nodes].map(([id, n]) => ({ data: { id, label: id, size: 18 + 30 * Math.sqrt(n / maxW) } })),
      ...data.edges.map((e, i) => ({ data: { id: 'e' + i, source: e.source, target: e.target, w: 1 + 7 * (e.cooperation + e.conflict) / maxW, color: e.cooperation >= e.conflict ? '#238b45' : '#d7301f' } })),
    ],
    style: [
      { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'background-color': '#4a6fa5', 'font-size': 11, color: '#222' } },
      { selector: 'edge', style: { width: 'data(w)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.8 } },
    ],
    layout: { name: 'cose', animate: false, randomize: false },
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'edge', (ev) => go('dyad', { a: ev.target.data('source'), b: ev.target.data('target') }));
  root.append(h('h2', {}, 'Edges'), table(['Source', 'Target', 'Cooperation', 'Conflict', 'Mean Goldstein'], data.edges.map((e) =>
    h('tr', { 'data-testid': 'edge-row' }, h('td', {}, e.source), h('td', {}, e.target), h('td', { class: 'num' }, fmt(e.cooperation)), h('td', { class: 'num' }, fmt(e.conflict)), h('td', { class: 'num' }, fmtG(e.mean_goldstein))))));
}
