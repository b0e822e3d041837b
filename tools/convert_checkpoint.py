#!/usr/bin/env python3
"""Convert an official (huawei-noah) or timm GhostNet PyTorch checkpoint (.pth) into the
.safetensors file the runtime loads.

    /usr/bin/python3 tools/convert_checkpoint.py ghostnet_1x.pth ghostnet_100.safetensors \
        --spec "build/ghostnet-spec --width 1.0 --json"

The state dict may be the checkpoint itself or sit under 'state_dict' / 'model' /
'model_state'; a 'module.' prefix (DataParallel) is removed; num_batches_tracked is dropped.
The official GhostNetV2 / V3 checkpoints (huawei-noah Efficient-AI-Backbones) are renamed as
timm loads them: profiler counters ('total_ops', 'total_params') dropped, and V3's branch
BatchNorms ('...ghost1.primary_rpr_conv.0.bn.weight', '...dw_rpr_scale.bn.bias') named 'bn1'
as timm's ConvBnAct names them. Give the member to the spec: --spec "build/ghostnet-spec
--version v3 --json".
With --spec, every tensor is checked against the C++ architecture spec (names and shapes)
before anything is written. The output is never overwritten unless --overwrite is given.
"""
import argparse
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_io  # noqa: E402


def extract_state_dict(obj):
    if isinstance(obj, dict):
        for key in ("state_dict", "model", "model_state", "model_state_dict"):
            if key in obj and isinstance(obj[key], dict):
                return extract_state_dict(obj[key])
        if obj and all(isinstance(v, torch.Tensor) for v in obj.values()):
            return obj
    if isinstance(obj, torch.nn.Module):
        return obj.state_dict()
    raise SystemExit("error: no state dict of tensors found in the checkpoint")


def timm_name(name):
    """The name timm gives an official checkpoint's tensor (timm's checkpoint_filter_fn), or
    None for a tensor timm drops."""
    if name.startswith("module."):
        name = name[len("module."):]
    if name.endswith("num_batches_tracked") or "total" in name:
        return None
    if "bn." in name and (".ghost" in name or ".dw_rpr_" in name):
        name = name.replace("bn.", "bn1.")
    return name


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("checkpoint", help="PyTorch .pth / .pth.tar file")
    ap.add_argument("output", help="output .safetensors")
    ap.add_argument("--spec", help="ghostnet-spec command or JSON file to check names and shapes against")
    ap.add_argument("--dtype", choices=["f32", "f16", "keep"], default="f32",
                    help="store weights as float32 (default), float16, or as found")
    ap.add_argument("--overwrite", action="store_true", help="replace an existing output")
    args = ap.parse_args()

    if os.path.exists(args.output) and not args.overwrite:
        raise SystemExit(f"error: {args.output} exists; pass --overwrite to replace it")
    obj = torch.load(args.checkpoint, map_location="cpu")
    sd = extract_state_dict(obj)
    out = {}
    for name, t in sd.items():
        name = timm_name(name)
        if name is None:
            continue
        t = t.detach().contiguous()
        if args.dtype == "f32" or (args.dtype == "f16" and name.endswith("running_var")):
            t = t.float()
        elif args.dtype == "f16":
            t = t.half()
        out[name] = t

    if args.spec:
        import ghostnet_torch
        spec = ghostnet_torch.load_spec(args.spec)
        want = {t["name"]: list(t["shape"]) for t in spec["tensors"]}
        missing = sorted(set(want) - set(out))
        extra = sorted(set(out) - set(want))
        wrong = sorted(n for n in set(want) & set(out) if list(out[n].shape) != want[n])
        if missing or extra or wrong:
            for n in missing[:20]:
                print(f"missing: {n} {want[n]}", file=sys.stderr)
            for n in extra[:20]:
                print(f"unexpected: {n} {list(out[n].shape)}", file=sys.stderr)
            for n in wrong[:20]:
                print(f"shape: {n} is {list(out[n].shape)}, expected {want[n]}", file=sys.stderr)
            raise SystemExit("error: the checkpoint does not match the spec (is --width / --classes / --version right?)")

    safetensors_io.save_file(out, args.output, metadata={
        "format": "pt", "source": os.path.basename(args.checkpoint), "converted_by": "tools/convert_checkpoint.py"})
    print(f"wrote {args.output}: {len(out)} tensors")


if __name__ == "__main__":
    main()
