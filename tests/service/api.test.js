// api.test.js - black-box tests of the HTTP contract against a real server
// with the test model: sync synthesis in every format, streaming order,
// async lifecycle, SSE, cancellation, client disconnect, every error class.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./lib/harness');

let srv;
before(async () => {
  srv = await h.startServer({ args: ['--max-ref-seconds', '20', '--max-text-chars', '3000', '--max-body-bytes', '4000000'] });
});
after(async () => {
  if (srv) {
    const r = await h.stopServer(srv);
    assert.equal(r.code, 0, 'graceful shutdown exits 0');
  }
});

function assertError(status, body, wantStatus, wantCode, r) {
  assert.equal(status, wantStatus, JSON.stringify(body));
  assert.ok(body.error, `error envelope: ${JSON.stringify(body)}`);
  assert.equal(body.error.code, wantCode);
  assert.ok(body.error.message.length > 5);
  assert.equal(body.error.request_id, r.headers.get('x-request-id'));
}

const MAGIC = {
  wav: (b) => b.subarray(0, 4).toString() === 'RIFF' && b.subarray(8, 12).toString() === 'WAVE',
  flac: (b) => b.subarray(0, 4).toString() === 'fLaC',
  ogg: (b) => b.subarray(0, 4).toString() === 'OggS',
  mp3: (b) => b.subarray(0, 3).toString() === 'ID3' || (b[0] === 0xff && (b[1] & 0xe0) === 0xe0),
  pcm: (b) => b.length % 2 === 0,
};

describe('sync synthesis', () => {
  for (const fmt of ['wav', 'flac', 'ogg', 'mp3', 'pcm']) {
    it(`returns ${fmt} audio with job, seed and request id headers`, async () => {
      const r = await h.tts(srv, h.ttsFields({ format: fmt, nfe_step: 4, seed: 42 }), { 'X-Request-ID': `test-${fmt}` });
      const body = Buffer.from(await r.arrayBuffer());
      assert.equal(r.status, 200, body.toString().slice(0, 300));
      assert.equal(r.headers.get('x-request-id'), `test-${fmt}`);
      assert.match(r.headers.get('x-job-id'), /^[0-9a-f]{32}$/);
      assert.equal(r.headers.get('x-seed'), '42');
      assert.ok(body.length > 1000, `${fmt}: ${body.length} bytes`);
      assert.ok(MAGIC[fmt](body), `${fmt} magic: ${body.subarray(0, 12).toString('hex')}`);
      const job = await h.getJob(srv, r.headers.get('x-job-id'));
      assert.equal(job.status, 'succeeded');
      assert.equal(job.mode, 'sync');
      assert.ok(job.audio_seconds > 0 && job.rtf > 0);
    });
  }

  it('streams: the first bytes arrive while the job is still running', async () => {
    const r = await h.tts(srv, h.ttsFields({ text: h.longText(6), nfe_step: 16 }));
    assert.equal(r.status, 200);
    const id = r.headers.get('x-job-id');
    const reader = r.body.getReader();
    const first = await reader.read();
    assert.ok(!first.done && first.value.length >= 44, 'first chunk');
    const during = await h.getJob(srv, id); // asked right after the first chunk arrived
    let total = first.value.length;
    for (;;) { const c = await reader.read(); if (c.done) break; total += c.value.length; }
    const end = await h.getJob(srv, id);
    console.log(`streaming: first chunk ${first.value.length} B while job ${during.status} at progress ` +
                `${during.progress.toFixed(3)}; total ${total} B, ${end.audio_seconds.toFixed(2)} s audio`);
    // request-path overhead, from the server's own log lines (reported, not asserted)
    const fmt = (x) => (typeof x === 'number' ? x.toFixed(3) : '?');
    let jl = [];
    for (let i = 0; i < 50 && jl.filter((l) => (l.event === 'request' && l.method === 'POST') || l.status === 'succeeded').length < 2; i++) {
      await h.sleep(100);
      jl = srv.logs.filter((l) => l.job_id === id);
    }
    const started = jl.find((l) => l.event === 'job' && l.status === 'running');
    const ended = jl.find((l) => l.event === 'job' && l.status === 'succeeded');
    const req = jl.find((l) => l.event === 'request' && l.method === 'POST');
    console.log(`overhead: body received -> claimed ${fmt(started?.queue_wait_ms)} ms, ` +
                `claimed -> first pipeline call ${fmt(ended?.claim_to_engine_ms)} ms, ` +
                `last chunk -> end of stream ${fmt(req?.tail_ms)} ms`);
    if (!req || req.tail_ms === undefined) console.log(JSON.stringify(jl));
    assert.equal(during.status, 'running', 'the job was still running when the first chunk arrived');
    assert.ok(during.progress < 1, `progress ${during.progress} < 1 at first chunk`);
    assert.equal(end.status, 'succeeded');
    assert.ok(total > first.value.length, 'more audio followed the first chunk');
  });

  it('a client that disconnects cancels its job', async () => {
    const ac = new AbortController();
    const r = await h.tts(srv, h.ttsFields({ text: h.longText(12), nfe_step: 32 }), {}, ac.signal);
    assert.equal(r.status, 200);
    const id = r.headers.get('x-job-id');
    const reader = r.body.getReader();
    await reader.read();
    ac.abort();
    const j = await h.waitJob(srv, id);
    assert.equal(j.status, 'cancelled', JSON.stringify(j));
    assert.equal(j.error.code, 'cancelled');
  });
});

describe('async jobs', () => {
  it('202 with job urls, then succeeds with a stored result', async () => {
    const r = await h.tts(srv, h.ttsFields({ format: 'flac', nfe_step: 4 }), { Prefer: 'respond-async' });
    const b = await r.json();
    assert.equal(r.status, 202, JSON.stringify(b));
    assert.match(b.job_id, /^[0-9a-f]{32}$/);
    assert.equal(b.status, 'queued');
    assert.equal(b.status_url, `/jobs/${b.job_id}`);
    assert.equal(b.result_url, `/jobs/${b.job_id}/audio`);
    assert.equal(r.headers.get('location'), b.status_url);
    const j = await h.waitJob(srv, b.job_id);
    assert.equal(j.status, 'succeeded', JSON.stringify(j));
    assert.equal(j.progress, 1);
    for (const k of ['created_at', 'started_at', 'finished_at']) assert.match(j[k], /^\d{4}-\d\d-\d\dT/, k);
    assert.ok(j.audio_seconds > 0 && j.rtf > 0);
    assert.equal(j.error, null);
    const a = await fetch(`${srv.base}${j.result_url}`);
    assert.equal(a.status, 200);
    assert.equal(a.headers.get('content-type'), 'audio/flac');
    assert.ok(MAGIC.flac(Buffer.from(await a.arrayBuffer())));
  });

  it('SSE: progress events then done', async () => {
    const r = await h.tts(srv, h.ttsFields({ mode: 'async', text: h.longText(3), nfe_step: 8 }));
    const { job_id } = await r.json();
    const ev = await fetch(`${srv.base}/jobs/${job_id}/events`);
    assert.equal(ev.status, 200);
    assert.match(ev.headers.get('content-type'), /text\/event-stream/);
    const text = await ev.text(); // the stream ends after done/error
    const events = text.split('\n\n').filter((b) => b.includes('event:')).map((b) => ({
      event: /event: (\w+)/.exec(b)[1], data: JSON.parse(/data: (.*)/.exec(b)[1]) }));
    const names = events.map((e) => e.event);
    assert.ok(names.includes('progress'), names.join(','));
    assert.equal(names[names.length - 1], 'done');
    assert.equal(names.filter((n) => n === 'done').length, 1);
    const progress = events.filter((e) => e.event === 'progress').map((e) => e.data.progress);
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i] >= progress[i - 1], 'progress never goes back');
    assert.equal(events[events.length - 1].data.status, 'succeeded');
  });

  it('DELETE cancels a running job and a queued one', async () => {
    const a = await (await h.tts(srv, h.ttsFields({ mode: 'async', text: h.longText(30), nfe_step: 64 }))).json();
    const b = await (await h.tts(srv, h.ttsFields({ mode: 'async', nfe_step: 4 }))).json();
    await h.waitJob(srv, a.job_id, ['running', 'succeeded', 'failed', 'cancelled']);
    const qb = await h.getJob(srv, b.job_id);
    assert.equal(qb.status, 'queued', 'concurrency 1: the second job waits');
    const db = await fetch(`${srv.base}/jobs/${b.job_id}`, { method: 'DELETE' });
    assert.equal(db.status, 200);
    assert.equal((await db.json()).status, 'cancelled');
    const da = await fetch(`${srv.base}/jobs/${a.job_id}`, { method: 'DELETE' });
    const ja = await da.json();
    assert.equal(da.status, 200, JSON.stringify(ja));
    assert.equal((await h.waitJob(srv, a.job_id)).status, 'cancelled');
    const again = await fetch(`${srv.base}/jobs/${a.job_id}`, { method: 'DELETE' });
    assert.equal(again.status, 409);
    const audio = await fetch(`${srv.base}/jobs/${a.job_id}/audio`);
    assert.equal(audio.status, 409);
  });
});

describe('errors', () => {
  async function expectError(fields, status, code, headers = {}, field) {
    const r = await h.tts(srv, fields, headers);
    const b = await r.json();
    assertError(r.status, b, status, code, r);
    if (field) assert.equal(b.error.field, field);
    return r;
  }
  it('400 unknown field', () => expectError(h.ttsFields({ colour: 'red' }), 400, 'unknown_field', {}, 'colour'));
  it('400 malformed values name the field', async () => {
    await expectError(h.ttsFields({ speed: 'fast' }), 400, 'invalid_field', {}, 'speed');
    await expectError(h.ttsFields({ nfe_step: '0' }), 400, 'invalid_field', {}, 'nfe_step');
    await expectError(h.ttsFields({ cfg_strength: 'NaN' }), 400, 'invalid_field', {}, 'cfg_strength');
    await expectError(h.ttsFields({ seed: '-5' }), 400, 'invalid_field', {}, 'seed');
    await expectError(h.ttsFields({ format: 'aiff' }), 400, 'invalid_field', {}, 'format');
    await expectError(h.ttsFields({ remove_silence: 'maybe' }), 400, 'invalid_field', {}, 'remove_silence');
    await expectError(h.ttsFields({ mode: 'later' }), 400, 'invalid_field', {}, 'mode');
  });
  it('400 missing fields', async () => {
    await expectError(h.ttsFields({ text: undefined }), 400, 'missing_field', {}, 'text');
    await expectError(h.ttsFields({ voice: undefined }), 400, 'missing_field', {}, 'voice');
    await expectError(h.ttsFields({ ref_text: '  ' }), 422, 'ref_text_required', {}, 'ref_text'); /* no --asr-url */
  });
  it('404 unknown voice_id, unknown job, unknown route', async () => {
    await expectError(h.ttsFields({ voice: undefined, voice_id: 'alice' }), 404, 'voice_not_found');
    let r = await fetch(`${srv.base}/jobs/${'0'.repeat(32)}`);
    assertError(r.status, await r.json(), 404, 'job_not_found', r);
    r = await fetch(`${srv.base}/no/such/route`);
    assertError(r.status, await r.json(), 404, 'not_found', r);
  });
  it('405 wrong method with Allow', async () => {
    const r = await fetch(`${srv.base}/tts`);
    assertError(r.status, await r.json(), 405, 'method_not_allowed', r);
    assert.match(r.headers.get('allow'), /POST/);
  });
  it('413 body and text limits', async () => {
    await expectError(h.ttsFields({ voice: Buffer.alloc(5000000) }), 413, 'body_too_large');
    await expectError(h.ttsFields({ text: 'á'.repeat(3001) }), 413, 'text_too_long', {}, 'text');
  });
  it('415 not multipart', async () => {
    const r = await fetch(`${srv.base}/tts`, { method: 'POST', body: JSON.stringify({ text: 'x' }),
                                                headers: { 'Content-Type': 'application/json' } });
    assertError(r.status, await r.json(), 415, 'unsupported_media_type', r);
  });
  it('415 a reference that is not audio at all', () =>
    expectError(h.ttsFields({ voice: Buffer.from('this is not audio at all, just text bytes'.repeat(20)) }),
                415, 'unsupported_format'));
  it('422 corrupt, too long and too short references', async () => {
    const corrupt = h.refWav(2);
    corrupt.fill(0, 20, 36); // wipe the fmt chunk
    await expectError(h.ttsFields({ voice: corrupt }), 422, 'invalid_audio');
    await expectError(h.ttsFields({ voice: h.refWav(25) }), 422, 'audio_too_long');
    await expectError(h.ttsFields({ voice: h.refWav(0.05) }), 422, 'audio_too_short');
  });
  it('400 malformed multipart', async () => {
    const r = await fetch(`${srv.base}/tts`, { method: 'POST', body: '--b\r\nno headers here',
                                                headers: { 'Content-Type': 'multipart/form-data; boundary=b' } });
    assertError(r.status, await r.json(), 400, 'invalid_multipart', r);
  });
  it('every response carries X-Request-ID', async () => {
    for (const p of ['/healthz', '/readyz', '/version', '/config', '/metrics', '/', '/nope']) {
      const r = await fetch(`${srv.base}${p}`);
      assert.match(r.headers.get('x-request-id') || '', /^[0-9a-f]{32}$/, p);
      await r.arrayBuffer();
    }
  });
  it('W3C traceparent: continued when valid (same trace, new span, tracestate passed), new trace otherwise', async () => {
    const tp = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const r = await fetch(`${srv.base}/version`, { headers: { traceparent: tp, tracestate: 'vendor=x1' } });
    await r.arrayBuffer();
    const back = r.headers.get('traceparent') || '';
    assert.match(back, /^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    assert.notEqual(back.split('-')[2], '00f067aa0ba902b7', 'the service span is its own');
    assert.equal(r.headers.get('tracestate'), 'vendor=x1');
    const rid = r.headers.get('x-request-id');
    let line;
    for (let i = 0; i < 50 && !line; i++) {
      line = srv.logs.find((l) => l.event === 'request' && l.request_id === rid);
      if (!line) await h.sleep(50);
    }
    assert.ok(line, 'request log line');
    assert.equal(line.trace_id, '4bf92f3577b34da6a3ce929d0e0e4736');
    assert.equal(line.parent_span_id, '00f067aa0ba902b7');
    assert.equal(line.span_id, back.split('-')[2]);
    const r2 = await fetch(`${srv.base}/version`, { headers: { traceparent: '00-zz-bad' } });
    await r2.arrayBuffer();
    const t2 = r2.headers.get('traceparent') || '';
    assert.match(t2, /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    assert.notEqual(t2.split('-')[1], '4bf92f3577b34da6a3ce929d0e0e4736');
    assert.equal(r2.headers.get('tracestate'), null);
  });
  it('version, config (redacted) and metrics', async () => {
    const v = await (await fetch(`${srv.base}/version`)).json();
    assert.equal(v.test_model, true);
    assert.ok(v.engine && v.engine.arch, JSON.stringify(v));
    assert.equal(typeof v.cuda_built, 'boolean', 'cuda_built in /version');
    assert.ok(['cpu', 'cuda'].includes(v.device) && v.engine.device === v.device, JSON.stringify(v));
    const c = await (await fetch(`${srv.base}/config`)).json();
    assert.equal(c['max-text-chars'], 3000);
    const scrape = async () => {
      const r = await fetch(`${srv.base}/metrics`);
      assert.match(r.headers.get('content-type') || '', /^text\/plain; version=0\.0\.4/);
      return r.text();
    };
    const num = (text, re) => { const x = text.match(re); return x ? Number(x[1]) : 0; };
    const verRe = /^f5tts_http_requests_total\{route="\/version",code="200"\} (\S+)$/m;
    const m0 = await scrape();
    const before = num(m0, verRe);
    for (let i = 0; i < 3; i++) await (await fetch(`${srv.base}/version`)).arrayBuffer();
    await (await fetch(`${srv.base}/nope`)).arrayBuffer();
    const m = await scrape();
    assert.equal(num(m, verRe), before + 3, 'three /version requests counted');
    assert.match(m, /^f5tts_http_requests_total\{route="unmatched",code="404"\} [1-9]\d*$/m);
    assert.match(m, /^f5tts_http_request_duration_seconds_bucket\{route="\/version",le="\+Inf"\} [1-9]\d*$/m);
    assert.ok(num(m, /^f5tts_http_request_duration_seconds_sum\{route="\/version"\} (\S+)$/m) > 0);
    assert.ok(num(m, /^f5tts_process_resident_memory_bytes (\S+)$/m) > 1e6);
    assert.ok(num(m, /^f5tts_process_open_fds (\S+)$/m) > 2);
    assert.match(m, /^f5tts_model_load_seconds \S+$/m);
    assert.match(m, /^f5tts_queue_depth \d+$/m);
    assert.match(m, /^f5tts_ready 1$/m);
    assert.doesNotMatch(m, /f5tts_gpu_/, 'no GPU gauges in a CPU build');
  });
});
