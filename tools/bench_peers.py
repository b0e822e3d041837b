#!/usr/bin/env python3
"""Our pipelines against the engines a user would pick (ONNX Runtime, OpenVINO, ncnn, LiteRT), batch 1,
on one machine in one command: the driver behind scripts/bench_peers.sh, which makes its venv
(the engines pinned) and runs this from it.

Each network is timed on the same architecture everywhere: ours through build/ghostnet-bench
(random weights), each peer through tools/peer_latency.py on an ONNX file of the network (ncnn on
pnnx's conversion of it, LiteRT with its XNNPACK delegate on onnx2tf's float32 .tflite of it; onnx2tf
runs from its own venv, --onnx2tf). Every round runs, with 1 thread and then 2, ours and then each peer in
turn, so a noisy neighbour hits them all alike. Reported: the median of the per-round medians,
the lowest min, and the fastest peer's median over ours (above 1: we are faster).

Networks (--networks):
  1.0, 0.5  GhostNet 1.0x / 0.5x fp32 at 224 (ONNX files from --onnx-dir)
  v2        GhostNetV2 1.0x fp32 at 224 (exported here by tools/export_onnx.py, with the venv's torch)
  int8      GhostNet 1.0x in 8 bits: our q8 (random weights quantized on the bundled samples)
            against each peer's int8 path on the QDQ model of --onnx-dir (ONNX Runtime: QLinearConv;
            OpenVINO: its low-precision transformations); ncnn's int8 needs its own calibration
            tools (ncnn2table, ncnn2int8), which its PyPI package does not carry, so it has none here;
            nor has LiteRT: onnx2tf does not carry the QDQ model's scales over, it quantizes the float
            network again on its own calibration images, which would time another model
Before timing, each peer's output on the same input is compared with ONNX Runtime's (largest
difference, same top-1), so a conversion that changed the network shows.

Writes DIR/peers.md (the table, with the machine and the versions) and DIR/peers.png (latency
per engine and thread count), and prints the table.
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

import numpy as np

TOOLS = os.path.dirname(os.path.abspath(__file__))
PEERS = ["onnxruntime", "openvino", "ncnn", "litert"]
LABELS = {"ours": "ghostnet-halide", "onnxruntime": "ONNX Runtime", "openvino": "OpenVINO", "ncnn": "ncnn",
          "litert": "LiteRT"}
NETWORKS = {
    "1.0": ("GhostNet 1.0x fp32", ["--width", "1.0", "--size", "224"]),
    "0.5": ("GhostNet 0.5x fp32", ["--width", "0.5", "--size", "224"]),
    "v2": ("GhostNetV2 1.0x fp32", ["--version", "v2", "--width", "1.0", "--size", "224"]),
    "int8": ("GhostNet 1.0x int8", ["--width", "1.0", "--size", "224"]),
}


def run(cmd, what):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"bench_peers: {what} failed ({' '.join(cmd)}):\n{p.stderr.strip()}")
    return p.stdout


def stats(line):
    d = json.loads(line.strip().splitlines()[-1])
    return d["median_ms"], d["min_ms"]


def cpu_name():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


class Bench:
    def __init__(self, args, tmp):
        self.args, self.tmp = args, tmp
        self.build = args.build

    def peer(self, engine, model, threads, runs, output=None):
        cmd = [sys.executable, os.path.join(TOOLS, "peer_latency.py"), engine, model, str(threads), str(runs),
               str(self.args.warmup)]
        if output:
            cmd += ["--output", output]
        return stats(run(cmd, f"{engine} on {os.path.basename(model)}"))

    def ours(self, flags, threads):
        cmd = [os.path.join(self.build, "ghostnet-bench"), *flags, "--threads", str(threads),
               "--runs", str(self.args.runs), "--warmup", str(self.args.warmup), "--json"]
        return stats(run(cmd, "ghostnet-bench"))

    def onnx_model(self, key):
        if key in ("1.0", "0.5", "int8"):
            name = {"1.0": "ghostnet_100.onnx", "0.5": "ghostnet_050.onnx", "int8": "ghostnet_100_int8_qdq.onnx"}[key]
            path = os.path.join(self.args.onnx_dir, name)
            if not os.path.exists(path):
                sys.exit(f"bench_peers: {path} missing (--onnx-dir, or ONNX_DIR for bench_peers.sh)")
            return path
        path = os.path.join(self.tmp, "ghostnetv2_100.onnx")
        spec = f"{os.path.join(self.build, 'ghostnet-spec')} {' '.join(NETWORKS[key][1])} --json"
        # This venv's torch (pnnx brings it) exports it.
        run([sys.executable, os.path.join(TOOLS, "export_onnx.py"), "--spec", spec, "--out", path],
            "tools/export_onnx.py")
        return path

    def ncnn_model(self, onnx_path):
        """pnnx's ncnn conversion of an fp32 ONNX file, made in the temporary folder."""
        base = os.path.join(self.tmp, os.path.splitext(os.path.basename(onnx_path))[0])
        local = base + ".onnx"
        if not os.path.exists(local):
            with open(onnx_path, "rb") as src, open(local, "wb") as dst:
                dst.write(src.read())
        pnnx = os.path.join(os.path.dirname(sys.executable), "pnnx")
        run([pnnx, local, "inputshape=[1,3,224,224]"], f"pnnx on {os.path.basename(onnx_path)}")
        return base + ".ncnn.param"

    def litert_model(self, onnx_path):
        """onnx2tf's float32 .tflite of an fp32 ONNX file, made in the temporary folder."""
        base = os.path.splitext(os.path.basename(onnx_path))[0]
        work = os.path.join(self.tmp, "onnx2tf_" + base)
        os.makedirs(work, exist_ok=True)
        # onnx2tf checks its conversion on sample images it reads from this file in the current
        # folder, or else downloads from GitHub, which these machines cannot reach: any images do.
        np.save(os.path.join(work, "calibration_image_sample_data_20x128x128x3_float32.npy"),
                np.random.RandomState(0).rand(20, 128, 128, 3).astype(np.float32))
        env = dict(os.environ, PATH=os.path.dirname(self.args.onnx2tf) + os.pathsep + os.environ.get("PATH", ""))
        p = subprocess.run([self.args.onnx2tf, "-i", os.path.abspath(onnx_path), "-o", work], cwd=work, env=env,
                           capture_output=True, text=True)
        tflite = os.path.join(work, base + "_float32.tflite")
        if p.returncode != 0 or not os.path.exists(tflite):
            sys.exit(f"bench_peers: onnx2tf on {os.path.basename(onnx_path)} failed:\n{(p.stdout + p.stderr)[-3000:]}")
        return tflite

    def q8_weights(self):
        w = os.path.join(self.tmp, "w100.safetensors")
        q = os.path.join(self.tmp, "w100_q8.safetensors")
        run([os.path.join(self.build, "ghostnet-spec"), "--width", "1.0", "--size", "224", "--classes", "1000",
             "--random-checkpoint", w, "--seed", "31"], "ghostnet-spec --random-checkpoint")
        run([os.path.join(self.build, "ghostnet-quantize"), "--weights", w, "--calibration",
             os.path.join(self.args.source, "models/fashion_mnist/samples"), "-o", q], "ghostnet-quantize")
        return q


def agreement(bench, models):
    """Each peer's output against ONNX Runtime's on the same model and input."""
    lines = []
    ref_file = os.path.join(bench.tmp, "ref.npy")
    for key, peers in models.items():
        bench.peer("onnxruntime", peers["onnxruntime"], 1, 1, ref_file)
        ref = np.load(ref_file)
        for engine, model in peers.items():
            if engine == "onnxruntime":
                continue
            out_file = os.path.join(bench.tmp, f"{engine}.npy")
            bench.peer(engine, model, 1, 1, out_file)
            got = np.load(out_file)
            if got.shape != ref.shape:
                sys.exit(f"bench_peers: {engine}'s output on {NETWORKS[key][0]} has {got.size} values, "
                         f"ONNX Runtime's {ref.size}: the conversion changed the network")
            lines.append(f"- {NETWORKS[key][0]}: {LABELS[engine]} against ONNX Runtime: largest difference "
                         f"{np.abs(got - ref).max():.3g} (largest |output| {np.abs(ref).max():.3g}), top-1 "
                         f"{'the same' if got.argmax() == ref.argmax() else 'DIFFERENT'}")
    return lines


def chart(rows, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    groups = [f"{r['network']}\n{r['threads']} thread{'s' if r['threads'] > 1 else ''}" for r in rows]
    engines = ["ours"] + PEERS
    fig, ax = plt.subplots(figsize=(max(8, 1.6 * len(rows)), 4.8))
    width = 0.8 / len(engines)
    for i, engine in enumerate(engines):
        xs = [g + (i - (len(engines) - 1) / 2) * width for g in range(len(rows))]
        ys = [r["median"].get(engine, (0, 0))[0] for r in rows]
        bars = ax.bar(xs, ys, width, label=LABELS[engine])
        for bar, y in zip(bars, ys):
            if y == 0:
                bar.set_visible(False)
    ax.set_xticks(range(len(rows)))
    ax.set_xticklabels(groups, fontsize=8)
    ax.set_ylabel("latency, ms (median of round medians; lower is faster)")
    ax.set_title(f"Batch-1 latency, {cpu_name()}, {os.cpu_count()} cores")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build", help="the build folder (ghostnet-bench, ghostnet-spec, ghostnet-quantize)")
    ap.add_argument("--source", default=".", help="the source tree (the bundled samples calibrate int8)")
    ap.add_argument("--onnx-dir", default="../shared/bench", help="the ONNX files of GhostNet 1.0x, 0.5x and 1.0x int8 QDQ")
    ap.add_argument("--networks", default="1.0 0.5 v2 int8", help="which of 1.0 0.5 v2 int8 (default: all)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--runs", type=int, default=100, help="timed runs per engine per round")
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--threads", default="1 2", help="thread counts (default: 1 2)")
    ap.add_argument("--out", required=True, help="folder for peers.md and peers.png (created)")
    ap.add_argument("--onnx2tf", required=True, help="onnx2tf, the ONNX to LiteRT converter (in its own venv)")
    args = ap.parse_args()
    keys = args.networks.split()
    for k in keys:
        if k not in NETWORKS:
            ap.error(f"--networks: {k} is not one of {' '.join(NETWORKS)}")
    threads = [int(t) for t in args.threads.split()]
    if args.rounds < 1 or args.runs < 1 or not threads or min(threads) < 1:
        ap.error("--rounds, --runs and --threads must be positive")
    for tool in ("ghostnet-bench", "ghostnet-spec", "ghostnet-quantize"):
        if not os.access(os.path.join(args.build, tool), os.X_OK):
            sys.exit(f"bench_peers: {args.build}/{tool} missing: build it (scripts/build.sh {tool})")
    os.makedirs(args.out, exist_ok=True)

    import ncnn
    import onnxruntime
    import openvino
    from importlib.metadata import version
    versions = {"onnxruntime": onnxruntime.__version__, "openvino": openvino.__version__.split("-")[0],
                "ncnn": ncnn.__version__, "litert": version("ai-edge-litert")}
    if not os.access(args.onnx2tf, os.X_OK):
        sys.exit(f"bench_peers: {args.onnx2tf}: no onnx2tf there (--onnx2tf)")
    onnx2tf_version = run([args.onnx2tf, "-V"], "onnx2tf -V").strip().splitlines()[-1]
    with tempfile.TemporaryDirectory(prefix="bench_peers") as tmp:
        bench = Bench(args, tmp)
        print("preparing models...", file=sys.stderr)
        models, ours_flags = {}, {}
        for k in keys:
            onnx_path = bench.onnx_model(k)
            models[k] = {"onnxruntime": onnx_path, "openvino": onnx_path}
            if k != "int8":
                models[k]["ncnn"] = bench.ncnn_model(onnx_path)
                models[k]["litert"] = bench.litert_model(onnx_path)
            ours_flags[k] = NETWORKS[k][1] + (["--weights", bench.q8_weights()] if k == "int8" else [])
        checks = agreement(bench, models)
        for line in checks:
            print(line, file=sys.stderr)

        samples = {(k, t): {} for k in keys for t in threads}
        start = time.time()
        for r in range(args.rounds):
            print(f"round {r + 1} of {args.rounds} ({time.time() - start:.0f} s)...", file=sys.stderr)
            for k in keys:
                for t in threads:
                    s = samples[(k, t)]
                    s.setdefault("ours", []).append(bench.ours(ours_flags[k], t))
                    for engine, model in models[k].items():
                        s.setdefault(engine, []).append(bench.peer(engine, model, t, args.runs))

    rows = []
    for k in keys:
        for t in threads:
            s = samples[(k, t)]
            median = {e: (float(np.median([m for m, _ in v])), min(n for _, n in v)) for e, v in s.items()}
            rows.append({"network": NETWORKS[k][0], "threads": t, "median": median})
    header = ["network", "threads"] + [LABELS[e] + " ms" for e in ["ours"] + PEERS] + ["fastest peer / ours"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        m = row["median"]
        cells = [row["network"], str(row["threads"])]
        for e in ["ours"] + PEERS:
            cells.append(f"{m[e][0]:.3f} (min {m[e][1]:.3f})" if e in m else "-")
        fastest = min((m[e][0], e) for e in PEERS if e in m)
        cells.append(f"{fastest[0] / m['ours'][0]:.2f}x ({LABELS[fastest[1]]})")
        lines.append("| " + " | ".join(cells) + " |")
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    intro = [f"Machine: {cpu_name()}, {os.cpu_count()} cores, {platform.system()} {platform.machine()}; {when}.",
             f"Engines: ghostnet-halide ({args.build}), ONNX Runtime {versions['onnxruntime']}, "
             f"OpenVINO {versions['openvino']}, ncnn {versions['ncnn']}, LiteRT {versions['litert']} "
             f"(XNNPACK; models by onnx2tf {onnx2tf_version}) (PyPI).",
             f"{args.rounds} rounds x {args.runs} runs, engines in alternation; ms: median of the round medians "
             "(lowest min). ncnn has no int8 row (no calibration tools in its PyPI package), nor has LiteRT "
             "(onnx2tf quantizes the float network anew rather than converting the QDQ model).", "",
             "Outputs of the peers on the same model and input:", *checks, ""]
    text = "\n".join(intro + lines) + "\n"
    with open(os.path.join(args.out, "peers.md"), "w") as f:
        f.write(text)
    chart(rows, os.path.join(args.out, "peers.png"))
    print(text)
    print(f"wrote {os.path.join(args.out, 'peers.md')} and {os.path.join(args.out, 'peers.png')}", file=sys.stderr)


if __name__ == "__main__":
    main()
