#!/usr/bin/env python3
"""Probe: can x86 dot-product instructions speed up the q8 3x3 depthwise op?

One q8 3x3 depthwise conv, stride 1 (uint8 activations, int8 weights, int32 sums; no
requantization), in three algebraically equal forms, JIT-compiled by Halide for this machine:
  today  every tap a widened int16 product added to the sum: the form
         generators/depthwise_conv.cpp writes (each byte widened into its own int32 lane);
  pairs  each row's taps kx=0,1 reduced as a VectorReduce of 2 (pmaddwd / vpdpwssd pairs),
         kx=2 alone;
  quads  each row's 3 taps and a fourth of weight 0 reduced as a VectorReduce of 4 (vpdpbusd);
  lanes  64 channels' bytes as loaded, reduced four at a time (vpdpbusd) by four weight vectors
         that each keep one channel of every four (weight 0 for the other three): accumulator k
         holds channels 4i + k in lane i, so no byte is widened or shuffled before the products;
         the sums go back to channel order once, at the end (--channels a multiple of 64).
With --narrow every form ends by narrowing its sums to uint8 (saturated sum >> 8, a stand-in for
the requantization a real stage does), as a stage stores its output: the lanes form then puts
bytes back in channel order (one vpermb per 64), not int32 sums.
Checks that the other forms give today's results exactly, counts the instructions that tell
the forms apart in each one's assembly (written to --asm-dir), and times them in
alternation on one thread: per round each form's median of --runs; prints the median of the
round medians, the lowest, and today's time over each form's (median of the per-round ratios).

Not part of the build or the tests: docs/performance.md ("What Halide 21 offers, tried")
reports what it measured. Needs Halide's Python module (the venv scripts/install_deps.sh makes):
  .venv/bin/python tools/probe_depthwise_q8.py --channels 32
"""
import argparse
import pathlib
import re
import statistics
import sys
import time

import numpy as np

try:
    import halide as hl
except ImportError:
    sys.exit("probe_depthwise_q8.py: no Halide Python module: run it with the project's venv "
             "(.venv/bin/python, made by scripts/install_deps.sh)")

INSTRUCTIONS = {
    "vpdpbusd": r"vpdpbusd",
    "vpdpwssd": r"vpdpwssd",
    "vpmaddwd": r"vpmaddwd",
    "byte->int32 widenings": r"vpmov[sz]xbd",
    "shuffles": r"vpunpck|vpermt2|vpermi2|vpermw|vpermb|vpermd|vpshufb",
    "byte inserts/extracts": r"vpinsrb|vpextrb",
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--channels", type=int, default=32, help="channels (a multiple of 16; default 32)")
    ap.add_argument("--size", type=int, default=112, help="output width and height (default 112)")
    ap.add_argument("--pixels", type=int, default=8, help="pixels of a row per unrolled step (default 8)")
    ap.add_argument("--rounds", type=int, default=7, help="alternated rounds (default 7)")
    ap.add_argument("--runs", type=int, default=200, help="runs per form per round (default 200)")
    ap.add_argument("--narrow", action="store_true", help="end every form with a narrowing to uint8")
    ap.add_argument("--asm-dir", default="/tmp/probe_depthwise_q8", help="where each form's assembly goes")
    args = ap.parse_args()
    if args.channels <= 0 or args.channels % 16:
        ap.error(f"--channels {args.channels}: must be a positive multiple of 16 (one vector)")
    if args.size <= 0 or args.pixels <= 0 or args.rounds <= 0 or args.runs <= 0:
        ap.error("--size, --pixels, --rounds and --runs must be positive")
    C, W, H = args.channels, args.size, args.size
    asm_dir = pathlib.Path(args.asm_dir)
    asm_dir.mkdir(parents=True, exist_ok=True)

    target = hl.get_jit_target_from_environment()
    rng = np.random.default_rng(1)
    # The padded input, channels innermost (numpy (h, w, c) is Halide's (c, w, h)); one column
    # more than a 3x3 conv reads, for the quads' fourth tap.
    a_in = hl.Buffer(rng.integers(0, 256, size=(H + 2, W + 3, C), dtype=np.uint8))
    w_in = hl.Buffer(rng.integers(-128, 128, size=(3, 3, C), dtype=np.int8))  # (c, kx, ky)
    b_in = hl.Buffer(rng.integers(-1000, 1000, size=(C,), dtype=np.int32))
    c, x, y, ky = hl.Var("c"), hl.Var("x"), hl.Var("y"), hl.Var("ky")

    def i32(e):
        return hl.cast(hl.Int(32), e)

    def widened(w, a):
        return i32(hl.cast(hl.Int(16), w) * hl.cast(hl.Int(16), a))

    def result(s):
        return hl.cast(hl.UInt(8), hl.clamp(s >> 8, 0, 255)) if args.narrow else s

    def schedule_out(out):
        co, ci, xo, xi = hl.Var("co"), hl.Var("ci"), hl.Var("xo"), hl.Var("xi")
        out.bound(c, 0, C).bound(x, 0, W).bound(y, 0, H)
        out.split(c, co, ci, 16).split(x, xo, xi, args.pixels, hl.TailStrategy.GuardWithIf)
        out.reorder(ci, xi, co, xo, y).vectorize(ci).unroll(xi)
        return xi

    def today():
        out = hl.Func("today")
        s = b_in[c]
        for kyy in range(3):
            for kx in range(3):
                s = s + widened(w_in[c, kx, kyy], a_in[c, x + kx, y + kyy])
        out[c, x, y] = result(s)
        schedule_out(out)
        return out

    def reduced(name, taps):
        # taps 2 (pairs) or 4 (quads): each row's first `taps` taps, past kx = 2 of weight 0,
        # reduced by an RDom vectorized inside the channel vector.
        r = hl.RDom([(0, taps)], "r")
        w = hl.Func(name + "_w")
        w[c, x, ky] = hl.select(x < 3, w_in[c, hl.min(x, 2), ky], hl.cast(hl.Int(8), 0))
        part = hl.Func(name + "_part")
        part[c, ky, x, y] = hl.i32(0)
        part[c, ky, x, y] += i32(w[c, r.x, ky]) * i32(a_in[c, x + r.x, y + ky])
        out = hl.Func(name)
        s = b_in[c]
        for kyy in range(3):
            s = s + part[c, kyy, x, y]
            if taps == 2:
                s = s + widened(w_in[c, 2, kyy], a_in[c, x + 2, y + kyy])
        out[c, x, y] = result(s)
        xi = schedule_out(out)
        w.compute_root()
        part.compute_at(out, xi).vectorize(c).unroll(ky)
        part.update().reorder(r.x, c, ky).atomic().vectorize(r.x).vectorize(c).unroll(ky)
        return out

    def lanes():
        # Channel 64g + 4i + k of an output is lane i of accumulator k of block g.
        j, i, k, g, kx, ky = (hl.Var(n) for n in ("j", "i", "k", "g", "kx", "ky"))
        w = hl.Func("lanes_w")
        w[j, i, k, g, kx, ky] = hl.select(j == k, w_in[64 * g + 4 * i + j, kx, ky], hl.cast(hl.Int(8), 0))
        r = hl.RDom([(0, 4), (0, 3), (0, 3)], "r")
        part = hl.Func("lanes_part")
        part[i, k, g, x, y] = b_in[64 * g + 4 * i + k]
        part[i, k, g, x, y] += i32(w[r.x, i, k, g, r.y, r.z]) * i32(a_in[64 * g + 4 * i + r.x, x + r.y, y + r.z])
        done = hl.Func("lanes_result")
        done[i, k, g, x, y] = result(part[i, k, g, x, y])
        out = hl.Func("lanes")
        out[c, x, y] = done[(c % 64) // 4, c % 4, c // 64, x, y]
        co, ci, xo, xi = hl.Var("co"), hl.Var("ci"), hl.Var("xo"), hl.Var("xi")
        out.bound(c, 0, C).bound(x, 0, W).bound(y, 0, H)
        out.split(c, co, ci, 64).split(x, xo, xi, args.pixels, hl.TailStrategy.GuardWithIf)
        out.reorder(ci, xi, co, xo, y).vectorize(ci).unroll(xi)
        w.compute_root().bound(j, 0, 4).bound(i, 0, 16).bound(k, 0, 4).bound(kx, 0, 3).bound(ky, 0, 3)
        done.compute_at(out, xi).bound_storage(i, 16).vectorize(i).unroll(k)
        part.compute_at(out, xi).vectorize(i).unroll(k)
        part.update().reorder(r.x, i, k, r.y, r.z).atomic().vectorize(r.x).vectorize(i).unroll(k)
        part.update().unroll(r.y).unroll(r.z)
        return out

    forms = {"today": today(), "pairs": reduced("pairs", 2), "quads": reduced("quads", 4)}
    if C % 64 == 0:
        forms["lanes"] = lanes()
    else:
        print(f"lanes: not run (--channels {C} is not a multiple of 64)")
    for name, f in forms.items():
        f.compile_to_assembly(str(asm_dir / f"{name}.s"), [], name, target)
        f.compile_jit(target)
    out = {name: np.asarray(f.realize([C, W, H])) for name, f in forms.items()}
    print(f"q8 3x3 depthwise, {C} channels, {W}x{H}, stride 1{', narrowed to uint8' if args.narrow else ''}; "
          f"target {target}")
    what = "uint8 results" if args.narrow else "int32 sums"
    for name in forms:
        if name == "today":
            continue
        same = np.array_equal(out["today"], out[name])
        print(f"{name}: {what} {'equal to' if same else 'DIFFERENT FROM'} today's")
        if not same:
            return 1
    print("instructions in each form's assembly (" + str(asm_dir) + "):")
    print("| form | " + " | ".join(INSTRUCTIONS) + " |")
    for name in forms:
        text = (asm_dir / f"{name}.s").read_text()
        counts = [len(re.findall(p, text)) for p in INSTRUCTIONS.values()]
        print(f"| {name} | " + " | ".join(map(str, counts)) + " |")

    buf = hl.Buffer(hl.UInt(8) if args.narrow else hl.Int(32), [C, W, H])
    rounds = {name: [] for name in forms}
    for i in range(args.rounds):
        for name, f in forms.items():
            times = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                f.realize(buf)
                times.append(time.perf_counter() - t0)
            rounds[name].append(statistics.median(times) * 1e3)
        print(f"round {i + 1}/{args.rounds} done", file=sys.stderr)
    print(f"1 thread, {args.rounds} rounds of {args.runs} runs in alternation:")
    for name, ms in rounds.items():
        ratio = statistics.median(t / m for t, m in zip(rounds["today"], ms))
        print(f"{name}: median {statistics.median(ms):.4f} ms, min {min(ms):.4f} ms, today / {name} {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
