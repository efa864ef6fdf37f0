// batch.test.js - continuous batching through the service: `serve
// --max-batch 4` runs 4 concurrent /tts requests (different texts, NFE
// counts and seeds) with their sampling steps in shared DiT evaluations;
// every one succeeds and its audio equals the same request on a server
// without batching (--max-batch 1, same seed) within the measured bound;
// SSE progress stays per job and a cancelled job leaves its neighbour
// intact.
'use strict';
const { it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./lib/harness');

let batched, solo;
before(async () => {
  [batched, solo] = await Promise.all([
    h.startServer({ args: ['--no-warmup', '--max-batch', '4', '--threads', '2'] }),
    h.startServer({ args: ['--no-warmup', '--threads', '2'] }),
  ]);
});
after(async () => {
  for (const s of [batched, solo]) if (s) assert.equal((await h.stopServer(s)).code, 0);
});

const REQS = [
  { text: 'Hello there, this is a test.', nfe_step: 8, seed: 1 },
  { text: 'A second request of another length, a little longer than the first one.', nfe_step: 16, seed: 2 },
  { text: 'Short.', nfe_step: 7, seed: 3 },
  { text: 'The fourth one asks for twelve steps.', nfe_step: 12, seed: 4 },
];
const REL_L2 = 1e-4; // of the 16-bit PCM: fp32 differences are ~1e-7, the rest is rounding to 16 bits

function pcm16(buf) {
  assert.equal(buf.toString('ascii', 0, 4), 'RIFF');
  const n = (buf.length - 44) >> 1, a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = buf.readInt16LE(44 + 2 * i);
  return a;
}

async function synth(srv, r) {
  const res = await h.tts(srv, h.ttsFields({ ...r, format: 'wav' }));
  const body = Buffer.from(await res.arrayBuffer());
  assert.equal(res.status, 200, body.toString().slice(0, 300));
  return { body, id: res.headers.get('x-job-id') };
}

it('--max-batch 4: 4 concurrent requests succeed with the solo audio (same seeds)', async () => {
  const v = await (await fetch(`${batched.base}/version`)).json();
  assert.equal(JSON.stringify(v).includes('"max_batch":4'), true, JSON.stringify(v));
  const got = await Promise.all(REQS.map((r) => synth(batched, r)));
  // they ran together: every job was running before the first one ended
  const ev = batched.logs.filter((l) => l.event === 'job' && got.some((g) => g.id === l.job_id));
  const firstEnd = ev.findIndex((l) => l.status === 'succeeded');
  const startedBefore = ev.slice(0, firstEnd).filter((l) => l.status === 'running').length;
  assert.ok(startedBefore >= 2, `jobs running together before the first ended: ${startedBefore}`);
  for (let i = 0; i < REQS.length; i++) {
    const ref = await synth(solo, REQS[i]);
    const a = pcm16(got[i].body), b = pcm16(ref.body);
    assert.equal(a.length, b.length, `request ${i}: ${a.length} samples batched, ${b.length} solo`);
    let num = 0, den = 0, maxd = 0;
    for (let k = 0; k < a.length; k++) {
      const d = a[k] - b[k];
      num += d * d; den += b[k] * b[k]; maxd = Math.max(maxd, Math.abs(d));
    }
    const rel = Math.sqrt(num / den);
    console.log(`  request ${i} (NFE ${REQS[i].nfe_step}, ${(a.length / 24000).toFixed(2)} s): batched vs solo ` +
                `rel_l2 ${rel.toExponential(2)}, max |diff| ${maxd} LSB`);
    assert.ok(rel < REL_L2, `request ${i}: rel_l2 ${rel} >= ${REL_L2}`);
  }
});

it('--max-batch 4: SSE progress per job, and a cancelled job leaves the other one intact', async () => {
  const a = await (await h.tts(batched, h.ttsFields({ mode: 'async', text: h.longText(3), nfe_step: 64, seed: 9 }))).json();
  const b = await (await h.tts(batched, h.ttsFields({ mode: 'async', text: h.longText(2), nfe_step: 8, seed: 5 }))).json();
  const evb = fetch(`${batched.base}/jobs/${b.job_id}/events`).then((r) => r.text());
  await h.waitJob(batched, a.job_id, ['running', 'succeeded', 'failed', 'cancelled']);
  const da = await fetch(`${batched.base}/jobs/${a.job_id}`, { method: 'DELETE' });
  assert.equal(da.status, 200);
  assert.equal((await h.waitJob(batched, a.job_id)).status, 'cancelled');
  const jb = await h.waitJob(batched, b.job_id);
  assert.equal(jb.status, 'succeeded', JSON.stringify(jb));
  const events = (await evb).split('\n\n').filter((x) => x.includes('event:')).map((x) => ({
    event: /event: (\w+)/.exec(x)[1], data: JSON.parse(/data: (.*)/.exec(x)[1]) }));
  const progress = events.filter((e) => e.event === 'progress').map((e) => e.data.progress);
  assert.ok(progress.length >= 2, `progress events: ${progress.length}`);
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i] >= progress[i - 1], 'progress never goes back');
  assert.equal(events[events.length - 1].data.status, 'succeeded');
  const ra = await (await fetch(`${batched.base}/jobs/${b.job_id}/audio`)).arrayBuffer();
  const ref = await synth(solo, { text: h.longText(2), nfe_step: 8, seed: 5 });
  assert.equal(Buffer.from(ra).length, ref.body.length, 'the surviving job has the solo length');
});
