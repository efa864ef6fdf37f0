// openai.test.js - POST /v1/audio/speech driven by the official `openai` npm
// client against `f5tts serve` with API keys: every supported
// response_format decodes (sox/soxi where sox reads it, and the project's
// own decoder for all of them, through the enrolment of POST /voices whose
// quality report gives the decoded duration), a voice by id and by name,
// streaming delivers bytes while the job is still running (raw audio and
// stream_format "sse"), and errors arrive as the client's APIError with
// status, code and param (aac, unknown voice, bad key, bad speed).
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const OpenAI = require('openai').default;
const h = require('./lib/harness');

let srv, key, client, voice, tmp;
const TEXT = 'Xin chào các bạn, hôm nay trời đẹp.';

function addKey(data, name, scope) {
  const r = spawnSync(h.BIN, ['keys', 'add', name, '--scope', scope, '--data', data], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}
async function enrol(name, bytes, filename) {
  const fd = new FormData();
  fd.append('name', name);
  fd.append('ref_text', 'một hai ba bốn');
  fd.append('audio', new Blob([bytes]), filename);
  const r = await fetch(`${srv.base}/voices`, { method: 'POST', body: fd, headers: { Authorization: `Bearer ${key}` } });
  return { status: r.status, json: await r.json() };
}
// Duration by sox (soxi -D); null when sox cannot read the format.
function soxSeconds(file, rawArgs = []) {
  const r = rawArgs.length ? spawnSync('sox', [...rawArgs, file, '-n', 'stat'], { encoding: 'utf8' })
                           : spawnSync('soxi', ['-D', file], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  if (rawArgs.length) return parseFloat(/Length \(seconds\):\s*([\d.]+)/.exec(r.stderr)[1]);
  return parseFloat(r.stdout);
}

before(async () => {
  const data = h.tmpDir('f5oai-');
  key = addKey(data, 'app', 'tts,voices');
  tmp = h.tmpDir('f5oai-out-');
  srv = await h.startServer({ data, args: ['--no-warmup', '--nfe', '4'] });
  client = new OpenAI({ apiKey: key, baseURL: `${srv.base}/v1`, maxRetries: 0, timeout: 120000 });
  const v = await enrol('Chị Hoa', h.refWav(2.0), 'ref.wav');
  assert.equal(v.status, 201, JSON.stringify(v.json));
  voice = v.json;
});
after(async () => { if (srv) assert.equal((await h.stopServer(srv)).code, 0); });

describe('POST /v1/audio/speech through the openai client', () => {
  const magic = {
    mp3: (b) => b.subarray(0, 3).toString() === 'ID3' || (b[0] === 0xff && (b[1] & 0xe0) === 0xe0),
    opus: (b) => b.subarray(0, 4).toString() === 'OggS' && b.indexOf('OpusHead') > 0,
    flac: (b) => b.subarray(0, 4).toString() === 'fLaC',
    wav: (b) => b.subarray(0, 4).toString() === 'RIFF' && b.subarray(8, 12).toString() === 'WAVE',
    pcm: (b) => b.length % 2 === 0,
  };
  const mime = { mp3: 'audio/mpeg', opus: 'audio/ogg; codecs=opus', flac: 'audio/flac', wav: 'audio/wav', pcm: 'audio/L16; rate=24000; channels=1' };
  const seconds = {};

  for (const fmt of ['wav', 'mp3', 'opus', 'flac', 'pcm']) {
    it(`response_format ${fmt} decodes`, async () => {
      const { data, response } = await client.audio.speech
        .create({ model: 'tts-1', voice: voice.id, input: TEXT, response_format: fmt })
        .withResponse();
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), mime[fmt]);
      const b = Buffer.from(await data.arrayBuffer());
      assert.ok(b.length > 1000, `${b.length} bytes`);
      assert.ok(magic[fmt](b), `${fmt} magic: ${b.subarray(0, 16).toString('hex')}`);
      const file = path.join(tmp, `out.${fmt === 'opus' ? 'opus' : fmt}`);
      fs.writeFileSync(file, b);
      // sox: wav, mp3, flac, and pcm as raw s16le 24 kHz; it has no opus reader here
      // (a streamed WAV's header says 0xFFFFFFFF bytes, as OpenAI's does: sox --ignore-length reads to the end)
      const sx = fmt === 'pcm' ? soxSeconds(file, ['-t', 'raw', '-r', '24000', '-e', 'signed', '-b', '16', '-c', '1'])
               : fmt === 'wav' ? soxSeconds(file, ['--ignore-length'])
               : fmt === 'opus' ? null : soxSeconds(file);
      if (fmt !== 'opus') assert.ok(sx > 0.5, `sox read ${fmt}: ${sx}`);
      // the project's decoder (libsndfile / mpg123 / opusfile) through enrolment: pcm as a WAV wrapper
      let bytes = b;
      if (fmt === 'pcm') {
        const hd = Buffer.from(h.refWav(0).subarray(0, 44));
        hd.writeUInt32LE(36 + b.length, 4);
        hd.writeUInt32LE(b.length, 40);
        bytes = Buffer.concat([hd, b]);
      }
      const e = await enrol(`decoded-${fmt}`, bytes, `x.${fmt}`);
      assert.equal(e.status, 201, `${fmt}: ${JSON.stringify(e.json)}`);
      seconds[fmt] = e.json.duration;
      if (sx) assert.ok(Math.abs(sx - e.json.duration) < 0.1, `${fmt}: sox ${sx} s, ours ${e.json.duration} s`);
      assert.ok(Math.abs(e.json.duration - seconds.wav) < 0.1, `${fmt} ${e.json.duration} s vs wav ${seconds.wav} s`);
    });
  }

  it('voice by name; speed changes the length', async () => {
    const a = Buffer.from(await (await client.audio.speech.create({ model: 'f5-tts', voice: 'Chị Hoa', input: TEXT, response_format: 'pcm' })).arrayBuffer());
    const f = Buffer.from(await (await client.audio.speech.create({ model: 'f5-tts', voice: 'Chị Hoa', input: TEXT, response_format: 'pcm', speed: 2.0 })).arrayBuffer());
    assert.ok(Math.abs(a.length / 48000 - seconds.wav) < 0.1);
    assert.ok(f.length < a.length * 0.7, `speed 2: ${f.length} vs ${a.length} bytes`);
  });

  it('streaming: audio bytes arrive while the job is still running', async () => {
    const { data, response } = await client.audio.speech
      .create({ model: 'tts-1', voice: voice.id, input: h.longText(10), response_format: 'pcm' })
      .withResponse();
    const job = response.headers.get('x-job-id');
    assert.match(job, /^[0-9a-f]{32}$/);
    const reader = data.body.getReader();
    const first = await reader.read();
    assert.ok(!first.done && first.value.length > 0);
    const st = await (await fetch(`${srv.base}/jobs/${job}`, { headers: { Authorization: `Bearer ${key}` } })).json();
    assert.equal(st.status, 'running', 'first bytes before the synthesis finished');
    assert.ok(st.progress < 1, `progress ${st.progress}`);
    let total = first.value.length, pieces = 1;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      pieces++;
    }
    assert.ok(pieces > 1, `${pieces} pieces`);
    assert.ok(total > first.value.length * 2);
  });

  it('stream_format sse: base64 speech.audio.delta events then speech.audio.done', async () => {
    const { data, response } = await client.audio.speech
      .create({ model: 'tts-1', voice: voice.id, input: h.longText(6), response_format: 'wav', stream_format: 'sse' })
      .withResponse();
    assert.equal(response.headers.get('content-type'), 'text/event-stream');
    const job = response.headers.get('x-job-id');
    const reader = data.body.getReader();
    let text = '', sawRunning = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!text && value.length) {
        const st = await (await fetch(`${srv.base}/jobs/${job}`, { headers: { Authorization: `Bearer ${key}` } })).json();
        sawRunning = st.status === 'running';
      }
      text += Buffer.from(value).toString();
    }
    assert.ok(sawRunning, 'the first event came while the job ran');
    const events = text.split('\n\n').filter((e) => e.startsWith('data: ')).map((e) => JSON.parse(e.slice(6)));
    const deltas = events.filter((e) => e.type === 'speech.audio.delta');
    assert.ok(deltas.length > 1, `${deltas.length} deltas`);
    assert.equal(events[events.length - 1].type, 'speech.audio.done');
    assert.ok(events[events.length - 1].usage.input_tokens > 0);
    const audio = Buffer.concat(deltas.map((d) => Buffer.from(d.audio, 'base64')));
    assert.equal(audio.subarray(0, 4).toString(), 'RIFF');
    assert.ok(audio.length > 44 + 24000, `${audio.length} bytes of wav`);
  });

  it('errors are the client\'s APIError with status, code and param', async () => {
    const expectErr = async (params, status, code, param, c = client) => {
      try {
        await c.audio.speech.create({ model: 'tts-1', voice: voice.id, input: TEXT, ...params });
      } catch (e) {
        assert.ok(e instanceof OpenAI.APIError, `${e}`);
        assert.equal(e.status, status, e.message);
        assert.equal(e.code, code);
        if (param !== undefined) assert.equal(e.param, param);
        assert.ok(e.message.length > 10);
        return e;
      }
      assert.fail(`no error for ${JSON.stringify(params)}`);
    };
    const aac = await expectErr({ response_format: 'aac' }, 400, 'unsupported_response_format', 'response_format');
    assert.ok(aac instanceof OpenAI.BadRequestError);
    assert.match(aac.message, /aac/);
    assert.equal(aac.type, 'invalid_request_error');
    const nf = await expectErr({ voice: 'nobody' }, 404, 'voice_not_found', 'voice');
    assert.ok(nf instanceof OpenAI.NotFoundError);
    await expectErr({ speed: 9 }, 400, 'invalid_field', 'speed');
    await expectErr({ input: '' }, 400, 'missing_field', 'input');
    const bad = new OpenAI({ apiKey: 'f5k_wrong', baseURL: `${srv.base}/v1`, maxRetries: 0 });
    const au = await expectErr({}, 401, 'unauthorized', null, bad);
    assert.ok(au instanceof OpenAI.AuthenticationError);
  });

  it('GET /v1/models through the client', async () => {
    const page = await client.models.list();
    assert.deepEqual(page.data.map((m) => m.id), ['f5-tts']);
  });
});
