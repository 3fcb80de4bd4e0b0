"""Minimal safetensors reader/writer (struct + json), for interpreters without the `safetensors`
package (Debian's torch 1.13 has none built in). Format: u64 LE header length, JSON header
{name: {dtype, shape, data_offsets}, "__metadata__": {str: str}}, then the raw little-endian data."""
import json
import struct

import torch

_DTYPES = {
    "F64": torch.float64,
    "F32": torch.float32,
    "F16": torch.float16,
    "BF16": torch.bfloat16,
    "I64": torch.int64,
    "I32": torch.int32,
    "I16": torch.int16,
    "I8": torch.int8,
    "U8": torch.uint8,
    "BOOL": torch.bool,
}
_NAMES = {v: k for k, v in _DTYPES.items()}
# Same-size integer views, so bf16/f16 can go through numpy (which has no bfloat16).
_VIEW = {torch.bfloat16: torch.int16, torch.float16: torch.int16}


def _tensor_bytes(t):
    t = t.detach().to("cpu").contiguous()
    if t.dtype in _VIEW:
        t = t.view(_VIEW[t.dtype])
    if t.dtype == torch.bool:
        t = t.to(torch.uint8)
    return t.numpy().tobytes()


def save_file(tensors, path, metadata=None):
    header = {}
    chunks = []
    offset = 0
    for name in sorted(tensors):
        t = tensors[name]
        if t.dtype not in _NAMES:
            raise ValueError(f"safetensors: unsupported dtype {t.dtype} for {name}")
        data = _tensor_bytes(t)
        header[name] = {"dtype": _NAMES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    raw = json.dumps(header, separators=(",", ":")).encode("utf-8")
    raw += b" " * ((8 - len(raw) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for c in chunks:
            f.write(c)


def load_file(path):
    with open(path, "rb") as f:
        blob = f.read()
    if len(blob) < 8:
        raise ValueError(f"{path}: not a safetensors file (too short)")
    (n,) = struct.unpack("<Q", blob[:8])
    if n > len(blob) - 8:
        raise ValueError(f"{path}: header length {n} exceeds file size")
    header = json.loads(blob[8 : 8 + n].decode("utf-8"))
    base = 8 + n
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = _DTYPES.get(info["dtype"])
        if dtype is None:
            raise ValueError(f"{path}: tensor {name} has unsupported dtype {info['dtype']}")
        start, end = info["data_offsets"]
        buf = bytearray(blob[base + start : base + end])
        shape = info["shape"]
        if end == start:
            out[name] = torch.zeros(shape, dtype=dtype)
            continue
        if dtype in _VIEW:
            t = torch.frombuffer(buf, dtype=_VIEW[dtype]).view(dtype)
        elif dtype == torch.bool:
            t = torch.frombuffer(buf, dtype=torch.uint8).to(torch.bool)
        else:
            t = torch.frombuffer(buf, dtype=dtype)
        out[name] = t.reshape(shape).clone()
    return out


def load(path):
    """Prefer the real package when installed; fall back to ours."""
    try:
        from safetensors.torch import load_file as real_load  # type: ignore

        return real_load(path)
    except ImportError:
        return load_file(path)
