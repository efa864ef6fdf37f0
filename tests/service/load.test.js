// load.test.js - back-pressure and durability: 20 concurrent requests
// against a queue of 5 (some 503 + Retry-After, none lost or duplicated,
// every accepted job finishes); kill -9 with queued/running jobs, restart,
// they complete; SIGTERM drains gracefully and exits 0.
'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./lib/harness');

const SLOW = { text: h.longText(4), nfe_step: 8 };

describe('back-pressure', () => {
  it('20 concurrent requests, queue limit 5', async () => {
    const srv = await h.startServer({ args: ['--max-queue', '5', '--concurrency', '1'] });
    try {
      const results = await Promise.all(Array.from({ length: 20 }, async (_, i) => {
        const r = await h.tts(srv, h.ttsFields({ ...SLOW, mode: 'async', seed: i }));
        return { status: r.status, retry: r.headers.get('retry-after'), body: await r.json() };
      }));
      const ok = results.filter((r) => r.status === 202), full = results.filter((r) => r.status === 503);
      console.log(`20 requests: ${ok.length} accepted, ${full.length} rejected with 503`);
      assert.equal(ok.length + full.length, 20, JSON.stringify(results.map((r) => r.status)));
      assert.ok(full.length > 0, 'some requests are turned away');
      assert.ok(ok.length >= 5, 'at least the queue size is accepted');
      for (const r of full) {
        assert.equal(r.body.error.code, 'queue_full');
        assert.ok(Number(r.retry) > 0, 'Retry-After present');
      }
      const ids = ok.map((r) => r.body.job_id);
      assert.equal(new Set(ids).size, ids.length, 'no duplicate job ids');
      const jobs = await Promise.all(ids.map((id) => h.waitJob(srv, id)));
      for (const j of jobs) assert.equal(j.status, 'succeeded', JSON.stringify(j));
      const seeds = jobs.map((j) => j.seed).sort();
      assert.equal(new Set(seeds).size, seeds.length, 'each accepted request ran exactly once');
    } finally { await h.stopServer(srv); }
  });
});

describe('durability', () => {
  it('kill -9 with running and queued jobs: a restart completes them all', async () => {
    const srv = await h.startServer({ args: ['--concurrency', '1'] });
    const ids = [];
    for (let i = 0; i < 4; i++) {
      const r = await h.tts(srv, h.ttsFields({ ...SLOW, mode: 'async' }));
      assert.equal(r.status, 202);
      ids.push((await r.json()).job_id);
    }
    await h.waitJob(srv, ids[0], ['running']);
    srv.child.kill('SIGKILL');
    await h.stopServer(srv);
    const refs = path.join(srv.data, 'blobs', 'refs');
    assert.equal(fs.readdirSync(refs).length, 4, 'the uploaded references survived the crash');
    const again = await h.startServer({ data: srv.data, port: srv.port });
    try {
      const recover = again.logs.find((l) => l.event === 'recover');
      assert.ok(recover && recover.requeued === 1, JSON.stringify(recover));
      const jobs = await Promise.all(ids.map((id) => h.waitJob(again, id)));
      for (const j of jobs) assert.equal(j.status, 'succeeded', JSON.stringify(j));
      assert.deepEqual(fs.readdirSync(refs).filter((f) => !f.includes('.tmp')), [], 'references deleted once done');
    } finally { await h.stopServer(again); }
  });

  it('SIGTERM: running job gets the grace period, queued ones stay queued, exit 0', async () => {
    const srv = await h.startServer({ args: ['--concurrency', '1', '--shutdown-grace', '60'] });
    const a = await (await h.tts(srv, h.ttsFields({ mode: 'async', nfe_step: 8 }))).json();
    const b = await (await h.tts(srv, h.ttsFields({ mode: 'async', nfe_step: 8 }))).json();
    await h.waitJob(srv, a.job_id, ['running', 'succeeded']);
    const r = await h.stopServer(srv, 'SIGTERM');
    assert.equal(r.code, 0);
    const again = await h.startServer({ data: srv.data });
    try {
      const ja = await h.getJob(again, a.job_id);
      assert.equal(ja.status, 'succeeded', 'the running job finished within the grace period');
      assert.equal((await h.waitJob(again, b.job_id)).status, 'succeeded');
    } finally { await h.stopServer(again); }
  });

  it('results expire after the TTL with their files', async () => {
    const srv = await h.startServer({ args: ['--result-ttl', '1'] });
    try {
      const { job_id } = await (await h.tts(srv, h.ttsFields({ mode: 'async', nfe_step: 4 }))).json();
      const j = await h.waitJob(srv, job_id);
      assert.equal(j.status, 'succeeded');
      const results = path.join(srv.data, 'blobs', 'results');
      assert.equal(fs.readdirSync(results).length, 1);
      let status = 200;
      for (let i = 0; i < 100 && status === 200; i++) {
        await h.sleep(100);
        const r = await fetch(`${srv.base}/jobs/${job_id}`);
        status = r.status;
        await r.arrayBuffer();
      }
      assert.equal(status, 404, 'the job is gone after its TTL');
      assert.deepEqual(fs.readdirSync(results), [], 'and so is its audio');
    } finally { await h.stopServer(srv); }
  });
});
