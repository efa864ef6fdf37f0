// scale.test.js - scale-out on the Redis Streams queue: a real redis-server
// (AOF, appendfsync always) on a free 127.0.0.1 port, two API nodes
// (--role api, no model) and worker processes (f5tts worker, test model)
// sharing one fs storage directory. Async jobs across both APIs, status and
// SSE of a job from the node that did not accept it, a worker SIGKILLed
// mid-job (its job completes on another worker), Redis restarted mid-run
// (no accepted job lost), retry limit -> failed, API without Redis -> 503.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');
const h = require('./lib/harness');

const procs = new Set();
let redis = null, redisPort = 0, redisDir = '', storage = '';

function startRedis() {
  const child = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', redisDir,
    '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--protected-mode', 'no'],
  { stdio: ['ignore', 'ignore', 'inherit'] });
  const r = { child, exited: null };
  child.on('exit', (code, sig) => { r.exited = { code, sig }; });
  procs.add(r);
  return r;
}

function redisUp() {
  return new Promise((resolve) => {
    const s = net.connect(redisPort, '127.0.0.1');
    let buf = '';
    s.on('connect', () => s.write('PING\r\n'));
    s.on('data', (d) => { buf += d; if (buf.includes('\r\n')) { s.destroy(); resolve(buf.startsWith('+PONG')); } });
    s.on('error', () => resolve(false));
  });
}

async function waitRedis() {
  for (let i = 0; i < 200; i++) { if (await redisUp()) return; await h.sleep(50); }
  throw new Error('redis-server did not answer PING');
}

function stop(p, signal = 'SIGTERM') {
  return new Promise((resolve) => {
    procs.delete(p);
    if (p.exited) return resolve(p.exited);
    const t = setTimeout(() => p.child.kill('SIGKILL'), 30000);
    p.child.on('exit', (code, sig) => { clearTimeout(t); resolve({ code, sig }); });
    p.child.kill(signal);
  });
}

const queueUrl = (opts = 'visibility=1.5&max_attempts=3') => `redis://127.0.0.1:${redisPort}/0?${opts}`;

async function startApi(queue = queueUrl()) {
  const srv = await h.startServer({ args: ['--role', 'api', '--max-queue', '200', '--queue', queue, '--storage', `fs:${storage}`] });
  procs.add(srv);
  return srv;
}

function startWorker(queue = queueUrl()) {
  const args = ['worker', '--data', h.tmpDir('f5wk-'), '--model', h.testModel(), '--test-model', '--queue', queue,
    '--storage', `fs:${storage}`];
  const child = spawn(h.BIN, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const w = { child, exited: null, log: '' };
  child.stderr.on('data', (d) => { w.log += d; });
  child.on('exit', (code, sig) => { w.exited = { code, sig }; });
  procs.add(w);
  return w;
}

async function submit(srv, extra = {}) {
  const r = await h.tts(srv, h.ttsFields({ mode: 'async', nfe_step: 4, ...extra }));
  const b = await r.json();
  assert.equal(r.status, 202, JSON.stringify(b));
  return b.job_id;
}

// As a client should: on 503 wait Retry-After (capped for the test) and retry.
async function submitRetry(srv, extra = {}) {
  for (let i = 0; ; i++) {
    const r = await h.tts(srv, h.ttsFields({ mode: 'async', nfe_step: 4, ...extra }));
    const b = await r.json();
    if (r.status === 503 && i < 50) { await h.sleep(200); continue; }
    assert.equal(r.status, 202, JSON.stringify(b));
    return b.job_id;
  }
}

let apiA, apiB;

before(async () => {
  redisPort = await h.freePort();
  redisDir = h.tmpDir('f5redis-');
  storage = path.join(h.tmpDir('f5blobs-'), 'blobs');
  redis = startRedis();
  await waitRedis();
  [apiA, apiB] = await Promise.all([startApi(), startApi()]);
});

after(async () => {
  for (const p of [...procs]) await stop(p, 'SIGKILL');
});

describe('redis queue, 2 API + 2 worker nodes', () => {
  it('40 async jobs across both APIs all succeed; any node serves status and audio', async () => {
    const w1 = startWorker(), w2 = startWorker();
    const ids = [];
    for (let i = 0; i < 40; i++) ids.push(await submit(i % 2 ? apiB : apiA, { text: `Job number ${i}.` }));
    for (let i = 0; i < ids.length; i++) {
      const other = i % 2 ? apiA : apiB; // the node that did not accept it
      const j = await h.waitJob(other, ids[i], undefined, 120000);
      assert.equal(j.status, 'succeeded', JSON.stringify(j));
      assert.equal(j.progress, 1);
      const a = await fetch(`${other.base}/jobs/${ids[i]}/audio`);
      assert.equal(a.status, 200);
      assert.ok((await a.arrayBuffer()).byteLength > 44);
    }
    const m = await (await fetch(`${apiA.base}/jobs/${ids[0]}`)).json();
    assert.equal(m.attempts, 1);
    await stop(w1);
    await stop(w2);
  });

  it('SSE of a job accepted by another node: progress then done', async () => {
    const w = startWorker();
    const id = await submit(apiA, { text: h.longText(3), nfe_step: 8 });
    const ev = await fetch(`${apiB.base}/jobs/${id}/events`);
    assert.equal(ev.status, 200);
    const text = await ev.text();
    const names = text.split('\n\n').filter((b) => b.includes('event:')).map((b) => /event: (\w+)/.exec(b)[1]);
    assert.equal(names[names.length - 1], 'done', names.join(','));
    await stop(w);
  });

  it('a worker SIGKILLed mid-job: the job completes on another worker', async () => {
    const w1 = startWorker();
    const id = await submit(apiA, { text: h.longText(6), nfe_step: 16 });
    await h.waitJob(apiB, id, ['running', 'succeeded', 'failed'], 60000);
    await stop(w1, 'SIGKILL');
    const mid = await h.getJob(apiA, id);
    assert.equal(mid.status, 'running', 'the job was still running when its worker died');
    const w2 = startWorker();
    const j = await h.waitJob(apiB, id, undefined, 120000);
    assert.equal(j.status, 'succeeded', JSON.stringify(j));
    assert.equal(j.attempts, 2);
    await stop(w2);
  });

  it('retry limit: a job whose workers keep dying fails with retry_limit', async () => {
    const q = queueUrl('visibility=1&max_attempts=1&prefix=f5dl');
    const api = await startApi(q);
    const w1 = startWorker(q);
    const id = await submit(api, { text: h.longText(6), nfe_step: 16 });
    await h.waitJob(api, id, ['running', 'succeeded', 'failed'], 60000);
    await stop(w1, 'SIGKILL');
    const w2 = startWorker(q);
    const j = await h.waitJob(api, id, undefined, 60000);
    assert.equal(j.status, 'failed', JSON.stringify(j));
    assert.equal(j.error.code, 'retry_limit');
    assert.match(j.error.message, /retry limit 1/);
    await stop(w2);
    await stop(api);
  });

  it('redis-server restarted mid-run (AOF): no accepted job is lost', async () => {
    const w1 = startWorker(), w2 = startWorker();
    const ids = [];
    for (let i = 0; i < 10; i++) ids.push(await submit(i % 2 ? apiB : apiA, { text: `Restart job ${i}.` }));
    await stop(redis, 'SIGKILL');
    // while Redis is down an API node answers 503 with Retry-After, quickly
    const r = await h.tts(apiA, h.ttsFields({ mode: 'async' }));
    assert.equal(r.status, 503, await r.text());
    assert.ok(Number(r.headers.get('retry-after')) >= 1);
    const g = await fetch(`${apiB.base}/jobs/${ids[0]}`);
    assert.equal(g.status, 503);
    redis = startRedis();
    await waitRedis();
    for (let i = 0; i < 10; i++) ids.push(await submitRetry(i % 2 ? apiB : apiA, { text: `After restart ${i}.` }));
    for (const id of ids) {
      const j = await h.waitJob(apiA, id, undefined, 120000);
      assert.equal(j.status, 'succeeded', JSON.stringify(j));
    }
    await stop(w1);
    await stop(w2);
  });
});
