// voices.test.js - the speaker library end to end against `f5tts serve`:
// POST /voices (quality report on a clean, a clipped and a noise clip),
// dedup of identical uploads, GET /voices, GET /voices/{id} and its audio,
// synthesis by voice_id and by name through POST /tts (prepared at
// enrolment: even the first one hits the reference cache), PATCH (rename, transcript), DELETE, ownership between two keys
// (another key's voice is 404 everywhere, admin sees all, a tts-only key
// may read and use but not create), --strict-voices, and the
// `f5tts voices add|list|rm` CLI on the same data directory.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./lib/harness');

// 16-bit mono WAV at 24 kHz from a sample function f(t) in [-1, 1] (clamped).
function wav(seconds, f) {
  const rate = 24000, n = Math.round(seconds * rate), b = Buffer.alloc(44 + n * 2);
  b.write('RIFF', 0); b.writeUInt32LE(36 + n * 2, 4); b.write('WAVEfmt ', 8); b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); b.writeUInt16LE(1, 22); b.writeUInt32LE(rate, 24); b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32); b.writeUInt16LE(16, 34); b.write('data', 36); b.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) {
    const x = Math.max(-1, Math.min(1, f(i / rate)));
    b.writeInt16LE(Math.round(x * 32767), 44 + i * 2);
  }
  return b;
}
// syllables (200 ms voiced, 50 ms gap) in 2 s phrases with 400 ms pauses
const speech = (amp) => (t) => {
  const ph = t % 2.4, syl = t % 0.25;
  if (ph >= 2.0 || syl >= 0.2) return 0;
  const env = Math.sin(Math.PI * syl / 0.2);
  return amp * env * (Math.sin(2 * Math.PI * 140 * t) + 0.5 * Math.sin(2 * Math.PI * 280 * t)) / 1.5;
};
let seed = 1;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 1073741824 - 1; };
const CLEAN = wav(6, speech(0.5));
const CLIPPED = wav(6, speech(4.0));
const NOISE = wav(6, () => 0.3 * rnd());

function enrolForm(fields) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    if (Buffer.isBuffer(v)) fd.append(k, new Blob([v], { type: 'audio/wav' }), 'clip.wav');
    else fd.append(k, String(v));
  }
  return fd;
}
async function call(srv, method, p, { body, headers = {} } = {}) {
  const r = await fetch(srv.base + p, { method, body, headers });
  const buf = Buffer.from(await r.arrayBuffer());
  let json = null;
  try { json = JSON.parse(buf.toString()); } catch { /* audio */ }
  return { status: r.status, headers: r.headers, json, buf };
}
const enrol = (srv, fields, headers) => call(srv, 'POST', '/voices', { body: enrolForm(fields), headers });
const patch = (srv, id, obj, headers = {}) =>
  call(srv, 'PATCH', `/voices/${encodeURIComponent(id)}`, { body: JSON.stringify(obj), headers: { 'Content-Type': 'application/json', ...headers } });
const codes = (q) => q.warnings.map((w) => w.code).sort();

function keys(data, ...args) {
  const r = spawnSync(h.BIN, ['keys', ...args, '--data', data], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

describe('speaker library, auth off (local user)', () => {
  let srv;
  before(async () => { srv = await h.startServer({ args: ['--no-warmup'] }); });
  after(async () => { if (srv) assert.equal((await h.stopServer(srv)).code, 0); });

  it('the quality report: clean clip ok, clipped and noise clips warned with reasons', async () => {
    const a = await enrol(srv, { name: 'clean', audio: CLEAN, ref_text: 'Xin chào, tôi có 2 con mèo.' });
    assert.equal(a.status, 201, a.buf.toString());
    assert.match(a.json.id, /^v_[0-9a-f]{24}$/);
    assert.equal(a.json.quality.ok, true, JSON.stringify(a.json.quality));
    assert.deepEqual(a.json.quality.warnings, []);
    assert.ok(Math.abs(a.json.duration - 6) < 1e-6);
    assert.ok(a.json.quality.snr_db > 40, `snr ${a.json.quality.snr_db}`);
    assert.equal(a.json.ref_text_normalized, 'xin chào, tôi có hai con mèo.');
    assert.equal(a.json.quality.will_cut, false);
    const c = await enrol(srv, { name: 'clipped', audio: CLIPPED, ref_text: 'một hai ba' });
    assert.equal(c.status, 201);
    assert.equal(c.json.quality.ok, false);
    assert.deepEqual(codes(c.json.quality), ['clipping']);
    assert.ok(c.json.quality.clipping_ratio > 0.05);
    assert.match(c.json.quality.warnings[0].message, /full scale/);
    const n = await enrol(srv, { name: 'noise', audio: NOISE, ref_text: 'một hai ba' });
    assert.equal(n.status, 201);
    assert.ok(codes(n.json.quality).includes('noisy'), JSON.stringify(n.json.quality));
    assert.ok(n.json.quality.snr_db < 5);
    // a 20 s clip with pauses: where the 12 s clip cuts
    const long = await enrol(srv, { name: 'long', audio: wav(20, (t) => (t % 4.2 < 3 ? 0.3 * Math.sin(2 * Math.PI * 200 * t) : 0)), ref_text: 'dài' });
    assert.equal(long.status, 201);
    assert.ok(codes(long.json.quality).includes('will_be_cut'));
    assert.ok(long.json.quality.cut_at > 6 && long.json.quality.cut_at <= 12, `cut at ${long.json.quality.cut_at}`);
  });

  it('identical uploads are one stored clip; list, get, audio', async () => {
    const a = await enrol(srv, { name: 'twin-a', audio: h.refWav(2.2), ref_text: h.REF_TEXT });
    const b = await enrol(srv, { name: 'twin-b', audio: h.refWav(2.2), ref_text: h.REF_TEXT });
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.equal(a.json.deduplicated, false);
    assert.equal(b.json.deduplicated, true);
    assert.equal(a.json.clip_sha256, b.json.clip_sha256);
    assert.notEqual(a.json.id, b.json.id);
    const clips = fs.readdirSync(path.join(srv.data, 'blobs/voices/clips'));
    assert.equal(clips.filter((f) => f === a.json.clip_sha256).length, 1);
    const l = await call(srv, 'GET', '/voices');
    assert.equal(l.status, 200);
    assert.equal(l.json.object, 'list');
    const names = l.json.data.map((v) => v.name);
    for (const nm of ['clean', 'clipped', 'noise', 'twin-a', 'twin-b']) assert.ok(names.includes(nm), nm);
    assert.ok(l.json.data.every((v) => !('clip_key' in v)));
    const g = await call(srv, 'GET', `/voices/${a.json.id}`);
    assert.equal(g.status, 200);
    assert.equal(g.json.name, 'twin-a');
    const byName = await call(srv, 'GET', '/voices/twin-b');
    assert.equal(byName.json.id, b.json.id);
    const au = await call(srv, 'GET', `/voices/${a.json.id}/audio`);
    assert.equal(au.status, 200);
    assert.equal(au.headers.get('content-type'), 'audio/wav');
    assert.ok(au.buf.equals(h.refWav(2.2)), 'the stored clip is the uploaded bytes');
    const dup = await enrol(srv, { name: 'twin-a', audio: h.refWav(2.3), ref_text: 'x' });
    assert.equal(dup.status, 409);
    assert.equal(dup.json.error.code, 'voice_exists');
  });

  it('synthesis by voice_id and by name, both hitting the reference cache (prepared at enrolment)', async () => {
    const v = await enrol(srv, { name: 'Giọng Nam', audio: h.refWav(2.0), ref_text: h.REF_TEXT });
    assert.equal(v.status, 201);
    const synth = async (voice_id) => {
      const r = await h.tts(srv, { text: 'Hello there.', voice_id, nfe_step: 4, seed: 5 });
      const body = Buffer.from(await r.arrayBuffer());
      assert.equal(r.status, 200, body.toString().slice(0, 300));
      const id = r.headers.get('x-job-id');
      let line;
      for (let i = 0; i < 100 && !line; i++) {
        line = srv.logs.find((l) => l.event === 'job' && l.job_id === id && 'ref_cache_hit' in l);
        if (!line) await h.sleep(20);
      }
      return { body, hit: line && line.ref_cache_hit };
    };
    assert.equal(v.json.prepared, true, 'prepared at enrolment (role all)');
    const byId = await synth(v.json.id);
    const byName = await synth('Giọng Nam');
    assert.equal(byId.body.subarray(0, 4).toString(), 'RIFF');
    assert.equal(byId.hit, true, 'the first synthesis by voice_id skips preprocessing');
    assert.equal(byName.hit, true);
    assert.ok(byId.body.equals(byName.body), 'same voice and seed: same audio by id and by name');
    // the same as uploading that clip with its transcript
    const up = await h.tts(srv, { text: 'Hello there.', voice: h.refWav(2.0), ref_text: h.REF_TEXT, nfe_step: 4, seed: 5 });
    assert.ok(Buffer.from(await up.arrayBuffer()).equals(byId.body));
    // the clip survives its jobs
    assert.equal((await call(srv, 'GET', `/voices/${v.json.id}/audio`)).status, 200);
    const r = await h.tts(srv, { text: 'x', voice_id: 'nobody' });
    assert.equal(r.status, 404);
    assert.equal((await r.json()).error.code, 'voice_not_found');
    const both = await h.tts(srv, { text: 'x', voice_id: v.json.id, voice: h.refWav(1.0), ref_text: 'x' });
    assert.equal(both.status, 400);
  });

  it('PATCH renames and re-transcribes; DELETE removes (the clip when unused)', async () => {
    const v = await enrol(srv, { name: 'old name', audio: h.refWav(1.7), ref_text: 'một' });
    const p = await patch(srv, v.json.id, { name: 'new name', description: 'calm', ref_text: 'Có 3 người.' });
    assert.equal(p.status, 200, p.buf.toString());
    assert.equal(p.json.name, 'new name');
    assert.equal(p.json.description, 'calm');
    assert.equal(p.json.ref_text_normalized, 'có ba người.');
    assert.equal((await call(srv, 'GET', '/voices/old%20name')).status, 404);
    assert.equal((await call(srv, 'GET', '/voices/new%20name')).json.id, v.json.id);
    const bad = await patch(srv, v.json.id, { owner: 'me' });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.code, 'unknown_field');
    const taken = await patch(srv, v.json.id, { name: 'clean' });
    assert.equal(taken.status, 409);
    const d = await call(srv, 'DELETE', `/voices/${v.json.id}`);
    assert.equal(d.status, 200);
    assert.equal(d.json.clip_deleted, true);
    assert.equal((await call(srv, 'GET', `/voices/${v.json.id}`)).status, 404);
    assert.equal((await call(srv, 'DELETE', `/voices/${v.json.id}`)).status, 404);
    assert.ok(!fs.existsSync(path.join(srv.data, 'blobs/voices/clips', v.json.clip_sha256)));
    const tw = (await call(srv, 'GET', '/voices/twin-a')).json;
    const d2 = await call(srv, 'DELETE', '/voices/twin-a');
    assert.equal(d2.json.clip_deleted, false, 'twin-b still uses the clip');
    assert.ok(fs.existsSync(path.join(srv.data, 'blobs/voices/clips', tw.clip_sha256)));
  });

  it('enrolment errors: missing fields, bad audio, no transcript without --asr-url', async () => {
    let r = await enrol(srv, { audio: CLEAN, ref_text: 'x' });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.field, 'name');
    r = await enrol(srv, { name: 'n' });
    assert.equal(r.json.error.field, 'audio');
    r = await enrol(srv, { name: 'n', audio: Buffer.from('not audio at all'), ref_text: 'x' });
    assert.equal(r.status, 415);
    r = await enrol(srv, { name: 'n', audio: CLEAN, ref_text: '' });
    assert.equal(r.status, 422);
    assert.equal(r.json.error.code, 'ref_text_required');
    assert.match(r.json.error.message, /--asr-url/);
    r = await enrol(srv, { name: 'n', audio: CLEAN, ref_text: 'x', colour: 'red' });
    assert.equal(r.json.error.code, 'unknown_field');
  });

  it('f5tts voices add|list|rm work on the same data directory', async () => {
    const clip = path.join(h.tmpDir('f5clip-'), 'c.wav');
    fs.writeFileSync(clip, CLEAN);
    let r = spawnSync(h.BIN, ['voices', 'add', 'from-cli', '--audio', clip, '--ref-text', 'xin chào', '--data', srv.data, '--json'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const rec = JSON.parse(r.stdout);
    assert.equal(rec.deduplicated, true, 'same bytes as the "clean" voice');
    assert.equal((await call(srv, 'GET', '/voices/from-cli')).json.id, rec.id);
    r = spawnSync(h.BIN, ['voices', 'list', '--data', srv.data], { encoding: 'utf8' });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /from-cli/);
    r = spawnSync(h.BIN, ['voices', 'rm', 'from-cli', '--data', srv.data], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal((await call(srv, 'GET', `/voices/${rec.id}`)).status, 404);
    r = spawnSync(h.BIN, ['voices', 'rm', 'from-cli', '--data', srv.data], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /not found/);
  });
});

describe('speaker library with keys: ownership and scopes', () => {
  let srv, A, B, T, ROOT;
  before(async () => {
    const data = h.tmpDir('f5vk-');
    A = { Authorization: `Bearer ${keys(data, 'add', 'alice', '--scope', 'tts,voices')}` };
    B = { Authorization: `Bearer ${keys(data, 'add', 'bob', '--scope', 'tts,voices')}` };
    T = { Authorization: `Bearer ${keys(data, 'add', 'reader', '--scope', 'tts')}` };
    ROOT = { Authorization: `Bearer ${keys(data, 'add', 'root', '--scope', 'admin')}` };
    srv = await h.startServer({ data, args: ['--no-warmup', '--strict-voices'] });
  });
  after(async () => { if (srv) assert.equal((await h.stopServer(srv)).code, 0); });

  it("another key's voice is 404 on every route; admin sees all; names are per owner", async () => {
    const a = await enrol(srv, { name: 'mine', audio: CLEAN, ref_text: 'xin chào' }, A);
    assert.equal(a.status, 201, a.buf.toString());
    assert.equal(a.json.owner, 'alice');
    const b = await enrol(srv, { name: 'mine', audio: CLEAN, ref_text: 'xin chào' }, B);
    assert.equal(b.status, 201, 'bob may use the same name');
    for (const [m, p] of [['GET', `/voices/${a.json.id}`], ['GET', `/voices/${a.json.id}/audio`], ['DELETE', `/voices/${a.json.id}`]]) {
      const r = await call(srv, m, p, { headers: B });
      assert.equal(r.status, 404, `${m} ${p}`);
      assert.equal(r.json.error.code, 'voice_not_found');
    }
    assert.equal((await patch(srv, a.json.id, { name: 'stolen' }, B)).status, 404);
    const lb = await call(srv, 'GET', '/voices', { headers: B });
    assert.deepEqual(lb.json.data.map((v) => v.id), [b.json.id]);
    assert.equal((await call(srv, 'GET', '/voices/mine', { headers: B })).json.id, b.json.id, 'by name: your own');
    const r = await h.tts(srv, { text: 'x', voice_id: a.json.id, nfe_step: 4 }, B);
    assert.equal(r.status, 404);
    const root = await call(srv, 'GET', '/voices', { headers: ROOT });
    assert.equal(root.json.data.length, 2);
    assert.equal((await call(srv, 'GET', `/voices/${a.json.id}`)).status, 401, 'no key');
  });

  it('a tts-only key may list and read but not create; --strict-voices refuses bad clips', async () => {
    // a 288 kB body: the 403 comes after the server has read it, so the client sees it (no EPIPE)
    const t = await enrol(srv, { name: 'x', audio: CLEAN, ref_text: 'x' }, T);
    assert.equal(t.status, 403);
    assert.equal((await call(srv, 'GET', '/voices', { headers: T })).status, 200);
    const s = await enrol(srv, { name: 'hot', audio: CLIPPED, ref_text: 'x' }, A);
    assert.equal(s.status, 422);
    assert.equal(s.json.error.code, 'voice_quality');
    assert.match(s.json.error.message, /clipping/);
    assert.deepEqual(codes(s.json.error.quality), ['clipping']);
    assert.equal((await call(srv, 'GET', '/voices/hot', { headers: A })).status, 404, 'nothing stored');
  });
});

describe('speaker library on S3 (s3rver): listing, dedup, synthesis by voice, delete', () => {
  const BUCKET = 'f5voices';
  let s3, srv, s3Dir;
  before(async () => {
    const { spawn } = require('node:child_process');
    const port = await h.freePort();
    s3Dir = h.tmpDir('f5vs3-');
    s3 = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(__dirname, 'lib/s3rver_main.js'), String(port), s3Dir, BUCKET],
        { stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.on('data', (d) => { if (String(d).includes('ready')) resolve(child); });
      child.on('exit', (code) => reject(new Error(`s3rver exited ${code}`)));
    });
    process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
    process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
    srv = await h.startServer({ args: ['--no-warmup', '--storage', `s3://${BUCKET}/pre?endpoint=http://127.0.0.1:${port}`] });
  });
  after(async () => {
    if (srv) assert.equal((await h.stopServer(srv)).code, 0);
    if (s3) { s3.kill('SIGKILL'); await new Promise((r) => s3.on('exit', r)); }
  });
  const objects = (prefix) => {
    const out = [];
    const walk = (d, rel) => {
      if (!fs.existsSync(d)) return;
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(path.join(d, e.name), r);
        else if (e.name.endsWith('._S3rver_object')) out.push(r.replace(/\._S3rver_object$/, ''));
      }
    };
    walk(path.join(s3Dir, BUCKET), '');
    return out.filter((k) => k.startsWith(prefix)).sort();
  };

  it('works through the S3 backend as on disk', async () => {
    const ids = [];
    for (const name of ['s3-a', 's3-b', 's3-c']) {
      const r = await enrol(srv, { name, audio: name === 's3-c' ? CLEAN : h.refWav(2.0), ref_text: h.REF_TEXT });
      assert.equal(r.status, 201, r.buf.toString());
      ids.push(r.json.id);
    }
    assert.equal(objects('pre/voices/meta/').length, 3);
    assert.equal(objects('pre/voices/clips/').length, 2, 's3-a and s3-b share one clip');
    const l = await call(srv, 'GET', '/voices');
    assert.deepEqual(l.json.data.map((v) => v.name), ['s3-a', 's3-b', 's3-c'], 'ListObjectsV2 finds every record');
    const r = await h.tts(srv, { text: 'Hello.', voice_id: 's3-b', nfe_step: 4 });
    assert.equal(r.status, 200);
    assert.equal(Buffer.from(await r.arrayBuffer()).subarray(0, 4).toString(), 'RIFF');
    assert.equal(objects('pre/voices/clips/').length, 2, 'the job left the library clip alone');
    assert.equal((await call(srv, 'DELETE', `/voices/${ids[0]}`)).json.clip_deleted, false);
    assert.equal((await call(srv, 'DELETE', `/voices/${ids[1]}`)).json.clip_deleted, true);
    assert.equal(objects('pre/voices/clips/').length, 1);
    assert.deepEqual((await call(srv, 'GET', '/voices')).json.data.map((v) => v.name), ['s3-c']);
  });
});
