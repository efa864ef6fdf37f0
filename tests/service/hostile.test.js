// hostile.test.js - issue 11's hostile-input suite: malformed requests sent
// over raw sockets to a running `f5tts serve` (auth on, a short client
// timeout and a per-IP connection limit). Each one must get its documented
// status with the JSON error body {"error":{"code","message","request_id"}}
// (or, for the few that libmicrohttpd answers itself before the service
// sees the request, that library's status: marked `lib` below). Afterwards
// the server is still healthy, its RSS has not grown beyond a small slack,
// and a normal synthesis succeeds. The number of cases is printed.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const h = require('./lib/harness');

let srv, key, data;

// One raw exchange: write `chunks` (Buffers/strings, with `gapMs` between
// them), read until the server closes or `waitMs` passes. Returns the raw
// bytes and every response parsed from them.
function exchange(chunks, { waitMs = 8000, gapMs = 0 } = {}) {
  return new Promise((resolve) => {
    const s = net.connect(srv.port, '127.0.0.1');
    let buf = Buffer.alloc(0), done = false, closed = false;
    const finish = (why) => {
      if (done) return;
      done = true;
      clearTimeout(t);
      s.destroy();
      resolve({ raw: buf, responses: parseResponses(buf), why, closed });
    };
    const t = setTimeout(() => finish('timeout'), waitMs);
    s.on('data', (d) => { buf = Buffer.concat([buf, d]); });
    s.on('end', () => { closed = true; finish('end'); });
    s.on('close', () => { closed = true; finish('close'); });
    s.on('error', () => finish('error'));
    s.on('connect', async () => {
      for (const c of [].concat(chunks)) {
        if (done) return;
        s.write(c);
        if (gapMs) await h.sleep(gapMs);
      }
    });
  });
}

function parseResponses(buf) {
  const out = [];
  let off = 0;
  while (off < buf.length) {
    const end = buf.indexOf('\r\n\r\n', off);
    if (end < 0) break;
    const head = buf.subarray(off, end).toString('latin1').split('\r\n');
    const m = /^HTTP\/1\.[01] (\d{3})/.exec(head[0]);
    if (!m) break;
    const headers = {};
    for (const l of head.slice(1)) {
      const i = l.indexOf(':');
      if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
    }
    const len = Number(headers['content-length'] || 0);
    const body = buf.subarray(end + 4, end + 4 + len);
    out.push({ status: Number(m[1]), headers, body: body.toString('utf8') });
    off = end + 4 + len;
  }
  return out;
}

function request(method, target, headers = {}, body = null, version = 'HTTP/1.1') {
  const hs = { Host: '127.0.0.1', Connection: 'close', ...headers };
  if (body !== null && !('Content-Length' in hs) && !('Transfer-Encoding' in hs)) hs['Content-Length'] = body.length;
  let head = `${method} ${target} ${version}\r\n`;
  for (const [k, v] of Object.entries(hs)) if (v !== undefined) head += `${k}: ${v}\r\n`;
  head += '\r\n';
  return body === null ? Buffer.from(head, 'latin1') : Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body)]);
}

const BOUNDARY = 'hostileXbound';
// parts: [{name, filename, type, data, headers}] -> multipart body
function multipart(parts, { boundary = BOUNDARY, close = true } = {}) {
  const bufs = [];
  for (const p of parts) {
    let hd = `--${boundary}\r\n`;
    if (p.rawHeaders !== undefined) hd += p.rawHeaders;
    else {
      hd += `Content-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}\r\n`;
      if (p.type) hd += `Content-Type: ${p.type}\r\n`;
    }
    bufs.push(Buffer.from(hd + '\r\n', 'latin1'), Buffer.from(p.data === undefined ? '' : p.data), Buffer.from('\r\n'));
  }
  if (close) bufs.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(bufs);
}

const auth = () => ({ 'X-API-Key': key });
const MP = (b = BOUNDARY) => `multipart/form-data; boundary=${b}`;

function wav({ channels = 1, rate = 24000, bits = 16, dataBytes = null, samples = 24000, fmtSize = 16 } = {}) {
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) pcm.writeInt16LE(Math.round(8000 * Math.sin(i / 10)), i * 2);
  const b = Buffer.alloc(44);
  b.write('RIFF', 0); b.writeUInt32LE(36 + pcm.length, 4); b.write('WAVEfmt ', 8); b.writeUInt32LE(fmtSize, 16);
  b.writeUInt16LE(1, 20); b.writeUInt16LE(channels, 22); b.writeUInt32LE(rate, 24);
  b.writeUInt32LE((rate * channels * bits / 8) >>> 0, 28); b.writeUInt16LE((channels * bits / 8) & 0xffff, 32);
  b.writeUInt16LE(bits, 34); b.write('data', 36); b.writeUInt32LE(dataBytes === null ? pcm.length : dataBytes >>> 0, 40);
  return Buffer.concat([b, pcm]);
}

// A /tts form with overrides: fields {name: value | null (= leave out)}.
function ttsParts(over = {}, extra = []) {
  const base = { text: 'Hello there.', ref_text: 'One two three four.', nfe_step: '4' };
  const parts = [];
  for (const [k, v] of Object.entries({ ...base, ...over })) if (v !== null && k !== 'voice') parts.push({ name: k, data: v });
  if (over.voice !== null) parts.push(over.voice || { name: 'voice', filename: 'ref.wav', type: 'audio/wav', data: h.refWav(1.0) });
  return parts.concat(extra);
}
const tts = (over, extra, headers = {}) => {
  const body = multipart(ttsParts(over, extra));
  return request('POST', '/tts', { 'Content-Type': MP(), ...auth(), ...headers }, body);
};

// ---- the cases: [name, bytes | {chunks, gapMs, waitMs}, expectation]
// expectation: {status, code} (JSON error body), {status, json: true} (a
// JSON success body), {status, lib: true} (answered by libmicrohttpd), or
// {closed: true} (connection closed without a response).
const cases = [];
const add = (name, send, expect) => cases.push({ name, send, expect });

// request line, methods, versions
add('unknown method on a known path', () => request('BREW', '/healthz'), { status: 405, code: 'method_not_allowed' });
add('unknown method on an unknown path', () => request('FROB', '/nothing'), { status: 404, code: 'not_found' });
add('PUT /tts', () => request('PUT', '/tts', auth(), ''), { status: 405, code: 'method_not_allowed' });
add('DELETE /healthz', () => request('DELETE', '/healthz'), { status: 405, code: 'method_not_allowed' });
add('HEAD /tts (405, no body on HEAD)', () => request('HEAD', '/tts', auth()), { status: 405, head: true });
add('HTTP/1.0 request', () => request('GET', '/healthz', { Host: undefined }, null, 'HTTP/1.0'), { status: 200, json: true });
add('HTTP/1.1 without Host', () => request('GET', '/healthz', { Host: undefined }), { status: 400, code: 'bad_request' });
add('HTTP/2.0 version on HTTP/1 framing', () => request('GET', '/healthz', {}, null, 'HTTP/2.0'), { status: 505, lib: true });
add('HTTP/0.9 style request line', () => Buffer.from('GET /healthz\r\n\r\n'), { status: 400, lib: true });
add('binary garbage request line', () => Buffer.from('\x00\x01\x02\xff garbage\r\n\r\n', 'latin1'), { closed: true });
add('absolute-form target to another host', () => request('GET', 'http://evil.example/healthz'), { status: 404, code: 'not_found' });
add('OPTIONS *', () => request('OPTIONS', '*'), { status: 404, code: 'not_found' });
// headers
add('huge header (100 KB)', () => request('GET', '/healthz', { 'X-Big': 'a'.repeat(100000) }), { status: 431, lib: true });
add('2000 headers', () => {
  const hs = {};
  for (let i = 0; i < 2000; i++) hs[`X-H${i}`] = 'vvvvvvvvvvvvvvvv';
  return request('GET', '/healthz', hs);
}, { status: 431, lib: true });
add('header line without a colon', () => Buffer.from('GET /healthz HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n'), { status: 400, lib: true });
add('X-Request-ID with markup is replaced', () => request('GET', '/nope', { 'X-Request-ID': '<script>alert(1)</script>' }),
  { status: 404, code: 'not_found', check: (r) => assert.match(r.headers['x-request-id'], /^[0-9a-f]{32}$/) });
add('malformed traceparent is ignored', () => request('GET', '/healthz', { traceparent: 'zz-' + 'f'.repeat(200) }), { status: 200, json: true });
add('Authorization: Basic', () => request('GET', '/config', { Authorization: 'Basic YWxhZGRpbjpvcGVu' }), { status: 401, code: 'unauthorized' });
add('Authorization: Bearer (empty)', () => request('GET', '/config', { Authorization: 'Bearer ' }), { status: 401, code: 'unauthorized' });
add('Authorization: Bearer 10 KB key', () => request('GET', '/config', { Authorization: 'Bearer ' + 'k'.repeat(10000) }), { status: 401, code: 'unauthorized' });
add('X-API-Key with invalid UTF-8', () => Buffer.concat([Buffer.from('GET /config HTTP/1.1\r\nHost: x\r\nX-API-Key: f5k_\xff\xfe\r\nConnection: close\r\n\r\n', 'latin1')]), { status: 401, code: 'unauthorized' });
// bodies and framing
add('Content-Length 1 GB', () => request('POST', '/tts', { 'Content-Type': MP(), 'Content-Length': '1073741824', ...auth() }, ''), { status: 413, code: 'body_too_large' });
add('Content-Length 2^64', () => request('POST', '/tts', { 'Content-Type': MP(), 'Content-Length': '18446744073709551616', ...auth() }, ''), { status: 413, lib: true });
add('negative Content-Length', () => request('POST', '/normalize', { 'Content-Length': '-5', ...auth() }, ''), { status: 400, lib: true });
add('non-numeric Content-Length', () => request('POST', '/normalize', { 'Content-Length': 'abc', ...auth() }, ''), { status: 400, lib: true });
add('two different Content-Lengths', () => Buffer.from('POST /normalize HTTP/1.1\r\nHost: x\r\nX-API-Key: ' + key + '\r\nContent-Length: 3\r\nContent-Length: 5\r\nConnection: close\r\n\r\nabc'), { status: 400, code: 'bad_request' });
add('Content-Length and Transfer-Encoding together', () => Buffer.from('POST /normalize HTTP/1.1\r\nHost: x\r\nX-API-Key: ' + key + '\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n'), { status: 400, code: 'bad_request' });
add('malformed chunked encoding', () => Buffer.from('POST /normalize HTTP/1.1\r\nHost: x\r\nX-API-Key: ' + key + '\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n'), { status: 400, lib: true });
add('/tts without Content-Type', () => request('POST', '/tts', auth(), 'text=hi'), { status: 415, code: 'unsupported_media_type' });
add('/tts with a JSON body', () => request('POST', '/tts', { 'Content-Type': 'application/json', ...auth() }, '{"text":"hi"}'), { status: 415, code: 'unsupported_media_type' });
add('multipart without a boundary', () => request('POST', '/tts', { 'Content-Type': 'multipart/form-data', ...auth() }, 'x'), { status: 400, code: 'invalid_multipart' });
add('multipart boundary of 200 chars', () => request('POST', '/tts', { 'Content-Type': MP('b'.repeat(200)), ...auth() }, 'x'), { status: 400, code: 'invalid_multipart' });
add('multipart body that is not multipart', () => request('POST', '/tts', { 'Content-Type': MP(), ...auth() }, 'just some bytes\r\n'), { status: 400, code: 'invalid_multipart' });
add('truncated multipart (no closing boundary)', () => request('POST', '/tts', { 'Content-Type': MP(), ...auth() }, multipart(ttsParts(), { close: false }).subarray(0, 300)), { status: 400, code: 'invalid_multipart' });
add('multipart with another boundary than declared', () => request('POST', '/tts', { 'Content-Type': MP('other'), ...auth() }, multipart(ttsParts())), { status: 400, code: 'invalid_multipart' });
add('part without Content-Disposition', () => request('POST', '/tts', { 'Content-Type': MP(), ...auth() }, multipart([{ rawHeaders: 'Content-Type: text/plain\r\n', data: 'x' }])), { status: 400, code: 'invalid_multipart' });
add('part headers of 20 KB', () => request('POST', '/tts', { 'Content-Type': MP(), ...auth() }, multipart([{ rawHeaders: `Content-Disposition: form-data; name="text"\r\nX-Pad: ${'p'.repeat(20000)}\r\n`, data: 'x' }])), { status: 400, code: 'invalid_multipart' });
add('300 parts', () => {
  const parts = [];
  for (let i = 0; i < 300; i++) parts.push({ rawHeaders: 'Content-Disposition: form-data; name="text"\r\n', data: '' });
  return request('POST', '/tts', { 'Content-Type': MP(), ...auth() }, multipart(parts));
}, { status: 400, code: 'duplicate_field' });
add('duplicate text field', () => tts({}, [{ name: 'text', data: 'again' }]), { status: 400, code: 'duplicate_field' });
add('duplicate voice file', () => tts({}, [{ name: 'voice', filename: 'b.wav', type: 'audio/wav', data: h.refWav(1.0) }]), { status: 400, code: 'duplicate_field' });
add('unknown field', () => tts({ evil: '1' }), { status: 400, code: 'unknown_field' });
add('field name with a quote and traversal', () => request('POST', '/tts', { 'Content-Type': MP(), ...auth() }, multipart([{ rawHeaders: 'Content-Disposition: form-data; name="../te\\"xt"\r\n', data: 'x' }])), { status: 400, code: 'unknown_field' });
add('number field sent as a file', () => tts({}, [{ name: 'speed', filename: 's.txt', data: '1' }]), { status: 400, code: 'invalid_field' });
// text fields
add('missing text', () => tts({ text: null }), { status: 400, code: 'missing_field' });
add('blank text', () => tts({ text: ' \t\r\n ' }), { status: 400, code: 'missing_field' });
add('text with invalid UTF-8', () => tts({ text: Buffer.from([0x48, 0xff, 0xfe, 0x49]) }), { status: 400, code: 'invalid_text' });
add('text with an overlong UTF-8 encoding', () => tts({ text: Buffer.from([0x41, 0xc0, 0xaf]) }), { status: 400, code: 'invalid_text' });
add('text with a UTF-16 surrogate', () => tts({ text: Buffer.from([0x41, 0xed, 0xa0, 0x80]) }), { status: 400, code: 'invalid_text' });
add('text with a NUL byte', () => tts({ text: Buffer.from('ab\0cd') }), { status: 400, code: 'invalid_text' });
add('text over the length limit', () => tts({ text: 'a'.repeat(5001) }), { status: 413, code: 'text_too_long' });
add('text far over the limit (1 MB)', () => tts({ text: 'a'.repeat(1 << 20) }), { status: 413, code: 'text_too_long' });
add('missing ref_text (no --asr-url)', () => tts({ ref_text: null }), { status: 422, code: 'ref_text_required' });
add('ref_text with invalid UTF-8', () => tts({ ref_text: Buffer.from([0xf8, 0x88, 0x80]) }), { status: 400, code: 'invalid_text' });
add('ref_text over 4 KB', () => tts({ ref_text: 'r'.repeat(5000) }), { status: 400, code: 'invalid_field' });
// numbers
for (const [field, value] of [['speed', 'NaN'], ['speed', 'nan'], ['speed', 'inf'], ['speed', '-Infinity'], ['speed', '1e309'],
  ['speed', '0x1p0'], ['speed', ' 1'], ['speed', '1 '], ['speed', ''], ['speed', '0.29'], ['speed', '3.01'],
  ['nfe_step', '3'], ['nfe_step', '129'], ['nfe_step', '4.5'], ['nfe_step', '99999999999999999999'], ['nfe_step', '1e1'],
  ['cfg_strength', '-0.1'], ['cfg_strength', '10.01'], ['cfg_strength', 'NaN'],
  ['seed', '-5'], ['seed', '18446744073709551616'], ['seed', '12abc'], ['seed', '+7']])
  add(`${field}=${JSON.stringify(value)}`, () => tts({ [field]: value }), { status: 400, code: 'invalid_field', field });
add('format=exe', () => tts({ format: 'exe' }), { status: 400, code: 'invalid_field' });
add('format with traversal', () => tts({ format: '../../etc/passwd' }), { status: 400, code: 'invalid_field' });
add('mode=bogus', () => tts({ mode: 'bogus' }), { status: 400, code: 'invalid_field' });
add('remove_silence=maybe', () => tts({ remove_silence: 'maybe' }), { status: 400, code: 'invalid_field' });
add('voice_id with traversal', () => tts({ voice_id: '../../../etc/passwd', voice: null }), { status: 404, code: 'voice_not_found' });
// reference audio: checked by content, never by name or MIME type
add('missing voice', () => tts({ voice: null }), { status: 400, code: 'missing_field' });
add('empty voice file', () => tts({ voice: { name: 'voice', filename: 'e.wav', type: 'audio/wav', data: '' } }), { status: 422, code: 'invalid_audio' });
add('text file named .wav with audio/wav', () => tts({ voice: { name: 'voice', filename: 'x.wav', type: 'audio/wav', data: 'this is not audio at all, just text '.repeat(50) } }), { status: 415, code: 'unsupported_format' });
add('PNG named .wav', () => tts({ voice: { name: 'voice', filename: 'x.wav', type: 'audio/wav', data: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 7)]) } }), { status: 415, code: 'unsupported_format' });
// a data chunk claiming 2^31 samples is read up to the file's end (streamed WAVs do that); nothing is sized from the claim
add('WAV header claiming 2^31 samples', () => tts({ voice: { name: 'voice', filename: 'big.wav', type: 'audio/wav', data: wav({ dataBytes: 0x80000000 * 2 - 2 }) } }), { status: 200, audio: true });
add('WAV with 0 channels', () => tts({ voice: { name: 'voice', filename: 'c0.wav', type: 'audio/wav', data: wav({ channels: 0 }) } }), { status: 422, code: 'invalid_audio' });
add('WAV at 1 Hz', () => tts({ voice: { name: 'voice', filename: 'r1.wav', type: 'audio/wav', data: wav({ rate: 1, samples: 100 }) } }), { status: 422, code: 'invalid_audio' });
add('WAV with 0 bits per sample', () => tts({ voice: { name: 'voice', filename: 'b0.wav', type: 'audio/wav', data: wav({ bits: 0 }) } }), { status: 422, code: 'invalid_audio' });
add('WAV with 65535 channels', () => tts({ voice: { name: 'voice', filename: 'cmax.wav', type: 'audio/wav', data: wav({ channels: 65535 }) } }), { status: 422, code: 'invalid_audio' });
add('WAV truncated inside its header', () => tts({ voice: { name: 'voice', filename: 't.wav', type: 'audio/wav', data: wav().subarray(0, 30) } }), { status: 422, code: 'invalid_audio' });
add('reference longer than the limit', () => tts({ voice: { name: 'voice', filename: 'long.wav', type: 'audio/wav', data: h.refWav(61, 8000) } }), { status: 422, code: 'audio_too_long' });
add('valid WAV under a wrong name and MIME type', () => tts({ voice: { name: 'voice', filename: 'notes.txt', type: 'text/plain', data: h.refWav(1.0) } }), { status: 200, audio: true });
add('voice file name with traversal', () => tts({ voice: { name: 'voice', filename: '../../../../tmp/f5-hostile-escape.wav', type: 'audio/wav', data: h.refWav(1.0) } }),
  { status: 200, audio: true, check: () => assert.ok(!fs.existsSync('/tmp/f5-hostile-escape.wav'), 'nothing written at the traversal path') });
// ids and paths
add('job id of 31 hex chars', () => request('GET', '/jobs/' + 'a'.repeat(31), auth()), { status: 404, code: 'job_not_found' });
add('job id in upper case', () => request('GET', '/jobs/' + 'A'.repeat(32), auth()), { status: 404, code: 'job_not_found' });
add('job id with encoded traversal', () => request('GET', '/jobs/..%2F..%2Fetc%2Fpasswd', auth()), { status: 404, code: 'not_found' });
add('job id ".."', () => request('GET', '/jobs/..', auth()), { status: 404, code: 'job_not_found' });
add('path traversal in the path', () => request('GET', '/jobs/../../etc/passwd', auth()), { status: 404, code: 'not_found' });
add('job id with invalid UTF-8', () => request('GET', '/jobs/%ff%fe%fd', auth()), { status: 404, code: 'job_not_found' });
add('path with invalid UTF-8', () => request('GET', '/%c3%28%a0', auth()), { status: 404, code: 'not_found' });
add('job id with a NUL', () => request('GET', '/jobs/abc%00def', auth()), { status: 404, code: 'job_not_found' });
add('DELETE a bogus job id', () => request('DELETE', '/jobs/' + 'z'.repeat(32), auth()), { status: 404, code: 'job_not_found' });
add('audio of a bogus job id', () => request('GET', '/jobs/' + '0'.repeat(32) + '/audio', auth()), { status: 404, code: 'job_not_found' });
add('events of a 300-char id', () => request('GET', '/jobs/' + 'f'.repeat(300) + '/events', auth()), { status: 404, code: 'not_found' });
add('static file traversal', () => request('GET', '/../../../../etc/passwd'), { status: 404, code: 'not_found' });
// /normalize JSON
add('/normalize with invalid JSON', () => request('POST', '/normalize', { 'Content-Type': 'application/json', ...auth() }, '{"text": '), { status: 400, code: 'invalid_json' });
add('/normalize with a JSON array', () => request('POST', '/normalize', { 'Content-Type': 'application/json', ...auth() }, '[1,2]'), { status: 400, code: 'missing_field' });
add('/normalize with text not a string', () => request('POST', '/normalize', { 'Content-Type': 'application/json', ...auth() }, '{"text": 5}'), { status: 400 });
add('/normalize with invalid UTF-8 in JSON', () => request('POST', '/normalize', { 'Content-Type': 'application/json', ...auth() }, Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])), { status: 400, code: 'invalid_json' });
// connection behaviour
add('pipelined GETs are answered in order', () => Buffer.concat([request('GET', '/healthz', { Connection: undefined }), request('GET', '/nope')]),
  { status: 200, json: true, check: (r, all) => { assert.equal(all.length, 2); assert.equal(all[1].status, 404); assert.equal(JSON.parse(all[1].body).error.code, 'not_found'); } });
add('pipelined bad form then GET', () => Buffer.concat([tts({ speed: 'NaN' }, [], { Connection: undefined }), request('GET', '/healthz')]),
  { status: 400, code: 'invalid_field', check: (r, all) => { assert.equal(all.length, 2); assert.equal(all[1].status, 200); } });
add('slowloris: headers stop half way (closed after --client-timeout)', () => ({ chunks: ['GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: '], waitMs: 8000 }), { closed: true, maxMs: 6000 });
add('slowloris: body stops half way (closed after --client-timeout)', () => ({ chunks: [request('POST', '/tts', { 'Content-Type': MP(), 'Content-Length': '100000', ...auth() }, '').toString('latin1') + `--${BOUNDARY}\r\n`], waitMs: 8000 }), { closed: true, maxMs: 6000 });

function vmRSSkB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m[1]);
}

async function normalSynthesis() {
  const r = await h.tts(srv, h.ttsFields({ nfe_step: 4 }), auth());
  const b = Buffer.from(await r.arrayBuffer());
  assert.equal(r.status, 200, b.toString());
  assert.equal(b.subarray(0, 4).toString(), 'RIFF');
}

async function runCase(c) {
  const spec = c.send();
  const opts = Buffer.isBuffer(spec) ? { chunks: [spec] } : spec;
  const t0 = Date.now();
  const r = await exchange(opts.chunks, { waitMs: opts.waitMs || 20000, gapMs: opts.gapMs || 0 });
  const ms = Date.now() - t0;
  const e = c.expect, first = r.responses[0];
  const ctx = `${c.name}: got ${r.raw.subarray(0, 300).toString('latin1').replace(/\r\n/g, ' | ')} (${r.why})`;
  if (e.closed) {
    assert.ok(r.closed, `${c.name}: connection not closed (${r.why})`);
    assert.equal(r.responses.length, 0, ctx);
    if (e.maxMs) assert.ok(ms <= e.maxMs, `${c.name}: closed after ${ms} ms`);
    return;
  }
  assert.ok(first, ctx);
  assert.equal(first.status, e.status, ctx);
  if (e.head) {
    assert.equal(first.body, '', ctx);
  } else if (e.lib) {
    assert.ok(!/^\s*\{/.test(first.body), `${c.name}: expected libmicrohttpd's own body`);
  } else if (e.audio) {
    assert.match(first.headers['content-type'], /^audio\//, ctx);
  } else {
    let j;
    assert.doesNotThrow(() => { j = JSON.parse(first.body); }, ctx);
    assert.match(first.headers['content-type'] || '', /^application\/json/, ctx);
    assert.equal(first.headers['x-content-type-options'], 'nosniff', ctx);
    if (!e.json) {
      assert.ok(j.error && typeof j.error.message === 'string' && j.error.message.length > 0, ctx);
      assert.match(j.error.request_id, /^[0-9a-f]{32}$/, ctx);
      if (e.code) assert.equal(j.error.code, e.code, ctx);
      if (e.field) assert.equal(j.error.field, e.field, ctx);
    }
  }
  if (e.check) e.check(first, r.responses);
}

describe('hostile input', () => {
  before(async () => {
    data = h.tmpDir('f5hostile-');
    const r = spawnSync(h.BIN, ['keys', 'add', 'hostile', '--data', data], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    key = r.stdout.trim();
    srv = await h.startServer({ data, args: ['--client-timeout', '2', '--max-connections-per-ip', '32', '--max-body-bytes', String(8 << 20)] });
  });
  after(async () => { if (srv) await h.stopServer(srv); });

  it(`${cases.length} malformed requests get their documented answers; the server stays healthy, its RSS flat`, async () => {
    assert.ok(cases.length >= 50, `${cases.length} cases`);
    await normalSynthesis(); // warm: the first synthesis allocates the engine's buffers
    await normalSynthesis();
    const rss0 = vmRSSkB(srv.child.pid);
    const failures = [];
    for (const c of cases) {
      try { await runCase(c); } catch (e) { failures.push(`${c.name}: ${e.message.split('\n')[0]}`); }
      if (srv.exited) { failures.push(`server exited after '${c.name}': ${JSON.stringify(srv.exited)}`); break; }
    }
    // a second pass: memory must not grow with repetition
    const rss1 = vmRSSkB(srv.child.pid);
    for (const c of cases) { try { await runCase(c); } catch { /* counted in the first pass */ } if (srv.exited) break; }
    const rss2 = vmRSSkB(srv.child.pid);
    console.log(`hostile: ${cases.length} cases, ${failures.length} failed; VmRSS ${rss0} -> ${rss1} -> ${rss2} kB`);
    assert.deepEqual(failures, []);
    assert.equal(srv.exited, null, 'server still running');
    assert.ok(rss2 - rss1 <= 16 * 1024, `RSS grew ${rss2 - rss1} kB over a second pass of the same ${cases.length} requests`);
    assert.equal((await fetch(`${srv.base}/healthz`)).status, 200);
    await normalSynthesis();
  });

  it('a drip-feeding client cannot take every connection: past --max-connections-per-ip new ones are refused', async () => {
    const socks = [];
    for (let i = 0; i < 32; i++) {
      const s = net.connect(srv.port, '127.0.0.1');
      s.on('error', () => {});
      await new Promise((r) => s.on('connect', r));
      s.write('GET /healthz HTTP/1.1\r\n');
      socks.push(s);
    }
    await h.sleep(300);
    const r = await exchange([request('GET', '/healthz')], { waitMs: 3000 });
    assert.equal(r.responses.length, 0, 'the 33rd connection from the same address gets no response');
    for (const s of socks) s.destroy();
    await h.sleep(300);
    assert.equal((await fetch(`${srv.base}/healthz`)).status, 200, 'served again once they are gone');
  });
});
