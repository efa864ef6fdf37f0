// privacy.test.js - issue 11's privacy points against a running `f5tts
// serve`: an uploaded reference is deleted as soon as its job ends (unless
// --retain-inputs), DELETE of a finished job deletes its stored result and
// reference at once, and the log never holds a request's text or
// transcript (at debug level, over sync, async, failing and refused jobs).
'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./lib/harness');

const files = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.startsWith('.')) : []);
async function asyncJob(srv, fields = {}) {
  const r = await h.tts(srv, h.ttsFields({ mode: 'async', nfe_step: 4, ...fields }));
  const b = await r.json();
  assert.equal(r.status, 202, JSON.stringify(b));
  return h.waitJob(srv, b.job_id);
}

describe('privacy', () => {
  it('references are deleted when their job ends; DELETE removes the stored result at once', async () => {
    const srv = await h.startServer({});
    try {
      const refs = path.join(srv.data, 'blobs', 'refs'), results = path.join(srv.data, 'blobs', 'results');
      const j = await asyncJob(srv);
      assert.equal(j.status, 'succeeded');
      assert.deepEqual(files(refs), [], 'no reference left after the job');
      assert.equal(files(results).filter((f) => f.startsWith(j.job_id)).length, 1, 'the result is stored');
      const d = await fetch(`${srv.base}/jobs/${j.job_id}`, { method: 'DELETE' });
      const db = await d.json();
      assert.equal(d.status, 200, JSON.stringify(db));
      assert.equal(db.deleted, true);
      assert.equal(db.stored_result, false);
      assert.equal(db.status, 'succeeded');
      assert.equal(files(results).filter((f) => f.startsWith(j.job_id)).length, 0, 'result file deleted');
      const a = await fetch(`${srv.base}/jobs/${j.job_id}/audio`);
      assert.equal(a.status, 404);
      assert.match((await a.json()).error.message, /deleted/);
      assert.equal((await fetch(`${srv.base}/jobs/${j.job_id}`, { method: 'DELETE' })).status, 409, 'nothing left to delete');
    } finally { await h.stopServer(srv); }
  });

  it('--retain-inputs keeps the reference until DELETE (or expiry) removes it with the result', async () => {
    const srv = await h.startServer({ args: ['--retain-inputs'] });
    try {
      const refs = path.join(srv.data, 'blobs', 'refs'), results = path.join(srv.data, 'blobs', 'results');
      const j = await asyncJob(srv);
      assert.equal(j.status, 'succeeded');
      assert.deepEqual(files(refs), [j.job_id], 'reference kept');
      const d = await fetch(`${srv.base}/jobs/${j.job_id}`, { method: 'DELETE' });
      assert.equal(d.status, 200);
      assert.deepEqual(files(refs), [], 'reference deleted by DELETE');
      assert.equal(files(results).filter((f) => f.startsWith(j.job_id)).length, 0);
    } finally { await h.stopServer(srv); }
  });

  it('the log never holds the text or the transcript of a request', async () => {
    const TEXT = 'Quixotic zebra canary seventeen ninety', REF = 'Marmalade transcript canary eighty one';
    const srv = await h.startServer({ args: ['--log-level', 'debug'] });
    try {
      const s = await h.tts(srv, h.ttsFields({ text: TEXT, ref_text: REF, nfe_step: 4 }));
      assert.equal(s.status, 200);
      await s.arrayBuffer();
      assert.equal((await asyncJob(srv, { text: TEXT, ref_text: REF })).status, 'succeeded');
      const bad = await h.tts(srv, h.ttsFields({ text: TEXT, ref_text: REF, voice: Buffer.from('not audio '.repeat(40)) }));
      assert.equal(bad.status, 415);
      await bad.text();
      const refused = await h.tts(srv, h.ttsFields({ text: TEXT, ref_text: REF, speed: 'NaN' }));
      assert.equal(refused.status, 400);
      await refused.text();
      const n = await fetch(`${srv.base}/normalize`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: TEXT }) });
      assert.equal(n.status, 200);
      await h.sleep(300);
      const log = srv.logs.map((l) => JSON.stringify(l)).join('\n');
      assert.ok(srv.logs.filter((l) => l.event === 'job').length >= 3, 'the job lines were logged');
      for (const needle of [TEXT, REF, 'Quixotic', 'Marmalade'])
        assert.ok(!log.includes(needle), `the log contains '${needle}'`);
    } finally { await h.stopServer(srv); }
  });
});
