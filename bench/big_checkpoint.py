#!/usr/bin/env python3
"""big_checkpoint.py - write a multi-GB synthetic F5-TTS training checkpoint.

Shape of a real Vietnamese fine-tune of F5TTS_Base (v0), ~5.4 GB at release
size: torch.save({"model_state_dict", "optimizer_state_dict" (AdamW state:
step / exp_avg / exp_avg_sq per parameter + param_groups), "ema_model_state_dict"
(initted, step, ema_model.transformer.*, legacy ema_model.mel_spec.* buffers),
"scheduler_state_dict", "update"}). Python stdlib only (no torch): the pickle
is produced by the standard pickler against stand-in `torch` classes, so the
GLOBAL / BINPERSID opcodes are exactly the ones torch.save writes; entries are
stored, 64-byte aligned like torch does, ZIP64 when past 4 GiB.

Run by hand (NOT part of make test); delete the file afterwards:
    python3 bench/big_checkpoint.py /tmp/big.pt [--dim 1024 --depth 22 ...]
    /usr/bin/time -v build/f5tts inspect /tmp/big.pt --quiet --load
    rm /tmp/big.pt
"""
import argparse
import collections
import os
import struct
import sys
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from torch_standin import ELEM, BoolStorage, FloatStorage, LongStorage, Storage, Tensor, dumps  # noqa: E402


def dit_keys(a, prefix):
    D, Dt, M, V = a.dim, a.text_dim, 100, a.vocab
    A, F = a.heads * 64, a.dim * 2
    k = [("time_embed.time_mlp.0.weight", (D, 256)), ("time_embed.time_mlp.0.bias", (D,)),
         ("time_embed.time_mlp.2.weight", (D, D)), ("time_embed.time_mlp.2.bias", (D,)),
         ("text_embed.text_embed.weight", (V + 1, Dt))]
    for j in range(a.conv_layers):
        p = "text_embed.text_blocks.%d." % j
        k += [(p + "dwconv.weight", (Dt, 1, 7)), (p + "dwconv.bias", (Dt,)), (p + "norm.weight", (Dt,)), (p + "norm.bias", (Dt,)),
              (p + "pwconv1.weight", (2 * Dt, Dt)), (p + "pwconv1.bias", (2 * Dt,)), (p + "grn.gamma", (1, 1, 2 * Dt)),
              (p + "grn.beta", (1, 1, 2 * Dt)), (p + "pwconv2.weight", (Dt, 2 * Dt)), (p + "pwconv2.bias", (Dt,))]
    k += [("input_embed.proj.weight", (D, 2 * M + Dt)), ("input_embed.proj.bias", (D,))]
    for j in (0, 2):
        k += [("input_embed.conv_pos_embed.conv1d.%d.weight" % j, (D, D // 16, 31)), ("input_embed.conv_pos_embed.conv1d.%d.bias" % j, (D,))]
    k += [("rotary_embed.inv_freq", (32,))]
    for i in range(a.depth):
        p = "transformer_blocks.%d." % i
        k += [(p + "attn_norm.linear.weight", (6 * D, D)), (p + "attn_norm.linear.bias", (6 * D,))]
        for q in "qkv":
            k += [(p + "attn.to_%s.weight" % q, (A, D)), (p + "attn.to_%s.bias" % q, (A,))]
        k += [(p + "attn.to_out.0.weight", (D, A)), (p + "attn.to_out.0.bias", (D,)), (p + "ff.ff.0.0.weight", (F, D)),
              (p + "ff.ff.0.0.bias", (F,)), (p + "ff.ff.2.weight", (D, F)), (p + "ff.ff.2.bias", (D,))]
    k += [("norm_out.linear.weight", (2 * D, D)), ("norm_out.linear.bias", (2 * D,)), ("proj_out.weight", (M, D)), ("proj_out.bias", (M,))]
    return [(prefix + n, s) for n, s in k]


def numel(shape):
    n = 1
    for d in shape:
        n *= d
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--dim", type=int, default=1024)
    ap.add_argument("--depth", type=int, default=22)
    ap.add_argument("--heads", type=int, default=16)
    ap.add_argument("--text-dim", type=int, default=512)
    ap.add_argument("--conv-layers", type=int, default=4)
    ap.add_argument("--vocab", type=int, default=2545)
    ap.add_argument("--no-optimizer", action="store_true")
    ap.add_argument("--no-legacy-mel", action="store_true", help="omit the v0 ema_model.mel_spec.* buffers")
    ap.add_argument("--protocol", type=int, default=2, help="pickle protocol (torch.save uses 2)")
    a = ap.parse_args()

    storages = []  # (key, cls, numel)

    def tensor(cls, shape):
        s = Storage(str(len(storages)), cls, max(numel(shape), 1))
        storages.append(s)
        return Tensor(s, shape)

    params = dit_keys(a, "transformer.")
    model = collections.OrderedDict((n, tensor(FloatStorage, s)) for n, s in params if "inv_freq" not in n)
    model["transformer.rotary_embed.inv_freq"] = tensor(FloatStorage, (32,))
    ema = collections.OrderedDict()
    ema["initted"] = tensor(BoolStorage, ())
    ema["step"] = tensor(LongStorage, ())
    for n, s in dit_keys(a, "ema_model.transformer."):
        ema[n] = tensor(FloatStorage, s)
    if not a.no_legacy_mel:
        ema["ema_model.mel_spec.mel_stft.mel_scale.fb"] = tensor(FloatStorage, (513, 100))
        ema["ema_model.mel_spec.mel_stft.spectrogram.window"] = tensor(FloatStorage, (1024,))
    ckpt = {"model_state_dict": model}
    if not a.no_optimizer:
        state = {}
        plist = [n for n, _ in params if "inv_freq" not in n]
        for i, n in enumerate(plist):
            shape = model[n].shape
            state[i] = {"step": tensor(FloatStorage, ()), "exp_avg": tensor(FloatStorage, shape), "exp_avg_sq": tensor(FloatStorage, shape)}
        groups = [{"lr": 7.5e-5, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.01, "amsgrad": False, "foreach": None,
                   "maximize": False, "capturable": False, "differentiable": False, "fused": None, "initial_lr": 7.5e-5,
                   "params": list(range(len(plist)))}]
        ckpt["optimizer_state_dict"] = {"state": state, "param_groups": groups}
    ckpt["ema_model_state_dict"] = ema
    ckpt["scheduler_state_dict"] = {"_milestones": [20000], "last_epoch": 1200000, "_last_lr": [7.5e-5],
                                    "_schedulers": [{"start_factor": 1e-8, "end_factor": 1.0, "total_iters": 20000, "base_lrs": [7.5e-5],
                                                     "last_epoch": 20000, "_step_count": 20001, "verbose": False,
                                                     "_get_lr_called_within_step": False, "_last_lr": [7.5e-5]}]}
    ckpt["update"] = 1200000

    pkl = dumps(ckpt, a.protocol)
    arch = "model"
    pattern = struct.pack("<4f", 0.125, -0.25, 0.5, 1.0) * (1 << 16)  # 1 MiB
    total = sum(s.numel * ELEM[s.cls] for s in storages)
    print("writing %s: %d storages, %.2f GB of tensor data" % (a.out, len(storages), total / 1e9), file=sys.stderr)
    with open(a.out, "wb") as fp, zipfile.ZipFile(fp, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
        def entry(name, data=None, size=0):
            zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_STORED
            big = size > 0x7FFFFFFF or fp.tell() > 0xFFFFFFFF - (1 << 28)
            hdr = 30 + len(name.encode()) + 4 + (20 if big else 0)
            pad = (64 - (fp.tell() + hdr) % 64) % 64
            zi.extra = struct.pack("<HH", 0x4246, pad) + b"Z" * pad
            with zf.open(zi, "w", force_zip64=big) as w:
                if data is not None:
                    w.write(data)
                else:
                    left = size
                    while left:
                        n = min(left, len(pattern))
                        w.write(pattern[:n])
                        left -= n
        entry(arch + "/data.pkl", pkl)
        entry(arch + "/byteorder", b"little")
        for s in storages:
            entry(arch + "/data/" + s.key, size=s.numel * ELEM[s.cls])
        entry(arch + "/version", b"3\n")
    print("done", file=sys.stderr)


if __name__ == "__main__":
    main()
