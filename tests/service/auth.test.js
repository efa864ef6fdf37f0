// auth.test.js - black-box tests of issue 11's keys and auth against a
// running `f5tts serve`: `f5tts keys add|list|revoke` (key printed once,
// file 0600 without plaintext), auth auto/on/off, 401/403, Bearer and
// X-API-Key, a key added or revoked on the running server seen within 5 s,
// the per-key token bucket (429 + Retry-After, recovery after it), the
// security headers, and the refusal of --auth off on a public address.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./lib/harness');

function keys(data, ...args) {
  const r = spawnSync(h.BIN, ['keys', ...args, '--data', data], { encoding: 'utf8' });
  return r;
}
function addKey(data, name, ...extra) {
  const r = keys(data, 'add', name, ...extra);
  assert.equal(r.status, 0, r.stderr);
  const key = r.stdout.trim();
  assert.match(key, /^f5k_[A-Za-z0-9_-]{43}$/);
  return key;
}
async function get(srv, p, headers = {}) {
  const r = await fetch(srv.base + p, { headers });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not json */ }
  return { status: r.status, headers: r.headers, json, text };
}
async function waitStatus(srv, p, headers, want, ms) {
  const t0 = Date.now();
  let last;
  while (Date.now() - t0 < ms) {
    last = await get(srv, p, headers);
    if (last.status === want) return Date.now() - t0;
    await h.sleep(200);
  }
  assert.fail(`${p}: still ${last.status} after ${ms} ms, wanted ${want}`);
}

// Ownership of jobs (issue 11): a job made with key `own` is 404 for key
// `them` on GET, audio, events and DELETE (the same answer as an unknown
// id, and the DELETE does not cancel it), visible to its owner and admin.
// Returns the first job's id.
async function checkOwnership(srv, own, them, root) {
  const mk = async () => {
    const r = await h.tts(srv, h.ttsFields({ nfe_step: 4 }), { ...own, Prefer: 'respond-async' });
    const body = await r.text();
    assert.equal(r.status, 202, body);
    return JSON.parse(body).job_id;
  };
  const id = await mk();
  const unknown = '0123456789abcdef0123456789abcdef';
  for (const p of [`/jobs/${id}`, `/jobs/${id}/audio`, `/jobs/${id}/events`]) {
    const r = await get(srv, p, them);
    assert.equal(r.status, 404, `${p} for another key`);
    assert.equal(r.json.error.code, 'job_not_found', p);
    const u = await get(srv, p.replace(id, unknown), them);
    assert.equal(u.status, 404);
    assert.equal(u.json.error.message, r.json.error.message.replace(id, unknown), 'same answer as an unknown id');
  }
  const del = await fetch(`${srv.base}/jobs/${id}`, { method: 'DELETE', headers: them });
  assert.equal(del.status, 404, 'DELETE of another key\'s job');
  assert.equal((await del.json()).error.code, 'job_not_found');
  // the job was not cancelled by that DELETE: it runs to success for its owner
  let j;
  for (let t0 = Date.now(); Date.now() - t0 < 120000; await h.sleep(100)) {
    j = (await get(srv, `/jobs/${id}`, own)).json;
    if (['succeeded', 'failed', 'cancelled'].includes(j.status)) break;
  }
  assert.equal(j.status, 'succeeded', JSON.stringify(j));
  const audio = await fetch(`${srv.base}/jobs/${id}/audio`, { headers: own });
  assert.equal(audio.status, 200);
  assert.ok((await audio.arrayBuffer()).byteLength > 44);
  assert.equal((await get(srv, `/jobs/${id}`, root)).status, 200, 'admin sees every job');
  assert.equal((await get(srv, `/jobs/${id}/audio`, root)).status, 200);
  const ev = await get(srv, `/jobs/${id}/events`, own);
  assert.equal(ev.status, 200);
  assert.match(ev.text, /event: done/);
  // the owner's DELETE of a second job works; another key's id stays 404 afterwards too
  const id2 = await mk();
  const d2 = await fetch(`${srv.base}/jobs/${id2}`, { method: 'DELETE', headers: own });
  assert.ok([200, 409].includes(d2.status), `owner DELETE: ${d2.status}`);
  assert.equal((await get(srv, `/jobs/${id2}`, them)).status, 404);
  assert.equal((await get(srv, `/jobs/${id2}`, root)).status, 200);
  return id;
}

describe('f5tts keys', () => {
  it('add prints a key once, stores only its hash in a 0600 file; list and revoke', () => {
    const data = h.tmpDir('f5keys-');
    const k1 = addKey(data, 'alice', '--scope', 'tts,voices', '--rate', '60/min', '--max-concurrent', '2',
                      '--quota-seconds', '3600/day');
    const k2 = addKey(data, 'bob');
    assert.notEqual(k1, k2);
    const file = path.join(data, 'keys.json');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(!text.includes(k1) && !text.includes(k1.slice(4, 20)) && !text.includes(k2));
    const j = JSON.parse(text);
    assert.equal(j.keys.length, 2);
    assert.deepEqual(j.keys[0].scopes, ['tts', 'voices']);
    assert.equal(j.keys[0].rate_per_min, 60);
    assert.equal(j.keys[0].max_concurrent, 2);
    assert.match(j.keys[0].sha256, /^[0-9a-f]{64}$/);
    const l = keys(data, 'list');
    assert.equal(l.status, 0);
    assert.match(l.stdout, /alice\s+tts,voices\s+60\s+2\s+3600/);
    assert.ok(!l.stdout.includes(k1) && !l.stdout.includes(j.keys[0].sha256));
    assert.notEqual(keys(data, 'add', 'alice').status, 0, 'duplicate name refused');
    assert.notEqual(keys(data, 'add', 'bad/name').status, 0, 'bad name refused');
    assert.notEqual(keys(data, 'add', 'x', '--scope', 'root').status, 0, 'unknown scope refused');
    assert.notEqual(keys(data, 'add', 'x', '--rate', 'nan').status, 0, 'NaN rate refused');
    assert.equal(keys(data, 'revoke', 'bob').status, 0);
    assert.notEqual(keys(data, 'revoke', 'bob').status, 0, 'revoking twice fails');
    assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).keys.length, 1);
  });
});

describe('auth on a running server', () => {
  let srv, data, tts, voices, admin, limited;
  before(async () => {
    data = h.tmpDir('f5auth-');
    tts = addKey(data, 'tts1');
    voices = addKey(data, 'voices1', '--scope', 'voices');
    admin = addKey(data, 'root', '--scope', 'admin');
    limited = addKey(data, 'slow', '--rate', '60');
    srv = await h.startServer({ data });
  });
  after(async () => { if (srv) await h.stopServer(srv); });

  it('public routes need no key, others answer 401 with the JSON error and WWW-Authenticate', async () => {
    for (const p of ['/healthz', '/readyz', '/version', '/', '/app.js']) assert.equal((await get(srv, p)).status, 200, p);
    for (const p of ['/config', '/metrics', '/jobs/0123456789abcdef0123456789abcdef']) {
      const r = await get(srv, p);
      assert.equal(r.status, 401, p);
      assert.equal(r.json.error.code, 'unauthorized');
      assert.match(r.json.error.message, /API key/);
      assert.match(r.headers.get('www-authenticate'), /^Bearer/);
    }
    const bad = await get(srv, '/config', { Authorization: 'Bearer f5k_not-a-real-key' });
    assert.equal(bad.status, 401);
    assert.equal((await get(srv, '/config', { Authorization: `Basic ${tts}` })).status, 401);
    assert.equal((await get(srv, '/config', { 'X-API-Key': tts.slice(0, -1) })).status, 401);
  });

  it('accepts Bearer and X-API-Key; /config reports auth on and the caller', async () => {
    const a = await get(srv, '/config', { Authorization: `Bearer ${tts}` });
    assert.equal(a.status, 200);
    assert.deepEqual(a.json.auth, { mode: 'auto', enabled: true, key: 'tts1' });
    const b = await get(srv, '/config', { 'X-API-Key': tts });
    assert.equal(b.status, 200);
  });

  it('403 for a valid key without the scope; admin has every scope', async () => {
    const id = '/jobs/0123456789abcdef0123456789abcdef';
    const f = await get(srv, id, { 'X-API-Key': voices });
    assert.equal(f.status, 403);
    assert.equal(f.json.error.code, 'forbidden');
    assert.equal((await get(srv, '/metrics', { 'X-API-Key': tts })).status, 403);
    assert.equal((await get(srv, '/metrics', { 'X-API-Key': admin })).status, 200);
    assert.notEqual((await get(srv, id, { 'X-API-Key': admin })).status, 403);
    assert.notEqual((await get(srv, id, { 'X-API-Key': tts })).status, 403);
  });

  it('a key revoked or added on the running server takes effect within 5 s', async () => {
    const k = addKey(data, 'late');
    await waitStatus(srv, '/config', { 'X-API-Key': k }, 200, 5000);
    assert.equal(keys(data, 'revoke', 'late').status, 0);
    await waitStatus(srv, '/config', { 'X-API-Key': k }, 401, 5000);
  });

  it('token bucket: 429 with Retry-After, then recovery after it', async () => {
    const hd = { 'X-API-Key': limited };
    const limitedCount = async () => {
      const t = await (await fetch(`${srv.base}/metrics`, { headers: { 'X-API-Key': admin } })).text();
      const x = t.match(/^f5tts_rate_limited_total\{reason="rate_limited"\} (\S+)$/m);
      return x ? Number(x[1]) : 0;
    };
    const before = await limitedCount();
    let r, n = 0;
    for (; n < 30; n++) { r = await get(srv, '/config', hd); if (r.status !== 200) break; }
    assert.equal(r.status, 429);
    assert.ok(n >= 5 && n <= 11, `burst of ${n} before 429 (capacity 10 at 60/min)`);
    assert.equal(r.json.error.code, 'rate_limited');
    assert.equal(await limitedCount(), before + 1, 'the 429 counted in f5tts_rate_limited_total');
    const ra = Number(r.headers.get('retry-after'));
    assert.ok(Number.isInteger(ra) && ra >= 1 && ra <= 2, `Retry-After ${r.headers.get('retry-after')}`);
    assert.equal((await get(srv, '/config', { 'X-API-Key': tts })).status, 200, 'other keys are not limited');
    await h.sleep(ra * 1000 + 100);
    assert.equal((await get(srv, '/config', hd)).status, 200);
  });

  it('jobs are owned: another key gets 404 on GET, audio, events and DELETE; the owner and admin see them', async () => {
    const other = addKey(data, 'other1');
    await waitStatus(srv, '/config', { 'X-API-Key': other }, 200, 5000);
    await checkOwnership(srv, { 'X-API-Key': tts }, { Authorization: `Bearer ${other}` }, { 'X-API-Key': admin });
  });

  it('security headers on every response', async () => {
    for (const p of ['/healthz', '/', '/config', '/nope']) {
      const r = await get(srv, p);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff', p);
      assert.match(r.headers.get('content-security-policy') || '', /default-src 'self'.*frame-ancestors 'none'/, p);
      assert.equal(r.headers.get('access-control-allow-origin'), null, p);
    }
  });
});

describe('auth modes', () => {
  it('auto on loopback with no keys is off and says so in /config', async () => {
    const srv = await h.startServer({});
    try {
      const r = await get(srv, '/config');
      assert.equal(r.status, 200);
      assert.equal(r.json.auth.enabled, false);
      assert.match(r.json.auth.warning, /auth is off/);
      assert.ok(srv.logs.some((l) => l.event === 'auth' && /auth is OFF/.test(l.message || JSON.stringify(l))));
    } finally { await h.stopServer(srv); }
  });

  it('--auth on with no keys refuses every protected route', async () => {
    const srv = await h.startServer({ args: ['--auth', 'on'] });
    try {
      assert.equal((await get(srv, '/config')).status, 401);
      assert.equal((await get(srv, '/healthz')).status, 200);
    } finally { await h.stopServer(srv); }
  });

  it('--auth off on a non-loopback address needs --auth-off-public; bad modes are refused', () => {
    const data = h.tmpDir('f5auth-');
    const r = spawnSync(h.BIN, ['serve', '--listen', '0.0.0.0:0', '--auth', 'off', '--data', data], { encoding: 'utf8' });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /--auth-off-public/);
    const b = spawnSync(h.BIN, ['serve', '--auth', 'maybe', '--data', data], { encoding: 'utf8' });
    assert.notEqual(b.status, 0);
    assert.match(b.stderr, /--auth: expected on, off or auto/);
  });
});

describe('job ownership on the Redis queue', () => {
  let redis, srv;
  after(async () => {
    if (srv) await h.stopServer(srv);
    if (redis && redis.exitCode === null) { redis.kill('SIGKILL'); }
  });
  it('the owner is stored in the job hash and enforced the same way', async () => {
    const port = await h.freePort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
      '--dir', h.tmpDir('f5redis-')], { stdio: 'ignore' });
    let up = false;
    for (let i = 0; i < 100 && !up; i++) {
      up = spawnSync('redis-cli', ['-p', String(port), 'PING'], { encoding: 'utf8' }).stdout.trim() === 'PONG';
      if (!up) await h.sleep(50);
    }
    assert.ok(up, 'redis-server answers PING');
    const data = h.tmpDir('f5authr-');
    const a = addKey(data, 'alice'), b = addKey(data, 'bob'), root = addKey(data, 'root', '--scope', 'admin');
    srv = await h.startServer({ data, args: ['--queue', `redis://127.0.0.1:${port}/0`, '--max-concurrent', '1',
      '--shutdown-grace', '0'] });
    const id = await checkOwnership(srv, { 'X-API-Key': a }, { 'X-API-Key': b }, { 'X-API-Key': root });
    const cli = (...args) => spawnSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' }).stdout.trim();
    assert.equal(cli('HGET', `f5:job:${id}`, 'owner'), 'alice');
    assert.notEqual(cli('HGET', `f5:job:${id}`, 'result_key'), '');
    const del = await fetch(`${srv.base}/jobs/${id}`, { method: 'DELETE', headers: { 'X-API-Key': a } });
    assert.equal(del.status, 200, 'DELETE of a finished job deletes its stored result');
    assert.equal((await del.json()).deleted, true);
    assert.equal(cli('HGET', `f5:job:${id}`, 'result_key'), '', 'cleared in the Redis hash');
    // the usage counters and the concurrency count live in Redis too
    const day = Math.floor(Date.now() / 86400000);
    assert.ok(Number(cli('GET', `f5:usage:alice:${day}`)) > 0, 'audio seconds charged in Redis');
    const long = await h.tts(srv, h.ttsFields({ mode: 'async', text: h.longText(6), nfe_step: 32 }), { 'X-API-Key': a });
    assert.equal(long.status, 202);
    const over = await h.tts(srv, h.ttsFields({ mode: 'async', nfe_step: 4 }), { 'X-API-Key': a });
    assert.equal(over.status, 429);
    assert.equal((await over.json()).error.code, 'concurrency_limit');
    assert.equal((await h.tts(srv, h.ttsFields({ mode: 'async', nfe_step: 4 }), { 'X-API-Key': b })).status, 202);
    // two API nodes on the same Redis draw from one token bucket per key
    const lim = addKey(data, 'lim', '--rate', '60');
    const srv2 = await h.startServer({ data, args: ['--queue', `redis://127.0.0.1:${port}/0`, '--shutdown-grace', '0'] });
    try {
      await waitStatus(srv, '/config', { 'X-API-Key': lim }, 200, 5000);
      await waitStatus(srv2, '/config', { 'X-API-Key': lim }, 200, 5000);
      let r, n = 0;
      for (; n < 40; n++) { r = await get(n % 2 ? srv2 : srv, '/config', { 'X-API-Key': lim }); if (r.status !== 200) break; }
      assert.equal(r.status, 429);
      assert.ok(n <= 11, `${n} requests passed across two nodes (one bucket of 10, not one per node)`);
      assert.equal(r.json.error.code, 'rate_limited');
      assert.ok(Number(r.headers.get('retry-after')) >= 1);
      assert.equal(cli('EXISTS', 'f5:rl:key:lim'), '1', 'the bucket lives in Redis');
    } finally { await h.stopServer(srv2); }
  });
});

describe('quotas and limits', () => {
  const submit = (srv, headers, extra = {}) =>
    h.tts(srv, h.ttsFields({ mode: 'async', nfe_step: 4, ...extra }), headers);
  async function waitDone(srv, id, headers) {
    for (let t0 = Date.now(); Date.now() - t0 < 120000; await h.sleep(50)) {
      const j = (await get(srv, `/jobs/${id}`, headers)).json;
      if (['succeeded', 'failed', 'cancelled'].includes(j.status)) return j;
    }
    assert.fail(`job ${id} did not finish`);
  }

  it('--max-concurrent per key: 429 concurrency_limit with Retry-After, other keys unaffected, admitted again later', async () => {
    const data = h.tmpDir('f5quota-');
    const one = addKey(data, 'one', '--max-concurrent', '1'), free = addKey(data, 'free');
    const srv = await h.startServer({ data, args: ['--retry-after', '7', '--shutdown-grace', '0'] });
    try {
      const a = await submit(srv, { 'X-API-Key': one }, { text: h.longText(6), nfe_step: 32 });
      assert.equal(a.status, 202);
      const idA = (await a.json()).job_id;
      const b = await submit(srv, { 'X-API-Key': one });
      const bb = await b.json();
      assert.equal(b.status, 429, JSON.stringify(bb));
      assert.equal(bb.error.code, 'concurrency_limit');
      assert.match(bb.error.message, /key 'one' already has 1 queued or running jobs \(limit 1\)/);
      const ra = Number(b.headers.get('retry-after'));
      assert.ok(Number.isInteger(ra) && ra >= 1, `Retry-After ${b.headers.get('retry-after')}`);
      assert.equal((await submit(srv, { 'X-API-Key': free })).status, 202, 'another key is not limited');
      const del = await fetch(`${srv.base}/jobs/${idA}`, { method: 'DELETE', headers: { 'X-API-Key': one } });
      assert.equal(del.status, 200);
      assert.equal((await waitDone(srv, idA, { 'X-API-Key': one })).status, 'cancelled');
      const c = await submit(srv, { 'X-API-Key': one }, { text: h.longText(6), nfe_step: 32 });
      assert.equal(c.status, 202, 'admitted once the job has ended');
      // a job has been measured now: Retry-After comes from it, not from --retry-after
      const d = await submit(srv, { 'X-API-Key': one });
      assert.equal(d.status, 429);
      assert.notEqual(d.headers.get('retry-after'), '7', 'Retry-After from the measured job time');
      await fetch(`${srv.base}/jobs/${(await c.json()).job_id}`, { method: 'DELETE', headers: { 'X-API-Key': one } });
    } finally { await h.stopServer(srv); }
  });

  it('--max-concurrent also bounds callers without auth (they count as one)', async () => {
    const srv = await h.startServer({ args: ['--max-concurrent', '1', '--shutdown-grace', '0'] });
    try {
      assert.equal((await submit(srv, {}, { text: h.longText(6), nfe_step: 32 })).status, 202);
      const r = await submit(srv, {});
      assert.equal(r.status, 429);
      assert.equal((await r.json()).error.code, 'concurrency_limit');
    } finally { await h.stopServer(srv); }
  });

  it('daily audio-seconds quota: charged on completion, 429 quota_exceeded until UTC midnight, kept over a restart', async () => {
    const data = h.tmpDir('f5quota-');
    const k = addKey(data, 'q', '--quota-seconds', '1/day'), other = addKey(data, 'other');
    let srv = await h.startServer({ data });
    try {
      const r = await h.tts(srv, h.ttsFields({ nfe_step: 4 }), { 'X-API-Key': k }); // sync: > 1 s of audio
      assert.equal(r.status, 200);
      await r.arrayBuffer();
      let q;
      for (let t0 = Date.now(); Date.now() - t0 < 5000; await h.sleep(50)) { // charged as the job ends
        q = await submit(srv, { 'X-API-Key': k });
        if (q.status === 429) break;
        const j = await q.json();
        await waitDone(srv, j.job_id, { 'X-API-Key': k });
      }
      assert.equal(q.status, 429);
      const body = await q.json();
      assert.equal(body.error.code, 'quota_exceeded');
      assert.match(body.error.message, /key 'q' has used [0-9.]+ of its 1 audio seconds/);
      const now = Date.now() / 1000, midnight = (Math.floor(now / 86400) + 1) * 86400;
      const ra = Number(q.headers.get('retry-after'));
      assert.ok(Math.abs(ra - (midnight - now)) <= 5, `Retry-After ${ra}, midnight in ${midnight - now}`);
      assert.equal((await submit(srv, { 'X-API-Key': other })).status, 202, 'other keys have their own day');
      const usage = JSON.parse(fs.readFileSync(path.join(data, 'usage.json'), 'utf8'));
      assert.ok(usage.seconds.q > 1, JSON.stringify(usage));
      await h.stopServer(srv);
      srv = await h.startServer({ data });
      assert.equal((await submit(srv, { 'X-API-Key': k })).status, 429, 'the day\'s usage survives a restart');
    } finally { await h.stopServer(srv); }
  });

  it('--ip-rate: requests without a key are limited per client IP (429 + Retry-After), keyed requests are not', async () => {
    const data = h.tmpDir('f5ip-');
    const k = addKey(data, 'k');
    const srv = await h.startServer({ data, args: ['--ip-rate', '60'] });
    try {
      // the harness's /readyz polling drew from the same bucket: wait until it has a token again
      await waitStatus(srv, '/healthz', {}, 200, 15000);
      let r, n = 0;
      for (; n < 30; n++) { r = await get(srv, '/healthz'); if (r.status !== 200) break; }
      assert.equal(r.status, 429);
      assert.ok(n <= 11, `burst of ${n} (capacity 10 at 60/min)`);
      assert.equal(r.json.error.code, 'rate_limited');
      assert.match(r.json.error.message, /client 127\.0\.0\.1 exceeded 60 requests\/min without a key/);
      const ra = Number(r.headers.get('retry-after'));
      assert.ok(ra >= 1 && ra <= 2, `Retry-After ${ra}`);
      assert.equal((await get(srv, '/config', { 'X-API-Key': k })).status, 200, 'a keyed request has its own bucket');
      await h.sleep(ra * 1000 + 100);
      assert.equal((await get(srv, '/healthz')).status, 200);
    } finally { await h.stopServer(srv); }
  });

  it('queue full: 503 with Retry-After from queue depth x measured job time', async () => {
    const srv = await h.startServer({ args: ['--max-queue', '1', '--retry-after', '777', '--shutdown-grace', '0'] });
    try {
      const first = await h.tts(srv, h.ttsFields({ nfe_step: 4 }));
      assert.equal(first.status, 200);
      await first.arrayBuffer();
      await h.sleep(200);
      let full;
      for (let i = 0; i < 6 && !full; i++) {
        const r = await submit(srv, {}, { text: h.longText(6), nfe_step: 32 });
        if (r.status === 503) full = r; else assert.equal(r.status, 202);
      }
      assert.ok(full, 'the queue filled up');
      const b = await full.json();
      assert.equal(b.error.code, 'queue_full');
      const ra = Number(full.headers.get('retry-after'));
      assert.ok(Number.isInteger(ra) && ra >= 1 && ra < 777, `Retry-After ${ra} is computed, not --retry-after`);
    } finally { await h.stopServer(srv); }
  });
});

describe('keys in Redis (--keys-backend redis)', () => {
  let redis, srv;
  after(async () => {
    if (srv) await h.stopServer(srv);
    if (redis && redis.exitCode === null) redis.kill('SIGKILL');
  });
  it('f5tts keys --redis edits the shared key set; a running node sees adds and revokes within 5 s; no plaintext', async () => {
    const port = await h.freePort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
      '--dir', h.tmpDir('f5redis-')], { stdio: 'ignore' });
    const cli = (...args) => spawnSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' }).stdout.trim();
    for (let i = 0; i < 100 && cli('PING') !== 'PONG'; i++) await h.sleep(50);
    const url = `redis://127.0.0.1:${port}/0`;
    const rkeys = (...args) => spawnSync(h.BIN, ['keys', ...args, '--redis', url], { encoding: 'utf8' });
    const add = rkeys('add', 'node-shared', '--scope', 'tts');
    assert.equal(add.status, 0, add.stderr);
    const k = add.stdout.trim();
    assert.match(k, /^f5k_/);
    assert.match(rkeys('list').stdout, /node-shared\s+tts/);
    const doc = cli('GET', 'f5:keys');
    assert.ok(doc.includes('"node-shared"') && !doc.includes(k) && !doc.includes(k.slice(4, 20)), 'only the hash is stored');
    srv = await h.startServer({ args: ['--queue', url, '--keys-backend', 'redis'] });
    assert.equal((await get(srv, '/config')).status, 401, 'auth on: a key exists in Redis');
    const c = await get(srv, '/config', { 'X-API-Key': k });
    assert.equal(c.status, 200);
    assert.equal(c.json.auth.key, 'node-shared');
    const late = rkeys('add', 'late');
    assert.equal(late.status, 0, late.stderr);
    await waitStatus(srv, '/config', { 'X-API-Key': late.stdout.trim() }, 200, 5000);
    assert.equal(rkeys('revoke', 'node-shared').status, 0);
    await waitStatus(srv, '/config', { 'X-API-Key': k }, 401, 5000);
    const bad = spawnSync(h.BIN, ['serve', '--keys-backend', 'redis', '--data', h.tmpDir('f5x-')], { encoding: 'utf8' });
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /--keys-backend redis keeps the keys on the --queue Redis/);
  });
});
