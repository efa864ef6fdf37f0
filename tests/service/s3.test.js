// s3.test.js - the S3 blob store against s3rver (npm, its own process on a
// free 127.0.0.1 port): references and results go to the bucket under the
// prefix, results are proxied or redirected to a presigned URL that s3rver
// serves, a stopped-then-restarted s3rver is ridden out by the retries, and
// a job's blobs are deleted from the bucket when it expires.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./lib/harness');

const BUCKET = 'f5test';
let s3 = null, s3Port = 0, s3Dir = '';
const servers = [];

function startS3() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'lib/s3rver_main.js'), String(s3Port), s3Dir, BUCKET],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d) => { if (String(d).includes('ready')) resolve({ child }); });
    child.on('exit', (code) => reject(new Error(`s3rver exited ${code}`)));
  });
}

function kill(p) {
  return new Promise((resolve) => {
    if (p.child.exitCode !== null || p.child.signalCode) return resolve();
    p.child.on('exit', () => resolve());
    p.child.kill('SIGKILL');
  });
}

// objects under the bucket, as s3rver lays them out on disk (key -> file "<key>._S3rver_object")
function objects() {
  const root = path.join(s3Dir, BUCKET), out = [];
  const walk = (d, rel) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else if (e.name.endsWith('._S3rver_object')) out.push(r.replace(/\._S3rver_object$/, ''));
    }
  };
  walk(root, '');
  return out.sort();
}

async function serve(query, extra = []) {
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  const srv = await h.startServer({ args: ['--storage', `s3://${BUCKET}/pre/fix?endpoint=http://127.0.0.1:${s3Port}${query}`,
    ...extra] });
  servers.push(srv);
  return srv;
}

before(async () => {
  s3Port = await h.freePort();
  s3Dir = h.tmpDir('f5s3-');
  s3 = await startS3();
});

after(async () => {
  for (const s of servers) await h.stopServer(s, 'SIGKILL');
  if (s3) await kill(s3);
});

describe('s3 storage (s3rver)', () => {
  let srv;
  it('async job: reference and result in the bucket under the prefix; result proxied', async () => {
    srv = await serve('');
    const r = await h.tts(srv, h.ttsFields({ mode: 'async', nfe_step: 4, format: 'wav' }));
    const { job_id } = await r.json();
    assert.equal(r.status, 202);
    const j = await h.waitJob(srv, job_id, undefined, 120000);
    assert.equal(j.status, 'succeeded', JSON.stringify(j));
    assert.ok(objects().includes(`pre/fix/results/${job_id}.wav`), objects().join(','));
    const a = await fetch(`${srv.base}/jobs/${job_id}/audio`, { redirect: 'manual' });
    assert.equal(a.status, 200);
    const body = Buffer.from(await a.arrayBuffer());
    assert.equal(body.subarray(0, 4).toString(), 'RIFF');
    const onDisk = fs.readFileSync(path.join(s3Dir, BUCKET, `pre/fix/results/${job_id}.wav._S3rver_object`));
    assert.ok(body.equals(onDisk), 'proxied bytes are the stored object');
  });

  it('s3rver stopped and restarted mid-run: retries, then the job succeeds', async () => {
    const r = await h.tts(srv, h.ttsFields({ mode: 'async', text: h.longText(6), nfe_step: 16, format: 'flac' }));
    const { job_id } = await r.json();
    assert.equal(r.status, 202);
    await h.waitJob(srv, job_id, ['running', 'succeeded', 'failed'], 60000);
    await kill(s3);
    assert.equal((await h.getJob(srv, job_id)).status, 'running', 's3rver went down while the job ran');
    await h.sleep(1500);
    s3 = await startS3();
    const j = await h.waitJob(srv, job_id, undefined, 120000);
    assert.equal(j.status, 'succeeded', JSON.stringify(j));
    const a = await fetch(`${srv.base}/jobs/${job_id}/audio`);
    assert.equal(a.status, 200);
    assert.equal(Buffer.from(await a.arrayBuffer()).subarray(0, 4).toString(), 'fLaC');
  });

  it('presign=S: the audio URL redirects to a presigned s3 URL that serves the result', async () => {
    await h.stopServer(srv);
    const p = await serve('&presign=120', ['--result-ttl', '3']);
    const r = await h.tts(p, h.ttsFields({ mode: 'async', nfe_step: 4, format: 'wav' }));
    const { job_id } = await r.json();
    const j = await h.waitJob(p, job_id, undefined, 120000);
    assert.equal(j.status, 'succeeded', JSON.stringify(j));
    const a = await fetch(`${p.base}/jobs/${job_id}/audio`, { redirect: 'manual' });
    assert.equal(a.status, 302);
    const loc = a.headers.get('location');
    assert.match(loc, new RegExp(`^http://127\\.0\\.0\\.1:${s3Port}/${BUCKET}/pre/fix/results/${job_id}\\.wav\\?X-Amz-Algorithm=AWS4-HMAC-SHA256&`));
    assert.match(loc, /X-Amz-Expires=120&/);
    const d = await fetch(loc);
    assert.equal(d.status, 200);
    assert.equal(Buffer.from(await d.arrayBuffer()).subarray(0, 4).toString(), 'RIFF');
    // expiry deletes the job's blobs from the bucket
    const deadline = Date.now() + 30000;
    while (objects().some((k) => k.includes(job_id)) && Date.now() < deadline) await h.sleep(200);
    assert.deepEqual(objects().filter((k) => k.includes(job_id)), []);
  });
});
