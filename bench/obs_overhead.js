// obs_overhead.js - metrics + tracing cost as a share of a synthesis, end
// to end: two `f5tts serve` processes in the same run (same test model,
// same settings, one thread each), one with --otlp-endpoint to a receiver
// in this process, one without; sync /tts requests alternate between them
// (A B A B ...) so drift and neighbours hit both alike. Reported per
// request: server CPU time (utime+stime from /proc, export thread
// included), the job's engine wall time (job log line) and the client's
// latency; and the on/off ratios.
//   F5_BIN=build/f5tts node bench/obs_overhead.js [requests per side] [nfe]
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const h = require('../tests/service/lib/harness');

const N = Number(process.argv[2] || 40), NFE = Number(process.argv[3] || 32);
const ticks = (pid) => { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return Number(f[11]) + Number(f[12]); };
const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };

(async () => {
  let spans = 0;
  const rx = http.createServer((req, res) => {
    let b = '';
    req.on('data', (d) => { b += d; });
    req.on('end', () => { spans += JSON.parse(b).resourceSpans[0].scopeSpans[0].spans.length; res.end('{}'); });
  });
  await new Promise((r) => rx.listen(0, '127.0.0.1', r));
  const common = ['--threads', '1'];
  const on = await h.startServer({ args: [...common, '--otlp-endpoint', `http://127.0.0.1:${rx.address().port}`] });
  const off = await h.startServer({ args: common });
  const side = { on: { srv: on, lat: [], cpu: 0 }, off: { srv: off, lat: [], cpu: 0 } };
  const fields = () => h.ttsFields({ text: h.longText(2), format: 'wav', nfe_step: NFE, seed: 7 });
  for (const s of Object.values(side)) { const r = await h.tts(s.srv, fields()); await r.arrayBuffer(); } // warm both
  for (const s of Object.values(side)) s.cpu0 = ticks(s.srv.child.pid);
  for (let i = 0; i < N; i++) {
    for (const name of i % 2 ? ['off', 'on'] : ['on', 'off']) {
      const s = side[name], t0 = process.hrtime.bigint();
      const r = await h.tts(s.srv, fields());
      if (r.status !== 200) throw new Error(`${name}: ${r.status} ${await r.text()}`);
      await r.arrayBuffer();
      s.lat.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  await h.sleep(1500); // the last batch of spans goes out within 1 s
  const hz = 100; // USER_HZ
  for (const [name, s] of Object.entries(side)) {
    s.cpuMs = (ticks(s.srv.child.pid) - s.cpu0) / hz * 1000 / N;
    s.engine = s.srv.logs.filter((l) => l.event === 'job' && l.status === 'succeeded').slice(-N).map((l) => l.wall_ms);
    console.log(`${name.padEnd(3)}: CPU ${s.cpuMs.toFixed(1)} ms/request, job wall mean ${mean(s.engine).toFixed(1)} ms ` +
                `median ${median(s.engine).toFixed(1)} ms, client latency mean ${mean(s.lat).toFixed(1)} ms median ${median(s.lat).toFixed(1)} ms`);
  }
  const r = (k, f) => (f(side.on[k]) / f(side.off[k]) - 1) * 100;
  console.log(`on/off: CPU ${r('cpuMs', (x) => x).toFixed(2)}%, job wall (median) ${r('engine', median).toFixed(2)}%, ` +
              `latency (median) ${r('lat', median).toFixed(2)}%; spans received ${spans} (${(spans / (N + 1)).toFixed(1)} per request)`);
  await h.stopServer(on);
  await h.stopServer(off);
  rx.close();
})().catch((e) => { console.error(e); process.exit(1); });
