// trace.test.js - traces end to end: a small OTLP/HTTP (JSON) receiver runs
// in this process, `f5tts serve --otlp-endpoint` sends to it, and a request
// made with a given traceparent yields one trace with that trace id: the
// server span (parent = the caller's span), queue.wait and job under it,
// and the job's phases (storage, reference, text, each chunk's sampling and
// vocoding, encoding) under the job span, each with a duration > 0 and
// inside its parent. The JSON log lines carry the same ids and never the
// text. Then the receiver goes away: requests still succeed and
// f5tts_trace_spans_dropped_total rises.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const net = require('node:net');
const { spawn } = require('node:child_process');
const h = require('./lib/harness');

// ---- the receiver: POST /v1/traces with the OTLP JSON encoding
const rx = { server: null, port: 0, spans: [], posts: 0, bad: [] };
function startReceiver(port = 0) {
  return new Promise((resolve) => {
    rx.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => {
        rx.posts++;
        try {
          if (req.method !== 'POST' || req.url !== '/v1/traces') throw new Error(`${req.method} ${req.url}`);
          if (!/application\/json/.test(req.headers['content-type'] || '')) throw new Error('content-type');
          const doc = JSON.parse(body);
          for (const rs of doc.resourceSpans) {
            const ra = (k) => { const a = rs.resource.attributes.find((x) => x.key === k); return a && a.value.stringValue; };
            for (const ss of rs.scopeSpans)
              for (const s of ss.spans) rx.spans.push({ ...s, service: ra('service.name'), instance: ra('service.instance.id') });
          }
          res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
        } catch (e) {
          rx.bad.push(String(e));
          res.writeHead(400).end();
        }
      });
    });
    rx.server.listen(port, '127.0.0.1', () => { rx.port = rx.server.address().port; resolve(); });
  });
}

const attr = (s, k) => {
  const a = (s.attributes || []).find((x) => x.key === k);
  if (!a) return undefined;
  const v = a.value;
  return v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : v.doubleValue ?? v.boolValue);
};
const dur = (s) => BigInt(s.endTimeUnixNano) - BigInt(s.startTimeUnixNano);
const hex = (n) => [...Array(n)].map(() => Math.floor(Math.random() * 16).toString(16)).join('');

async function waitFor(pred, what, ms = 20000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = pred();
    if (v) return v;
    await h.sleep(100);
  }
  assert.fail(`timed out waiting for ${what} (${rx.posts} posts, ${rx.spans.length} spans, bad: ${rx.bad.slice(0, 2)}; ${rx.spans.map((s) => s.name + ':' + s.traceId.slice(0, 6) + ':' + s.kind).join(' ')})`);
}

async function metric(srv, line) {
  const text = await (await fetch(`${srv.base}/metrics`)).text();
  const m = text.split('\n').find((l) => l.startsWith(line + ' '));
  return m === undefined ? undefined : Number(m.slice(line.length + 1));
}

const TEXT = 'Zebra quartz whisper 4711, a sentence nobody else says.';
let srv;
before(async () => {
  await startReceiver();
  srv = await h.startServer({ args: ['--otlp-endpoint', `http://127.0.0.1:${rx.port}`] });
});
after(async () => {
  if (srv) await h.stopServer(srv);
  if (rx.server) rx.server.close();
});

// the spans of a trace once its job span has arrived
async function traceOf(traceId) {
  await waitFor(() => rx.spans.some((s) => s.traceId === traceId && s.name === 'job') &&
                      rx.spans.some((s) => s.traceId === traceId && s.kind === 2), `the spans of trace ${traceId}`);
  await h.sleep(300); // stragglers of the same batch window
  return rx.spans.filter((s) => s.traceId === traceId);
}

function checkTree(spans, given) {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  assert.equal(byId.size, spans.length, 'span ids are unique');
  const server = spans.filter((s) => s.kind === 2);
  assert.equal(server.length, 1, `one server span: ${spans.map((s) => s.name)}`);
  const req = server[0];
  assert.equal(req.name, 'POST /tts');
  assert.equal(req.parentSpanId, given.parent, 'the server span continues the caller\'s span');
  assert.equal(attr(req, 'http.response.status_code'), given.status);
  const job = spans.find((s) => s.name === 'job');
  const qw = spans.find((s) => s.name === 'queue.wait');
  assert.ok(job && qw, 'job and queue.wait spans');
  assert.equal(job.parentSpanId, req.spanId);
  assert.equal(qw.parentSpanId, req.spanId);
  assert.equal(attr(job, 'f5.job.state'), 'succeeded');
  assert.equal(job.status.code, 1);
  const kids = spans.filter((s) => s.parentSpanId === job.spanId);
  const names = kids.map((s) => s.name);
  for (const n of given.jobChildren) assert.ok(names.includes(n), `job has a ${n} child: ${names}`);
  const samples = kids.filter((s) => s.name === 'chunk.sample'), vocs = kids.filter((s) => s.name === 'chunk.vocode');
  assert.ok(samples.length >= 1 && samples.length === vocs.length, `${samples.length} samples, ${vocs.length} vocodes`);
  assert.deepEqual(samples.map((s) => attr(s, 'f5.chunk')).sort(), [...Array(samples.length).keys()]);
  assert.ok(samples.every((s) => attr(s, 'f5.n_chunks') === samples.length && attr(s, 'f5.nfe_step') === 4));
  // every span except queue.wait hangs below the server span
  for (const s of spans) {
    if (s === req) continue;
    let p = s, hops = 0;
    while (p.parentSpanId && p !== req && hops++ < 5) p = byId.get(p.parentSpanId) || {};
    assert.equal(p, req, `${s.name} is below the server span`);
  }
  const slop = 5_000_000n; // 5 ms: monotonic -> unix conversion of each end
  for (const s of spans) {
    assert.match(s.startTimeUnixNano, /^\d+$/);
    if (s.name === 'queue.wait') assert.ok(dur(s) >= 0n);
    else assert.ok(dur(s) > 0n, `${s.name} lasted ${dur(s)} ns`);
    const p = byId.get(s.parentSpanId);
    // an async job outlives its request (202 first): only its own children must nest
    if (p && s.name !== 'queue.wait' && (given.sync || p !== req)) {
      assert.ok(BigInt(s.startTimeUnixNano) + slop >= BigInt(p.startTimeUnixNano), `${s.name} starts inside ${p.name}`);
      assert.ok(BigInt(s.endTimeUnixNano) <= BigInt(p.endTimeUnixNano) + slop, `${s.name} ends inside ${p.name}`);
    }
    assert.equal(s.service, 'f5tts');
    for (const a of s.attributes || []) assert.ok(!String(a.value.stringValue || '').includes('Zebra'), 'no text in spans');
  }
  return { req, job };
}

describe('tracing', () => {
  it('a sync request with a traceparent: one trace, the expected parent/child spans', async () => {
    const given = { trace: hex(32), parent: hex(16) };
    const r = await h.tts(srv, h.ttsFields({ text: TEXT, format: 'wav', nfe_step: 4, seed: 1 }),
                          { traceparent: `00-${given.trace}-${given.parent}-01` });
    assert.equal(r.status, 200, await r.clone().text());
    await r.arrayBuffer();
    const tp = r.headers.get('traceparent');
    assert.match(tp, new RegExp(`^00-${given.trace}-[0-9a-f]{16}-01$`));
    const spans = await traceOf(given.trace);
    const { req, job } = checkTree(spans, { ...given, status: 200, sync: true,
      jobChildren: ['storage.get', 'reference.prepare', 'text.prepare', 'chunk.sample', 'chunk.vocode'] });
    assert.equal(req.spanId, tp.split('-')[2], 'the response\'s traceparent names the server span');
    // the log lines carry the same ids, and the text only as length + hash
    await waitFor(() => srv.logs.some((l) => l.event === 'request' && l.trace_id === given.trace), 'the request log line');
    const rl = srv.logs.find((l) => l.event === 'request' && l.trace_id === given.trace);
    assert.equal(rl.span_id, req.spanId);
    assert.equal(rl.parent_span_id, given.parent);
    const jl = srv.logs.filter((l) => l.event === 'job' && l.trace_id === given.trace);
    assert.ok(jl.length >= 2, 'running + finished job lines');
    for (const l of jl) {
      assert.equal(l.span_id, job.spanId);
      assert.equal(l.text_bytes, Buffer.byteLength(TEXT));
      assert.match(l.text_sha256, /^[0-9a-f]{16}$/);
    }
    assert.ok(!srv.logs.some((l) => JSON.stringify(l).includes('Zebra')), 'no log line holds the text');
  });

  it('an async job: encode and storage.put under the job, same trace', async () => {
    const given = { trace: hex(32), parent: hex(16) };
    const r = await h.tts(srv, h.ttsFields({ mode: 'async', format: 'flac', nfe_step: 4, seed: 2 }),
                          { traceparent: `00-${given.trace}-${given.parent}-01` });
    assert.equal(r.status, 202, await r.clone().text());
    const { job_id } = await r.json();
    assert.equal((await h.waitJob(srv, job_id)).status, 'succeeded');
    const spans = await traceOf(given.trace);
    const { job } = checkTree(spans, { ...given, status: 202, sync: false,
      jobChildren: ['storage.get', 'reference.prepare', 'chunk.sample', 'encode', 'storage.put'] });
    assert.equal(attr(job, 'f5.job.id'), job_id);
  });

  it('a traceparent that is not sampled exports nothing', async () => {
    const trace = hex(32);
    const r = await h.tts(srv, h.ttsFields({ format: 'wav', nfe_step: 4, seed: 3 }), { traceparent: `00-${trace}-${hex(16)}-00` });
    assert.equal(r.status, 200);
    await r.arrayBuffer();
    await h.sleep(1800); // > the exporter's 1 s flush interval
    assert.equal(rx.spans.filter((s) => s.traceId === trace).length, 0);
  });

  it('across the Redis queue: a worker process continues the API node\'s trace', async () => {
    const port = await h.freePort(), dir = h.tmpDir('f5redis-'), storage = h.tmpDir('f5blobs-');
    const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '',
                                         '--appendonly', 'no', '--protected-mode', 'no'], { stdio: 'ignore' });
    const up = () => new Promise((resolve) => {
      const c = net.connect(port, '127.0.0.1');
      c.on('connect', () => { c.destroy(); resolve(true); });
      c.on('error', () => resolve(false));
    });
    let api, worker;
    try {
      for (let i = 0; i < 100 && !(await up()); i++) await h.sleep(50);
      const queue = `redis://127.0.0.1:${port}/0`, otlp = `http://127.0.0.1:${rx.port}`;
      api = await h.startServer({ args: ['--role', 'api', '--queue', queue, '--storage', `fs:${storage}`, '--otlp-endpoint', otlp] });
      worker = spawn(h.BIN, ['worker', '--data', h.tmpDir('f5wk-'), '--model', h.testModel(), '--test-model', '--queue', queue,
                             '--storage', `fs:${storage}`, '--otlp-endpoint', otlp], { stdio: 'ignore' });
      const given = { trace: hex(32), parent: hex(16) };
      const r = await h.tts(api, h.ttsFields({ mode: 'async', format: 'wav', nfe_step: 4, seed: 4 }),
                            { traceparent: `00-${given.trace}-${given.parent}-01` });
      assert.equal(r.status, 202, await r.clone().text());
      const { job_id } = await r.json();
      assert.equal((await h.waitJob(api, job_id, undefined, 120000)).status, 'succeeded');
      const spans = await traceOf(given.trace);
      const { req, job } = checkTree(spans, { ...given, status: 202, sync: false,
        jobChildren: ['storage.get', 'reference.prepare', 'chunk.sample', 'encode', 'storage.put'] });
      assert.equal(attr(job, 'f5.job.id'), job_id);
      assert.equal(job.parentSpanId, req.spanId, 'the worker\'s job span hangs below the API node\'s request span');
    } finally {
      if (worker && worker.exitCode === null) { worker.kill('SIGTERM'); await new Promise((r) => worker.once('exit', r)); }
      if (api) await h.stopServer(api);
      redis.kill('SIGTERM');
      await new Promise((r) => redis.once('exit', r));
    }
  });

  it('exported counter = spans received; receiver down: requests succeed, dropped spans rise', async () => {
    await h.sleep(1500);
    assert.equal(rx.bad.length, 0, rx.bad.join('; '));
    // service.instance.id is <host>-<pid>: this server's spans (the Redis test's processes sent theirs too)
    const mine = rx.spans.filter((s) => s.instance.endsWith(`-${srv.child.pid}`));
    assert.ok(mine.length > 20 && mine.length < rx.spans.length);
    assert.equal(await metric(srv, 'f5tts_trace_spans_exported_total'), mine.length);
    const before = await metric(srv, 'f5tts_trace_spans_dropped_total{reason="export_failed"}');
    assert.equal(before, 0);
    await new Promise((r) => { rx.server.close(r); rx.server.closeAllConnections(); });
    for (let i = 0; i < 3; i++) {
      const r = await h.tts(srv, h.ttsFields({ format: 'wav', nfe_step: 4, seed: 10 + i }));
      assert.equal(r.status, 200);
      await r.arrayBuffer();
    }
    const end = Date.now() + 15000;
    let now;
    while (Date.now() < end) {
      now = await metric(srv, 'f5tts_trace_spans_dropped_total{reason="export_failed"}');
      if (now >= 3 * 8) break; // 3 requests x (server, queue.wait, job, storage.get, reference, text, >= 1 sample + vocode)
      await h.sleep(200);
    }
    assert.ok(now >= 24, `dropped spans: ${now}`);
    assert.ok(srv.logs.some((l) => l.event === 'trace' && l.level === 'warn'), 'the failed export is logged');
    // the service still answers promptly
    const t0 = Date.now();
    assert.equal((await fetch(`${srv.base}/healthz`)).status, 200);
    assert.ok(Date.now() - t0 < 1000);
  });

  it('a receiver that accepts and never answers: requests do not wait for it', async () => {
    const held = [];
    const hole = net.createServer((c) => { held.push(c); c.on('error', () => {}); }); // reads nothing, answers nothing
    await new Promise((r) => hole.listen(rx.port, '127.0.0.1', r));
    try {
      const before = await metric(srv, 'f5tts_trace_spans_dropped_total{reason="export_failed"}');
      const r = await h.tts(srv, h.ttsFields({ format: 'wav', nfe_step: 4, seed: 20 }));
      assert.equal(r.status, 200, await r.clone().text());
      await r.arrayBuffer();
      await waitFor(() => held.length > 0, 'the exporter to connect to the black hole');
      let worst = 0; // traced probes while the export thread hangs in its POST
      for (let i = 0; i < 30; i++) {
        const t0 = Date.now();
        const q = await fetch(`${srv.base}/healthz`, { headers: { traceparent: `00-${hex(32)}-${hex(16)}-01` } });
        assert.equal(q.status, 200);
        worst = Math.max(worst, Date.now() - t0);
      }
      assert.ok(worst < 1000, `a request took ${worst} ms while the exporter hung`);
      // the hung POST times out (5 s) and its spans are counted dropped
      const end = Date.now() + 15000;
      let now = before;
      while (Date.now() < end && now <= before) {
        await h.sleep(250);
        now = await metric(srv, 'f5tts_trace_spans_dropped_total{reason="export_failed"}');
      }
      assert.ok(now > before, `dropped ${before} -> ${now}`);
    } finally {
      for (const c of held) c.destroy();
      hole.close();
    }
  });
});
