// app.js - the web UI: builds the POST /tts form (async mode), follows the
// job through its Server-Sent Events, then plays / offers the result.
// English and Vietnamese labels; microphone recording through MediaRecorder,
// converted to WAV in the browser (the server decodes WAV/MP3/FLAC/OGG).
'use strict';

const I18N = {
  en: {
    title: 'Voice cloning text-to-speech', text: 'Text to speak', chars: 'characters', reference: 'Reference voice',
    upload: 'Upload audio', record: 'Record', stop: 'Stop recording', refText: 'Transcript of the reference',
    savedVoices: 'Saved voices', noVoice: '(use the uploaded or recorded clip)', play: 'Play sample', delete: 'Delete', voiceName: 'Name for this voice', saveVoice: 'Save as voice', needName: 'Give the voice a name.', quality: 'Quality', qualityOk: 'good', warnings: 'warnings', saved: 'Saved', loudness: 'loudness', clipping: 'clipping', cutAt: 'cut at', speed: 'Speed', removeSilence: 'Remove silences',
    advanced: 'Advanced settings', nfe: 'NFE steps', cfg: 'CFG strength', seed: 'Seed (empty = random)',
    format: 'Format', synthesize: 'Synthesize', download: 'Download',
    testModel: 'TEST MODEL: random weights, the audio is noise. Configure a real model (f5tts models pull F5TTS_v1_Base).',
    queued: 'Queued…', running: 'Synthesizing…', done: 'Done', uploading: 'Uploading…', notReady: 'The model is still loading; try again shortly.',
    needText: 'Please type some text.', needVoice: 'Please upload or record a reference voice.',
    needRefText: 'Please type what the reference voice says.', micDenied: 'Microphone not available: ',
    recorded: 'Recorded', seconds: 's', failed: 'Failed', cancelled: 'Cancelled', network: 'Network error: ',
    tooLong: 'The text is too long.', preview: 'Preview normalised text',
    keyNeeded: 'This server needs an API key (ask its operator for one).', keySave: 'Use this key',
    keyRejected: 'The API key was not accepted; enter another one.',
  },
  vi: {
    title: 'Chuyển văn bản thành giọng nói (nhân bản giọng)', text: 'Văn bản cần đọc', chars: 'ký tự',
    reference: 'Giọng mẫu', upload: 'Tải tệp âm thanh', record: 'Ghi âm', stop: 'Dừng ghi âm',
    refText: 'Nội dung lời nói trong giọng mẫu', savedVoices: 'Giọng đã lưu', noVoice: '(dùng đoạn ghi âm đã tải lên)', play: 'Nghe thử', delete: 'Xoá', voiceName: 'Tên giọng', saveVoice: 'Lưu giọng', needName: 'Hãy đặt tên cho giọng.', quality: 'Chất lượng', qualityOk: 'tốt', warnings: 'cảnh báo', saved: 'Đã lưu', loudness: 'độ lớn', clipping: 'méo', cutAt: 'cắt tại', speed: 'Tốc độ',
    removeSilence: 'Bỏ khoảng lặng', advanced: 'Cài đặt nâng cao', nfe: 'Số bước NFE', cfg: 'Độ mạnh CFG',
    seed: 'Seed (để trống = ngẫu nhiên)', format: 'Định dạng', synthesize: 'Tạo giọng nói', download: 'Tải xuống',
    testModel: 'MÔ HÌNH THỬ NGHIỆM: trọng số ngẫu nhiên, âm thanh chỉ là tiếng ồn. Hãy cấu hình mô hình thật (f5tts models pull F5TTS_v1_Base).',
    queued: 'Đang chờ…', running: 'Đang tạo giọng nói…', done: 'Hoàn tất', uploading: 'Đang tải lên…',
    notReady: 'Mô hình đang được tải, vui lòng thử lại sau.', needText: 'Vui lòng nhập văn bản.',
    needVoice: 'Vui lòng tải lên hoặc ghi âm giọng mẫu.', needRefText: 'Vui lòng nhập nội dung của giọng mẫu.',
    micDenied: 'Không dùng được micro: ', recorded: 'Đã ghi', seconds: 'giây', failed: 'Thất bại',
    cancelled: 'Đã huỷ', network: 'Lỗi mạng: ', tooLong: 'Văn bản quá dài.', preview: 'Xem trước văn bản đã chuẩn hoá',
    keyNeeded: 'Máy chủ này cần khoá API (hãy xin người quản trị).', keySave: 'Dùng khoá này',
    keyRejected: 'Khoá API không được chấp nhận; hãy nhập khoá khác.',
  },
};

const $ = (id) => document.getElementById(id);
let lang = localStorage.getItem('f5-lang') || ((navigator.language || '').startsWith('vi') ? 'vi' : 'en');
let voiceBlob = null, voiceName = 'voice.wav', recorder = null, events = null, maxChars = 5000;
const t = (k) => (I18N[lang] && I18N[lang][k]) || I18N.en[k] || k;

// API key (when the server requires one): asked for on a 401, kept in this
// browser's localStorage, sent as a Bearer token. EventSource and <audio src>
// cannot send headers, so with a key the job's events and audio are fetched.
let apiKey = localStorage.getItem('f5-api-key') || '';
const authHeaders = () => (apiKey ? { Authorization: `Bearer ${apiKey}` } : {});
function askKey(rejected) {
  $('key-msg').dataset.i18n = rejected ? 'keyRejected' : 'keyNeeded';
  $('key-msg').textContent = t($('key-msg').dataset.i18n);
  $('key-box').hidden = false;
  $('api-key').focus();
}
async function api(url, opts = {}) {
  const res = await fetch(url, { ...opts, headers: { ...(opts.headers || {}), ...authHeaders() } });
  if (res.status === 401) askKey(!!apiKey);
  return res;
}
function saveKey() {
  apiKey = $('api-key').value.trim();
  if (apiKey) localStorage.setItem('f5-api-key', apiKey); else localStorage.removeItem('f5-api-key');
  $('api-key').value = '';
  $('key-box').hidden = true;
  showError('');
  loadInfo();
  loadVoices();
}

function applyLang() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-ph]').forEach((el) => { el.placeholder = t(el.dataset.i18nPh); });
  $('lang').textContent = lang === 'en' ? 'Tiếng Việt' : 'English';
  $('record').textContent = recorder ? t('stop') : t('record');
}

function showError(msg) { const e = $('error'); e.textContent = msg; e.hidden = !msg; }
function setStatus(msg) { $('status').textContent = msg; }

function updateCount() {
  const n = [...$('text').value].length;
  $('count').textContent = n;
  $('count').parentElement.classList.toggle('error', n > maxChars);
}

function setVoice(blob, name, info) {
  voiceBlob = blob; voiceName = name;
  $('voice-info').textContent = info;
  const p = $('voice-preview');
  if (p.src) URL.revokeObjectURL(p.src);
  p.src = URL.createObjectURL(blob); p.hidden = false;
  if ($('saved-voice').value) { $('saved-voice').value = ''; onVoiceSelected(); } /* the new clip replaces the saved voice */
}

// 16-bit mono WAV from Float32 samples.
function wavFromFloat(samples, rate) {
  const buf = new ArrayBuffer(44 + samples.length * 2), v = new DataView(buf);
  const str = (o, s) => { for (let i = 0; i < s.length; i++) v.setUint8(o + i, s.charCodeAt(i)); };
  str(0, 'RIFF'); v.setUint32(4, 36 + samples.length * 2, true); str(8, 'WAVE'); str(12, 'fmt ');
  v.setUint32(16, 16, true); v.setUint16(20, 1, true); v.setUint16(22, 1, true); v.setUint32(24, rate, true);
  v.setUint32(28, rate * 2, true); v.setUint16(32, 2, true); v.setUint16(34, 16, true); str(36, 'data');
  v.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    v.setInt16(44 + i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true);
  }
  return new Blob([buf], { type: 'audio/wav' });
}

async function toggleRecord() {
  if (recorder) { recorder.stop(); return; }
  showError('');
  let stream;
  try { stream = await navigator.mediaDevices.getUserMedia({ audio: true }); }
  catch (e) { showError(t('micDenied') + e.message); return; }
  const chunks = [];
  recorder = new MediaRecorder(stream);
  recorder.ondataavailable = (e) => { if (e.data.size) chunks.push(e.data); };
  recorder.onstop = async () => {
    stream.getTracks().forEach((tr) => tr.stop());
    recorder = null; $('record').classList.remove('recording'); applyLang();
    try {
      const raw = new Blob(chunks, { type: chunks[0] ? chunks[0].type : 'audio/webm' });
      const ctx = new (window.AudioContext || window.webkitAudioContext)();
      const audio = await ctx.decodeAudioData(await raw.arrayBuffer());
      const wav = wavFromFloat(audio.getChannelData(0), audio.sampleRate);
      setVoice(wav, 'recording.wav', `${t('recorded')}: ${audio.duration.toFixed(1)} ${t('seconds')}`);
      ctx.close();
    } catch (e) { showError(t('micDenied') + e.message); }
  };
  recorder.start();
  $('record').classList.add('recording'); applyLang();
}

function finish(job) {
  if (events) { events.close(); events = null; }
  $('go').disabled = false;
  $('progress').value = 1;
  setStatus(`${t('done')} – ${job.audio_seconds ? job.audio_seconds.toFixed(2) + ' ' + t('seconds') : ''}` +
            (job.rtf ? ` (RTF ${job.rtf.toFixed(2)})` : ''));
  const show = (url) => {
    $('player').src = url; $('player').hidden = false;
    $('download').href = url; $('download').download = `${job.job_id}.${job.format}`; $('download').hidden = false;
  };
  if (!apiKey) return show(job.result_url);
  api(job.result_url).then(async (r) => {
    if (!r.ok) return fail(`${t('failed')} (HTTP ${r.status})`);
    if ($('player').src.startsWith('blob:')) URL.revokeObjectURL($('player').src);
    show(URL.createObjectURL(await r.blob()));
  }).catch((e) => fail(t('network') + e.message));
}

function fail(msg) {
  if (events) { events.close(); events = null; }
  $('go').disabled = false; $('progress').hidden = true;
  setStatus(''); showError(msg);
}

function onEvent(name, d) {
  if (name === 'progress') {
    $('progress').value = d.progress;
    setStatus(`${d.status === 'queued' ? t('queued') : t('running')} ${Math.round(d.progress * 100)}%`);
  } else if (name === 'done') finish(d);
  else if (name === 'error') {
    const err = d.error || {};
    fail(`${d.status === 'cancelled' ? t('cancelled') : t('failed')}: ${err.message || ''} (${err.code || d.status})`);
  }
}

// The job's Server-Sent Events read through fetch (so the key goes along).
async function followWithKey(jobId) {
  const ctl = new AbortController();
  events = { close: () => ctl.abort() };
  try {
    const res = await api(`/jobs/${jobId}/events`, { signal: ctl.signal });
    if (!res.ok) return fail(`${t('failed')} (HTTP ${res.status})`);
    const reader = res.body.getReader(), dec = new TextDecoder();
    let buf = '';
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      buf += dec.decode(r.value, { stream: true });
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i); buf = buf.slice(i + 2);
        let name = 'message', data = '';
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) name = line.slice(7);
          else if (line.startsWith('data: ')) data += line.slice(6);
        }
        if (data) onEvent(name, JSON.parse(data));
      }
    }
    if (events) fail(t('network') + 'event stream closed');
  } catch (e) { if (!ctl.signal.aborted) fail(t('network') + e.message); }
}

function follow(jobId) {
  if (apiKey) return followWithKey(jobId);
  events = new EventSource(`/jobs/${jobId}/events`);
  events.addEventListener('progress', (e) => {
    const d = JSON.parse(e.data);
    $('progress').value = d.progress;
    setStatus(`${d.status === 'queued' ? t('queued') : t('running')} ${Math.round(d.progress * 100)}%`);
  });
  events.addEventListener('done', (e) => finish(JSON.parse(e.data)));
  events.addEventListener('error', (e) => {
    if (e.data) {
      const d = JSON.parse(e.data);
      const err = d.error || {};
      fail(`${d.status === 'cancelled' ? t('cancelled') : t('failed')}: ${err.message || ''} (${err.code || d.status})`);
    } else if (events && events.readyState === EventSource.CLOSED) {
      fail(t('network') + 'event stream closed');
    }
  });
}

async function submit(ev) {
  ev.preventDefault();
  showError(''); setStatus(''); $('player').hidden = true; $('download').hidden = true; $('progress').hidden = true;
  const text = $('text').value.trim(), refText = $('ref-text').value.trim();
  if (!text) return showError(t('needText'));
  if ([...text].length > maxChars) return showError(t('tooLong'));
  const savedId = $('saved-voice').value;
  if (!savedId && !voiceBlob) return showError(t('needVoice'));
  if (!savedId && !refText) return showError(t('needRefText'));
  const fd = new FormData();
  fd.append('text', text);
  if (savedId) fd.append('voice_id', savedId); /* its clip and transcript are on the server */
  else {
    fd.append('ref_text', refText);
    fd.append('voice', voiceBlob, voiceName);
  }
  fd.append('speed', $('speed').value);
  fd.append('remove_silence', $('remove-silence').checked ? 'true' : 'false');
  fd.append('nfe_step', $('nfe').value || '32');
  fd.append('cfg_strength', $('cfg').value || '2');
  if ($('seed').value !== '') fd.append('seed', $('seed').value);
  fd.append('format', $('format').value);
  fd.append('mode', 'async');
  $('go').disabled = true; $('progress').hidden = false; $('progress').value = 0; setStatus(t('uploading'));
  let res, body;
  try {
    res = await api('/tts', { method: 'POST', body: fd });
    body = await res.json();
  } catch (e) { return fail(t('network') + e.message); }
  if (res.status !== 202) {
    const err = (body && body.error) || {};
    return fail(`${t('failed')} (HTTP ${res.status}): ${err.message || ''} [${err.code || ''}]`);
  }
  setStatus(t('queued'));
  follow(body.job_id);
}

async function loadInfo() {
  try {
    const v = await (await fetch('/version')).json();
    $('test-model').hidden = !v.test_model;
    $('version').textContent = `f5tts ${v.version}` + (v.engine && v.engine.arch ? ` · ${v.engine.arch}` : '') +
      (v.model_label ? ` · ${v.model_label}` : '');
    const cr = await api('/config');
    if (!cr.ok) return; /* 401: the key box is shown; loadInfo runs again once a key is given */
    const c = await cr.json();
    $('auth-off').hidden = !(c.auth && c.auth.enabled === false);
    $('auth-off').textContent = c.auth && c.auth.warning ? c.auth.warning : '';
    if (c['max-text-chars']) { maxChars = c['max-text-chars']; $('max').textContent = maxChars; }
    if (c.nfe) $('nfe').value = c.nfe;
    if (c.cfg !== undefined) $('cfg').value = c.cfg;
    const r = await fetch('/readyz');
    const nr = $('not-ready');
    nr.hidden = r.ok; nr.textContent = r.ok ? '' : t('notReady');
    if (!r.ok) setTimeout(loadInfo, 3000);
  } catch (e) { /* the form still works; errors show on submit */ }
}

$('lang').addEventListener('click', () => { lang = lang === 'en' ? 'vi' : 'en'; localStorage.setItem('f5-lang', lang); applyLang(); });
$('text').addEventListener('input', updateCount);

// POST /normalize: the text as synthesis will read it, one sentence per line.
async function previewText() {
  const text = $('text').value;
  if (!text.trim()) { showError(t('needText')); return; }
  showError('');
  try {
    const r = await api('/normalize', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                                          body: JSON.stringify({ text }) });
    const j = await r.json();
    if (!r.ok) { showError(j.error ? j.error.message : `HTTP ${r.status}`); return; }
    $('norm-preview').textContent = j.sentences.join('\n');
    $('norm-preview').hidden = false;
  } catch (e) { showError(t('network') + e.message); }
}
$('preview').addEventListener('click', previewText);
$('speed').addEventListener('input', () => { $('speed-out').textContent = Number($('speed').value).toFixed(2); });
$('voice').addEventListener('change', () => {
  const f = $('voice').files[0];
  if (f) setVoice(f, f.name, `${f.name} (${(f.size / 1024).toFixed(0)} KiB)`);
});
$('record').addEventListener('click', toggleRecord);
if (!window.MediaRecorder || !navigator.mediaDevices) $('record').hidden = true;
$('form').addEventListener('submit', submit);

// The speaker library: GET /voices fills the list; a saved voice replaces the
// upload in /tts (voice_id); "Save as voice" enrols the current clip with its
// transcript (POST /voices) and shows the quality report.
let savedVoices = [];
function qualityText(q) {
  if (!q) return '';
  const m = `${q.duration.toFixed(1)} ${t('seconds')} · ${t('loudness')} ${q.loudness_dbfs.toFixed(1)} dBFS · SNR ` +
            `${q.snr_db.toFixed(0)} dB · ${t('clipping')} ${(100 * q.clipping_ratio).toFixed(2)}%` +
            (q.will_cut ? ` · ${t('cutAt')} ${q.cut_at.toFixed(1)} ${t('seconds')}` : '');
  return m;
}
function showQuality(v) {
  const box = $('quality');
  box.textContent = '';
  if (!v || !v.quality) { box.hidden = true; return; }
  const q = v.quality, head = document.createElement('div');
  head.className = q.ok ? 'q-ok' : 'q-warn';
  head.textContent = `${t('quality')}: ${q.ok ? t('qualityOk') : `${q.warnings.length} ${t('warnings')}`} – ${qualityText(q)}`;
  box.appendChild(head);
  const ul = document.createElement('ul');
  for (const w of q.warnings) {
    const li = document.createElement('li');
    li.dataset.code = w.code;
    li.textContent = `${w.code}: ${w.message}`;
    ul.appendChild(li);
  }
  if (q.warnings.length) box.appendChild(ul);
  box.hidden = false;
}
async function loadVoices(select) {
  try {
    const r = await api('/voices');
    if (!r.ok) { $('voices-box').hidden = r.status === 403; return; }
    savedVoices = (await r.json()).data;
  } catch (e) { return; }
  const sel = $('saved-voice'), keep = select !== undefined ? select : sel.value;
  while (sel.options.length > 1) sel.remove(1);
  for (const v of savedVoices) {
    const o = document.createElement('option');
    o.value = v.id;
    o.textContent = `${v.name} (${v.duration.toFixed(1)} s${v.quality && !v.quality.ok ? ', ⚠' : ''})`;
    sel.appendChild(o);
  }
  sel.value = savedVoices.some((v) => v.id === keep) ? keep : '';
  onVoiceSelected();
}
function onVoiceSelected() {
  const v = savedVoices.find((x) => x.id === $('saved-voice').value);
  $('voice-play').disabled = !v; $('voice-delete').disabled = !v;
  $('saved-preview').hidden = true;
  if (v) { $('ref-text').value = v.ref_text; showQuality(v); }
  else $('quality').hidden = true;
}
async function playVoice() {
  const id = $('saved-voice').value;
  if (!id) return;
  try {
    const r = await api(`/voices/${encodeURIComponent(id)}/audio`);
    if (!r.ok) return showError(`${t('failed')} (HTTP ${r.status})`);
    const p = $('saved-preview');
    if (p.src.startsWith('blob:')) URL.revokeObjectURL(p.src);
    p.src = URL.createObjectURL(await r.blob()); p.hidden = false;
    p.play().catch(() => { /* autoplay may be refused: the controls stay */ });
  } catch (e) { showError(t('network') + e.message); }
}
async function saveVoice() {
  showError('');
  const name = $('voice-name').value.trim();
  if (!voiceBlob) return showError(t('needVoice'));
  if (!name) return showError(t('needName'));
  const fd = new FormData();
  fd.append('name', name);
  fd.append('ref_text', $('ref-text').value.trim());
  fd.append('audio', voiceBlob, voiceName);
  try {
    const r = await api('/voices', { method: 'POST', body: fd });
    const j = await r.json();
    if (r.status !== 201) {
      const err = j.error || {};
      if (err.quality) showQuality({ quality: err.quality });
      return showError(`${t('failed')} (HTTP ${r.status}): ${err.message || ''} [${err.code || ''}]`);
    }
    setStatus(`${t('saved')}: ${j.name}`);
    $('voice-name').value = '';
    await loadVoices(j.id);
    showQuality(j);
  } catch (e) { showError(t('network') + e.message); }
}
async function deleteVoice() {
  const id = $('saved-voice').value;
  if (!id) return;
  const r = await api(`/voices/${encodeURIComponent(id)}`, { method: 'DELETE' });
  if (!r.ok) return showError(`${t('failed')} (HTTP ${r.status})`);
  await loadVoices('');
}
$('saved-voice').addEventListener('change', onVoiceSelected);
$('voice-play').addEventListener('click', playVoice);
$('voice-save').addEventListener('click', saveVoice);
$('voice-delete').addEventListener('click', deleteVoice);
$('key-save').addEventListener('click', saveKey);
$('api-key').addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); saveKey(); } });
applyLang(); updateCount(); loadInfo(); loadVoices();
