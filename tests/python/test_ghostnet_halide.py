"""The Python module against the command-line tools and the PyTorch fixture (ctest: python).

Run by ctest with GHOSTNET_TOOLS (the build's folder of ghostnet-* programs), GHOSTNET_FIXTURES
(tests/fixtures) and GHOSTNET_MODEL (the bundled model folder) in the environment, and the
module's folder on PYTHONPATH.
"""

import json
import os
import pathlib
import subprocess
import threading

import numpy as np
import pytest

import ghostnet_halide as gh

TOOLS = os.environ["GHOSTNET_TOOLS"]
FIXTURE = os.path.join(os.environ["GHOSTNET_FIXTURES"], "ghostnet_050_s200_k100")
MODEL = os.environ["GHOSTNET_MODEL"]
NET = dict(width=0.5, size=200, classes=100)
NET_FLAGS = ["--width", "0.5", "--size", "200", "--classes", "100"]
# q8 against fp32 on the image it was calibrated on (10 logits of a random-weight fixture): their
# correlation at least (measured 2026-12-04: 0.91 for V2).
Q8_LOGIT_CORRELATION = 0.6


def tool(name, *args):
    r = subprocess.run([os.path.join(TOOLS, name), *args], capture_output=True, text=True)
    assert r.returncode == 0, f"{name} {' '.join(args)} failed:\n{r.stdout}\n{r.stderr}"
    return r.stdout


@pytest.fixture(scope="module")
def fixture_model():
    return gh.Model.load(os.path.join(FIXTURE, "weights.safetensors"), **NET)


@pytest.fixture(scope="module")
def bundled():
    return gh.Model.from_folder(MODEL)


def test_run_equals_ghostnet_run(fixture_model, tmp_path):
    x = np.load(os.path.join(FIXTURE, "input.npy"))
    out = tmp_path / "logits.npy"
    tool("ghostnet-run", "--weights", os.path.join(FIXTURE, "weights.safetensors"), *NET_FLAGS,
         "--input", os.path.join(FIXTURE, "input.npy"), "--output", str(out))
    ours = fixture_model.run(x)
    assert ours.shape == (1, 100) and ours.dtype == np.float32
    np.testing.assert_allclose(ours, np.load(out), rtol=0, atol=1e-5)
    # ... and PyTorch's logits, as tests/test_ghostnet.cpp holds the pipeline to them.
    np.testing.assert_allclose(ours, np.load(os.path.join(FIXTURE, "logits.npy")), rtol=0, atol=1e-3)
    # One image (C, H, W) gives the same row.
    np.testing.assert_array_equal(fixture_model.run(x[0]), ours)


def test_batch_equals_single_runs(fixture_model):
    rng = np.random.default_rng(3)
    batch = rng.standard_normal((3, 3, 200, 200), dtype=np.float32)
    logits = fixture_model.run(batch)
    assert logits.shape == (3, 100)
    for i in range(3):
        np.testing.assert_array_equal(logits[i], fixture_model.run(batch[i])[0])
    assert not np.array_equal(logits[0], logits[1])


def test_properties(fixture_model, bundled):
    assert fixture_model.precision == "fp32"
    assert fixture_model.input_shape == (3, 200, 200)
    assert fixture_model.num_classes == 100
    assert fixture_model.network == "ghostnet_w050_s200_k100"
    assert "ghostnet_w050_s200_k100" in gh.pipelines()
    assert bundled.labels[0] == "T-shirt/top" and len(bundled.labels) == 10
    assert bundled.input_shape == (1, 32, 32)


def classify_tool(*args):
    lines = tool("ghostnet-classify", "--model", MODEL, "--json", "--top", "3", *args).splitlines()
    return {json.loads(l)["file"]: json.loads(l)["top"] for l in lines}


@pytest.mark.parametrize("precision", ["fp32", "q8"])
def test_classify_equals_ghostnet_classify(precision):
    model = gh.Model.from_folder(MODEL, precision=precision)
    assert model.precision == precision
    samples = os.path.join(MODEL, "samples")
    files = sorted(os.path.join(samples, f) for f in os.listdir(samples) if f.endswith(".png"))
    assert len(files) >= 10
    want = classify_tool(*(["--q8"] if precision == "q8" else []), samples)
    got = model.classify(files, top=3)
    assert len(got) == len(files)
    for f, top in zip(files, got):
        assert [p["index"] for p in top] == [p["index"] for p in want[f]], f
        assert [p["label"] for p in top] == [p["label"] for p in want[f]], f
        for p, q in zip(top, want[f]):
            assert p["probability"] == pytest.approx(q["probability"], abs=2e-6), f
    # One file: one list; the preprocessed array gives the same answer.
    assert model.classify(files[0], top=3) == got[0]
    assert model.classify(model.preprocess(files[0]), top=3) == got[0]


def test_preprocess_matches_pixels(bundled):
    from_file = bundled.preprocess(os.path.join(MODEL, "samples", sorted(os.listdir(os.path.join(MODEL, "samples")))[0]))
    assert from_file.shape == (1, 32, 32) and from_file.dtype == np.float32
    # A flat grey image: every value (128/255 - mean) / std.
    grey = bundled.preprocess(np.full((28, 28), 128, dtype=np.uint8))
    np.testing.assert_allclose(grey, (128 / 255 - 0.286) / 0.353, rtol=1e-5)
    x = gh.preprocess(np.zeros((10, 20, 3), dtype=np.uint8), size=8)
    assert x.shape == (3, 8, 8)
    np.testing.assert_allclose(x[0], -0.485 / 0.229, rtol=1e-5)


def test_q8_model_through_the_module(tmp_path):
    out = tmp_path / "q8.safetensors"
    r = gh.quantize(os.path.join(FIXTURE, "weights.safetensors"), calibration=os.path.join(MODEL, "samples"),
                    output=str(out), **NET)
    assert r["images"] > 0 and out.exists()
    # ghostnet-quantize on the same images writes the same weights (metadata aside).
    tool_out = tmp_path / "q8_tool.safetensors"
    tool("ghostnet-quantize", "--weights", os.path.join(FIXTURE, "weights.safetensors"), *NET_FLAGS,
         "--calibration", os.path.join(MODEL, "samples"), "-o", str(tool_out))
    q8 = gh.Model.load(str(out), **NET)
    q8_tool = gh.Model.load(str(tool_out), **NET)
    assert q8.precision == "q8" and q8.network == "ghostnet_w050_s200_k100_q8"
    x = np.load(os.path.join(FIXTURE, "input.npy"))
    np.testing.assert_array_equal(q8.run(x), q8_tool.run(x))
    # ... and ghostnet-run gives the module's logits for it.
    logits = tmp_path / "q8_logits.npy"
    tool("ghostnet-run", "--weights", str(out), *NET_FLAGS, "--input", os.path.join(FIXTURE, "input.npy"),
         "--output", str(logits))
    np.testing.assert_array_equal(q8.run(x), np.load(logits))
    # Never over an existing file unless asked; calibration from an array works too.
    with pytest.raises(gh.Error, match="exists; pass overwrite=True"):
        gh.quantize(os.path.join(FIXTURE, "weights.safetensors"), calibration=os.path.join(MODEL, "samples"),
                    output=str(out), **NET)
    r = gh.quantize(os.path.join(FIXTURE, "weights.safetensors"), calibration=x, output=str(out), overwrite=True, **NET)
    assert r["images"] == 1
    # 7-bit grouped weights: the same as ghostnet-quantize --grouped-weight-bits 7 writes.
    out7, tool_out7 = tmp_path / "q8_7bit.safetensors", tmp_path / "q8_7bit_tool.safetensors"
    r = gh.quantize(os.path.join(FIXTURE, "weights.safetensors"), calibration=os.path.join(MODEL, "samples"),
                    output=str(out7), grouped_weight_bits=7, **NET)
    assert r["grouped_weight_bits"] == 7
    tool("ghostnet-quantize", "--weights", os.path.join(FIXTURE, "weights.safetensors"), *NET_FLAGS,
         "--calibration", os.path.join(MODEL, "samples"), "--grouped-weight-bits", "7", "-o", str(tool_out7))
    np.testing.assert_array_equal(gh.Model.load(str(out7), **NET).run(x), gh.Model.load(str(tool_out7), **NET).run(x))
    with pytest.raises(ValueError, match="grouped_weight_bits=6"):
        gh.quantize(os.path.join(FIXTURE, "weights.safetensors"), calibration=x, output=str(out7), overwrite=True,
                    grouped_weight_bits=6, **NET)


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_ghostnet_family_member(version, tmp_path):
    # GhostNetV2 / V3 (timm's unfused V3 checkpoint, folded at load) by the version keyword:
    # PyTorch's logits, as tests/test_ghostnet.cpp [family] holds the compiled networks to them.
    family = os.path.join(os.environ["GHOSTNET_FIXTURES"], f"ghostnet{version}_050_s112_k10")
    member = dict(width=0.5, size=112, classes=10, version=version)
    net = gh.Model.load(os.path.join(family, "weights.safetensors"), **member)
    assert net.network == f"ghostnet{version}_w050_s112_k10" and net.precision == "fp32"
    x = np.load(os.path.join(family, "input.npy"))
    np.testing.assert_allclose(net.run(x), np.load(os.path.join(family, "logits.npy")), rtol=0, atol=1e-3)
    # ... and not as the other member: the checkpoint's tensors tell V2 and V3 apart.
    other = "v3" if version == "v2" else "v2"
    with pytest.raises(gh.Error, match="weights.safetensors"):
        gh.Model.load(os.path.join(family, "weights.safetensors"), **dict(member, version=other))
    # q8 (the DFC attention in integers): its logits follow fp32's (loosely: in these random-weight
    # networks q8's error grows through the last stage, as test_q8's report shows), and
    # ghostnet-run gives the module's logits for the same file.
    out = tmp_path / "q8.safetensors"
    r = gh.quantize(os.path.join(family, "weights.safetensors"), calibration=x, output=str(out), **member)
    assert r["images"] == 1 and out.exists()
    q8 = gh.Model.load(str(out), **member)
    assert q8.precision == "q8" and q8.network == f"ghostnet{version}_w050_s112_k10_q8"
    want, got = np.load(os.path.join(family, "logits.npy")).ravel(), q8.run(x).ravel()
    assert np.corrcoef(got, want)[0, 1] > Q8_LOGIT_CORRELATION, (got, want)
    logits = tmp_path / "q8_logits.npy"
    tool("ghostnet-run", "--weights", str(out), "--width", "0.5", "--size", "112", "--classes", "10",
         "--version", version, "--input", os.path.join(family, "input.npy"), "--output", str(logits))
    np.testing.assert_array_equal(q8.run(x), np.load(logits))
    with pytest.raises(ValueError, match="version='v4': expected v1, v2 or v3"):
        gh.Model.load(os.path.join(family, "weights.safetensors"), **dict(member, version="v4"))


def test_bad_inputs(fixture_model, tmp_path):
    x = np.load(os.path.join(FIXTURE, "input.npy"))
    with pytest.raises(ValueError, match=r"expected an input of shape \(3, 200, 200\) or \(N, 3, 200, 200\), got \(1, 3, 224, 224\)"):
        fixture_model.run(np.zeros((1, 3, 224, 224), dtype=np.float32))
    with pytest.raises(TypeError, match="expected a float32 array, got float64.*astype"):
        fixture_model.run(x.astype(np.float64))
    with pytest.raises(TypeError, match="float32 NumPy array"):
        fixture_model.run([1.0, 2.0])
    # A non-contiguous array is copied, not misread.
    wide = np.zeros((1, 3, 200, 400), dtype=np.float32)
    wide[..., ::2] = x
    np.testing.assert_array_equal(fixture_model.run(wide[..., ::2]), fixture_model.run(x))
    with pytest.raises(gh.Error, match="no compiled pipeline"):
        gh.Model.load(os.path.join(FIXTURE, "weights.safetensors"), width=0.75, size=200, classes=100)
    with pytest.raises(gh.Error, match="missing.safetensors"):
        gh.Model.load(str(tmp_path / "missing.safetensors"), **NET)
    garbage = tmp_path / "garbage.safetensors"
    garbage.write_bytes(b"this is not a safetensors file")
    with pytest.raises(gh.Error, match="garbage.safetensors"):
        gh.Model.load(str(garbage), **NET)
    with pytest.raises(ValueError, match="variant='tiny'"):
        gh.Model.load(os.path.join(FIXTURE, "weights.safetensors"), variant="tiny", **NET)
    with pytest.raises(ValueError, match="precision='int4'"):
        gh.Model.from_folder(MODEL, precision="int4")
    with pytest.raises(gh.Error, match="model.json"):
        gh.Model.from_folder(str(tmp_path))
    not_image = tmp_path / "not_an_image.png"
    not_image.write_bytes(b"garbage")
    bundled = gh.Model.from_folder(MODEL)
    with pytest.raises(gh.Error, match="not_an_image.png"):
        bundled.classify(str(not_image))
    with pytest.raises(ValueError, match="top=0"):
        bundled.classify(str(not_image), top=0)
    with pytest.raises(TypeError, match="expected a list of image file names, got a int"):
        bundled.classify([1, 2])
    with pytest.raises(ValueError, match=r"expected uint8 pixels of shape \(H, W\) for a 1-channel model, got uint8 \(28, 28, 3\)"):
        bundled.preprocess(np.zeros((28, 28, 3), dtype=np.uint8))
    # pathlib paths are file names too.
    sample = pathlib.Path(MODEL) / "samples" / sorted(os.listdir(os.path.join(MODEL, "samples")))[0]
    assert bundled.classify(sample) == bundled.classify(str(sample))


def test_two_threads_at_once(fixture_model):
    rng = np.random.default_rng(5)
    inputs = [rng.standard_normal((2, 3, 200, 200), dtype=np.float32) for _ in range(2)]
    want = [fixture_model.run(x) for x in inputs]
    got = [None, None]

    def work(i):
        for _ in range(3):
            got[i] = fixture_model.run(inputs[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i in range(2):
        np.testing.assert_array_equal(got[i], want[i])


def test_benchmark_and_threads(fixture_model):
    gh.set_num_threads(1)
    assert gh.num_threads() == 1
    r = gh.benchmark(fixture_model, runs=5, warmup=1)
    assert r["runs"] == 5 and 0 < r["min_ms"] <= r["median_ms"] and r["threads"] == 1
    gh.set_num_threads(0)
    with pytest.raises(ValueError, match="runs=0"):
        gh.benchmark(fixture_model, runs=0)


def test_flush_denormals(fixture_model):
    # On by default (GHOSTNET_DENORMALS=keep turns it off); either way the fixture's logits are
    # the same (they make no denormal that reaches a logit).
    assert gh.flush_denormals() is (os.environ.get("GHOSTNET_DENORMALS") != "keep")
    x = np.load(os.path.join(FIXTURE, "input.npy"))
    before = gh.flush_denormals()
    try:
        gh.set_flush_denormals(False)
        assert gh.flush_denormals() is False
        kept = fixture_model.run(x)
        gh.set_flush_denormals(True)
        assert gh.flush_denormals() is True
        np.testing.assert_allclose(fixture_model.run(x), kept, rtol=0, atol=1e-6)
    finally:
        gh.set_flush_denormals(before)
