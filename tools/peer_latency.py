#!/usr/bin/env python3
"""Batch-1 CPU latency of one peer engine on one model: the peer side of scripts/bench_peers.sh
and scripts/bench_vs_ort.sh, which run it from their venv (the engines pinned there).

usage: peer_latency.py ENGINE MODEL THREADS RUNS WARMUP [--output FILE.npy]
  ENGINE  onnxruntime or openvino (MODEL: an .onnx file), ncnn (MODEL: an .ncnn.param file,
          its .ncnn.bin beside it, as pnnx writes them; input in0, output out0), or litert
          (MODEL: a .tflite file, as onnx2tf writes it: input 1 x H x W x C; LiteRT's CPU
          interpreter with its default XNNPACK delegate)
  --output  also save the output of the last run, to compare engines on the same model
The model's input must be float32 with a fixed shape 1 x C x H x W (a dynamic dimension is taken
as 1; ncnn's shape is read from the ONNX file beside the .param, or is 1 x 3 x 224 x 224; LiteRT's
1 x H x W x C input gets the same values, transposed).
Every engine computes in fp32 unless the model itself is quantized: OpenVINO is told
INFERENCE_PRECISION_HINT=f32 (it would take bf16 on CPUs that have it), ncnn gets its fp16 and
bf16 storage and arithmetic switched off.
Prints one JSON line: engine, version, threads, runs, median_ms, min_ms.
"""
import json
import os
import sys
import time

import numpy as np


def fixed_input(shape):
    # A fixed, smooth input: the weights, not the values, set an engine's speed.
    return np.cos(np.arange(int(np.prod(shape))) * 0.01).astype(np.float32).reshape(shape)


def onnx_input_shape(path):
    import onnx
    dims = onnx.load(path, load_external_data=False).graph.input[0].type.tensor_type.shape.dim
    return [d.dim_value if d.dim_value > 0 else 1 for d in dims]


def onnxruntime_runner(model, threads):
    import onnxruntime as ort
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    session = ort.InferenceSession(model, sess_options=options, providers=["CPUExecutionProvider"])
    first = session.get_inputs()[0]
    feeds = {first.name: fixed_input([d if isinstance(d, int) else 1 for d in first.shape])}
    return ort.__version__, lambda: session.run(None, feeds)[0]


def openvino_runner(model, threads):
    import openvino as ov
    core = ov.Core()
    compiled = core.compile_model(core.read_model(model), "CPU", {
        "INFERENCE_NUM_THREADS": threads, "NUM_STREAMS": 1, "PERFORMANCE_HINT": "LATENCY",
        "INFERENCE_PRECISION_HINT": "f32"})
    request = compiled.create_infer_request()
    x = fixed_input(list(compiled.input(0).shape))
    out = compiled.output(0)
    return ov.__version__.split("-")[0], lambda: request.infer({0: x})[out]


def ncnn_runner(model, threads):
    import ncnn
    if not model.endswith(".param"):
        raise SystemExit(f"peer_latency.py: {model}: ncnn takes the .param file pnnx writes")
    onnx_file = model[:-len(".ncnn.param")] + ".onnx"
    shape = onnx_input_shape(onnx_file) if os.path.exists(onnx_file) else [1, 3, 224, 224]
    net = ncnn.Net()
    net.opt.num_threads = threads
    net.opt.use_vulkan_compute = False
    for low_precision in ("use_fp16_packed", "use_fp16_storage", "use_fp16_arithmetic", "use_bf16_storage"):
        setattr(net.opt, low_precision, False)
    if net.load_param(model) != 0 or net.load_model(model[:-len(".param")] + ".bin") != 0:
        raise SystemExit(f"peer_latency.py: ncnn could not load {model} and its .bin")
    # ncnn.Mat wraps the array's memory without copying it: the array must outlive the runs.
    pixels = np.ascontiguousarray(fixed_input(shape)[0])
    x = ncnn.Mat(pixels)

    def run(pixels=pixels):  # holds the array for as long as run lives
        extractor = net.create_extractor()
        extractor.input("in0", x)
        _, out = extractor.extract("out0")
        return np.array(out)
    return ncnn.__version__, run


def litert_runner(model, threads):
    from ai_edge_litert import interpreter as litert
    if not model.endswith(".tflite"):
        raise SystemExit(f"peer_latency.py: {model}: LiteRT takes a .tflite file")
    it = litert.Interpreter(model_path=model, num_threads=threads)
    it.allocate_tensors()
    inp, out = it.get_input_details()[0], it.get_output_details()[0]
    n, h, w, c = [int(d) for d in inp["shape"]]
    # The values the ONNX engines get (fixed_input of 1 x C x H x W), in LiteRT's NHWC order.
    it.set_tensor(inp["index"], np.ascontiguousarray(fixed_input([n, c, h, w]).transpose(0, 2, 3, 1)))

    def run():
        it.invoke()
        return it.get_tensor(out["index"])
    from importlib.metadata import version
    return version("ai-edge-litert"), run


RUNNERS = {"onnxruntime": onnxruntime_runner, "openvino": openvino_runner, "ncnn": ncnn_runner,
           "litert": litert_runner}


def main(argv):
    output = None
    if "--output" in argv:
        i = argv.index("--output")
        output = argv[i + 1] if i + 1 < len(argv) else None
        argv = argv[:i] + argv[i + 2:]
        if output is None:
            print("peer_latency.py: --output needs a file", file=sys.stderr)
            return 2
    if len(argv) != 6 or argv[1] not in RUNNERS:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    engine, model, threads, runs, warmup = argv[1], argv[2], int(argv[3]), int(argv[4]), int(argv[5])
    if not os.path.exists(model):
        print(f"peer_latency.py: {model}: no such model file", file=sys.stderr)
        return 2
    version, run = RUNNERS[engine](model, threads)
    for _ in range(warmup):
        run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - start) * 1e3)
    if output:
        np.save(output, np.asarray(result, dtype=np.float32).reshape(-1))
    times.sort()
    print(json.dumps({"engine": engine, "version": version, "threads": threads, "runs": runs,
                      "median_ms": round(times[len(times) // 2], 4), "min_ms": round(times[0], 4)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
