// Browser tests for the dashboard: node browser.mjs BASE_URL OUT_DIR CHROMIUM.
// Every check compares what a page shows with facts the fixture tool counted while writing the
// database (OUT_DIR/truth.json). Exits 0 when all pass, 1 otherwise, 77 when the server has no
// dashboard (built without npm).
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [base, out, exe] = process.argv.slice(2);
const truth = JSON.parse(readFileSync(`${out}/truth.json`, 'utf8'));
const root = await fetch(base + '/');
if (root.status === 503) {
  console.log('SKIP: the server says the dashboard was not built: ' + (await root.text()).replace(/<[^>]+>/g, ' ').trim());
  process.exit(77);
}

const fmt = (n) => Number(n).toLocaleString('en-US');
const fmtG = (x) => (x >= 0 ? '+' : '') + Number(x).toFixed(2);
let failures = 0;
function check(cond, what) {
  console.log(`${cond ? 'ok  ' : 'FAIL'} ${what}`);
  if (!cond) failures++;
}
function eq(actual, expected, what) {
  check(actual === expected, `${what}: ${JSON.stringify(actual)} ${actual === expected ? '==' : '!='} ${JSON.stringify(expected)}`);
}

const browser = await chromium.launch({ executablePath: exe, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
const consoleErrors = [];
page.on('pageerror', (e) => consoleErrors.push(e.message));
const text = (sel) => page.locator(sel).first().innerText();
async function open(hash) {
  await page.goto(`${base}/${hash}`);
  await page.waitForSelector('#app[aria-busy="false"]', { timeout: 15000 });
}
const shot = (name) => page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
const started = Date.now();

try {
  // Overview: the counters and the timeline add up to the database's facts.
  await open('#/');
  eq(await text('[data-testid=stat-documents]'), fmt(truth.documents), 'overview documents');
  eq(await text('[data-testid=stat-events]'), fmt(truth.events), 'overview events');
  eq(await text('[data-testid=stat-unflagged]'), fmt(truth.unflagged_events), 'overview unflagged events');
  eq(await text('[data-testid=stat-dates]'), `${truth.first_date} – ${truth.last_date}`, 'overview date range');
  for (let q = 1; q <= 4; q++) eq(await text(`[data-testid=stat-quad-${q}]`), fmt(truth.quad_counts[q - 1]), `overview quad ${q}`);
  const bars = await page.locator('[data-testid=timeline-bar]').evaluateAll((els) => els.map((e) => +e.dataset.total));
  eq(bars.length, 24, 'timeline has one bar per month of 2024-2025');
  eq(bars.reduce((a, b) => a + b, 0), truth.unflagged_events, 'timeline bars sum to the unflagged events');
  check((await page.locator('[data-testid=top-dyad]').count()) > 0, 'overview lists top dyads');
  await shot('overview');

  // Dyad explorer: both directions, totals and mean Goldstein; a bar click lists its events and a
  // click on one shows the highlighted sentence.
  const d = truth.dyad;
  await open(`#/dyad?a=${d.a}&b=${d.b}`);
  eq(await text('[data-testid=dyad-total-ab]'), fmt(d.ab_events), `${d.a}→${d.b} events`);
  eq(await text('[data-testid=dyad-total-ba]'), fmt(d.ba_events), `${d.b}→${d.a} events`);
  eq(await text('[data-testid=dyad-goldstein-ab]'), fmtG(d.ab_goldstein), `${d.a}→${d.b} mean Goldstein`);
  eq(await text('[data-testid=dyad-goldstein-ba]'), fmtG(d.ba_goldstein), `${d.b}→${d.a} mean Goldstein`);
  const abBars = page.locator('[data-testid=dyad-bar][data-dir=ab]:not([data-total="0"])');
  const barTotal = +(await abBars.first().getAttribute('data-total'));
  await shot('dyad');
  await abBars.first().click();
  await page.waitForSelector('[data-testid=period-event]');
  await page.waitForSelector('#app[aria-busy="false"]');
  eq(await page.locator('[data-testid=period-event]').count(), barTotal, 'bar click lists as many events as the bar counts');
  check(page.url().includes('period='), 'the selected period is in the URL');
  await page.locator('[data-testid=event-link]').first().click();
  await page.waitForSelector('[data-testid=sentence] mark');
  const marks = await page.locator('[data-testid=sentence] mark').evaluateAll((els) => els.map((e) => [e.dataset.role, e.innerText]));
  eq(marks.map((m) => m[0]).join(','), 'source,predicate,target', 'event detail highlights source, predicate, target');
  const sources = await text('[data-testid=sources]');
  check(sources.startsWith(d.a) || sources.startsWith(d.b), `event from the dyad chart has a ${d.a}/${d.b} source (${sources})`);
  await shot('dyad-event');

  // Event detail of a known event: exact spans and the pattern.
  const se = truth.sample_event;
  await open(`#/document/${se.document}`);
  check((await text('[data-testid=document-text]')).includes(`${se.source_text} ${se.predicate} ${se.target_text}`), 'document view shows the text');
  await page.locator('[data-testid=event-row] a').first().click();
  await page.waitForSelector('[data-testid=sentence] mark');
  const m2 = await page.locator('[data-testid=sentence] mark').allInnerTexts();
  eq(m2.join('|'), `${se.source_text}|${se.predicate}|${se.target_text}`, 'highlighted spans are the coded words');
  eq(await text('[data-testid=pattern]'), se.pattern, 'event detail names the pattern');
  await page.locator('[data-testid=document-link]').click();
  await page.waitForSelector('[data-testid=document-text]');
  check(page.url().includes(`#/document/${se.document}`), 'event detail links to its document');
  await shot('event-detail');

  // Network: the cytoscape canvas and the edge table; the US→China edge counts match.
  await open('#/network');
  check((await page.locator('[data-testid=network-graph] canvas').count()) > 0, 'network draws a cytoscape canvas');
  const edges = await page.locator('[data-testid=edge-row]').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.innerText)));
  const usch = edges.find((e) => e[0] === 'USAGOV' && e[1] === 'CHNGOV');
  check(!!usch, 'network has the USAGOV→CHNGOV edge');
  if (usch) eq(+usch[2].replace(/,/g, '') + +usch[3].replace(/,/g, ''), d.ab_events, 'USAGOV→CHNGOV cooperation + conflict');
  await shot('network');

  // Map: the busiest place and its count.
  await open('#/map');
  check((await page.locator('svg.map path.country').count()) > 100, 'map draws the world');
  const place = page.locator('[data-testid=place-row]').first();
  const cells = await place.locator('td').allInnerTexts();
  eq(cells[0], truth.top_place, 'busiest place');
  eq(cells[2], fmt(truth.top_place_events), 'busiest place event count');
  eq(+(await page.locator(`circle.place[data-name="${truth.top_place}"]`).getAttribute('data-count')), truth.top_place_events, 'its circle');
  await shot('map');

  // Event list with filters (state in the URL).
  await open('#/events?actor=USA&quad=4');
  const rows = await page.locator('[data-testid=event-row]').evaluateAll((rs) => rs.map((r) => [...r.cells].map((c) => c.innerText)));
  check(rows.length > 0, `event list shows ${rows.length} rows for actor=USA&quad=4`);
  check(rows.every((r) => (r[1].startsWith('USA') || r[3].startsWith('USA')) && r[4] === '4'), 'every row matches the filters');
  eq(await page.locator('select[name=quad]').inputValue(), '4', 'filter form reflects the URL');
  await shot('events');

  // Full-text search.
  await open(`#/search?q=${truth.search.q}`);
  const results = page.locator('[data-testid=search-result]');
  eq(await results.count(), 1, 'search finds one document');
  eq(await results.first().locator('td').nth(1).innerText(), truth.search.title, 'search result title');
  eq(await results.first().locator('mark').first().innerText(), truth.search.q, 'search snippet marks the match');
  await shot('search');

  // Bad URL parameters: an error message, never a blank page.
  for (const [hash, param] of [['#/events?quad=9', 'quad'], ['#/events?from=yesterday', 'from'], ['#/event/abc', 'id'],
    ['#/dyad?a=USA&b=CHN&by=year', 'by'], ['#/map?quad=x', 'quad'], ['#/network?top=0', 'top'], ['#/events?acter=USA', 'acter'], ['#/nowhere', '']]) {
    await open(hash);
    const err = page.locator('[data-testid=error]');
    const shown = (await err.count()) > 0 ? await err.innerText() : '';
    check(shown.startsWith('Error') && shown.includes(param), `${hash} shows an error naming '${param}': ${JSON.stringify(shown)}`);
  }
  await shot('bad-parameter');

  // Phone width: no horizontal scrolling of the page, and the sentence still shows.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const hash of ['#/', `#/dyad?a=${d.a}&b=${d.b}`, '#/events', '#/map']) {
    await open(hash);
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    check(w <= 391, `${hash} fits a 390 px phone (${w} px wide)`);
  }
  await shot('phone-map');
  await open(`#/document/${se.document}`);
  await shot('phone-document');
  eq(consoleErrors.join('; '), '', 'no uncaught page errors');

  // Transfer sizes as the browser counts them (encoded bytes, API answers excluded), for a first
  // load with an empty cache. The budget is 500 KB. Only the network and map pages load more than
  // the main bundle (their libraries are split off), so those three cover every page.
  for (const hash of ['#/', '#/network', '#/map']) {
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await fresh.newPage();
    await p.goto(`${base}/${hash}`);
    await p.waitForSelector('#app[aria-busy="false"]', { timeout: 15000 });
    const bytes = await p.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource').filter((r) => !new URL(r.name).pathname.startsWith('/api/'));
      return nav.encodedBodySize + res.reduce((a, r) => a + r.encodedBodySize, 0);
    });
    check(bytes <= 500 * 1024, `first load of ${hash}: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB) compressed, without API answers`);
    await fresh.close();
  }
} catch (e) {
  console.log('FAIL ' + (e && e.stack ? e.stack : e));
  failures++;
  await shot('failure').catch(() => {});
} finally {
  await browser.close();
}
console.log(`${failures ? 'FAILED' : 'PASSED'}: ${failures} failure(s) in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${out}`);
process.exit(failures ? 1 : 0);
