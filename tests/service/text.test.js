// text.test.js - POST /normalize (normalised text and sentences, no
// synthesis; expected strings are the ../shared/textnorm convention, written
// by hand) and GET /v1/models (OpenAI list shape), with the error classes.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./lib/harness');

let srv;
before(async () => {
  srv = await h.startServer({ args: ['--max-text-chars', '200'] });
});
after(async () => {
  if (srv) {
    const r = await h.stopServer(srv);
    assert.equal(r.code, 0, 'graceful shutdown exits 0');
  }
});

async function norm(body, type = 'application/json') {
  const r = await fetch(`${srv.base}/normalize`, { method: 'POST', body, headers: { 'Content-Type': type } });
  return { r, j: await r.json() };
}

function assertError(r, j, status, code) {
  assert.equal(r.status, status, JSON.stringify(j));
  assert.equal(j.error.code, code);
  assert.ok(j.error.message.length > 10, j.error.message);
  assert.equal(j.error.request_id, r.headers.get('x-request-id'));
}

describe('POST /normalize', () => {
  it('spells numbers out, lower-cases, one sentence per line', async () => {
    const { r, j } = await norm(JSON.stringify({ text: 'Lớp học có 35 học viên. Thư viện mở cửa.' }));
    assert.equal(r.status, 200, JSON.stringify(j));
    assert.equal(j.text, 'Lớp học có 35 học viên. Thư viện mở cửa.');
    assert.deepEqual(j.sentences, ['lớp học có ba mươi lăm học viên.', 'thư viện mở cửa.']);
    assert.equal(j.normalized, j.sentences.join('\n'));
    assert.equal(j.characters, 40);
    assert.equal(j.normalized_characters, [...j.normalized].length);
  });

  it('refuses a non-JSON content type with 415', async () => {
    const { r, j } = await norm('text=x', 'application/x-www-form-urlencoded');
    assertError(r, j, 415, 'unsupported_media_type');
  });

  it('refuses malformed JSON with 400 invalid_json and says where', async () => {
    const { r, j } = await norm('{"text": ');
    assertError(r, j, 400, 'invalid_json');
    assert.match(j.error.message, /line 1/);
  });

  it('refuses a missing, empty or non-string text with 400 missing_field', async () => {
    for (const b of ['{}', '{"text": ""}', '{"text": 5}', '[]']) {
      const { r, j } = await norm(b);
      assertError(r, j, 400, 'missing_field');
      assert.equal(j.error.field, 'text');
    }
  });

  it('refuses text over --max-text-chars with 413 text_too_long', async () => {
    const { r, j } = await norm(JSON.stringify({ text: 'ă'.repeat(201) }));
    assertError(r, j, 413, 'text_too_long');
    assert.match(j.error.message, /201 characters, the limit is 200/);
    const ok = await norm(JSON.stringify({ text: 'ă'.repeat(200) }));
    assert.equal(ok.r.status, 200, 'exactly the limit passes (characters, not bytes)');
  });

  it('GET /normalize is 405 with Allow: POST', async () => {
    const r = await fetch(`${srv.base}/normalize`);
    assert.equal(r.status, 405);
    assert.equal(r.headers.get('allow'), 'POST');
  });
});

describe('GET /v1/models', () => {
  it('lists the one model in the OpenAI list shape', async () => {
    const r = await fetch(`${srv.base}/v1/models`);
    assert.equal(r.status, 200);
    const j = await r.json();
    assert.equal(j.object, 'list');
    assert.equal(j.data.length, 1);
    assert.equal(j.data[0].id, 'f5-tts');
    assert.equal(j.data[0].object, 'model');
    assert.equal(typeof j.data[0].created, 'number');
    assert.ok(j.data[0].created > 1.6e9);
    assert.equal(j.data[0].owned_by, 'f5tts-c');
  });
});
