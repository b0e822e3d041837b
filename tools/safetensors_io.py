"""Minimal safetensors reader/writer (no dependency on the `safetensors` package).

File layout (https://github.com/huggingface/safetensors):
    8 bytes   little-endian u64 N = length of the JSON header
    N bytes   JSON: {"__metadata__": {str: str}?,
                     name: {"dtype": "F32", "shape": [...],
                            "data_offsets": [begin, end]}, ...}
              (padded with spaces so that 8 + N is a multiple of 8)
    rest      raw little-endian tensor data; offsets are relative to the
              start of this byte buffer.

Supported dtypes: F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL.

API:
    save_file(tensors: dict[str, torch.Tensor], path, metadata=None)
    load_file(path) -> dict[str, torch.Tensor]          (insertion order = file order)
    read_header(path) -> (header_dict_without_metadata, metadata_or_None)
    load_file_with_metadata(path) -> (tensors, metadata)
"""

import json
import struct
import sys

import numpy as np
import torch

# safetensors dtype string -> (torch dtype, numpy dtype used for the raw bytes)
_DTYPES = {
    "F64": (torch.float64, np.dtype("<f8")),
    "F32": (torch.float32, np.dtype("<f4")),
    "F16": (torch.float16, np.dtype("<f2")),
    "BF16": (torch.bfloat16, np.dtype("<i2")),   # reinterpreted via view()
    "I64": (torch.int64, np.dtype("<i8")),
    "I32": (torch.int32, np.dtype("<i4")),
    "I16": (torch.int16, np.dtype("<i2")),
    "I8": (torch.int8, np.dtype("i1")),
    "U8": (torch.uint8, np.dtype("u1")),
    "BOOL": (torch.bool, np.dtype("?")),
}
_TORCH_TO_ST = {tdt: name for name, (tdt, _) in _DTYPES.items()}


def _tensor_bytes(t):
    t = t.detach().cpu().contiguous()
    if t.dtype == torch.bfloat16:
        arr = t.view(torch.int16).numpy()
    else:
        arr = t.numpy()
    if arr.dtype.byteorder == ">" or (arr.dtype.byteorder == "=" and
                                      sys.byteorder == "big"):
        arr = arr.byteswap()
    return arr.tobytes(order="C")


def save_file(tensors, path, metadata=None):
    """Write ``tensors`` (name -> torch.Tensor) to ``path``.

    Like the reference implementation, tensors are laid out by element size,
    largest first (stable, so insertion order is kept within a size class);
    since the data section starts 8-byte aligned, every tensor's data is then
    aligned to its element size (safe for mmap + reinterpret_cast readers).
    ``metadata`` is an optional dict; values are converted to str as the
    format requires.
    """
    header = {}
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    items = []
    for name, t in tensors.items():
        if name == "__metadata__":
            raise ValueError("'__metadata__' is reserved")
        if not isinstance(t, torch.Tensor):
            t = torch.as_tensor(t)
        if t.dtype not in _TORCH_TO_ST:
            raise ValueError("unsupported dtype %s for %s" % (t.dtype, name))
        items.append((name, t))
    items.sort(key=lambda nt: -_DTYPES[_TORCH_TO_ST[nt[1].dtype]][1].itemsize)
    blobs = []
    offset = 0
    for name, t in items:
        b = _tensor_bytes(t)
        header[name] = {"dtype": _TORCH_TO_ST[t.dtype],
                        "shape": [int(d) for d in t.shape],
                        "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    hjson = json.dumps(header, separators=(",", ":")).encode("utf-8")
    hjson += b" " * ((8 - (8 + len(hjson)) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(hjson)))
        f.write(hjson)
        for b in blobs:
            f.write(b)


def _parse(buf, path):
    if len(buf) < 8:
        raise ValueError("%s: file too small for a safetensors header" % path)
    (n,) = struct.unpack("<Q", buf[:8])
    if 8 + n > len(buf):
        raise ValueError("%s: header length %d exceeds file size %d"
                         % (path, n, len(buf)))
    header = json.loads(bytes(buf[8:8 + n]).decode("utf-8"))
    metadata = header.pop("__metadata__", None)
    return header, metadata, 8 + n


def read_header(path):
    """Return (header, metadata) without loading tensor data."""
    with open(path, "rb") as f:
        head = f.read(8)
        (n,) = struct.unpack("<Q", head)
        buf = head + f.read(n)
    header, metadata, _ = _parse(buf, path)
    return header, metadata


def load_file_with_metadata(path):
    with open(path, "rb") as f:
        buf = f.read()
    header, metadata, start = _parse(buf, path)
    data_len = len(buf) - start
    out = {}
    for name, info in header.items():
        dt = info["dtype"]
        if dt not in _DTYPES:
            raise ValueError("%s: tensor %s has unsupported dtype %s"
                             % (path, name, dt))
        tdt, npdt = _DTYPES[dt]
        shape = [int(d) for d in info["shape"]]
        b, e = (int(v) for v in info["data_offsets"])
        numel = 1
        for d in shape:
            numel *= d
        if not (0 <= b <= e <= data_len) or e - b != numel * npdt.itemsize:
            raise ValueError("%s: tensor %s has bad data_offsets %s for %s %s"
                             % (path, name, [b, e], dt, shape))
        arr = np.frombuffer(buf, dtype=npdt, count=numel, offset=start + b)
        arr = arr.astype(npdt.newbyteorder("="), copy=True).reshape(shape)
        t = torch.from_numpy(arr)
        if tdt == torch.bfloat16:
            t = t.view(torch.bfloat16)
        out[name] = t
    return out, metadata


def load_file(path):
    """Read a safetensors file into a dict name -> torch.Tensor."""
    return load_file_with_metadata(path)[0]


if __name__ == "__main__":
    # Usage: python3 tools/safetensors_io.py FILE   -> list tensors
    import argparse
    ap = argparse.ArgumentParser(description="List the tensors of a "
                                 "safetensors file.")
    ap.add_argument("file")
    args = ap.parse_args()
    header, metadata = read_header(args.file)
    if metadata:
        print("__metadata__:", json.dumps(metadata))
    total = 0
    for name, info in header.items():
        b, e = info["data_offsets"]
        total += e - b
        print("%-60s %-5s %s" % (name, info["dtype"], info["shape"]))
    print("%d tensors, %d data bytes" % (len(header), total))
