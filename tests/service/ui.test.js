// ui.test.js - the web UI in headless Debian Chromium (playwright-core):
// upload a reference, type text, synthesise, watch the progress bar, get a
// playable audio element and a download link. Screenshots go to the build dir.
'use strict';
const { it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./lib/harness');

let srv, browser, chromium;
before(async () => {
  ({ chromium } = require('playwright-core'));
  srv = await h.startServer();
  const profile = h.tmpDir('f5ui-');
  // a fresh --user-data-dir (playwright passes it for a persistent context)
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    viewport: { width: 390, height: 844 }, // phone-sized
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  if (browser) await browser.close();
  if (srv) await h.stopServer(srv);
});

it('synthesises from the web page with progress and playable audio', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(srv.base + '/');
  await page.waitForSelector('#test-model:not([hidden])'); // the test model is labelled as such
  const wav = path.join(h.OUT, 'ui-ref.wav');
  fs.writeFileSync(wav, h.refWav(2));
  await page.setInputFiles('#voice', wav);
  await page.fill('#ref-text', h.REF_TEXT);
  await page.fill('#text', h.longText(3));
  assert.equal(await page.textContent('#count'), String([...h.longText(3)].length));
  await page.click('details summary');
  await page.fill('#nfe', '16');
  // record every progress value the bar shows
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => window.__progress.push(Number(document.getElementById('progress').value)))
      .observe(document.getElementById('progress'), { attributes: true });
    const p = document.getElementById('progress');
    const desc = Object.getOwnPropertyDescriptor(HTMLProgressElement.prototype, 'value');
    Object.defineProperty(p, 'value', { get() { return desc.get.call(this); },
      set(v) { window.__progress.push(Number(v)); desc.set.call(this, v); } });
  });
  await page.click('#go');
  await page.waitForSelector('#player:not([hidden])', { timeout: 300000 });
  const progress = await page.evaluate(() => window.__progress);
  assert.ok(progress.some((p) => p > 0 && p < 1), `intermediate progress shown: ${progress.join(',')}`);
  assert.equal(progress[progress.length - 1], 1);
  const src = await page.getAttribute('#player', 'src');
  assert.match(src, /^\/jobs\/[0-9a-f]{32}\/audio$/);
  const playable = await page.evaluate(async () => {
    const a = document.getElementById('player');
    if (a.readyState < 1) await new Promise((r, j) => { a.onloadedmetadata = r; a.onerror = () => j(new Error('audio error')); });
    return a.duration;
  });
  assert.ok(playable > 0, `audio duration ${playable}`);
  assert.ok(await page.isVisible('#download'));
  assert.equal(await page.isVisible('#error'), false);
  await page.screenshot({ path: path.join(h.OUT, 'ui-result.png'), fullPage: true });
  // the Vietnamese labels
  await page.click('#lang');
  assert.equal(await page.textContent('#go'), 'Tạo giọng nói');
  // a clear error message for a bad submission
  await page.fill('#ref-text', '');
  await page.click('#go');
  assert.match(await page.textContent('#error'), /giọng mẫu/);
  assert.equal(await page.isVisible('#download'), false, 'a failed submission hides the old result');
  await page.screenshot({ path: path.join(h.OUT, 'ui-error-vi.png'), fullPage: true });
  assert.deepEqual(errors, []);
});
