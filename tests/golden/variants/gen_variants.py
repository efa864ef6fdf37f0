#!/usr/bin/env python3
"""gen_variants.py - write a *variant* golden set (other seeds, sizes and
options than the shared one) in exactly the shared golden format, so that
`f5tts golden` is proven not to be tuned to the shipped cases.

    python3 tests/golden/variants/gen_variants.py OUT_DIR [--golden SHARED_GOLDEN_DIR] [--seed S]

Expected outputs come from the shared float64 numpy restatement of the spec,
`$F5_GOLDEN_DIR/reference_numpy.py`, imported at run time (never copied
here). Inputs and weights are rounded to float32 first (that is what the
files hold), then everything is computed in float64. Kinds: dit (v1 and v0
tiny DiTs, other dims, safetensors + stdlib-written .pt), sample (other step
counts / cfg / sway / EPSS switch, batch 2), vocos (other dims, both head
paddings), mel (other lengths, WAV loading, 16000 and 44100 -> 24000 Hz
resampling with an own float64 restatement of torchaudio's sinc_interp_hann
resampler, validated against the shared 22050 pair before use).
Needs python3 + numpy only."""
import argparse
import collections
import importlib.util
import json
import math
import os
import struct
import sys
import zipfile

import numpy as np

R = None  # the reference module


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


# ----------------------------------------------------------------- writers
def write_safetensors(path, tensors, metadata=None):
    """tensors: dict name -> (dtype str, np array). Laid out by decreasing element size."""
    np_t = {"F32": "<f4", "I64": "<i8", "I32": "<i4", "BOOL": "|b1"}
    items = sorted(tensors.items(), key=lambda kv: -np.dtype(np_t[kv[1][0]]).itemsize)
    header, blobs, off = {}, [], 0
    for name, (dt, a) in items:
        b = np.ascontiguousarray(np.asarray(a).astype(np_t[dt])).tobytes()
        header[name] = {"dtype": dt, "shape": list(np.shape(a)), "data_offsets": [off, off + len(b)]}
        blobs.append(b)
        off += len(b)
    if metadata:
        header["__metadata__"] = metadata
    h = json.dumps(header).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))


# torch.save stand-ins (pickled by reference as torch.* / torch._utils.*), as torch writes them
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "scripts"))
from torch_standin import ELEM, BoolStorage, FloatStorage, LongStorage, Storage, Tensor, dumps  # noqa: E402


def write_pt(path, tensors, wrap=None):
    """torch.save of an OrderedDict (optionally {wrap: dict}); archive name = file stem."""
    cls = {"F32": (FloatStorage, "<f4"), "I64": (LongStorage, "<i8"), "BOOL": (BoolStorage, "|b1")}
    entries, od = [], collections.OrderedDict()
    for name, (dt, a) in tensors.items():
        c, npd = cls[dt]
        data = np.ascontiguousarray(np.asarray(a).astype(npd)).tobytes()
        st = Storage(str(len(entries)), c, len(data) // ELEM[c])
        entries.append((st.key, data))
        od[name] = Tensor(st, np.shape(a))
    pkl = dumps({wrap: od} if wrap else od)
    arch = os.path.splitext(os.path.basename(path))[0]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr(arch + "/data.pkl", pkl)
        for key, data in entries:
            z.writestr(arch + "/data/" + key, data)
        z.writestr(arch + "/version", b"3\n")


# ----------------------------------------------------------------- tolerances
TOL_POLICY = ("variant set: no float32-vs-float64 gap can be measured here (no upstream run), so fixed conservative "
              "values are used: rel_l2 1e-4 for DiT/vocoder tensors (the shared set measured 4e-7..4e-6 for the same "
              "kinds, so this is 25-250x that gap), 2e-4 for sampler trajectories/velocities (errors accumulate over "
              "steps), 5e-4 for log-mel (shared default); max_abs per tensor = 2e-4 x max(1, max|ref|) (DiT, vocoder, "
              "sampler, |STFT|; measured gaps are 1e-7..4e-5), 0.1 for log-mel (dominated by bins at the 1e-5 floor).")


def tol_for(ref, rel, absf):
    return {"max_abs": float("%.3g" % (absf * max(1.0, float(np.max(np.abs(ref)))))), "rel_l2": rel}


# ----------------------------------------------------------------- DiT
def dit_keys(D, depth, H, ff, Dt, conv_layers, V, M=100):
    A, F = H * 64, D * ff
    k = [("time_embed.time_mlp.0.weight", (D, 256)), ("time_embed.time_mlp.0.bias", (D,)),
         ("time_embed.time_mlp.2.weight", (D, D)), ("time_embed.time_mlp.2.bias", (D,)),
         ("text_embed.text_embed.weight", (V + 1, Dt))]
    for j in range(conv_layers):
        p = "text_embed.text_blocks.%d." % j
        k += [(p + "dwconv.weight", (Dt, 1, 7)), (p + "dwconv.bias", (Dt,)), (p + "norm.weight", (Dt,)), (p + "norm.bias", (Dt,)),
              (p + "pwconv1.weight", (2 * Dt, Dt)), (p + "pwconv1.bias", (2 * Dt,)), (p + "grn.gamma", (1, 1, 2 * Dt)),
              (p + "grn.beta", (1, 1, 2 * Dt)), (p + "pwconv2.weight", (Dt, 2 * Dt)), (p + "pwconv2.bias", (Dt,))]
    k += [("input_embed.proj.weight", (D, 2 * M + Dt)), ("input_embed.proj.bias", (D,))]
    for j in (0, 2):
        k += [("input_embed.conv_pos_embed.conv1d.%d.weight" % j, (D, D // 16, 31)),
              ("input_embed.conv_pos_embed.conv1d.%d.bias" % j, (D,))]
    k += [("rotary_embed.inv_freq", (32,))]
    for i in range(depth):
        p = "transformer_blocks.%d." % i
        k += [(p + "attn_norm.linear.weight", (6 * D, D)), (p + "attn_norm.linear.bias", (6 * D,))]
        for q in "qkv":
            k += [(p + "attn.to_%s.weight" % q, (A, D)), (p + "attn.to_%s.bias" % q, (A,))]
        k += [(p + "attn.to_out.0.weight", (D, A)), (p + "attn.to_out.0.bias", (D,)), (p + "ff.ff.0.0.weight", (F, D)),
              (p + "ff.ff.0.0.bias", (F,)), (p + "ff.ff.2.weight", (D, F)), (p + "ff.ff.2.bias", (D,))]
    k += [("norm_out.linear.weight", (2 * D, D)), ("norm_out.linear.bias", (2 * D,)),
          ("proj_out.weight", (M, D)), ("proj_out.bias", (M,))]
    return k


def rand_weight(rng, key, shape):
    if key.endswith("inv_freq"):
        return 1.0 / (10000.0 ** (np.arange(0, 64, 2) / 64.0))
    if key.endswith("norm.weight"):
        return 1.0 + 0.1 * rng.standard_normal(shape)
    if key.endswith(("grn.gamma", "grn.beta")) or len(shape) == 1:
        return 0.1 * rng.standard_normal(shape)
    if key.endswith("text_embed.text_embed.weight"):
        return rng.standard_normal(shape)
    fan_in = int(np.prod(shape[1:]))
    return rng.standard_normal(shape) / math.sqrt(fan_in)


def make_dit(out, name, v0, arch, vocab_n, seed, mel_fb, mel_win, b1, b2):
    rng = np.random.default_rng(seed)
    os.makedirs(os.path.join(out, name), exist_ok=True)
    keys = dit_keys(arch["dim"], arch["depth"], arch["heads"], arch["ff_mult"], arch["text_dim"], arch["conv_layers"], vocab_n)
    sd = collections.OrderedDict()
    sd["initted"] = ("BOOL", np.array(True))
    sd["step"] = ("I64", np.array(seed * 1000, dtype=np.int64))
    W = {}
    for k, s in keys:
        a = f32(rand_weight(rng, k, s))
        W["ema_model.transformer." + k] = a
        sd["ema_model.transformer." + k] = ("F32", a)
    if v0:
        sd["ema_model.mel_spec.mel_stft.mel_scale.fb"] = ("F32", mel_fb)
        sd["ema_model.mel_spec.mel_stft.spectrogram.window"] = ("F32", mel_win)
    write_safetensors(os.path.join(out, name, "model.safetensors"), sd, {"format": "pt"})
    write_pt(os.path.join(out, name, "model.pt"), sd, wrap="ema_model_state_dict")
    m = R.DiTRef(W, arch)
    V, tol = {}, {}
    for pre, P in (("b1", b1), ("b2", b2)):
        B = len(P["texts"])
        n = P["n"]
        lens = None if pre == "b1" else np.array(P["lens"], dtype=np.int64)
        x = f32(rng.standard_normal((B, n, 100)))
        cond = np.zeros((B, n, 100))
        for b in range(B):
            rf = P["ref_frames"][b]
            cond[b, :rf] = f32(rng.standard_normal((rf, 100)) * 2.0 - 4.0)
            if lens is not None:
                x[b, lens[b]:] = 0
        T = max(len(t) for t in P["texts"])
        text = -np.ones((B, T), dtype=np.int64)
        for b, t in enumerate(P["texts"]):
            text[b, :len(t)] = t
        time = f32(np.array(P["time"], dtype=np.float64))
        V[pre + ".x"], V[pre + ".cond"], V[pre + ".text"], V[pre + ".time"] = ("F32", x), ("F32", cond), ("I64", text), ("F32", time)
        if lens is not None:
            V[pre + ".lens"] = ("I64", lens)
            V[pre + ".mask"] = ("I32", (np.arange(n)[None, :] < lens[:, None]).astype(np.int32))
        tb = np.full(B, time[0]) if time.size == 1 else time
        outs = {}
        for tag, da, dt in (("cond", False, False), ("uncond", True, True)):
            tr = {}
            y = m.forward(x, cond, text, tb, lens, da, dt, tr)
            outs[tag] = y
            for k, val in tr.items():
                V["%s.%s.%s" % (pre, tag, k)] = ("F32", val)
            V["%s.out.%s" % (pre, tag)] = ("F32", y)
        V[pre + ".out.cfg_packed"] = ("F32", np.concatenate([outs["cond"], outs["uncond"]], 0))
        for tag in ("cond", "uncond", "cfg_packed"):
            tol["%s.out.%s" % (pre, tag)] = tol_for(V["%s.out.%s" % (pre, tag)][1], 1e-4, 2e-4)
        if pre == "b1":
            V["b1.rope_freqs"] = ("F32", m.rope(n))
    write_safetensors(os.path.join(out, name, "vectors.safetensors"), V)
    a = dict(arch)
    case = {"name": name,
            "tests": "variant: DiT backbone forward (%s structure), dim %d depth %d heads %d (attention width %d), "
                     "ff_mult %d, text_dim %d, conv_layers %d, vocab %d, random weights seed %d; cond/uncond/cfg_packed, "
                     "b1 unmasked and b2 padded with lens; .safetensors and .pt." % (
                         "v0" if v0 else "v1", a["dim"], a["depth"], a["heads"], a["heads"] * 64, a["ff_mult"],
                         a["text_dim"], a["conv_layers"], vocab_n, seed),
            "files": {"weights_safetensors": name + "/model.safetensors", "weights_pt": name + "/model.pt",
                      "vectors": name + "/vectors.safetensors", "vocab": "vocab.txt"},
            "config": {"backbone": "DiT", "arch": a, "dim_head": 64, "mel_dim": 100, "text_num_embeds": vocab_n,
                       "params": int(sum(np.prod(s) for _, s in keys)), "weights_seed": seed,
                       "checkpoint_keys": sorted(sd.keys() - {"initted", "step"})},
            "params": {"b1": {"n": b1["n"], "time": b1["time"][0], "ref_frames": b1["ref_frames"][0]},
                       "b2": {"lens": b2["lens"], "time": b2["time"], "ref_frames": b2["ref_frames"]}},
            "tolerance": {"default": {"max_abs": 1e-3, "rel_l2": 1e-4}, "per_tensor": tol}}
    return case, m


# ----------------------------------------------------------------- sample
EPSS = {5: [0, 2, 4, 8, 16, 32], 6: [0, 2, 4, 6, 8, 16, 32], 7: [0, 2, 4, 6, 8, 16, 24, 32],
        10: [0, 2, 4, 6, 8, 12, 16, 20, 24, 28, 32], 12: [0, 2, 4, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32],
        16: [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32]}


def time_grid(steps, sway, use_epss):
    if use_epss and steps in EPSS:
        t = np.array(EPSS[steps], dtype=np.float32) / np.float32(32.0)
    else:
        t = np.linspace(0, 1, steps + 1, dtype=np.float32)
    if sway is not None:
        t = (t + np.float32(sway) * (np.cos(np.float32(np.pi / 2) * t) - 1 + t)).astype(np.float32)
    return t.astype(np.float64)


def make_sample(out, name, m, dit_name, arch, rng, settings):
    os.makedirs(os.path.join(out, name), exist_ok=True)
    cases = []
    for st in settings:
        P = dict(st)
        B = len(P["texts"])
        T = max(len(t) for t in P["texts"])
        text = -np.ones((B, T), dtype=np.int64)
        for b, t in enumerate(P["texts"]):
            text[b, :len(t)] = t
        lens = np.array(P["lens"], dtype=np.int64)
        dur_in = np.array(P["duration_in"], dtype=np.int64)
        dur = np.array([min(max(max(len(P["texts"][b]), lens[b]) + 1, dur_in[b]), 65536) for b in range(B)], dtype=np.int64)
        N, Nr = int(dur.max()), int(lens.max())
        cond = np.zeros((B, Nr, 100))
        for b in range(B):
            cond[b, :lens[b]] = f32(rng.standard_normal((lens[b], 100)) * 2.0 - 4.0)
        draw = f32(rng.standard_normal((N, 100)))
        noise = np.zeros((B, N, 100))
        for b in range(B):
            noise[b, :dur[b]] = draw[:dur[b]]
        t = time_grid(P["steps"], P["sway_sampling_coef"], P["use_epss"])
        condN = np.zeros((B, N, 100))
        condN[:, :Nr] = cond
        cmask = np.arange(N)[None, :] < lens[:, None]
        step_cond = condN * cmask[..., None]
        amask = dur if B > 1 else None
        traj, flow = [noise], []
        x = noise
        for k in range(P["steps"]):
            tk = np.full(B, t[k])
            c = m.forward(x, step_cond, text, tk, amask, False, False)
            if P["cfg_strength"] >= 1e-5:
                u = m.forward(x, step_cond, text, tk, amask, True, True)
                v = c + (c - u) * P["cfg_strength"]
            else:
                v = c
            flow.append(v)
            x = x + (t[k + 1] - t[k]) * v
            traj.append(x)
        traj, flow = np.stack(traj), np.stack(flow)
        outv = np.where(cmask[..., None], condN, traj[-1])
        V = {"cond": ("F32", cond), "lens": ("I64", lens), "text": ("I64", text), "duration_in": ("I64", dur_in),
             "duration": ("I64", dur), "noise": ("F32", noise), "t": ("F32", t), "trajectory": ("F32", traj),
             "flow_v": ("F32", flow), "out": ("F32", outv)}
        for b in range(B):
            V["noise_draw%d" % b] = ("F32", draw[:dur[b]])
        fn = "%s/%s.safetensors" % (name, P.pop("tag"))
        write_safetensors(os.path.join(out, fn), V)
        texts = P.pop("texts")
        P.update({"ode_method": "euler", "batch": B, "duration_effective": [int(d) for d in dur],
                  "text_ids": texts})
        cases.append({"file": fn, "params": P,
                      "tolerance": {"out": tol_for(outv, 2e-4, 2e-4), "trajectory": tol_for(traj, 2e-4, 2e-4),
                                    "flow_v": tol_for(flow, 2e-4, 2e-4)}})
    return {"name": name,
            "tests": "variant: CFM.sample (Euler, CFG, sway, EPSS switch) on %s; noise injected from the file." % dit_name,
            "files": {"weights_safetensors": dit_name + "/model.safetensors", "cases": [c["file"] for c in cases],
                      "vocab": "vocab.txt"},
            "config": {"backbone": "DiT", "arch": dict(arch), "same_weights_as": dit_name},
            "cases": cases}


# ----------------------------------------------------------------- vocos
VOCOS_YAML = """feature_extractor:
  class_path: vocos.feature_extractors.MelSpectrogramFeatures
  init_args:
    sample_rate: 24000
    n_fft: 1024
    hop_length: 256
    n_mels: 100
    padding: center

backbone:
  class_path: vocos.models.VocosBackbone
  init_args:
    input_channels: 100
    dim: {D}
    intermediate_dim: {I}
    num_layers: {L}

head:
  class_path: vocos.heads.ISTFTHead
  init_args:
    dim: {D}
    n_fft: 1024
    hop_length: 256
    padding: {P}
"""


def make_vocos_weights(rng, D, I, L, mel_fb, mel_win):
    k = [("backbone.embed.weight", (D, 100, 7)), ("backbone.embed.bias", (D,)), ("backbone.norm.weight", (D,)),
         ("backbone.norm.bias", (D,))]
    for i in range(L):
        p = "backbone.convnext.%d." % i
        k += [(p + "dwconv.weight", (D, 1, 7)), (p + "dwconv.bias", (D,)), (p + "norm.weight", (D,)), (p + "norm.bias", (D,)),
              (p + "pwconv1.weight", (I, D)), (p + "pwconv1.bias", (I,)), (p + "pwconv2.weight", (D, I)),
              (p + "pwconv2.bias", (D,)), (p + "gamma", (D,))]
    k += [("backbone.final_layer_norm.weight", (D,)), ("backbone.final_layer_norm.bias", (D,)),
          ("head.out.weight", (1026, D)), ("head.out.bias", (1026,))]
    W = {}
    for key, s in k:
        if key.endswith("gamma"):
            a = 0.5 + 0.25 * rng.standard_normal(s)
        else:
            a = rand_weight(rng, key, s)
        W[key] = f32(a)
    W["head.out.bias"][200:206] += 5.0  # push some log-magnitudes above ln(100): exercises the clip
    W["head.istft.window"] = mel_win
    W["feature_extractor.mel_spec.spectrogram.window"] = mel_win
    W["feature_extractor.mel_spec.mel_scale.fb"] = mel_fb
    return W


def make_vocos(out, name, W, D, I, L, padding, seed, rng, frames, share_from=None):
    os.makedirs(os.path.join(out, name), exist_ok=True)
    with open(os.path.join(out, name, "config.yaml"), "w") as f:
        f.write(VOCOS_YAML.format(D=D, I=I, L=L, P=padding))
    sd = {k: ("F32", v) for k, v in W.items()}
    write_pt(os.path.join(out, name, "pytorch_model.bin"), sd)
    st = share_from or name + "/model.safetensors"
    if share_from is None:
        write_safetensors(os.path.join(out, name, "model.safetensors"), sd, {"format": "pt"})
    Vv, tol = {}, {}
    for pre, Ts in (("b1", frames[0]), ("b2", frames[1])):
        B, T = len(Ts), Ts[0]
        mel = f32(rng.standard_normal((B, 100, T)) * 2.0 - 5.0)
        hs, os_, ys = [], [], []
        for b in range(B):
            h, o, y = R.vocos_ref(W, mel[b], padding)
            hs.append(h), os_.append(o), ys.append(y)
        o = np.stack(os_)
        mag = np.minimum(np.exp(o[:, :, :513]), 100.0)
        Vv[pre + ".mel"] = ("F32", mel)
        Vv[pre + ".backbone_out"] = ("F32", np.stack(hs))
        Vv[pre + ".head_linear"] = ("F32", o)
        Vv[pre + ".spec_real"] = ("F32", (mag * np.cos(o[:, :, 513:])).transpose(0, 2, 1))
        Vv[pre + ".spec_imag"] = ("F32", (mag * np.sin(o[:, :, 513:])).transpose(0, 2, 1))
        Vv[pre + ".audio"] = ("F32", np.stack(ys))
        for k in ("backbone_out", "head_linear", "spec_real", "spec_imag", "audio"):
            tol[pre + "." + k] = tol_for(Vv[pre + "." + k][1], 1e-4, 2e-4)
    write_safetensors(os.path.join(out, name, "vectors.safetensors"), Vv)
    return {"name": name,
            "tests": "variant: Vocos decode, dim %d, intermediate %d, %d layers, head padding %s, random weights seed %d."
                     % (D, I, L, padding, seed),
            "files": {"config_yaml": name + "/config.yaml", "weights_bin": name + "/pytorch_model.bin",
                      "weights_safetensors": st, "vectors": name + "/vectors.safetensors"},
            "config": {"input_channels": 100, "dim": D, "intermediate_dim": I, "num_layers": L, "n_fft": 1024,
                       "hop_length": 256, "head_padding": padding, "feature_extractor_padding": "center",
                       "layer_scale": True, "adanorm": False, "weights_seed": seed,
                       "state_dict_keys": sorted(W.keys())},
            "params": {"b1_frames": frames[0][0], "b2_frames": frames[1][0]},
            "tolerance": {"default": {"max_abs": 1e-3, "rel_l2": 1e-4}, "per_tensor": tol}}


# ----------------------------------------------------------------- mel / resampling
def resample_ref(x, orig, new, lpw=6, rolloff=0.99):
    """float64 restatement of torchaudio Resample defaults (sinc_interp_hann): per output phase j of
    new/g, a kernel over the input taps; output length ceil(new*S/orig). Checked at run time against the
    shared resample pair before use."""
    g = math.gcd(orig, new)
    o, n = orig // g, new // g
    base = min(o, n) * rolloff
    width = int(math.ceil(lpw * o / base))
    idx = np.arange(-width, width + o) / o
    t = (np.arange(0, -n, -1)[:, None] / n + idx[None, :]) * base
    t = np.clip(t, -lpw, lpw)
    win = np.cos(t * math.pi / lpw / 2) ** 2
    t = t * math.pi
    with np.errstate(invalid="ignore", divide="ignore"):
        k = np.where(t == 0, 1.0, np.sin(t) / t) * win * (base / o)
    L = len(x)
    xp = np.pad(x, (width, width + o))
    nfr = (len(xp) - k.shape[1]) // o + 1
    fr = np.stack([xp[i * o:i * o + k.shape[1]] for i in range(nfr)])
    return (fr @ k.T).reshape(-1)[:-(-n * L // o)]


def synth_wave(rng, S, sr):
    """int16-representable test signal (sum of tones up to ~0.45 sr plus noise), as float (q/32768)."""
    n = np.arange(S) / float(sr)
    w = 0.05 * rng.standard_normal(S)
    for _ in range(5):
        w += rng.uniform(0.02, 0.2) * np.sin(2 * np.pi * rng.uniform(60, 0.45 * sr) * n + rng.uniform(0, 6.28))
    q = np.clip(np.round(w * 32768), -32768, 32767).astype(np.int16)
    return q, q.astype(np.float64) / 32768.0


def write_wav(path, q, sr):
    import wave
    with wave.open(path, "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(sr)
        f.writeframes(q.astype("<i2").tobytes())


def make_mel(out, name, rng, fb, win, lengths, resample=None):
    """lengths: tag -> samples at 24 kHz (the first one is also written as a WAV);
    resample: (orig_freq, in_samples) -> a resample.in/out pair to 24 kHz, its input written as a WAV."""
    os.makedirs(os.path.join(out, name), exist_ok=True)
    V = {"fb": ("F32", fb), "window": ("F32", win)}
    tol, params, files = {}, {}, {"vectors": name + "/vectors.safetensors"}
    for i, (tag, S) in enumerate(lengths.items()):
        q, w = synth_wave(rng, S, 24000)
        m, mag = R.mel_ref(w, fb, win)
        V[tag + ".wave"] = ("F32", w[None])
        V[tag + ".mel"] = ("F32", m[None])
        V[tag + ".spec_mag"] = ("F32", mag[None])
        tol[tag + ".mel"] = {"max_abs": 0.1, "rel_l2": 5e-4}
        tol[tag + ".spec_mag"] = tol_for(mag, 1e-4, 2e-4)
        params[tag] = {"samples": S, "frames": int(m.shape[1])}
        if i == 0:
            files["wav_24k"] = "%s/%s_24k.wav" % (name, tag)
            write_wav(os.path.join(out, files["wav_24k"]), q, 24000)
    if resample:
        orig, S = resample
        q, w = synth_wave(rng, S, orig)
        y = resample_ref(w, orig, 24000)
        V["resample.in"] = ("F32", w[None])
        V["resample.out"] = ("F32", y[None])
        tol["resample.out"] = {"max_abs": float("%.3g" % (1e-4 * max(1.0, float(np.max(np.abs(y)))))), "rel_l2": 1e-5}
        files["wav_%d" % orig] = "%s/in_%d.wav" % (name, orig)
        write_wav(os.path.join(out, files["wav_%d" % orig]), q, orig)
        params["resample"] = {"orig_freq": orig, "new_freq": 24000, "in_samples": S, "out_samples": len(y),
                              "method": "sinc_interpolation (hann)", "lowpass_filter_width": 6, "rolloff": 0.99}
    write_safetensors(os.path.join(out, name, "vectors.safetensors"), V)
    return {"name": name,
            "tests": "variant: log-mel (F5 MelSpec, vocos type) of synthetic int16 signals of other lengths, WAV "
                     "loading%s." % (", resampling %d -> 24000 Hz (own float64 restatement of torchaudio's "
                                     "sinc_interp_hann, validated against the shared 22050 pair)" % resample[0]
                                     if resample else ""),
            "files": files,
            "config": {"target_sample_rate": 24000, "n_fft": 1024, "win_length": 1024, "hop_length": 256,
                       "n_mel_channels": 100, "mel_spec_type": "vocos", "center": True, "pad_mode": "reflect",
                       "window": "hann periodic", "power": 1, "mel_scale": "htk", "norm": None, "f_min": 0,
                       "f_max": 12000, "log": "ln(clamp(x, min=1e-5))"},
            "params": params,
            "tolerance": {"default": {"max_abs": 0.1, "rel_l2": 5e-4}, "per_tensor": tol}}


# ----------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--golden", default=os.environ.get("F5_GOLDEN_DIR", ""))
    ap.add_argument("--seed", type=int, default=20261126)
    a = ap.parse_args()
    ref_py = os.path.join(a.golden, "reference_numpy.py")
    if not os.path.isfile(ref_py):
        sys.exit("gen_variants: %s not found (set F5_GOLDEN_DIR or --golden)" % ref_py)
    global R
    spec = importlib.util.spec_from_file_location("f5_reference_numpy", ref_py)
    R = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(R)
    mel_vec = R.load(os.path.join(a.golden, "mel", "vectors.safetensors"))
    fb, win = f32(mel_vec["fb"]), f32(mel_vec["window"])
    if "resample.in" in mel_vec:
        rp = json.load(open(os.path.join(a.golden, "manifest.json"), encoding="utf-8"))
        rp = next(c for c in rp["cases"] if c["name"] == "mel")["params"]["resample"]
        y = resample_ref(mel_vec["resample.in"][0], rp["orig_freq"], rp["new_freq"])
        ref = mel_vec["resample.out"][0]
        gap = np.linalg.norm(y - ref) / np.linalg.norm(ref) if y.shape == ref.shape else float("inf")
        if not gap < 1e-5:
            sys.exit("gen_variants: resampler restatement disagrees with the shared pair (rel_l2 %g)" % gap)
    os.makedirs(a.out, exist_ok=True)
    rng = np.random.default_rng(a.seed)

    vocab_n = 1000  # a smaller vocabulary than the shared 2545
    with open(os.path.join(a.out, "vocab.txt"), "w", encoding="utf-8") as f:
        f.write(" \n" + "".join("t%d\n" % i for i in range(1, vocab_n)))

    def toks(n):
        return [int(x) for x in rng.integers(0, vocab_n, n)]

    cases = []
    arch1 = {"dim": 96, "depth": 3, "heads": 2, "ff_mult": 3, "text_dim": 48, "conv_layers": 1, "text_mask_padding": True,
             "qk_norm": None, "pe_attn_head": None, "attn_backend": "torch", "attn_mask_enabled": False,
             "checkpoint_activations": False}
    arch0 = {"dim": 80, "depth": 2, "heads": 3, "ff_mult": 2, "text_dim": 40, "conv_layers": 3, "text_mask_padding": False,
             "pe_attn_head": 1, "attn_backend": "torch", "attn_mask_enabled": False, "checkpoint_activations": False}
    b1 = {"n": 77, "time": [0.61], "ref_frames": [23], "texts": [toks(90)]}  # text longer than N: cut
    b2 = {"n": 93, "lens": [64, 93], "time": [0.05, 0.9], "ref_frames": [17, 31], "texts": [toks(20), toks(52)]}
    c1, m1 = make_dit(a.out, "dit_v1_var", False, arch1, vocab_n, a.seed % 9973 + 1, fb, win, b1, b2)
    b1 = {"n": 58, "time": [0.13], "ref_frames": [30], "texts": [toks(29)]}
    b2 = {"n": 71, "lens": [71, 40], "time": [0.47, 0.2], "ref_frames": [20, 12], "texts": [toks(80), toks(9)]}  # item 0 cut to N
    c0, _ = make_dit(a.out, "dit_v0_var", True, arch0, vocab_n, a.seed % 9973 + 2, fb, win, b1, b2)
    cases += [c1, c0]

    S = [dict(tag="steps3_cfg15", steps=3, cfg_strength=1.5, sway_sampling_coef=-1.0, use_epss=True, seed=3,
              duration_in=[70], lens=[25], texts=[toks(30)]),
         dict(tag="steps6_epss_sway05", steps=6, cfg_strength=2.0, sway_sampling_coef=0.5, use_epss=True, seed=6,
              duration_in=[64], lens=[20], texts=[toks(33)]),
         dict(tag="steps6_noepss_nosway", steps=6, cfg_strength=2.0, sway_sampling_coef=None, use_epss=False, seed=61,
              duration_in=[50], lens=[18], texts=[toks(22)]),
         dict(tag="steps10_cfg0", steps=10, cfg_strength=0.0, sway_sampling_coef=-1.0, use_epss=True, seed=10,
              duration_in=[20], lens=[26], texts=[toks(37)]),
         dict(tag="batch2_steps7", steps=7, cfg_strength=1.5, sway_sampling_coef=-1.0, use_epss=True, seed=77,
              duration_in=[80, 45], lens=[30, 12], texts=[toks(35), toks(14)])]
    cases.append(make_sample(a.out, "sample_v1_var", m1, "dit_v1_var", arch1, rng, S))

    W = make_vocos_weights(rng, 48, 144, 3, fb, win)
    cases.append(make_vocos(a.out, "vocos_var", W, 48, 144, 3, "center", a.seed, rng, ([57], [23, 23])))
    cases.append(make_vocos(a.out, "vocos_var_same", W, 48, 144, 3, "same", a.seed, rng, ([2], [30, 30]),
                            share_from="vocos_var/model.safetensors"))
    cases.append(make_mel(a.out, "mel", rng, fb, win, {"a513": 513, "b1000": 1000, "c24007": 24007}, (16000, 17001)))
    cases.append(make_mel(a.out, "mel_44k", rng, fb, win, {"d2049": 2049}, (44100, 30011)))

    man = {"format": "safetensors (F32/I32/I64/BOOL little-endian) + JSON; see the shared README.md",
           "set": "variants", "generator": "tests/golden/variants/gen_variants.py", "seed": a.seed,
           "reference": "float64 numpy: $F5_GOLDEN_DIR/reference_numpy.py (imported, not copied)",
           "tolerance_policy": TOL_POLICY, "cases": cases}
    with open(os.path.join(a.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(man, f, indent=1, ensure_ascii=False)
    print("gen_variants: %d cases written to %s" % (len(cases), a.out))


if __name__ == "__main__":
    main()
