"""PyTorch reference implementation of GhostNet, built from the C++ spec.

The architecture is *not* hard-coded here: the C++ side is the single source
of truth and ``ghostnet-spec --json`` prints it.  This module turns that JSON
into an ``nn.Module`` whose module names and parameter shapes match timm's /
the official huawei-noah GhostNet exactly, so that its ``state_dict`` keys are
the tensor names the C++ loader expects.

Public API:
    load_spec(path_or_cmd)     -> dict   (JSON file, JSON text, or a command)
    build_from_spec(spec)      -> nn.Module (asserts names/shapes vs spec["tensors"])
    randomize_(model, seed)    -> model  (random weights + non-trivial BN stats)
    check_against_spec(model, spec)      (raises ValueError listing differences)
"""

import json
import math
import os
import shlex
import subprocess

import torch
import torch.nn as nn
import torch.nn.functional as F


# --------------------------------------------------------------------------
# Spec loading
# --------------------------------------------------------------------------

def load_spec(path_or_cmd):
    """Load a spec dict.

    ``path_or_cmd`` may be
      * a dict (returned unchanged),
      * a path to a JSON file,
      * a JSON string (starting with '{'),
      * a command (string or list), e.g.
        ``"build/ghostnet-spec --width 0.5 --size 200 --classes 100 --json"``;
        it is run and its stdout parsed as JSON.
    """
    if isinstance(path_or_cmd, dict):
        return path_or_cmd
    if isinstance(path_or_cmd, (list, tuple)):
        argv = [str(a) for a in path_or_cmd]
    else:
        s = str(path_or_cmd).strip()
        if s.startswith("{"):
            return json.loads(s)
        if os.path.isfile(s):
            with open(s, "r") as f:
                return json.load(f)
        argv = shlex.split(s)
    if not argv:
        raise ValueError("empty spec command")
    try:
        res = subprocess.run(argv, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, check=False)
    except OSError as e:
        raise RuntimeError("could not run spec command %r: %s"
                           % (" ".join(argv), e)) from e
    if res.returncode != 0:
        raise RuntimeError("spec command %r failed (exit %d):\n%s"
                           % (" ".join(argv), res.returncode,
                              res.stderr.decode(errors="replace")))
    out = res.stdout.decode()
    try:
        return json.loads(out)
    except json.JSONDecodeError as e:
        raise RuntimeError("spec command %r did not print valid JSON: %s\n"
                           "first 500 chars of stdout:\n%s"
                           % (" ".join(argv), e, out[:500])) from e


# --------------------------------------------------------------------------
# Modules (names follow timm / huawei-noah ghostnet)
# --------------------------------------------------------------------------

def hard_sigmoid(x):
    return F.relu6(x + 3.0) / 6.0


class GhostModule(nn.Module):
    def __init__(self, inp, oup, kernel_size=1, ratio=2, dw_size=3, stride=1,
                 relu=True):
        super().__init__()
        self.oup = oup
        init_channels = int(math.ceil(oup / ratio))
        new_channels = init_channels * (ratio - 1)
        self.primary_conv = nn.Sequential(
            nn.Conv2d(inp, init_channels, kernel_size, stride,
                      kernel_size // 2, bias=False),
            nn.BatchNorm2d(init_channels),
            nn.ReLU(inplace=True) if relu else nn.Sequential(),
        )
        self.cheap_operation = nn.Sequential(
            nn.Conv2d(init_channels, new_channels, dw_size, 1, dw_size // 2,
                      groups=init_channels, bias=False),
            nn.BatchNorm2d(new_channels),
            nn.ReLU(inplace=True) if relu else nn.Sequential(),
        )

    def forward(self, x):
        x1 = self.primary_conv(x)
        x2 = self.cheap_operation(x1)
        out = torch.cat([x1, x2], dim=1)
        return out[:, :self.oup, :, :]


class SqueezeExcite(nn.Module):
    def __init__(self, chs, reduced):
        super().__init__()
        self.conv_reduce = nn.Conv2d(chs, reduced, 1, bias=True)
        self.act1 = nn.ReLU(inplace=True)
        self.conv_expand = nn.Conv2d(reduced, chs, 1, bias=True)

    def forward(self, x):
        s = x.mean((2, 3), keepdim=True)
        s = self.conv_reduce(s)
        s = self.act1(s)
        s = self.conv_expand(s)
        return x * hard_sigmoid(s)


class GhostBottleneck(nn.Module):
    def __init__(self, in_chs, mid_chs, out_chs, dw_kernel_size=3, stride=1,
                 se_reduce=0, ratio=2, ghost_dw=3):
        super().__init__()
        self.stride = stride
        self.ghost1 = GhostModule(in_chs, mid_chs, ratio=ratio,
                                  dw_size=ghost_dw, relu=True)
        if stride > 1:
            self.conv_dw = nn.Conv2d(mid_chs, mid_chs, dw_kernel_size, stride,
                                     (dw_kernel_size - 1) // 2,
                                     groups=mid_chs, bias=False)
            self.bn_dw = nn.BatchNorm2d(mid_chs)
        else:
            self.conv_dw = None
            self.bn_dw = None
        self.se = SqueezeExcite(mid_chs, se_reduce) if se_reduce > 0 else None
        self.ghost2 = GhostModule(mid_chs, out_chs, ratio=ratio,
                                  dw_size=ghost_dw, relu=False)
        if in_chs == out_chs and stride == 1:
            self.shortcut = nn.Sequential()
        else:
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_chs, in_chs, dw_kernel_size, stride,
                          (dw_kernel_size - 1) // 2, groups=in_chs,
                          bias=False),
                nn.BatchNorm2d(in_chs),
                nn.Conv2d(in_chs, out_chs, 1, 1, 0, bias=False),
                nn.BatchNorm2d(out_chs),
            )

    def forward(self, x):
        residual = x
        x = self.ghost1(x)
        if self.conv_dw is not None:
            x = self.bn_dw(self.conv_dw(x))
        if self.se is not None:
            x = self.se(x)
        x = self.ghost2(x)
        return x + self.shortcut(residual)


class ConvBnAct(nn.Module):
    def __init__(self, in_chs, out_chs, kernel_size=1, stride=1):
        super().__init__()
        self.conv = nn.Conv2d(in_chs, out_chs, kernel_size, stride,
                              kernel_size // 2, bias=False)
        self.bn1 = nn.BatchNorm2d(out_chs)
        self.act1 = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.act1(self.bn1(self.conv(x)))


class GhostNet(nn.Module):
    def __init__(self, spec):
        super().__init__()
        ratio = int(spec.get("ghost_ratio", 2))
        ghost_dw = int(spec.get("ghost_dw_kernel", 3))
        stem = spec["stem"]
        k = int(stem["k"])
        self.conv_stem = nn.Conv2d(int(stem["cin"]), int(stem["cout"]), k,
                                   int(stem["stride"]), k // 2, bias=False)
        self.bn1 = nn.BatchNorm2d(int(stem["cout"]))
        self.act1 = nn.ReLU(inplace=True)

        stages = []
        for stage in spec["stages"]:
            layers = []
            for b in stage:
                layers.append(GhostBottleneck(
                    int(b["in"]), int(b["mid"]), int(b["out"]), int(b["k"]),
                    int(b["stride"]), int(b.get("se_reduce", 0)),
                    ratio=ratio, ghost_dw=ghost_dw))
            stages.append(nn.Sequential(*layers))
        head = spec["head"]
        stages.append(nn.Sequential(ConvBnAct(int(head["cin"]),
                                              int(head["cout"]), 1)))
        self.blocks = nn.Sequential(*stages)

        feature = int(spec["feature"])
        num_classes = int(spec.get("num_classes",
                                   spec.get("config", {}).get("num_classes")))
        self.global_pool = nn.AdaptiveAvgPool2d(1)
        self.conv_head = nn.Conv2d(int(head["cout"]), feature, 1, 1, 0,
                                   bias=True)
        self.act2 = nn.ReLU(inplace=True)
        self.flatten = nn.Flatten(1)
        self.classifier = nn.Linear(feature, num_classes)

    def forward(self, x):
        x = self.act1(self.bn1(self.conv_stem(x)))
        x = self.blocks(x)
        x = self.global_pool(x)
        x = self.act2(self.conv_head(x))
        x = self.flatten(x)
        return self.classifier(x)


# --------------------------------------------------------------------------
# Building / checking
# --------------------------------------------------------------------------

def expected_tensors(model):
    """name -> shape of every state_dict entry except num_batches_tracked."""
    return {k: tuple(v.shape) for k, v in model.state_dict().items()
            if not k.endswith("num_batches_tracked")}


def check_against_spec(model, spec):
    """Raise ValueError if the model's tensors differ from spec["tensors"]."""
    if "tensors" not in spec:
        raise ValueError("spec has no 'tensors' list")
    ours = expected_tensors(model)
    theirs = {}
    dups = []
    for t in spec["tensors"]:
        if t["name"] in theirs:
            dups.append(t["name"])
        theirs[t["name"]] = tuple(int(d) for d in t["shape"])
    only_model = sorted(set(ours) - set(theirs))
    only_spec = sorted(set(theirs) - set(ours))
    shape_diff = sorted(n for n in set(ours) & set(theirs)
                        if ours[n] != theirs[n])
    if not (only_model or only_spec or shape_diff or dups):
        return
    lines = ["PyTorch model does not match spec['tensors']:"]
    if dups:
        lines.append("  duplicate names in spec (%d):" % len(dups))
        lines += ["    %s" % n for n in dups]
    if only_model:
        lines.append("  in PyTorch model but not in spec (%d):" % len(only_model))
        lines += ["    %s %s" % (n, list(ours[n])) for n in only_model]
    if only_spec:
        lines.append("  in spec but not in PyTorch model (%d):" % len(only_spec))
        lines += ["    %s %s" % (n, list(theirs[n])) for n in only_spec]
    if shape_diff:
        lines.append("  shape mismatches (%d):" % len(shape_diff))
        lines += ["    %s: model %s vs spec %s"
                  % (n, list(ours[n]), list(theirs[n])) for n in shape_diff]
    raise ValueError("\n".join(lines))


def build_from_spec(spec, check=True):
    """Build a GhostNet nn.Module from a spec dict (or anything load_spec takes)."""
    spec = load_spec(spec)
    model = GhostNet(spec)
    if check:
        check_against_spec(model, spec)
    return model


def count_params(model):
    return sum(p.numel() for p in model.parameters())


# --------------------------------------------------------------------------
# Randomization
# --------------------------------------------------------------------------

@torch.no_grad()
def randomize_(model, seed=0, calibrate=True, input_shape=None,
               bn_mean=0.5, bn_var=(0.5, 2.0), bn_weight=(0.5, 1.5),
               bn_bias=0.3, logit_gain=4.0):
    """Deterministically fill ``model`` with random weights, in place.

    * Conv / Linear weights: normal, He scale sqrt(2 / fan_in) (fan_in counts
      input channels per group times kernel area); the classifier uses
      ``logit_gain * sqrt(1 / fan_in)`` (default 4, which gives logits with
      std ~2-3 for GhostNet; see tools/README.md).
    * Conv / Linear biases: U(-0.1, 0.1).
    * BatchNorm: weight ~ U(*bn_weight), bias ~ U(-bn_bias, bn_bias), and
        - calibrate=False: running_mean ~ U(-bn_mean, bn_mean),
          running_var ~ U(*bn_var)  (raw values; activations then grow
          geometrically with depth -- logits of order 1e4..1e5 for GhostNet);
        - calibrate=True (default): one forward pass on a random input
          (``input_shape``, default (1, C, 224, 224) with C taken from the
          first conv) measures each BN input's per-channel mean m and std s,
          in forward order, and sets running_mean = m + s * U(-bn_mean,
          bn_mean), running_var = s^2 * U(*bn_var).  So BN is still far from
          identity (the folded scale w/sqrt(var) and shift vary a lot per
          channel) but activations stay O(1) through the whole depth.

    Only torch.Generators seeded from ``seed`` are used, so results do not
    depend on the global RNG state.  Returns ``model``.
    """
    g = torch.Generator().manual_seed(int(seed))

    def rand_like(t):
        return torch.rand(t.shape, generator=g, dtype=torch.float64)

    def normal_(t, std):
        t.copy_(torch.randn(t.shape, generator=g, dtype=torch.float64) * std)

    def uniform_(t, lo, hi):
        t.copy_(rand_like(t) * (hi - lo) + lo)

    bns = []
    first_conv = None
    # named_modules() iterates in a fixed (definition) order.
    for name, m in model.named_modules():
        if isinstance(m, nn.Conv2d):
            if first_conv is None:
                first_conv = m
            fan_in = (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]
            normal_(m.weight, math.sqrt(2.0 / fan_in))
            if m.bias is not None:
                uniform_(m.bias, -0.1, 0.1)
        elif isinstance(m, nn.Linear):
            normal_(m.weight, logit_gain * math.sqrt(1.0 / m.in_features))
            if m.bias is not None:
                uniform_(m.bias, -0.1, 0.1)
        elif isinstance(m, nn.BatchNorm2d):
            uniform_(m.weight, bn_weight[0], bn_weight[1])
            uniform_(m.bias, -bn_bias, bn_bias)
            # Draw the stat perturbations now so the RNG stream is fixed
            # regardless of calibration.
            u_mean = rand_like(m.running_mean) * (2 * bn_mean) - bn_mean
            u_var = rand_like(m.running_var) * (bn_var[1] - bn_var[0]) + bn_var[0]
            bns.append((m, u_mean, u_var))
            if not calibrate:
                m.running_mean.copy_(u_mean)
                m.running_var.copy_(u_var)
            if m.num_batches_tracked is not None:
                m.num_batches_tracked.zero_()

    if not calibrate:
        return model

    if input_shape is None:
        c = first_conv.in_channels if first_conv is not None else 3
        input_shape = (1, c, 224, 224)
    pending = {id(m): (u_mean, u_var) for m, u_mean, u_var in bns}

    def pre_hook(mod, inputs):
        key = id(mod)
        if key not in pending:
            return
        u_mean, u_var = pending.pop(key)
        x = inputs[0].detach().double()
        mu = x.mean(dim=(0, 2, 3))
        var = x.var(dim=(0, 2, 3), unbiased=False)
        # Guard against (near-)constant channels, e.g. fed by dead ReLUs.
        floor = max(1e-2 * float(var.median()), 1e-6)
        var = var.clamp_min(floor)
        mod.running_mean.copy_(mu + var.sqrt() * u_mean)
        mod.running_var.copy_(var * u_var)

    # Calibrate in float64 (parameters round-trip losslessly float32 ->
    # float64 -> float32) so the result hardly depends on thread count.
    was_training = model.training
    orig_dtype = next(model.parameters()).dtype
    handles = [m.register_forward_pre_hook(pre_hook) for m, _, _ in bns]
    try:
        model.eval()
        model.double()
        gx = torch.Generator().manual_seed(int(seed) + 0x5EED)
        x = torch.randn(tuple(input_shape), generator=gx, dtype=torch.float64)
        model(x)
    finally:
        for h in handles:
            h.remove()
        model.to(orig_dtype)
        model.train(was_training)
    if pending:
        raise RuntimeError("%d BatchNorm layers were not reached during "
                           "calibration" % len(pending))
    return model


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser(description="Build GhostNet from a spec and "
                                 "print a summary.")
    ap.add_argument("--spec", required=True,
                    help="JSON file or command printing the spec JSON")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--num-threads", type=int, default=1)
    ap.add_argument("--no-calibrate", action="store_true",
                    help="raw random BN stats (activations explode)")
    args = ap.parse_args()
    torch.set_num_threads(args.num_threads)
    spec = load_spec(args.spec)
    c = int(spec["stem"]["cin"])
    s = int(spec.get("config", {}).get("input_size", 224))
    m = build_from_spec(spec).eval()
    randomize_(m, args.seed, calibrate=not args.no_calibrate,
               input_shape=(1, c, s, s))
    print("config:", json.dumps(spec.get("config", {})))
    print("params: %d (%.3fM)" % (count_params(m), count_params(m) / 1e6))
    x = torch.randn(1, c, s, s, generator=torch.Generator().manual_seed(args.seed))
    with torch.no_grad():
        y = m(x)
    print("logits: shape %s mean %.4f std %.4f absmax %.4f"
          % (list(y.shape), y.mean().item(), y.std().item(), y.abs().max().item()))
