// tls.test.js - `f5tts serve --tls-cert --tls-key` (libmicrohttpd with
// GnuTLS): a certificate for 127.0.0.1 is made with openssl at test time,
// the server answers HTTPS, curl verifies it against that certificate (and
// refuses it without), plain HTTP on the port gets no HTTP answer, a
// synthesis works over TLS, and bad TLS settings fail at start naming the
// file and the problem.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./lib/harness');

function openssl(...args) {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  assert.equal(r.status, 0, `openssl ${args.join(' ')}: ${r.stderr}`);
}
function curl(...args) {
  return spawnSync('curl', ['-sS', '--max-time', '20', ...args], { encoding: 'utf8' });
}

describe('TLS', () => {
  let dir, cert, keyf, otherKey, srv, port, logs = '';
  before(async () => {
    dir = h.tmpDir('f5tls-');
    cert = path.join(dir, 'cert.pem');
    keyf = path.join(dir, 'key.pem');
    otherKey = path.join(dir, 'other.pem');
    openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', keyf, '-out', cert);
    openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-out', otherKey);
    port = await h.freePort();
    const args = ['serve', '--listen', `127.0.0.1:${port}`, '--data', h.tmpDir('f5tlsd-'), '--model', h.testModel(),
      '--test-model', '--tls-cert', cert, '--tls-key', keyf];
    srv = spawn(h.BIN, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    srv.stderr.on('data', (d) => { logs += d; });
    for (let i = 0; i < 600; i++) {
      const r = curl('--cacert', cert, '-o', '/dev/null', '-w', '%{http_code}', `https://127.0.0.1:${port}/readyz`);
      if (r.stdout === '200') return;
      if (srv.exitCode !== null) break;
      await h.sleep(200);
    }
    assert.fail(`HTTPS server not ready: ${logs.slice(-2000)}`);
  });
  after(async () => { if (srv && srv.exitCode === null) { srv.kill('SIGTERM'); await new Promise((r) => srv.on('exit', r)); } });

  it('serves HTTPS that curl verifies with the test-time certificate', () => {
    const r = curl('--cacert', cert, '-i', `https://127.0.0.1:${port}/healthz`);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^HTTP\/1\.1 200/);
    assert.match(r.stdout, /"status":"ok"/);
    assert.match(r.stdout, /X-Content-Type-Options: nosniff/i);
    const v = curl('--cacert', cert, '-v', '-o', '/dev/null', `https://localhost:${port}/version`);
    assert.equal(v.status, 0, v.stderr);
    assert.match(v.stderr, /SSL certificate verify ok/);
    assert.match(logs, new RegExp(`"url":"https://127\\.0\\.0\\.1:${port}/"`), 'the listening line says https');
  });

  it('without the CA curl refuses the certificate; plain HTTP gets no HTTP answer', () => {
    const r = curl(`https://127.0.0.1:${port}/healthz`);
    assert.equal(r.status, 60, `curl exit ${r.status}: ${r.stderr}`); // peer certificate cannot be authenticated
    const p = curl('-o', '/dev/null', '-w', '%{http_code}', `http://127.0.0.1:${port}/healthz`);
    assert.notEqual(p.stdout, '200');
  });

  it('a synthesis over TLS returns audio', () => {
    const ref = path.join(dir, 'ref.wav');
    fs.writeFileSync(ref, h.refWav(1.0));
    const out = path.join(dir, 'out.wav');
    const r = curl('--cacert', cert, '-o', out, '-w', '%{http_code}', '-F', 'text=Hello over TLS.', '-F',
      `ref_text=${h.REF_TEXT}`, '-F', `voice=@${ref}`, '-F', 'nfe_step=4', `https://127.0.0.1:${port}/tts`);
    assert.equal(r.stdout, '200', r.stderr);
    assert.equal(fs.readFileSync(out).subarray(0, 4).toString(), 'RIFF');
  });

  it('bad TLS settings fail at start with a message naming the problem', () => {
    const run = (...extra) => spawnSync(h.BIN, ['serve', '--listen', '127.0.0.1:0', '--data', h.tmpDir('f5tlsx-'),
      '--model', h.testModel(), '--test-model', ...extra], { encoding: 'utf8', timeout: 60000 });
    const onlyCert = run('--tls-cert', cert);
    assert.notEqual(onlyCert.status, 0);
    assert.match(onlyCert.stderr, /--tls-cert and --tls-key go together/);
    const missing = run('--tls-cert', path.join(dir, 'nope.pem'), '--tls-key', keyf);
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /--tls-cert .*nope\.pem: cannot open/);
    const wrong = run('--tls-cert', cert, '--tls-key', otherKey);
    assert.notEqual(wrong.status, 0);
    assert.match(wrong.stderr, /does not belong to the certificate/);
    const notPem = run('--tls-cert', cert, '--tls-key', path.join(dir, 'ref.wav'));
    assert.notEqual(notPem.status, 0);
    assert.match(notPem.stderr, /not a PEM file/);
  });
});
