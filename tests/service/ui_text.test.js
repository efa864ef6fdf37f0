// ui_text.test.js - the web UI's normalised-text preview in headless Debian
// Chromium (playwright-core): the button shows POST /normalize's sentences,
// an empty text and an over-long text give clear errors.
'use strict';
const { it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const h = require('./lib/harness');

let srv, browser;
before(async () => {
  const { chromium } = require('playwright-core');
  srv = await h.startServer({ args: ['--max-text-chars', '300'] });
  browser = await chromium.launchPersistentContext(h.tmpDir('f5uit-'), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    viewport: { width: 390, height: 844 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  if (browser) await browser.close();
  if (srv) await h.stopServer(srv);
});

it('previews the normalised text, one sentence per line, with errors for bad input', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(srv.base + '/');
  assert.equal(await page.isVisible('#norm-preview'), false);
  await page.fill('#text', 'Lớp học có 35 học viên. Thư viện mở cửa.');
  await page.click('#preview');
  await page.waitForSelector('#norm-preview:not([hidden])');
  assert.equal(await page.textContent('#norm-preview'), 'lớp học có ba mươi lăm học viên.\nthư viện mở cửa.');
  await page.screenshot({ path: path.join(h.OUT, 'ui-normalize.png'), fullPage: true });
  await page.fill('#text', 'ă'.repeat(301));
  await page.click('#preview');
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error'), /301 characters, the limit is 300/);
  await page.fill('#text', '   ');
  await page.click('#preview');
  assert.equal(await page.textContent('#error'), 'Please type some text.');
  await page.click('#lang');
  assert.equal(await page.textContent('#preview'), 'Xem trước văn bản đã chuẩn hoá');
  assert.deepEqual(errors, []);
});
