"""Our logits against PyTorch's for the same GhostNet weights, and both timed (docs/python.md).

The PyTorch model is tools/ghostnet_torch.py's GhostNet (timm's module and tensor names, built
from `ghostnet-spec --json`), filled with seeded random weights (or a checkpoint you give with
--weights: a timm state_dict saved as .safetensors); ghostnet_halide loads the same file.

    sudo apt-get install python3-torch
    PYTHONPATH=build/python /usr/bin/python3 examples/python/compare_with_pytorch.py --runs 30
"""

import argparse
import os
import statistics
import sys
import tempfile
import time

import numpy as np
import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import ghostnet_torch  # noqa: E402
import safetensors_io  # noqa: E402

import ghostnet_halide as gh  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--spec-cmd", default=os.path.join(ROOT, "build", "ghostnet-spec"))
    ap.add_argument("--width", type=float, default=1.0)
    ap.add_argument("--size", type=int, default=224)
    ap.add_argument("--classes", type=int, default=1000)
    ap.add_argument("--weights", help="a float checkpoint (.safetensors, timm names); default: random weights")
    ap.add_argument("--runs", type=int, default=30, help="timed runs of each, in alternation")
    ap.add_argument("--threads", type=int, default=0, help="threads for both (0: one per core)")
    args = ap.parse_args()

    spec = ghostnet_torch.load_spec([args.spec_cmd, "--width", str(args.width), "--size", str(args.size),
                                     "--classes", str(args.classes), "--json"])
    torch_model = ghostnet_torch.build_from_spec(spec).eval()
    with tempfile.TemporaryDirectory() as tmp:
        weights = args.weights
        if weights:
            torch_model.load_state_dict({k: torch.from_numpy(v.copy()) for k, v in
                                         safetensors_io.load_file(weights).items()}, strict=False)
        else:
            ghostnet_torch.randomize_(torch_model, seed=0, input_shape=(1, 3, args.size, args.size))
            weights = os.path.join(tmp, "weights.safetensors")
            safetensors_io.save_file({k: v for k, v in torch_model.state_dict().items()
                                      if not k.endswith("num_batches_tracked")}, weights)
        ours = gh.Model.load(weights, width=args.width, size=args.size, classes=args.classes)

    threads = args.threads or os.cpu_count()
    torch.set_num_threads(threads)
    gh.set_num_threads(threads)
    x = np.random.default_rng(1).standard_normal((1, 3, args.size, args.size), dtype=np.float32)
    with torch.no_grad():
        theirs = torch_model(torch.from_numpy(x)).numpy()
    mine = ours.run(x)
    print(f"{ours.network}: logits max |ours - PyTorch| = {np.abs(mine - theirs).max():.2e} "
          f"(logits' std {theirs.std():.2f}); same top-1: {mine.argmax() == theirs.argmax()}")

    t_ours, t_torch = [], []
    with torch.no_grad():
        for _ in range(3):  # warm-up
            ours.run(x)
            torch_model(torch.from_numpy(x))
        for _ in range(args.runs):
            t0 = time.perf_counter()
            ours.run(x)
            t_ours.append((time.perf_counter() - t0) * 1e3)
            t0 = time.perf_counter()
            torch_model(torch.from_numpy(x))
            t_torch.append((time.perf_counter() - t0) * 1e3)
    m_ours, m_torch = statistics.median(t_ours), statistics.median(t_torch)
    print(f"{args.runs} runs each, alternated, {threads} thread(s), batch 1:")
    print(f"  ghostnet_halide  median {m_ours:8.3f} ms  min {min(t_ours):8.3f} ms")
    print(f"  PyTorch {torch.__version__:<8} median {m_torch:8.3f} ms  min {min(t_torch):8.3f} ms")
    print(f"  ghostnet_halide is {m_torch / m_ours:.2f}x PyTorch's speed")


if __name__ == "__main__":
    main()
