"""torch_standin.py - pickle a state dict exactly as torch.save does, without torch.

Stand-in `torch` / `torch._utils` modules hold classes named like torch's, so
the standard pickler writes the same GLOBAL and BINPERSID opcodes that
torch.save writes. Used by bench/big_checkpoint.py and
tests/golden/variants/gen_variants.py (stdlib only; the ZIP layout is the
caller's business)."""
import collections
import io
import pickle
import sys
import types

_torch = types.ModuleType("torch")
_utils = types.ModuleType("torch._utils")
sys.modules.setdefault("torch", _torch)
sys.modules.setdefault("torch._utils", _utils)


def _rebuild_tensor_v2(*a):  # only pickled by reference, never called
    raise RuntimeError("stand-in")


_rebuild_tensor_v2.__module__ = "torch._utils"
_utils._rebuild_tensor_v2 = _rebuild_tensor_v2


class FloatStorage:
    pass


class LongStorage:
    pass


class BoolStorage:
    pass


for _c in (FloatStorage, LongStorage, BoolStorage):
    _c.__module__ = "torch"
    setattr(_torch, _c.__name__, _c)

ELEM = {FloatStorage: 4, LongStorage: 8, BoolStorage: 1}


class Storage:
    """A persistent storage: archive entry data/<key> of numel elements of cls."""

    def __init__(self, key, cls, numel):
        self.key, self.cls, self.numel = key, cls, numel


class Tensor:
    """A contiguous tensor over a whole Storage, pickled as _rebuild_tensor_v2."""

    def __init__(self, storage, shape):
        self.storage, self.shape = storage, tuple(shape)

    def __reduce__(self):
        stride, s = [], 1
        for d in reversed(self.shape):
            stride.insert(0, s)
            s *= d
        return (_rebuild_tensor_v2, (self.storage, 0, self.shape, tuple(stride), False, collections.OrderedDict()))


def dumps(obj, protocol=2):
    """data.pkl bytes for obj (dicts of Tensor), storages as persistent ids."""

    class P(pickle.Pickler):
        def persistent_id(self, o):
            if isinstance(o, Storage):
                return ("storage", o.cls, o.key, "cpu", o.numel)
            return None

    buf = io.BytesIO()
    P(buf, protocol=protocol).dump(obj)
    return buf.getvalue()
