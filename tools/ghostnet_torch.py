"""PyTorch reference implementation of GhostNet (V1, V2, V3), built from the C++ spec.

The architecture is *not* hard-coded here: the C++ side is the single source
of truth and ``ghostnet-spec --json`` prints it.  This module turns that JSON
into an ``nn.Module`` whose module names and parameter shapes match timm's /
the official huawei-noah GhostNet exactly, so that its ``state_dict`` keys are
the tensor names the C++ loader expects.

The family (the spec's config "version"): v1 is GhostNet; v2 gives the blocks whose spec has
"dfc": true GhostNetV2's DFC attention in their first Ghost module (module ``short_conv``); v3
has V2's topology but trains (and stores) every Ghost module's primary and cheap convs, and each
stride-2 depthwise conv, as sums of branches (``primary_rpr_conv``, ``cheap_rpr_conv``,
``cheap_rpr_scale``, ``cheap_rpr_skip``, ``dw_rpr_conv``, ``dw_rpr_scale``: timm's names), which
``fold_v3_`` folds into plain convs as timm's ``switch_to_deploy`` does.

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


def dfc_short_conv(inp, oup, kernel_size, stride):
    """GhostNetV2's DFC attention branch: conv + BN, 1x5 depthwise + BN, 5x1 depthwise + BN."""
    return nn.Sequential(
        nn.Conv2d(inp, oup, kernel_size, stride, kernel_size // 2, bias=False),
        nn.BatchNorm2d(oup),
        nn.Conv2d(oup, oup, (1, 5), 1, (0, 2), groups=oup, bias=False),
        nn.BatchNorm2d(oup),
        nn.Conv2d(oup, oup, (5, 1), 1, (2, 0), groups=oup, bias=False),
        nn.BatchNorm2d(oup),
    )


def dfc_gate(short_conv, x, out):
    """out (cut to its channels) times the upsampled sigmoid of the attention of x."""
    res = short_conv(F.avg_pool2d(x, kernel_size=2, stride=2))
    return out * F.interpolate(torch.sigmoid(res), size=out.shape[-2:], mode="nearest")


class GhostModule(nn.Module):
    def __init__(self, inp, oup, kernel_size=1, ratio=2, dw_size=3, stride=1,
                 relu=True, dfc=False):
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
        self.short_conv = dfc_short_conv(inp, oup, kernel_size, stride) if dfc else None

    def forward(self, x):
        x1 = self.primary_conv(x)
        x2 = self.cheap_operation(x1)
        out = torch.cat([x1, x2], dim=1)[:, :self.oup, :, :]
        return dfc_gate(self.short_conv, x, out) if self.short_conv is not None else out


class ConvBn(nn.Module):
    """A GhostNetV3 branch: conv + BatchNorm (timm's ConvBnAct without activation)."""

    def __init__(self, inp, oup, kernel_size, stride=1, groups=1):
        super().__init__()
        self.conv = nn.Conv2d(inp, oup, kernel_size, stride, kernel_size // 2,
                              groups=groups, bias=False)
        self.bn1 = nn.BatchNorm2d(oup)

    def forward(self, x):
        return self.bn1(self.conv(x))


def fold_bn(weight, bn):
    """(kernel, bias) of conv-with-`weight` followed by `bn`, in float64."""
    std = (bn.running_var.double() + bn.eps).sqrt()
    t = bn.weight.double() / std
    return (weight.double() * t.reshape(-1, 1, 1, 1),
            bn.bias.double() - bn.running_mean.double() * t)


def fold_branches(convs, scale, skip, k, groups_in):
    """Sum of branches as one kxk kernel and bias (timm's _get_kernel_bias_*)."""
    kernel, bias = 0, 0
    for b in convs:
        w, c = fold_bn(b.conv.weight, b.bn1)
        kernel, bias = kernel + w, bias + c
    if scale is not None:
        w, c = fold_bn(scale.conv.weight, scale.bn1)
        p = (k - 1) // 2
        kernel, bias = kernel + F.pad(w, [p, p, p, p]), bias + c
    if skip is not None:
        n = skip.num_features
        ident = torch.zeros(n, groups_in, k, k, dtype=torch.float64)
        for i in range(n):
            ident[i, i % groups_in, k // 2, k // 2] = 1.0
        w, c = fold_bn(ident, skip)
        kernel, bias = kernel + w, bias + c
    return kernel, bias


def folded_conv(kernel, bias, ref):
    """An nn.Conv2d shaped as `ref` holding kernel and bias."""
    conv = nn.Conv2d(ref.in_channels, ref.out_channels, ref.kernel_size, ref.stride,
                     ref.padding, groups=ref.groups, bias=True, dtype=kernel.dtype)
    conv.weight.data.copy_(kernel)
    conv.bias.data.copy_(bias)
    return conv.to(ref.weight.dtype)


class GhostModuleV3(nn.Module):
    """GhostNetV3's Ghost module as trained: three primary conv branches; three cheap
    depthwise branches, a 1x1 scale branch and a BN identity branch; V2's DFC attention
    where `dfc`. fold() replaces the branches by the convs they sum to."""

    branches = 3

    def __init__(self, inp, oup, kernel_size=1, ratio=2, dw_size=3, stride=1,
                 relu=True, dfc=False):
        super().__init__()
        self.oup = oup
        self.dw_size = dw_size
        init = int(math.ceil(oup / ratio))
        new = init * (ratio - 1)
        self.primary_rpr_conv = nn.ModuleList(
            [ConvBn(inp, init, kernel_size, stride) for _ in range(self.branches)])
        self.primary_rpr_scale = ConvBn(inp, init, 1, stride) if kernel_size > 1 else None
        self.primary_activation = nn.ReLU(inplace=True) if relu else nn.Identity()
        self.cheap_rpr_conv = nn.ModuleList(
            [ConvBn(init, new, dw_size, 1, groups=init) for _ in range(self.branches)])
        self.cheap_rpr_scale = ConvBn(init, new, 1, 1, groups=init) if dw_size > 1 else None
        self.cheap_rpr_skip = nn.BatchNorm2d(init) if init == new else None
        self.cheap_activation = nn.ReLU(inplace=True) if relu else nn.Identity()
        self.short_conv = dfc_short_conv(inp, oup, kernel_size, stride) if dfc else None
        self.folded = None  # (primary_conv, cheap_operation) after fold()

    def fold(self):
        k = self.primary_rpr_conv[0].conv.kernel_size[0]
        w, b = fold_branches(self.primary_rpr_conv, self.primary_rpr_scale, None, k, 1)
        primary = folded_conv(w, b, self.primary_rpr_conv[0].conv)
        w, b = fold_branches(self.cheap_rpr_conv, self.cheap_rpr_scale, self.cheap_rpr_skip,
                             self.dw_size, 1)
        cheap = folded_conv(w, b, self.cheap_rpr_conv[0].conv)
        self.folded = (primary, cheap)

    def forward(self, x):
        if self.folded is not None:
            x1 = self.primary_activation(self.folded[0](x))
            x2 = self.cheap_activation(self.folded[1](x1))
        else:
            x1 = sum(b(x) for b in self.primary_rpr_conv)
            if self.primary_rpr_scale is not None:
                x1 = x1 + self.primary_rpr_scale(x)
            x1 = self.primary_activation(x1)
            x2 = sum(b(x1) for b in self.cheap_rpr_conv)
            if self.cheap_rpr_scale is not None:
                x2 = x2 + self.cheap_rpr_scale(x1)
            if self.cheap_rpr_skip is not None:
                x2 = x2 + self.cheap_rpr_skip(x1)
            x2 = self.cheap_activation(x2)
        out = torch.cat([x1, x2], dim=1)[:, :self.oup, :, :]
        return dfc_gate(self.short_conv, x, out) if self.short_conv is not None else out


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
                 se_reduce=0, ratio=2, ghost_dw=3, version="v1", dfc=False):
        super().__init__()
        self.stride = stride
        module = GhostModuleV3 if version == "v3" else GhostModule
        self.ghost1 = module(in_chs, mid_chs, ratio=ratio,
                             dw_size=ghost_dw, relu=True, dfc=dfc)
        self.conv_dw = None
        self.bn_dw = None
        self.dw_rpr_conv = None
        self.dw_rpr_scale = None
        self.dw_folded = None  # (conv,) after fold(): a tuple, so not a registered submodule
        if stride > 1 and version == "v3":
            self.dw_rpr_conv = nn.ModuleList(
                [ConvBn(mid_chs, mid_chs, dw_kernel_size, stride, groups=mid_chs)
                 for _ in range(GhostModuleV3.branches)])
            self.dw_rpr_scale = ConvBn(mid_chs, mid_chs, 1, stride, groups=mid_chs)
        elif stride > 1:
            self.conv_dw = nn.Conv2d(mid_chs, mid_chs, dw_kernel_size, stride,
                                     (dw_kernel_size - 1) // 2,
                                     groups=mid_chs, bias=False)
            self.bn_dw = nn.BatchNorm2d(mid_chs)
        self.se = SqueezeExcite(mid_chs, se_reduce) if se_reduce > 0 else None
        self.ghost2 = module(mid_chs, out_chs, ratio=ratio,
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

    def fold(self):
        """GhostNetV3: the stride-2 depthwise conv's branches as one conv (with bias)."""
        if self.dw_rpr_conv is not None:
            k = self.dw_rpr_conv[0].conv.kernel_size[0]
            w, b = fold_branches(self.dw_rpr_conv, self.dw_rpr_scale, None, k, 1)
            self.dw_folded = (folded_conv(w, b, self.dw_rpr_conv[0].conv),)

    def forward(self, x):
        residual = x
        x = self.ghost1(x)
        if self.dw_folded is not None:
            x = self.dw_folded[0](x)
        elif self.dw_rpr_conv is not None:
            x = sum(b(x) for b in self.dw_rpr_conv) + self.dw_rpr_scale(x)
        elif self.conv_dw is not None:
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
        version = spec.get("config", {}).get("version", "v1")
        if version not in ("v1", "v2", "v3"):
            raise ValueError("spec config version %r: expected v1, v2 or v3" % version)
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
                    ratio=ratio, ghost_dw=ghost_dw, version=version,
                    dfc=bool(b.get("dfc", False))))
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


@torch.no_grad()
def fold_v3_(model):
    """GhostNetV3: every module's branches folded into the convs they sum to (timm's
    switch_to_deploy), in place; the state_dict keeps the branches. A no-op for V1/V2."""
    for m in model.modules():
        if isinstance(m, (GhostModuleV3, GhostBottleneck)):
            m.fold()
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

    # GhostNetV3: a conv trained as n branches sums n BatchNorm outputs; each branch's BN
    # scale and shift are divided by sqrt(n) so the sum keeps the variance one branch has.
    for m in model.modules():
        groups = []
        if isinstance(m, GhostModuleV3):
            groups = [list(m.primary_rpr_conv) + [m.primary_rpr_scale],
                      list(m.cheap_rpr_conv) + [m.cheap_rpr_scale, m.cheap_rpr_skip]]
        elif isinstance(m, GhostBottleneck) and m.dw_rpr_conv is not None:
            groups = [list(m.dw_rpr_conv) + [m.dw_rpr_scale]]
        for group in groups:
            norms = [b.bn1 if isinstance(b, ConvBn) else b for b in group if b is not None]
            for bn in norms:
                bn.weight.mul_(1.0 / math.sqrt(len(norms)))
                bn.bias.mul_(1.0 / math.sqrt(len(norms)))

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
