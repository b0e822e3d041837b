#!/usr/bin/env python3
"""Generate a GhostNet test fixture (random weights, input, reference logits).

Usage (from the repository root, with a Python that has torch + numpy):

    /usr/bin/python3 tools/make_fixture.py \\
        --spec "build/ghostnet-spec --width 0.5 --size 200 --classes 100 --json" \\
        --out tests/fixtures/ghostnet_050_200_100 --seed 1 --weights-dtype f32

Writes into --out:
    weights.safetensors  timm tensor names (no num_batches_tracked).  F32, or
                         with --weights-dtype f16 every Conv/Linear weight is
                         F16 (BN params/stats and biases stay F32); the
                         PyTorch model uses exactly those f16-rounded values.
    input.npy            (1, C, S, S) float32, NCHW, seeded standard normal
    logits.npy           (1, K) float32, computed in float64 then cast
    spec.json            the spec used (for provenance)
    README.md            the exact command and a summary
"""

import argparse
import copy
import json
import os
import shlex
import sys

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ghostnet_torch as gt  # noqa: E402
import safetensors_io as st  # noqa: E402


def is_lowp_weight(model, name):
    """True for the weight of a Conv2d / Linear (the tensors stored as f16)."""
    mod_name, _, leaf = name.rpartition(".")
    if leaf != "weight":
        return False
    mod = model.get_submodule(mod_name)
    return isinstance(mod, (nn.Conv2d, nn.Linear))


def command_line():
    args = [shlex.quote(a) for a in sys.argv[1:]]
    prog = sys.argv[0]
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    if os.path.abspath(os.getcwd()) == repo:
        prog = os.path.relpath(os.path.abspath(prog), repo)
        where = "the repository root"
    else:
        where = "`%s`" % os.getcwd()
    return "python3 " + " ".join([shlex.quote(prog)] + args), where


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n", 2)[2])
    ap.add_argument("--spec", required=True,
                    help="spec JSON file, or a command printing it "
                         "(e.g. 'build/ghostnet-spec --width 0.5 --json')")
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--weights-dtype", choices=["f32", "f16"], default="f32")
    ap.add_argument("--num-threads", type=int, default=2)
    args = ap.parse_args()

    torch.set_num_threads(args.num_threads)
    spec = gt.load_spec(args.spec)
    cfg = spec.get("config", {})
    C = int(spec["stem"]["cin"])
    S = int(cfg.get("input_size", 224))
    K = int(spec.get("num_classes", cfg.get("num_classes", 0)))

    model = gt.build_from_spec(spec)          # asserts names/shapes vs spec
    gt.randomize_(model, args.seed, input_shape=(1, C, S, S))
    model.eval()

    f16 = args.weights_dtype == "f16"
    sd = {k: v for k, v in model.state_dict().items()
          if not k.endswith("num_batches_tracked")}
    if f16:
        with torch.no_grad():
            for name, t in sd.items():
                if is_lowp_weight(model, name):
                    t.copy_(t.half().float())  # state_dict shares storage

    gx = torch.Generator().manual_seed(args.seed)
    x = torch.randn((1, C, S, S), generator=gx, dtype=torch.float32)

    with torch.no_grad():
        y32 = model(x)
        m64 = copy.deepcopy(model).double().eval()
        y64 = m64(x.double())
    logits = y64.float()
    diff = (y32.double() - y64).abs().max().item()
    top5 = torch.topk(y64[0], min(5, y64.shape[1])).indices.tolist()
    # GhostNetV3: the logits are the training-time branches'; the same network folded as
    # timm's switch_to_deploy folds it must agree (what the C++ runtime does at load).
    fold_diff = None
    if cfg.get("version") == "v3":
        with torch.no_grad():
            folded = gt.fold_v3_(copy.deepcopy(m64))
            fold_diff = (folded(x.double()) - y64).abs().max().item()
        if fold_diff > 1e-6 * max(1.0, y64.abs().max().item()):
            raise RuntimeError("GhostNetV3 folded logits differ from the branches' by %g" % fold_diff)

    # ---- write -------------------------------------------------------------
    os.makedirs(args.out, exist_ok=True)
    tensors = {}
    for name, t in sd.items():
        t = t.detach().float().contiguous()
        tensors[name] = t.half() if (f16 and is_lowp_weight(model, name)) else t
    wpath = os.path.join(args.out, "weights.safetensors")
    st.save_file(tensors, wpath, metadata={
        "format": "pt", "source": "tools/make_fixture.py",
        "seed": str(args.seed), "weights_dtype": args.weights_dtype})
    np.save(os.path.join(args.out, "input.npy"), x.numpy().astype(np.float32))
    np.save(os.path.join(args.out, "logits.npy"),
            logits.numpy().astype(np.float32))
    with open(os.path.join(args.out, "spec.json"), "w") as f:
        json.dump(spec, f, indent=1)
        f.write("\n")

    # ---- self-check: reload the file into a fresh model --------------------
    loaded = st.load_file(wpath)
    fresh = gt.build_from_spec(spec).eval()
    fresh.load_state_dict({k: v.float() for k, v in loaded.items()},
                          strict=False)
    missing = set(sd) - set(loaded)
    if missing:
        raise RuntimeError("tensors missing from written file: %s"
                           % sorted(missing))
    with torch.no_grad():
        yr = fresh(x)
    if not torch.equal(yr, y32):
        raise RuntimeError("reloaded weights give different logits "
                           "(max diff %g)" % (yr - y32).abs().max().item())

    n_params = gt.count_params(model)
    n_f16 = sum(1 for t in tensors.values() if t.dtype == torch.float16)
    l = logits[0]
    cmd, where = command_line()
    summary = [
        "config: %s" % json.dumps(cfg),
        "parameters: %d (%.3fM), tensors: %d (%d stored as F16)"
        % (n_params, n_params / 1e6, len(tensors), n_f16),
        "logits: mean %.4f std %.4f min %.4f max %.4f"
        % (l.mean().item(), l.std().item(), l.min().item(), l.max().item()),
        "top-5 (float64 reference): %s" % top5,
        "max |float32 - float64| logits: %.3g" % diff,
    ]
    if fold_diff is not None:
        summary.append("GhostNetV3: max |folded - branches| logits (float64): %.3g" % fold_diff)
    for line in summary:
        print(line)
    print("wrote %s" % args.out)

    readme = """# GhostNet test fixture

Generated by `tools/make_fixture.py` (torch %s). Reproduce, from %s, with:

```sh
%s
```

(use a Python that has torch and numpy, e.g. Debian's `/usr/bin/python3`).

Files:
- `weights.safetensors`: random weights with timm/huawei-noah GhostNet tensor
  names (no `num_batches_tracked`); weights dtype: %s%s.
  BatchNorm statistics are deliberately far from identity.
- `input.npy`: input, shape (1, %d, %d, %d), float32, NCHW, standard normal
  (seed %d).
- `logits.npy`: reference logits, shape (1, %d), float32; computed by the
  PyTorch model in float64 (eval mode) and cast to float32.
- `spec.json`: the architecture spec the model was built from.

Summary:
%s
""" % (torch.__version__, where, cmd, args.weights_dtype,
       " (every Conv/Linear weight is F16; BN parameters/statistics and "
       "biases are F32)" if f16 else "",
       C, S, S, args.seed, K,
       "\n".join("- " + s for s in summary))
    with open(os.path.join(args.out, "README.md"), "w") as f:
        f.write(readme)


if __name__ == "__main__":
    main()
