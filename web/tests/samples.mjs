// The dashboard over the ingested sample corpus: node samples.mjs BASE OUT CHROMIUM DOCUMENTS
// EVENTS DOC_ID DOC_TITLE, the counts and the document read from the database with sqlite3.
import { chromium } from 'playwright-core';

const [base, out, exe, documents, events, docId, docTitle] = process.argv.slice(2);
let failures = 0;
function eq(actual, expected, what) {
  const ok = actual === expected;
  console.log(`${ok ? 'ok  ' : 'FAIL'} samples: ${what}: ${JSON.stringify(actual)} ${ok ? '==' : '!='} ${JSON.stringify(expected)}`);
  if (!ok) failures++;
}
const fmt = (n) => Number(n).toLocaleString('en-US');
const browser = await chromium.launch({ executablePath: exe, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const open = async (hash) => {
    await page.goto(`${base}/${hash}`);
    await page.waitForSelector('#app[aria-busy="false"]', { timeout: 15000 });
  };
  await open('#/');
  eq(await page.locator('[data-testid=stat-documents]').innerText(), fmt(documents), 'overview documents');
  eq(await page.locator('[data-testid=stat-events]').innerText(), fmt(events), 'overview events');
  await page.screenshot({ path: `${out}/samples-overview.png`, fullPage: true });
  await open(`#/document/${encodeURIComponent(docId)}`);
  eq(await page.locator('[data-testid=document-title]').innerText(), docTitle || docId, 'document title');
  await page.screenshot({ path: `${out}/samples-document.png`, fullPage: true });
  await open('#/search');
  eq(await page.locator('[data-testid=search-result]').count(), Math.min(50, +documents), 'search without words lists the documents');
} catch (e) {
  console.log('FAIL samples: ' + (e && e.stack ? e.stack : e));
  failures++;
} finally {
  await browser.close();
}
console.log(`samples: ${failures ? 'FAILED' : 'PASSED'} (${failures} failure(s))`);
process.exit(failures ? 1 : 0);
