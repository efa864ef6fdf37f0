// voice_latency.js - time to first audio of POST /tts by upload vs by a saved
// voice (voice_id), against `f5tts serve` with the test model (or --model DIR
// through F5_BENCH_MODEL). The reference is a 10 s 44.1 kHz 16-bit WAV
// (880 kB). Per mode, N runs with fresh bytes where the mode is "cold":
//   upload-new     a clip never seen: upload + decode + preprocessing
//   upload-repeat  the same clip again: upload, reference cache hit
//   voice-first    the first synthesis of a just-enrolled voice (prepared then)
//   voice-id       later syntheses by voice_id (no upload, cache hit)
// Client time to first byte (request start -> first audio byte) and the
// job's voice_prep_ms (server: getting the prepared reference) are printed
// as median / min over the runs.
// Usage: F5_BIN=build/f5tts node bench/voice_latency.js [runs]
'use strict';
const h = require('../tests/service/lib/harness');

const RUNS = Number(process.argv[2] || 7);
function wav44(seconds, salt) {
  const rate = 44100, n = Math.round(seconds * rate), b = Buffer.alloc(44 + n * 2);
  b.write('RIFF', 0); b.writeUInt32LE(36 + n * 2, 4); b.write('WAVEfmt ', 8); b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); b.writeUInt16LE(1, 22); b.writeUInt32LE(rate, 24); b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32); b.writeUInt16LE(16, 34); b.write('data', 36); b.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) {
    const t = i / rate, ph = t % 2.4, syl = t % 0.25;
    const x = ph < 2 && syl < 0.2 ? 0.4 * Math.sin(Math.PI * syl / 0.2) * Math.sin(2 * Math.PI * (140 + salt) * t) : 0;
    b.writeInt16LE(Math.round(x * 32767), 44 + i * 2);
  }
  return b;
}
const REF_TEXT = 'Một hai ba bốn năm sáu bảy tám chín mười, một hai ba bốn năm.';

async function ttfb(srv, fields) {
  const t0 = performance.now();
  const r = await h.tts(srv, { text: 'Xin chào các bạn.', nfe_step: 4, seed: 1, ...fields });
  const reader = r.body.getReader();
  const first = await reader.read();
  const ms = performance.now() - t0;
  if (r.status !== 200 || first.done) throw new Error(`HTTP ${r.status}`);
  while (!(await reader.read()).done) { /* drain */ }
  const id = r.headers.get('x-job-id');
  let line;
  for (let i = 0; i < 200 && !line; i++) {
    line = srv.logs.find((l) => l.event === 'job' && l.job_id === id && 'voice_prep_ms' in l);
    if (!line) await h.sleep(10);
  }
  return { ms, prep: line.voice_prep_ms, hit: line.ref_cache_hit };
}
async function enrol(srv, name, clip) {
  const fd = new FormData();
  fd.append('name', name);
  fd.append('ref_text', REF_TEXT);
  fd.append('audio', new Blob([clip]), 'ref.wav');
  const r = await fetch(`${srv.base}/voices`, { method: 'POST', body: fd });
  const j = await r.json();
  if (r.status !== 201) throw new Error(JSON.stringify(j));
  return j.id;
}
const stat = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(2)} ms, min ${s[0].toFixed(2)} ms`;
};

(async () => {
  const model = process.env.F5_BENCH_MODEL;
  const srv = await h.startServer({ args: ['--no-warmup', '--concurrency', '1'], ...(model ? { model } : {}) });
  try {
    const res = { 'upload-new': [], 'upload-repeat': [], 'voice-first': [], 'voice-id': [] };
    await ttfb(srv, { voice: wav44(10, 99), ref_text: REF_TEXT }); // warm the process (first synthesis)
    for (let i = 0; i < RUNS; i++) {
      const clip = wav44(10, i);
      res['upload-new'].push(await ttfb(srv, { voice: clip, ref_text: REF_TEXT }));
      res['upload-repeat'].push(await ttfb(srv, { voice: clip, ref_text: REF_TEXT }));
      const id = await enrol(srv, `bench-${i}`, wav44(10, 50 + i));
      res['voice-first'].push(await ttfb(srv, { voice_id: id }));
      res['voice-id'].push(await ttfb(srv, { voice_id: id }));
    }
    // paired per run (the four modes of one run are back to back): new upload minus by voice_id
    const d = res['upload-new'].map((x, i) => x.ms - res['voice-id'][i].ms);
    console.log(`paired (upload-new - voice-id) first byte: ${stat(d)}; ${d.filter((x) => x > 0).length}/${d.length} runs faster by voice_id`);
    for (const [k, v] of Object.entries(res))
      console.log(`${k.padEnd(14)} first byte ${stat(v.map((x) => x.ms))}; voice_prep ${stat(v.map((x) => x.prep))}; ` +
                  `cache hits ${v.filter((x) => x.hit).length}/${v.length}`);
  } finally {
    await h.stopServer(srv);
  }
})().catch((e) => { console.error(e); process.exit(1); });
