// nginx.test.js - deploy/nginx.conf for real: the file with its upstream
// addresses, listen port and paths replaced, checked with `nginx -t`, then
// run in front of two API nodes (role all, test model) sharing a Redis
// queue and an fs storage: a streamed sync synthesis and an async job (status
// and audio) through the TLS gateway.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const h = require('../service/lib/harness');

const TMP = process.env.F5_NGINX_TMP;
const ROOT = path.resolve(__dirname, '../..');
const kids = [];
let gw = null;

function spawnKid(cmd, args) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const k = { child, exited: false };
  child.on('exit', () => { k.exited = true; });
  kids.push(k);
  return k;
}

async function waitPing(port) {
  const net = require('node:net');
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise((res) => {
      const s = net.connect(port, '127.0.0.1');
      s.on('connect', () => { s.destroy(); res(true); });
      s.on('error', () => res(false));
    });
    if (ok) return;
    await h.sleep(50);
  }
  throw new Error(`nothing listens on ${port}`);
}

before(async () => {
  assert.ok(TMP, 'run through nginx.test.sh (it makes the certificate)');
  const redisPort = await h.freePort();
  spawnKid('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--dir', TMP]);
  await waitPing(redisPort);
  const storage = path.join(TMP, 'blobs');
  const args = ['--queue', `redis://127.0.0.1:${redisPort}/0`, '--storage', `fs:${storage}`];
  const [a1, a2] = await Promise.all([h.startServer({ args }), h.startServer({ args })]);
  kids.push({ child: a1.child, srv: a1 }, { child: a2.child, srv: a2 });
  const port = await h.freePort();
  const conf = fs.readFileSync(path.join(ROOT, 'deploy/nginx.conf'), 'utf8')
    .replace('server api-1:8080', `server 127.0.0.1:${a1.port}`)
    .replace('server api-2:8080', `server 127.0.0.1:${a2.port}`)
    .replace('listen 8443 ssl', `listen 127.0.0.1:${port} ssl`)
    .replaceAll('/etc/nginx/certs/', `${TMP}/`)
    .replace('/var/run/nginx.pid', `${TMP}/nginx.pid`)
    .replaceAll('/var/log/nginx/', `${TMP}/`)
    .replace('worker_processes auto;', 'worker_processes 1;');
  assert.ok(conf.includes(`127.0.0.1:${a1.port}`) && conf.includes(`127.0.0.1:${port} ssl`), 'substitutions applied');
  const cf = path.join(TMP, 'nginx.conf');
  fs.writeFileSync(cf, conf);
  const t = spawnSync('nginx', ['-t', '-p', TMP, '-c', cf], { encoding: 'utf8' });
  assert.equal(t.status, 0, `nginx -t: ${t.stderr}`);
  spawnKid('nginx', ['-p', TMP, '-c', cf, '-g', 'daemon off;']);
  await waitPing(port);
  gw = { base: `https://localhost:${port}` };
});

after(async () => {
  for (const k of kids.reverse()) {
    if (k.exited || k.child.exitCode !== null) continue;
    await new Promise((res) => { k.child.on('exit', res); k.child.kill('SIGKILL'); });
  }
});

describe('nginx gateway (deploy/nginx.conf) in front of two API nodes', () => {
  it('streamed sync synthesis over TLS', async () => {
    const r = await h.tts(gw, h.ttsFields({ format: 'wav', nfe_step: 4, text: h.longText(3) }));
    assert.equal(r.status, 200, await r.clone().text());
    assert.equal(r.headers.get('content-type'), 'audio/wav');
    const reader = r.body.getReader();
    const chunks = [];
    for (;;) { const { done, value } = await reader.read(); if (done) break; chunks.push(Buffer.from(value)); }
    const b = Buffer.concat(chunks);
    assert.equal(b.subarray(0, 4).toString(), 'RIFF');
    assert.ok(b.length > 44 + 24000, `audio of ${b.length} bytes`);
  });

  it('async job: 202, status through the gateway, then the audio', async () => {
    const r = await h.tts(gw, h.ttsFields({ mode: 'async', nfe_step: 4, format: 'flac' }));
    const b = await r.json();
    assert.equal(r.status, 202, JSON.stringify(b));
    const j = await h.waitJob(gw, b.job_id, undefined, 120000);
    assert.equal(j.status, 'succeeded', JSON.stringify(j));
    const a = await fetch(`${gw.base}/jobs/${b.job_id}/audio`);
    assert.equal(a.status, 200);
    assert.equal(Buffer.from(await a.arrayBuffer()).subarray(0, 4).toString(), 'fLaC');
  });
});
