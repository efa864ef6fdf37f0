// metrics.test.js - GET /metrics against a real Prometheus: a live scrape
// passes `promtool check metrics`; Prometheus (own process, free port,
// generated config, temp TSDB) scrapes the service while it synthesises and
// answers errors, and its query API reports exactly the requests made and
// histogram sums above zero.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./lib/harness');

let srv, prom, promBase;
before(async () => {
  srv = await h.startServer({});
});
after(async () => {
  if (prom && prom.exitCode === null) {
    prom.kill('SIGTERM');
    await new Promise((r) => prom.once('exit', r));
  }
  if (srv) await h.stopServer(srv);
});

async function promQuery(q) {
  const r = await fetch(`${promBase}/api/v1/query?query=${encodeURIComponent(q)}`);
  const j = await r.json();
  assert.equal(j.status, 'success', JSON.stringify(j));
  return j.data.result;
}

// the query's single value once Prometheus has it and it equals want (or any when want undefined)
async function waitValue(q, want, timeoutMs = 30000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    const res = await promQuery(q);
    if (res.length === 1) {
      last = Number(res[0].value[1]);
      if (want === undefined || last === want) return last;
    }
    await h.sleep(300);
  }
  assert.fail(`${q}: wanted ${want}, last ${last}`);
}

describe('metrics', () => {
  it('a live scrape passes promtool check metrics', async () => {
    await (await fetch(`${srv.base}/healthz`)).arrayBuffer();
    const text = await (await fetch(`${srv.base}/metrics`)).text();
    const r = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    assert.equal(r.status, 0, `promtool check metrics:\n${r.stdout}${r.stderr}`);
  });

  it('process, model, disk gauges are there; GPU families only in CUDA builds', async () => {
    const text = await (await fetch(`${srv.base}/metrics`)).text();
    const val = (name) => {
      const l = text.split('\n').find((x) => x.startsWith(name + ' '));
      return l === undefined ? undefined : Number(l.slice(name.length + 1));
    };
    for (const g of ['f5tts_process_resident_memory_bytes', 'f5tts_process_open_fds', 'f5tts_memory_limit_bytes',
                     'f5tts_data_disk_free_bytes', 'f5tts_data_disk_size_bytes', 'f5tts_model_disk_free_bytes',
                     'f5tts_model_disk_size_bytes', 'f5tts_model_load_seconds', 'f5tts_model_warmup_seconds'])
      assert.ok(val(g) > 0, `${g} = ${val(g)}`);
    assert.ok(val('f5tts_memory_limit_bytes') > val('f5tts_process_resident_memory_bytes'));
    assert.ok(val('f5tts_data_disk_free_bytes') <= val('f5tts_data_disk_size_bytes'));
    assert.equal(val('f5tts_trace_spans_exported_total'), 0); // tracing is off here
    assert.ok(!/^f5tts_gpu_/m.test(text), 'no GPU series in a CPU build');
  });

  it('Prometheus scrapes exactly the requests made', async () => {
    const dir = h.tmpDir('f5-prom-');
    const port = await h.freePort();
    const target = new URL(srv.base).host;
    fs.writeFileSync(path.join(dir, 'prometheus.yml'),
      `global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: f5tts\n    static_configs:\n      - targets: ['${target}']\n`);
    prom = spawn('prometheus', [`--config.file=${path.join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(dir, 'tsdb')}`,
                                `--web.listen-address=127.0.0.1:${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let promLog = '';
    prom.stderr.on('data', (d) => { promLog = (promLog + d).slice(-4000); });
    promBase = `http://127.0.0.1:${port}`;
    const end = Date.now() + 30000;
    for (;;) {
      try { if ((await fetch(`${promBase}/-/ready`)).status === 200) break; } catch { /* not up yet */ }
      assert.ok(Date.now() < end && prom.exitCode === null, `prometheus did not start:\n${promLog}`);
      await h.sleep(200);
    }
    await waitValue('up{job="f5tts"}', 1);

    const N = 3;
    for (let i = 0; i < N; i++) {
      const r = await h.tts(srv, h.ttsFields({ format: 'wav', nfe_step: 4, seed: i }));
      assert.equal(r.status, 200, await r.clone().text());
      await r.arrayBuffer();
    }
    const bad = await h.tts(srv, h.ttsFields({ text: '' }));
    await bad.arrayBuffer();
    assert.ok(bad.status >= 400 && bad.status < 500, `empty text answers ${bad.status}`);
    for (let i = 0; i < 2; i++) await (await fetch(`${srv.base}/jobs/doesnotexist`)).arrayBuffer();

    await waitValue('f5tts_http_requests_total{route="/tts",code="200"}', N);
    await waitValue(`f5tts_http_requests_total{route="/tts",code="${bad.status}"}`, 1);
    await waitValue('f5tts_http_requests_total{route="/jobs/{id}",code="404"}', 2);
    await waitValue('f5tts_jobs_finished_total{state="succeeded"}', N);
    await waitValue('f5tts_synthesis_duration_seconds_count', N);
    assert.ok(await waitValue('f5tts_synthesis_duration_seconds_sum') > 0);
    assert.ok(await waitValue('f5tts_audio_seconds_total') > 0);
    assert.ok(await waitValue('f5tts_synthesis_rtf_sum') > 0);
    assert.ok(await waitValue('f5tts_nfe_step_duration_seconds_count') >= N * 3, 'per-step times observed');
    assert.ok(await waitValue('f5tts_queue_wait_seconds_count') >= N);
    assert.ok(await waitValue('f5tts_http_request_duration_seconds_sum{route="/tts"}') > 0);
    await waitValue('f5tts_http_request_duration_seconds_count{route="/tts"}', N + 1);
    await waitValue('f5tts_inflight_inferences', 0);
    assert.ok(await waitValue('f5tts_process_resident_memory_bytes') > 1e6);
    const p = await promQuery('histogram_quantile(0.95, sum by(le) (f5tts_http_request_duration_seconds_bucket{route="/tts"}))');
    assert.equal(p.length, 1);
    assert.ok(Number(p[0].value[1]) > 0, 'p95 from the buckets');
  });
});
