// refcache.test.js - the reference cache through the service: the same
// upload (bytes + ref_text) a second time reuses the prepared reference
// (the job log line says ref_cache_hit), other bytes or another transcript
// do not, and the cached result sounds the same (same seed -> same audio).
'use strict';
const { it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./lib/harness');

let srv;
before(async () => { srv = await h.startServer({ args: ['--no-warmup'] }); });
after(async () => { if (srv) assert.equal((await h.stopServer(srv)).code, 0); });

async function synth(fields) {
  const r = await h.tts(srv, h.ttsFields({ nfe_step: 4, seed: 7, ...fields }));
  const body = Buffer.from(await r.arrayBuffer());
  assert.equal(r.status, 200, body.toString().slice(0, 200));
  const id = r.headers.get('x-job-id');
  let line;
  for (let i = 0; i < 100 && !line; i++) {
    line = srv.logs.find((l) => l.event === 'job' && l.job_id === id && 'ref_cache_hit' in l);
    if (!line) await h.sleep(20);
  }
  assert.ok(line, `job log line for ${id}`);
  return { body, hit: line.ref_cache_hit };
}

it('a repeated upload hits the reference cache; other bytes or text miss', async () => {
  const a = await synth({ voice: h.refWav(2.0) });
  assert.equal(a.hit, false);
  const b = await synth({ voice: h.refWav(2.0) });
  assert.equal(b.hit, true);
  assert.ok(a.body.equals(b.body), 'same reference and seed: identical audio from the cached voice');
  const c = await synth({ voice: h.refWav(2.1) });
  assert.equal(c.hit, false, 'different bytes');
  const d = await synth({ voice: h.refWav(2.0), ref_text: 'Another transcript here.' });
  assert.equal(d.hit, false, 'same bytes, other transcript');
});
