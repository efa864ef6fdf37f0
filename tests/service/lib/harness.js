// harness.js - start/stop a real `f5tts serve` on a free 127.0.0.1 port with
// the random-weight test model, and small HTTP helpers for the tests.
// F5_BIN (the f5tts binary) and F5_BUILD_DIR come from ctest.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const BIN = process.env.F5_BIN || path.resolve(__dirname, '../../../build/f5tts');
const BUILD = process.env.F5_BUILD_DIR || path.dirname(BIN);
const OUT = path.join(BUILD, 'service-tests');
fs.mkdirSync(OUT, { recursive: true });

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

// temporary directories of this process, removed at exit
const tmpDirs = [];
function tmpDir(prefix) {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(d);
  return d;
}
process.on('exit', () => { for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true }); });

let testModelDir = null;
// The tiny random-weight model, made once per process. A pipeline that is
// not implemented yet is reported loudly, never skipped.
function testModel() {
  if (testModelDir) return testModelDir;
  const dir = path.join(tmpDir('f5tm-'), 'test-model');
  {
    const r = spawnSync(BIN, ['make-test-model', dir], { encoding: 'utf8' });
    if (r.status !== 0)
      throw new Error(`PIPELINE NOT AVAILABLE: \`f5tts make-test-model ${dir}\` failed (exit ${r.status}): ` +
                      `${(r.stderr || '').trim()}`);
  }
  testModelDir = dir;
  return dir;
}

// Start a server; resolves once /readyz is 200. opts.args: extra flags.
async function startServer(opts = {}) {
  const port = opts.port || await freePort();
  const data = opts.data || tmpDir('f5svc-');
  const model = opts.model || testModel();
  const args = ['serve', '--listen', `127.0.0.1:${port}`, '--data', data, '--model', model, '--test-model',
                '--model-label', 'TEST MODEL (random weights)', ...(opts.args || [])];
  const child = spawn(BIN, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const srv = { port, data, child, base: `http://127.0.0.1:${port}`, logs: [], exited: null, args };
  let buf = '';
  child.stderr.on('data', (d) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i); buf = buf.slice(i + 1);
      try { srv.logs.push(JSON.parse(line)); } catch { srv.logs.push({ raw: line }); }
    }
  });
  child.on('exit', (code, sig) => { srv.exited = { code, sig }; });
  const deadline = Date.now() + (opts.readyTimeoutMs || 180000);
  for (;;) {
    if (srv.exited) {
      const tail = srv.logs.slice(-5).map((l) => JSON.stringify(l)).join('\n');
      const notImpl = /not implemented/.test(tail) ? 'PIPELINE NOT AVAILABLE: ' : '';
      throw new Error(`${notImpl}server exited (${JSON.stringify(srv.exited)}) before ready:\n${tail}`);
    }
    try {
      const r = await fetch(`${srv.base}/readyz`);
      if (r.status === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error('server not ready in time'); }
    await sleep(100);
  }
  return srv;
}

function stopServer(srv, signal = 'SIGTERM', timeoutMs = 60000) {
  return new Promise((resolve) => {
    if (srv.exited) return resolve(srv.exited);
    const t = setTimeout(() => srv.child.kill('SIGKILL'), timeoutMs);
    srv.child.on('exit', (code, sig) => { clearTimeout(t); resolve({ code, sig }); });
    srv.child.kill(signal);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A reference clip: 16-bit mono WAV, `seconds` of a voiced-like tone.
function refWav(seconds = 2.0, rate = 24000) {
  const n = Math.round(seconds * rate), b = Buffer.alloc(44 + n * 2);
  b.write('RIFF', 0); b.writeUInt32LE(36 + n * 2, 4); b.write('WAVEfmt ', 8); b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); b.writeUInt16LE(1, 22); b.writeUInt32LE(rate, 24); b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32); b.writeUInt16LE(16, 34); b.write('data', 36); b.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) {
    const t = i / rate, env = 0.5 * (1 - Math.cos(2 * Math.PI * 2.5 * t));
    const s = env * (Math.sin(2 * Math.PI * 150 * t) + 0.5 * Math.sin(2 * Math.PI * 300 * t) + 0.2 * Math.sin(2 * Math.PI * 450 * t));
    b.writeInt16LE(Math.round(8000 * s), 44 + i * 2);
  }
  return b;
}

// multipart form for POST /tts; fields: {name: string | Buffer}
function form(fields) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    if (Buffer.isBuffer(v)) fd.append(k, new Blob([v], { type: 'audio/wav' }), `${k}.wav`);
    else fd.append(k, String(v));
  }
  return fd;
}

const REF_TEXT = 'One two three four.';
function ttsFields(extra = {}) {
  return { text: 'Hello there, this is a test.', ref_text: REF_TEXT, voice: refWav(), ...extra };
}

async function tts(srv, fields, headers = {}, signal) {
  return fetch(`${srv.base}/tts`, { method: 'POST', body: form(fields), headers, signal });
}

async function getJob(srv, id) {
  const r = await fetch(`${srv.base}/jobs/${id}`);
  if (r.status !== 200) throw new Error(`GET /jobs/${id}: ${r.status} ${await r.text()}`);
  return r.json();
}

async function waitJob(srv, id, states = ['succeeded', 'failed', 'cancelled'], timeoutMs = 300000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const j = await getJob(srv, id);
    if (states.includes(j.status)) return j;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${j.status} after ${timeoutMs} ms`);
    await sleep(50);
  }
}

// Text long enough for several pipeline chunks (sentences of ~60 chars).
function longText(sentences = 8) {
  const s = [];
  for (let i = 0; i < sentences; i++) s.push(`Sentence number ${i + 1} is here to make the synthesis longer.`);
  return s.join(' ');
}

module.exports = { BIN, BUILD, OUT, tmpDir, freePort, testModel, startServer, stopServer, sleep, refWav, form, tts, getJob,
                   waitJob, longText, ttsFields, REF_TEXT };
