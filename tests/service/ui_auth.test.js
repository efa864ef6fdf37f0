// ui_auth.test.js - the web UI against a server that requires API keys, in
// headless Debian Chromium (playwright-core): the page asks for a key on the
// 401, keeps it in localStorage, sends it as a Bearer token (the job's
// events and audio are fetched with it), asks again when the key is
// rejected; against a keyless loopback server it shows the auth-off warning.
'use strict';
const { it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./lib/harness');

let srv, open, browser, key;
before(async () => {
  const { chromium } = require('playwright-core');
  const data = h.tmpDir('f5uiauth-');
  const r = spawnSync(h.BIN, ['keys', 'add', 'browser', '--data', data], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  key = r.stdout.trim();
  srv = await h.startServer({ data });
  open = await h.startServer({});
  browser = await chromium.launchPersistentContext(h.tmpDir('f5uiprof-'), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport: { width: 390, height: 844 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  if (browser) await browser.close();
  if (srv) await h.stopServer(srv);
  if (open) await h.stopServer(open);
});

it('asks for the key on 401, keeps it, synthesises with it as Bearer, asks again when it is rejected', async () => {
  const page = await browser.newPage();
  const errors = [], auths = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (rq) => { if (/\/(tts|jobs\/)/.test(rq.url())) auths.push([rq.url(), rq.headers().authorization || '']); });
  await page.goto(srv.base + '/');
  await page.waitForSelector('#key-box:not([hidden])');
  assert.match(await page.textContent('#key-msg'), /needs an API key/);
  await page.fill('#api-key', key);
  await page.click('#key-save');
  await page.waitForSelector('#key-box', { state: 'hidden' });
  assert.equal(await page.evaluate(() => localStorage.getItem('f5-api-key')), key);
  const wav = path.join(h.OUT, 'ui-auth-ref.wav');
  fs.writeFileSync(wav, h.refWav(1.5));
  await page.setInputFiles('#voice', wav);
  await page.fill('#ref-text', h.REF_TEXT);
  await page.fill('#text', 'Hello with a key.');
  await page.click('details summary');
  await page.fill('#nfe', '4');
  await page.click('#go');
  await page.waitForSelector('#player:not([hidden])', { timeout: 300000 });
  assert.match(await page.getAttribute('#player', 'src'), /^blob:/);
  const duration = await page.evaluate(async () => {
    const a = document.getElementById('player');
    if (a.readyState < 1) await new Promise((r, j) => { a.onloadedmetadata = r; a.onerror = () => j(new Error('audio error')); });
    return a.duration;
  });
  assert.ok(duration > 0, `audio duration ${duration}`);
  assert.equal(await page.isVisible('#error'), false, await page.textContent('#error'));
  const urls = auths.map((a) => a[0]);
  assert.ok(urls.some((u) => u.endsWith('/tts')) && urls.some((u) => u.endsWith('/events')) && urls.some((u) => u.endsWith('/audio')), urls.join(' '));
  for (const [u, a] of auths) assert.equal(a, `Bearer ${key}`, `${u} sent the key`);
  await page.screenshot({ path: path.join(h.OUT, 'ui-auth-result.png'), fullPage: true });
  // kept over a reload: no prompt
  await page.reload();
  await page.waitForSelector('#version:not(:empty)');
  await h.sleep(500);
  assert.equal(await page.isVisible('#key-box'), false);
  // a rejected key: asked again, saying so
  await page.evaluate(() => localStorage.setItem('f5-api-key', 'f5k_revoked-or-wrong'));
  await page.reload();
  await page.waitForSelector('#key-box:not([hidden])');
  assert.match(await page.textContent('#key-msg'), /not accepted/);
  await page.screenshot({ path: path.join(h.OUT, 'ui-auth-rejected.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

it('on a keyless loopback server the page warns that auth is off and asks for no key', async () => {
  const page = await browser.newPage();
  await page.goto(open.base + '/');
  await page.waitForSelector('#auth-off:not([hidden])');
  assert.match(await page.textContent('#auth-off'), /auth is off/);
  assert.equal(await page.isVisible('#key-box'), false);
});
