#!/usr/bin/env python3
"""Export a GhostNet (V1, V2 or V3) built from the C++ spec to ONNX, to time other engines on it.

The network is tools/ghostnet_torch.py's (timm's topology, built from `ghostnet-spec --json`),
with random weights and calibrated BatchNorm statistics (randomize_, seeded); V3's training-time
branches are folded first (fold_v3_), so the file holds the network V3 runs at inference. The
file has what scripts/bench_vs_ort.sh and ../shared/bench's ort_latency.js expect: one float32
input `input` of fixed shape 1 x C x S x S, output `logits`, opset 13. BatchNorm is left to the
engine to fold (ONNX Runtime fuses Conv + BatchNormalization at load). The weights mean nothing:
the file is for timing, not for answers.

Example:
    /usr/bin/python3 tools/export_onnx.py \\
        --spec "build/ghostnet-spec --version v2 --width 1.0 --size 224 --json" --out ghostnetv2_100.onnx
"""

import argparse
import inspect
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ghostnet_torch  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--spec", required=True,
                    help="JSON file, or a command printing the spec JSON (ghostnet-spec ... --json)")
    ap.add_argument("--out", required=True, help="the .onnx file to write (must not exist)")
    ap.add_argument("--seed", type=int, default=0, help="weights' seed (default 0)")
    args = ap.parse_args()
    if os.path.exists(args.out):
        sys.exit("export_onnx.py: %s exists; not overwriting it (remove it or pick another --out)"
                 % args.out)
    spec = ghostnet_torch.load_spec(args.spec)
    version = spec.get("config", {}).get("version", "v1")
    c = int(spec["stem"]["cin"])
    s = int(spec.get("config", {}).get("input_size", 224))
    model = ghostnet_torch.build_from_spec(spec).eval()
    ghostnet_torch.randomize_(model, args.seed, input_shape=(1, c, s, s))
    ghostnet_torch.fold_v3_(model)  # V3's branches into plain convs; a no-op for V1 and V2
    x = torch.randn(1, c, s, s, generator=torch.Generator().manual_seed(args.seed))
    # torch 2.x's default exporter (dynamo) needs onnxscript; the TorchScript one does not.
    legacy = {"dynamo": False} if "dynamo" in inspect.signature(torch.onnx.export).parameters else {}
    with torch.no_grad():
        torch.onnx.export(model, x, args.out, input_names=["input"], output_names=["logits"],
                          opset_version=13, do_constant_folding=True, **legacy)
    print("wrote %s: %s, 1x%dx%dx%d float32, %d parameters"
          % (args.out, version, c, s, s, ghostnet_torch.count_params(model)))


if __name__ == "__main__":
    main()
