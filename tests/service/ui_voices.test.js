// ui_voices.test.js - the web UI's speaker library in headless Debian
// Chromium (playwright-core): save the current reference as a voice (its
// quality report shown: clean, then a clipped clip's warning), the saved
// voices list, play a voice's sample (the stored clip, decoded by the
// browser), synthesise with a saved voice (the form sends voice_id, not the
// upload), delete a voice; with a key, the list follows the key.
'use strict';
const { it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const h = require('./lib/harness');

function wav(seconds, amp) {
  const rate = 24000, n = Math.round(seconds * rate), b = Buffer.alloc(44 + n * 2);
  b.write('RIFF', 0); b.writeUInt32LE(36 + n * 2, 4); b.write('WAVEfmt ', 8); b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); b.writeUInt16LE(1, 22); b.writeUInt32LE(rate, 24); b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32); b.writeUInt16LE(16, 34); b.write('data', 36); b.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) {
    const t = i / rate, ph = t % 2.4, syl = t % 0.25;
    const x = ph < 2 && syl < 0.2 ? amp * Math.sin(Math.PI * syl / 0.2) * Math.sin(2 * Math.PI * 150 * t) : 0;
    b.writeInt16LE(Math.round(Math.max(-1, Math.min(1, x)) * 32767), 44 + i * 2);
  }
  return b;
}

let srv, browser;
before(async () => {
  const { chromium } = require('playwright-core');
  srv = await h.startServer({ args: ['--no-warmup', '--nfe', '4'] });
  browser = await chromium.launchPersistentContext(h.tmpDir('f5uiv-'), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    viewport: { width: 390, height: 844 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
});
after(async () => {
  if (browser) await browser.close();
  if (srv) await h.stopServer(srv);
});

it('saves, lists, plays, uses and deletes saved voices, with the quality report', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST') posts.push({ url: r.url(), body: r.postDataBuffer() }); });
  await page.goto(srv.base + '/');
  assert.equal(await page.$$eval('#saved-voice option', (o) => o.length), 1, 'empty library');
  assert.equal(await page.isDisabled('#voice-play'), true);

  // save the uploaded clip as a voice
  await page.setInputFiles('#voice', { name: 'clean.wav', mimeType: 'audio/wav', buffer: wav(6, 0.5) });
  await page.fill('#ref-text', 'Xin chào các bạn.');
  await page.click('#voice-save');
  await page.waitForSelector('#error:not([hidden])').then(() => {}, () => {});
  assert.equal(await page.textContent('#error'), 'Give the voice a name.');
  await page.fill('#voice-name', 'Chị Lan');
  await page.click('#voice-save');
  await page.waitForSelector('#quality:not([hidden]) .q-ok');
  assert.match(await page.textContent('#quality'), /Quality: good – 6\.0 s · loudness -\d+\.\d dBFS · SNR \d+ dB · clipping 0\.00%/);
  assert.equal(await page.$$eval('#saved-voice option', (o) => o.length), 2);
  const id = await page.$eval('#saved-voice', (s) => s.value);
  assert.match(id, /^v_[0-9a-f]{24}$/, 'the new voice is selected');
  assert.match(await page.$eval('#saved-voice', (s) => s.options[s.selectedIndex].textContent), /^Chị Lan \(6\.0 s\)$/);

  // a clipped clip: saved with its warning shown
  await page.setInputFiles('#voice', { name: 'hot.wav', mimeType: 'audio/wav', buffer: wav(5, 4.0) });
  assert.equal(await page.$eval('#saved-voice', (s) => s.value), '', 'a new upload replaces the selection');
  await page.fill('#ref-text', 'một hai ba');
  await page.fill('#voice-name', 'Hot');
  await page.click('#voice-save');
  await page.waitForSelector('#quality .q-warn');
  assert.equal(await page.$eval('#quality li', (li) => li.dataset.code), 'clipping');
  assert.match(await page.textContent('#quality li'), /full scale/);
  assert.match(await page.$eval('#saved-voice', (s) => s.options[s.selectedIndex].textContent), /Hot \(5\.0 s, ⚠\)/);

  // play the first voice's sample: the browser decodes the stored clip
  await page.selectOption('#saved-voice', id);
  assert.equal(await page.inputValue('#ref-text'), 'Xin chào các bạn.', 'its transcript is shown');
  assert.match(await page.textContent('#quality'), /Quality: good/);
  await page.click('#voice-play');
  await page.waitForSelector('#saved-preview:not([hidden])');
  const dur = await page.$eval('#saved-preview', (a) => new Promise((res) => {
    if (a.readyState >= 1) res(a.duration); else a.addEventListener('loadedmetadata', () => res(a.duration));
  }));
  assert.ok(Math.abs(dur - 6) < 0.05, `sample plays ${dur} s`);

  // synthesise with the saved voice
  posts.length = 0;
  await page.fill('#text', 'Xin chào.');
  await page.click('#go');
  await page.waitForSelector('#player:not([hidden])', { timeout: 120000 });
  const tts = posts.find((p) => p.url.endsWith('/tts'));
  assert.ok(tts, 'POST /tts sent');
  const body = tts.body.toString('latin1');
  assert.ok(body.includes('name="voice_id"') && body.includes(id), 'the form sends voice_id');
  assert.ok(!body.includes('name="voice";'), 'and no upload');
  await page.screenshot({ path: path.join(h.OUT, 'ui-voices.png'), fullPage: true });

  // delete it
  await page.click('#voice-delete');
  for (let i = 0; i < 100 && (await page.$$eval('#saved-voice option', (o) => o.length)) !== 2; i++) await h.sleep(50);
  const names = await page.$$eval('#saved-voice option', (o) => o.map((x) => x.textContent));
  assert.ok(!names.some((n) => n.startsWith('Chị Lan')), names.join(','));
  assert.equal((await fetch(`${srv.base}/voices/${id}`)).status, 404);
  await page.click('#lang');
  assert.equal(await page.textContent('#voice-save'), 'Lưu giọng');
  assert.equal(await page.getAttribute('#voice-name', 'placeholder'), 'Tên giọng');
  assert.deepEqual(errors, []);
});
