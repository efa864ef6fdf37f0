// asr.test.js - transcription of references through --asr-url against a
// stand-in OpenAI-compatible transcription server (node http, in this
// file): POST /voices and POST /tts without ref_text get the transcript
// (the request carries the clip as `file` and `model`), transcripts are
// cached by audio hash (the same bytes never reach the server twice), and
// the failure cases answer clearly: the server's error (502 asr_failed with
// its message), an answer without text (502), a server slower than
// --asr-timeout (504 asr_timeout, within the timeout), an unreachable URL
// (502), and no --asr-url at all (422 ref_text_required, tested in
// voices.test.js).
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const h = require('./lib/harness');

// The stand-in: mode decides the answer; every request is recorded.
const asr = { mode: 'ok', calls: [], delayMs: 3000 };
const TRANSCRIPT = 'xin chào các bạn, đây là giọng mẫu';
function standIn() {
  return http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      asr.calls.push({ url: req.url, method: req.method, type: req.headers['content-type'] || '', body, auth: req.headers.authorization });
      const send = (status, obj) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(obj));
      };
      if (req.method !== 'POST' || req.url !== '/v1/audio/transcriptions') return send(404, { error: { message: 'no route' } });
      if (asr.mode === 'ok') return send(200, { text: `  ${TRANSCRIPT}\n` });
      if (asr.mode === 'error') return send(500, { error: { message: 'the model exploded', type: 'server_error' } });
      if (asr.mode === 'notext') return send(200, { segments: [] });
      if (asr.mode === 'slow') { const t = setTimeout(() => send(200, { text: 'too late' }), asr.delayMs); res.on('close', () => clearTimeout(t)); }
    });
  });
}
// A part of a multipart body by name: its bytes.
function part(call, name) {
  const m = /boundary=(.+)$/.exec(call.type);
  const sep = Buffer.from(`--${m[1]}`);
  let i = call.body.indexOf(sep);
  while (i >= 0) {
    const j = call.body.indexOf(sep, i + sep.length);
    if (j < 0) break;
    const p = call.body.subarray(i + sep.length, j);
    const he = p.indexOf('\r\n\r\n');
    if (p.subarray(0, he).toString().includes(`name="${name}"`)) return p.subarray(he + 4, p.length - 2);
    i = j;
  }
  return null;
}

let srv, stand, standPort;
before(async () => {
  stand = standIn();
  await new Promise((r) => stand.listen(0, '127.0.0.1', r));
  standPort = stand.address().port;
  srv = await h.startServer({ args: ['--no-warmup', '--asr-url', `http://127.0.0.1:${standPort}`, '--asr-timeout', '1'] });
});
after(async () => {
  if (srv) assert.equal((await h.stopServer(srv)).code, 0);
  stand.closeAllConnections();
  await new Promise((r) => stand.close(r));
});

function enrol(fields) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields))
    if (Buffer.isBuffer(v)) fd.append(k, new Blob([v], { type: 'audio/wav' }), 'clip.wav');
    else fd.append(k, v);
  return fetch(`${srv.base}/voices`, { method: 'POST', body: fd });
}

describe('reference transcription through --asr-url', () => {
  it('POST /voices without ref_text is transcribed; the same bytes again come from the cache', async () => {
    asr.mode = 'ok';
    asr.calls = [];
    const clip = h.refWav(2.4);
    const r = await enrol({ name: 'auto', audio: clip });
    const v = await r.json();
    assert.equal(r.status, 201, JSON.stringify(v));
    assert.equal(v.ref_text, TRANSCRIPT, 'trimmed');
    assert.equal(v.ref_text_from_asr, true);
    assert.equal(v.transcript_cached, false);
    assert.equal(asr.calls.length, 1);
    assert.match(asr.calls[0].type, /^multipart\/form-data; boundary=/);
    assert.ok(part(asr.calls[0], 'file').equals(clip), 'the clip bytes are sent as `file`');
    assert.equal(part(asr.calls[0], 'model').toString(), 'whisper-1');
    const again = await (await enrol({ name: 'auto-2', audio: clip, ref_text: '  ' })).json();
    assert.equal(again.ref_text, TRANSCRIPT);
    assert.equal(again.transcript_cached, true);
    assert.equal(asr.calls.length, 1, 'served from the transcript cache');
  });

  it('POST /tts with an upload and no ref_text synthesises with the transcript', async () => {
    asr.mode = 'ok';
    asr.calls = [];
    const r = await h.tts(srv, { text: 'Hello.', voice: h.refWav(1.9), nfe_step: 4 });
    const b = Buffer.from(await r.arrayBuffer());
    assert.equal(r.status, 200, b.toString().slice(0, 300));
    assert.equal(b.subarray(0, 4).toString(), 'RIFF');
    assert.equal(asr.calls.length, 1);
    const line = srv.logs.find((l) => l.event === 'asr' && l.cached === false);
    assert.ok(line, 'asr log line');
    assert.ok(!JSON.stringify(line).includes(TRANSCRIPT), 'the transcript is not logged');
  });

  it('the server\'s error, an answer without text, and a timeout are clear errors', async () => {
    asr.mode = 'error';
    let r = await enrol({ name: 'e1', audio: h.refWav(2.5) });
    let e = (await r.json()).error;
    assert.equal(r.status, 502);
    assert.equal(e.code, 'asr_failed');
    assert.match(e.message, /HTTP 500: the model exploded/);
    assert.match(e.message, new RegExp(`127.0.0.1:${standPort}/v1/audio/transcriptions`));
    asr.mode = 'notext';
    r = await enrol({ name: 'e2', audio: h.refWav(2.6) });
    e = (await r.json()).error;
    assert.equal(r.status, 502);
    assert.match(e.message, /no \(non-empty\) "text"/);
    asr.mode = 'slow';
    const t0 = Date.now();
    r = await h.tts(srv, { text: 'Hello.', voice: h.refWav(2.7), nfe_step: 4 });
    e = (await r.json()).error;
    const ms = Date.now() - t0;
    assert.equal(r.status, 504);
    assert.equal(e.code, 'asr_timeout');
    assert.match(e.message, /timed out after 1 s/);
    assert.ok(ms >= 900 && ms < 2500, `answered after ${ms} ms (timeout 1 s, stand-in 3 s)`);
    // failures are not cached: the same clip works once the server recovers
    asr.mode = 'ok';
    r = await enrol({ name: 'e1', audio: h.refWav(2.5) });
    assert.equal(r.status, 201);
  });

  it('an unreachable --asr-url is 502 asr_failed', async () => {
    const dead = await h.freePort();
    const s2 = await h.startServer({ args: ['--no-warmup', '--asr-url', `http://127.0.0.1:${dead}/v1`] });
    try {
      const fd = new FormData();
      fd.append('name', 'x');
      fd.append('audio', new Blob([h.refWav(2.0)]), 'a.wav');
      const r = await fetch(`${s2.base}/voices`, { method: 'POST', body: fd });
      const e = (await r.json()).error;
      assert.equal(r.status, 502);
      assert.equal(e.code, 'asr_failed');
      assert.match(e.message, new RegExp(`127.0.0.1:${dead}/v1/audio/transcriptions failed`));
    } finally {
      assert.equal((await h.stopServer(s2)).code, 0);
    }
  });
});
