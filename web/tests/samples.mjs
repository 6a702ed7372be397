// The dashboard over the ingested sample corpus: node samples.mjs BASE OUT CHROMIUM. Every expected
// value comes from OUT/samples-truth.json, which run-browser-test.sh reads from the database with
// sqlite3 (web/tests/samples-truth.sql): counts, the first page of the event list, an event's
// sentence and highlighted spans, a dyad's totals, mean Goldstein and month bars, and the event a
// click from the dyad chart leads to.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [base, out, exe] = process.argv.slice(2);
const truth = JSON.parse(readFileSync(`${out}/samples-truth.json`, 'utf8'));
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} samples: ${what}`);
  if (!ok) failures++;
}
function eq(actual, expected, what) {
  const a = JSON.stringify(actual), e = JSON.stringify(expected);
  check(a === e, `${what}: ${a} ${a === e ? '==' : '!='} ${e}`);
}
const fmt = (n) => Number(n).toLocaleString('en-US');
const fmtG = (x) => (x >= 0 ? '+' : '') + Number(x).toFixed(2);
const browser = await chromium.launch({ executablePath: exe, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const open = async (hash) => {
    await page.goto(`${base}/${hash}`);
    await page.waitForSelector('#app[aria-busy="false"]', { timeout: 15000 });
  };
  const text = (sel) => page.locator(sel).first().innerText();
  // The sentence of an event detail page and its highlighted spans, in text order.
  const marks = () => page.locator('[data-testid=sentence] mark').evaluateAll((els) => els.map((e) => [e.dataset.role, e.innerText]));

  await open('#/');
  eq(await text('[data-testid=stat-documents]'), fmt(truth.documents), 'overview documents');
  eq(await text('[data-testid=stat-events]'), fmt(truth.events), 'overview events');
  await page.screenshot({ path: `${out}/samples-overview.png`, fullPage: true });

  // Event list: the first page is the DB's first 50 unflagged events by date, with their actors.
  await open('#/events');
  const rows = await page.locator('[data-testid=event-row]').evaluateAll((rs) => rs.map((r) => {
    const c = [...r.cells].map((x) => x.innerText.trim());
    return { id: +r.dataset.id, date: c[0], cameo: c[2], sources: c[1], targets: c[3] };
  }));
  eq(rows.length, Math.min(50, truth.plain_events), 'event list rows on the first page');
  eq(rows, truth.list, 'event list rows (id, date, sources, CAMEO, targets) equal the database');
  check(truth.plain_events <= 50 || (await page.locator('[data-testid=next]').count()) === 1, 'event list offers a next page');
  await page.screenshot({ path: `${out}/samples-events.png`, fullPage: true });

  // Event detail: the sentence and the source, predicate and target spans stored for the event.
  const d = truth.detail;
  await open(`#/event/${d.id}`);
  eq(await text('[data-testid=sentence]'), d.sentence, `event ${d.id} sentence`);
  eq(await marks(), [['source', d.source], ['predicate', d.predicate], ['target', d.target]], `event ${d.id} highlighted spans`);
  eq(await text('[data-testid=pattern]'), d.pattern, `event ${d.id} pattern`);
  check((await text('[data-testid=cameo]')).startsWith(d.cameo), `event ${d.id} CAMEO code ${d.cameo}`);
  await page.screenshot({ path: `${out}/samples-event.png`, fullPage: true });

  // Dyad: totals, mean Goldstein and month bars both ways; a bar click lists its events and the
  // first one opens on its highlighted sentence.
  const y = truth.dyad;
  await open(`#/dyad?a=${y.a}&b=${y.b}`);
  eq(await text('[data-testid=dyad-total-ab]'), fmt(y.ab_events), `dyad ${y.a}→${y.b} events`);
  eq(await text('[data-testid=dyad-total-ba]'), fmt(y.ba_events), `dyad ${y.b}→${y.a} events`);
  eq(await text('[data-testid=dyad-goldstein-ab]'), fmtG(y.ab_goldstein), `dyad ${y.a}→${y.b} mean Goldstein`);
  eq(await text('[data-testid=dyad-goldstein-ba]'), fmtG(y.ba_goldstein), `dyad ${y.b}→${y.a} mean Goldstein`);
  const bars = page.locator('[data-testid=dyad-bar][data-dir=ab]:not([data-total="0"])');
  eq(await bars.evaluateAll((els) => els.map((e) => +e.dataset.total)), y.ab_months.map((m) => m.total), `dyad ${y.a}→${y.b} month bars`);
  await page.screenshot({ path: `${out}/samples-dyad.png`, fullPage: true });
  await bars.first().click();
  await page.waitForSelector('[data-testid=period-event]');
  await page.waitForSelector('#app[aria-busy="false"]');
  eq(await page.locator('[data-testid=period-event]').count(), y.ab_months[0].total, `dyad bar ${y.ab_months[0].period} lists its events`);
  await page.locator('[data-testid=event-link]').first().click();
  await page.waitForSelector('[data-testid=sentence] mark');
  check(page.url().endsWith(`#/event/${y.first_event.id}`), `dyad click opens event ${y.first_event.id} (${page.url()})`);
  eq(await text('[data-testid=sentence]'), y.first_event.sentence, 'dyad click shows the event sentence');
  eq((await marks()).filter((m) => m[0] === 'predicate').map((m) => m[1]), [y.first_event.predicate], 'dyad click highlights the predicate');
  await page.screenshot({ path: `${out}/samples-dyad-event.png`, fullPage: true });

  const doc = truth.document;
  await open(`#/document/${encodeURIComponent(doc.id)}`);
  eq(await text('[data-testid=document-title]'), doc.title || doc.id, 'document title');
  await page.screenshot({ path: `${out}/samples-document.png`, fullPage: true });
  await open('#/search');
  eq(await page.locator('[data-testid=search-result]').count(), Math.min(50, truth.documents), 'search without words lists the documents');
} catch (e) {
  console.log('FAIL samples: ' + (e && e.stack ? e.stack : e));
  failures++;
} finally {
  await browser.close();
}
console.log(`samples: ${failures ? 'FAILED' : 'PASSED'} (${failures} failure(s))`);
process.exit(failures ? 1 : 0);
