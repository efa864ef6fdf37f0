// dryrun.test.js - `f5tts synth --dry-run` with the test model: the JSON plan
// (normalised text, chunks, token ids, planned seconds) without synthesis.
// Token ids are checked against vocab.txt read here (id = line index, one
// character per token for this text); the planned duration is checked
// against the length of a real synthesis of the same text.
'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const h = require('./lib/harness');

function run(args) {
  return spawnSync(h.BIN, args, { encoding: 'utf8' });
}

describe('f5tts synth --dry-run', () => {
  const dir = h.tmpDir('f5dry-');
  const model = h.testModel();
  const ref = path.join(dir, 'ref.wav');
  fs.writeFileSync(ref, h.refWav(2.0));
  const refText = 'xin chào các bạn.';
  const text = 'Lớp học có 35 học viên.';
  const base = ['synth', '--model', model, '--ref', ref, '--ref-text', refText, '--text', text];

  it('prints the plan without -o and writes no audio', () => {
    const r = run([...base, '--dry-run']);
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.dry_run, true);
    assert.equal(j.text, 'lớp học có ba mươi lăm học viên.');
    assert.equal(j.n_chunks, 1);
    assert.equal(j.chunks.length, 1);
    assert.equal(j.chunks[0].text, j.text);
    assert.equal(j.voice.clipped, false);
    assert.ok(j.chunks[0].frames > 0 && j.chunks[0].seconds > 0);
    assert.ok(Math.abs(j.chunks[0].seconds - (j.chunks[0].frames - 1) * 256 / 24000) < 1e-9);
  });

  it('token ids are ref_text + text looked up in vocab.txt', () => {
    const j = JSON.parse(run([...base, '--dry-run']).stdout);
    const vocab = fs.readFileSync(path.join(model, 'vocab.txt'), 'utf8').split('\n');
    // upstream infer_batch_process: a reference text whose last character is
    // one UTF-8 byte gets one more space before the chunk is appended.
    const rt = j.voice.ref_text, last = [...rt].pop();
    const full = rt + (Buffer.byteLength(last) === 1 ? ' ' : '') + j.chunks[0].text;
    const want = [...full].map((c) => vocab.indexOf(c));
    assert.ok(!want.includes(-1), 'every character is in the test vocab');
    assert.equal(j.chunks[0].n_tokens, want.length);
    assert.deepEqual(j.chunks[0].token_ids, want);
  });

  it('a long text is split into several chunks whose texts cover it', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Đây là câu thử nghiệm số ${i + 1} của chúng tôi.`).join(' ');
    const r = run(['synth', '--model', model, '--ref', ref, '--ref-text', refText, '--text', long, '--dry-run']);
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.ok(j.n_chunks >= 2, `${j.n_chunks} chunks`);
    assert.equal(j.chunks.length, j.n_chunks);
    const joined = j.chunks.map((c) => c.text.trim()).join(' ');
    assert.equal(joined.replace(/\s+/g, ' '), j.text.replace(/\s+/g, ' ').trim());
    for (const c of j.chunks) assert.ok(Buffer.byteLength(c.text) <= j.max_chars + 2, `${c.text.length} > ${j.max_chars}`);
    const sum = j.chunks.reduce((a, c) => a + c.seconds, 0);
    assert.ok(j.total_seconds < sum, 'cross-fades shorten the total');
  });

  it('the planned seconds equal the length of a real synthesis', () => {
    const j = JSON.parse(run([...base, '--dry-run']).stdout);
    const out = path.join(dir, 'out.wav');
    const r = run([...base, '--nfe', '2', '--seed', '1', '-o', out, '--quiet']);
    assert.equal(r.status, 0, r.stderr);
    const b = fs.readFileSync(out);
    const dataBytes = b.readUInt32LE(40);
    assert.equal(dataBytes / 2, Math.round(j.total_seconds * 24000));
  });

  it('empty text is an error with a message, exit 1', () => {
    const r = run(['synth', '--model', model, '--ref', ref, '--ref-text', refText, '--text', '', '--dry-run']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /dry run: text is empty/);
  });
});
