#!/usr/bin/env python3
"""Batch-1 latency of ONNX Runtime (CPU) on one ONNX model: the peer side of
scripts/bench_vs_ort.sh, which runs it from its own venv (onnxruntime pinned there).

usage: ort_latency.py MODEL.onnx THREADS RUNS WARMUP
The model's first input must be float32 with a fixed shape (a dynamic dimension is taken as 1).
Prints one JSON line: engine, version, threads, runs, median_ms, min_ms.
"""
import json
import sys
import time

import numpy as np
import onnxruntime as ort


def main(argv):
    if len(argv) != 5:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    model, threads, runs, warmup = argv[1], int(argv[2]), int(argv[3]), int(argv[4])
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    session = ort.InferenceSession(model, sess_options=options, providers=["CPUExecutionProvider"])
    first = session.get_inputs()[0]
    shape = [d if isinstance(d, int) else 1 for d in first.shape]
    # A fixed, smooth input: the weights, not the values, set the engine's speed.
    feeds = {first.name: np.cos(np.arange(int(np.prod(shape))) * 0.01).astype(np.float32).reshape(shape)}
    for _ in range(warmup):
        session.run(None, feeds)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        session.run(None, feeds)
        times.append((time.perf_counter() - start) * 1e3)
    times.sort()
    print(json.dumps({"engine": "onnxruntime", "version": ort.__version__, "threads": threads, "runs": runs,
                      "median_ms": round(times[len(times) // 2], 4), "min_ms": round(times[0], 4)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
