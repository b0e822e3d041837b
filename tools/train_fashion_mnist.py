"""Train the small GhostNet on Fashion-MNIST and write the bundled model.

The architecture comes from the C++ spec tool
(``build/ghostnet-spec --variant small --size 32 --channels 1 --classes 10
--width W --json``), so the tensor names and shapes are exactly what the C++
loader expects.

Preprocessing (the C++ app reproduces it exactly):
    uint8 28x28 -> x / 255 -> bilinear resize to 32x32
    (F.interpolate(mode='bilinear', align_corners=False, antialias=False))
    -> (x - 0.2860) / 0.3530
Training augmentation (applied after the resize, before normalizing): random
horizontal flip and a random translation of up to --shift pixels (zero
padding, then a random 32x32 crop); optional random erasing (--erase).

Output directory (--out, default models/fashion_mnist):
    weights.safetensors   timm tensor names, F32, __metadata__
    labels.txt            10 class names
    model.json            architecture, preprocessing, accuracy, command
    samples/              first 3 test images of each class as 28x28 PNGs,
                          plus expected.tsv (PyTorch's predictions)
    README.md

The defaults are the bundled model's recipe (about 40 minutes on 2 cores):
    /usr/bin/python3 tools/train_fashion_mnist.py
"""

import argparse
import copy
import gzip
import json
import math
import os
import re
import shlex
import struct
import subprocess
import sys
import time
import zlib

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ghostnet_torch  # noqa: E402
import safetensors_io  # noqa: E402

MEAN = 0.2860
STD = 0.3530
SIZE = 32
LABELS = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
          "Shirt", "Sneaker", "Bag", "Ankle boot"]

DEFAULT_WIDTH = 0.5
DEFAULT_EPOCHS = 16


def log(msg):
    print(msg, flush=True)


# --------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------

def read_idx(path):
    """Read an IDX file (optionally gzipped) into a numpy array."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    zero, dtype_code, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or dtype_code != 0x08:
        raise ValueError("%s: not an unsigned-byte IDX file" % path)
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    arr = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    if arr.size != int(np.prod(dims)):
        raise ValueError("%s: size mismatch" % path)
    return arr.reshape(dims)


def load_split(data_dir, split):
    prefix = "train" if split == "train" else "t10k"
    images = read_idx(os.path.join(data_dir, prefix + "-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(data_dir, prefix + "-labels-idx1-ubyte.gz"))
    if images.shape[0] != labels.shape[0]:
        raise ValueError("image/label count mismatch in %s" % split)
    return images, labels.astype(np.int64)


@torch.no_grad()
def resize01(images_u8, chunk=5000):
    """uint8 (N,28,28) -> float32 (N,1,32,32) in [0,1], bilinear, not normalized."""
    out = []
    for i in range(0, images_u8.shape[0], chunk):
        x = torch.from_numpy(images_u8[i:i + chunk].astype(np.float32))
        x = (x / 255.0).unsqueeze(1)
        x = F.interpolate(x, size=(SIZE, SIZE), mode="bilinear",
                          align_corners=False, antialias=False)
        out.append(x)
    return torch.cat(out, 0).contiguous()


def normalize(x):
    return (x - MEAN) / STD


def preprocess(images_u8):
    """The exact eval preprocessing: uint8 (N,28,28) -> float32 (N,1,32,32)."""
    return normalize(resize01(images_u8))


def augment(x, gen, shift, erase_p):
    """x: (B,1,S,S) in [0,1] (before normalizing). Returns a new tensor."""
    b, c, h, w = x.shape
    flip = torch.rand(b, generator=gen) < 0.5
    x = torch.where(flip.view(b, 1, 1, 1), x.flip(3), x)
    if shift > 0:
        xp = F.pad(x, (shift, shift, shift, shift))  # zeros (= black pixels)
        dy = torch.randint(0, 2 * shift + 1, (b,), generator=gen)
        dx = torch.randint(0, 2 * shift + 1, (b,), generator=gen)
        rows = (dy.view(b, 1) + torch.arange(h).view(1, h))  # (b,h)
        cols = (dx.view(b, 1) + torch.arange(w).view(1, w))  # (b,w)
        bi = torch.arange(b).view(b, 1, 1)
        x = xp[bi, 0, rows.view(b, h, 1), cols.view(b, 1, w)].unsqueeze(1)
    if erase_p > 0:
        # Random erasing (zero-valued rectangle), area 2%..25% of the image.
        x = x.clone()
        do = torch.rand(b, generator=gen) < erase_p
        area = torch.empty(b).uniform_(0.02, 0.25, generator=gen) * h * w
        logr = torch.empty(b).uniform_(math.log(0.3), math.log(3.3),
                                       generator=gen)
        ratio = torch.exp(logr)
        eh = torch.sqrt(area * ratio).round().clamp(1, h - 1).long()
        ew = torch.sqrt(area / ratio).round().clamp(1, w - 1).long()
        u = torch.rand(b, generator=gen)
        v = torch.rand(b, generator=gen)
        for i in torch.nonzero(do).flatten().tolist():
            y0 = int(u[i] * (h - eh[i] + 1))
            x0 = int(v[i] * (w - ew[i] + 1))
            x[i, :, y0:y0 + eh[i], x0:x0 + ew[i]] = 0.0
    return x


# --------------------------------------------------------------------------
# PNG writer (8-bit grayscale, color type 0)
# --------------------------------------------------------------------------

def write_png_gray(path, img):
    img = np.ascontiguousarray(img, dtype=np.uint8)
    h, w = img.shape
    raw = b"".join(b"\x00" + img[y].tobytes() for y in range(h))

    def chunk(tag, data):
        body = tag + data
        return (struct.pack(">I", len(data)) + body +
                struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF))

    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9))
    png += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def slug(name):
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


# --------------------------------------------------------------------------
# Training
# --------------------------------------------------------------------------

def param_groups(model, weight_decay):
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        # BN weights/biases and all biases: 1-D tensors.
        if p.ndim <= 1:
            no_decay.append(p)
        else:
            decay.append(p)
    return [{"params": decay, "weight_decay": weight_decay},
            {"params": no_decay, "weight_decay": 0.0}]


class Ema:
    """An exponential moving average of every float tensor of a model's state (weights and
    BatchNorm statistics), updated after each optimizer step."""

    def __init__(self, model, decay):
        self.model = copy.deepcopy(model).eval()
        for p in self.model.parameters():
            p.requires_grad_(False)
        self.decay = decay
        # state_dict() tensors share storage with the parameters and buffers the optimizer
        # and BatchNorm update in place, so the pairs are made once.
        live, mine = model.state_dict(), self.model.state_dict()
        self.floats = [(mine[k], live[k]) for k in mine if mine[k].dtype.is_floating_point]
        self.others = [(mine[k], live[k]) for k in mine if not mine[k].dtype.is_floating_point]

    @torch.no_grad()
    def update(self):
        ema = [e for e, _ in self.floats]
        torch._foreach_mul_(ema, self.decay)
        torch._foreach_add_(ema, [l for _, l in self.floats], alpha=1 - self.decay)
        for e, l in self.others:
            e.copy_(l)


def lr_at(step, total, warmup, peak, final_frac=0.0):
    if step < warmup:
        return peak * (step + 1) / warmup
    t = (step - warmup) / max(1, total - warmup)
    return peak * (final_frac + (1 - final_frac) * 0.5 * (1 + math.cos(math.pi * t)))


@torch.no_grad()
def evaluate(model, x, y, batch=250):
    model.eval()
    correct = 0
    probs = []
    for i in range(0, x.shape[0], batch):
        logits = model(x[i:i + batch])
        correct += int((logits.argmax(1) == y[i:i + batch]).sum())
        probs.append(F.softmax(logits, 1))
    return 100.0 * correct / x.shape[0], torch.cat(probs, 0)


def write_readme(path, args, cmd, acc_str, wall, size, epoch_log, spec, q8_cmd):
    lines = [
        "# GhostNet-small, Fashion-MNIST",
        "",
        "A GhostNet (`variant small`: stem stride 1 and one downsampling fewer, so",
        "32x32 inputs end at 4x4 before the head) of width %g, trained from scratch"
        % args.width,
        "on the 60,000 Fashion-MNIST training images by `tools/train_fashion_mnist.py`.",
        "%d parameters; the architecture is `build/ghostnet-spec --variant small "
        "--size 32 --channels 1 --classes 10 --width %g`." % (
            int(spec.get("parameters", 0)), args.width),
        "",
        "**Top-1 accuracy on the 10,000 test images (PyTorch, float32): %s%%.**"
        % acc_str,
        "",
        "| file | what |",
        "|---|---|",
        "| `weights.safetensors` | F32 tensors with timm / huawei-noah GhostNet names "
        "(BatchNorm not folded), %d bytes |" % size,
    ] + ([
        "| `weights_q8.safetensors` | its q8 model (`ghostnet-quantize %s`; docs/q8.md) |"
        % " ".join(q8_cmd),
    ] if q8_cmd else []) + [
        "| `labels.txt` | the 10 class names, in class-index order |",
        "| `model.json` | architecture, preprocessing, accuracy, training command |",
        "| `samples/` | the first 3 test images of each class (28x28 8-bit grayscale "
        "PNG, named `<test index>_<label>.png`) and `expected.tsv`: true label, "
        "PyTorch's predicted label and its softmax probability |",
        "",
        "## Preprocessing",
        "",
        "uint8 28x28 grayscale -> x / 255 -> bilinear resize to 32x32 (PyTorch "
        "`F.interpolate(mode='bilinear', align_corners=False, antialias=False)`, "
        "i.e. half-pixel centers, no antialiasing) -> (x - %.4f) / %.4f. One input "
        "channel. The mean and std are fixed constants (about the training set's)."
        % (MEAN, STD),
        "",
        "## Training",
        "",
        "SGD, Nesterov momentum %g, batch %d, peak LR %g with %g epoch(s) of linear "
        "warmup then cosine decay to 0 (per step), weight decay %g on conv/linear "
        "weights only, label smoothing %g; augmentation: random horizontal flip and "
        "a random translation of up to %d pixels (zero padding, after the resize, "
        "before normalizing)%s.%s Seed %d; data order and augmentation come from "
        "seeded torch generators."
        % (args.momentum, args.batch, args.lr, args.warmup_epochs,
           args.weight_decay, args.label_smoothing, args.shift,
           (", random erasing p=%g" % args.erase) if args.erase > 0 else "",
           (" The saved weights are an exponential moving average (decay %g per step) "
            "of the weights and BatchNorm statistics; the accuracies below are "
            "the average's." % args.ema) if args.ema > 0 else "",
           args.seed),
        "",
        "Retrain (from the repository root, after building `ghostnet-spec` and "
        "`ghostnet-quantize`, which makes the q8 model at the end):",
        "",
        "```sh",
        "/usr/bin/python3 %s --threads %d --out %s" % (cmd, args.threads, args.out),
        "```",
        "",
        "Measured: %.1f minutes wall clock with %d threads on a 2-core machine "
        "(torch %s), %d epochs:" % (wall / 60, args.threads,
                                     torch.__version__, len(epoch_log)),
        "",
        "| epoch | train loss | test top-1 (%) | epoch time (s) |",
        "|---|---|---|---|",
    ]
    for e, l, a, t in epoch_log:
        lines.append("| %d | %.4f | %.2f | %.0f |" % (e, l, a, t))
    lines += [
        "",
        "Results are reproducible for a given seed and thread count up to "
        "floating-point summation order (multithreaded reductions).",
        "",
        "## Data and licence",
        "",
        "Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017; "
        "https://github.com/zalandoresearch/fashion-mnist) by Zalando Research, "
        "MIT licence. The sample PNGs are unmodified Fashion-MNIST test images.",
        "",
    ]
    with open(path, "w") as f:
        f.write("\n".join(lines))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data-dir", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--spec-cmd", default="build/ghostnet-spec",
                    help="path of the ghostnet-spec binary")
    ap.add_argument("--width", type=float, default=DEFAULT_WIDTH)
    ap.add_argument("--epochs", type=int, default=DEFAULT_EPOCHS)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=0.05, help="peak learning rate")
    ap.add_argument("--warmup-epochs", type=float, default=0.5)
    ap.add_argument("--momentum", type=float, default=0.9)
    ap.add_argument("--weight-decay", type=float, default=5e-4)
    ap.add_argument("--label-smoothing", type=float, default=0.1)
    ap.add_argument("--shift", type=int, default=2,
                    help="max random translation in pixels")
    ap.add_argument("--erase", type=float, default=0.0,
                    help="random erasing probability (0 = off)")
    ap.add_argument("--ema", type=float, default=0.998,
                    help="keep an exponential moving average of the weights (and BN statistics) "
                         "with this decay per step, evaluate and save it (0 = off)")
    ap.add_argument("--quantize", default="build/ghostnet-quantize",
                    help="ghostnet-quantize, to make the q8 model (weights_q8.safetensors) of "
                         "the trained weights, calibrated on the first 1,000 training images "
                         "(\"\": none)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default="models/fashion_mnist")
    ap.add_argument("--time-batches", type=int, default=0,
                    help="only time this many training batches, then exit")
    ap.add_argument("--limit-train", type=int, default=0,
                    help="use only the first N training images (smoke tests)")
    args = ap.parse_args()

    t_start = time.time()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)

    spec_argv = shlex.split(args.spec_cmd) + [
        "--variant", "small", "--size", str(SIZE), "--channels", "1",
        "--classes", str(len(LABELS)), "--width", "%g" % args.width, "--json"]
    spec = ghostnet_torch.load_spec(spec_argv)
    model = ghostnet_torch.build_from_spec(spec)
    log("spec: %s" % " ".join(spec_argv))
    log("config: %s" % json.dumps(spec.get("config", {})))
    log("params: %d" % ghostnet_torch.count_params(model))

    tr_img, tr_lab = load_split(args.data_dir, "train")
    if args.limit_train > 0:
        tr_img, tr_lab = tr_img[:args.limit_train], tr_lab[:args.limit_train]
    te_img, te_lab = load_split(args.data_dir, "test")
    log("data: train %s test %s" % (tr_img.shape, te_img.shape))
    tr_x01 = resize01(tr_img)            # [0,1], augmented per batch
    tr_y = torch.from_numpy(tr_lab)
    te_x = preprocess(te_img)            # exact eval preprocessing
    te_y = torch.from_numpy(te_lab)

    gen = torch.Generator().manual_seed(args.seed + 1)  # data order + aug
    n = tr_x01.shape[0]
    steps_per_epoch = n // args.batch  # drop the last partial batch
    total = steps_per_epoch * args.epochs
    warmup = int(round(args.warmup_epochs * steps_per_epoch))
    opt = torch.optim.SGD(param_groups(model, args.weight_decay), lr=args.lr,
                          momentum=args.momentum, nesterov=True)
    crit = nn.CrossEntropyLoss(label_smoothing=args.label_smoothing)
    ema = Ema(model, args.ema) if args.ema > 0 else None

    def train_step(xb, yb):
        loss = crit(model(xb), yb)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        if ema:
            ema.update()
        return loss

    if args.time_batches > 0:
        model.train()
        perm = torch.randperm(n, generator=gen)
        t0 = time.time()
        for s in range(args.time_batches):
            idx = perm[s * args.batch:(s + 1) * args.batch]
            xb = normalize(augment(tr_x01[idx], gen, args.shift, args.erase))
            train_step(xb, tr_y[idx])
        dt = time.time() - t0
        te0 = time.time()
        evaluate(model, te_x, te_y)
        te = time.time() - te0
        log("%d batches in %.1fs: %.3fs/batch -> %.1fs per %d-batch epoch; "
            "eval %.1fs; est. per epoch incl. eval %.1fs"
            % (args.time_batches, dt, dt / args.time_batches,
               dt / args.time_batches * steps_per_epoch, steps_per_epoch, te,
               dt / args.time_batches * steps_per_epoch + te))
        return

    step = 0
    acc = 0.0
    epoch_log = []
    for epoch in range(args.epochs):
        model.train()
        t0 = time.time()
        perm = torch.randperm(n, generator=gen)
        loss_sum, seen = 0.0, 0
        for s in range(steps_per_epoch):
            idx = perm[s * args.batch:(s + 1) * args.batch]
            xb = normalize(augment(tr_x01[idx], gen, args.shift, args.erase))
            lr = lr_at(step, total, warmup, args.lr)
            for g in opt.param_groups:
                g["lr"] = lr
            loss = train_step(xb, tr_y[idx])
            step += 1
            loss_sum += float(loss) * idx.numel()
            seen += idx.numel()
        acc, _ = evaluate(model, te_x, te_y)
        ema_text = ""
        if ema:
            live = acc
            acc, _ = evaluate(ema.model, te_x, te_y)
            ema_text = "  (live weights %.2f)" % live
        epoch_log.append((epoch + 1, loss_sum / seen, acc,
                          time.time() - t0))
        log("epoch %d/%d  train_loss %.4f  lr %.4f  test_top1 %.2f%s  "
            "epoch %.0fs  elapsed %.0fs"
            % (epoch + 1, args.epochs, loss_sum / seen, lr, acc, ema_text,
               time.time() - t0, time.time() - t_start))

    if ema:
        model = ema.model  # what is evaluated and saved
    acc, probs = evaluate(model, te_x, te_y)
    wall = time.time() - t_start
    log("final test top-1: %.2f%%  (%d test images)" % (acc, te_x.shape[0]))

    # ---------------------------------------------------------------- output
    os.makedirs(os.path.join(args.out, "samples"), exist_ok=True)
    sd = {k: v.detach().to(torch.float32).contiguous()
          for k, v in model.state_dict().items()
          if not k.endswith("num_batches_tracked")}
    ghostnet_torch.check_against_spec(model, spec)
    order = [t["name"] for t in spec["tensors"]]
    sd = {k: sd[k] for k in order}
    acc_str = "%.2f" % acc
    safetensors_io.save_file(
        sd, os.path.join(args.out, "weights.safetensors"),
        metadata={"format": "pt", "source": "tools/train_fashion_mnist.py",
                  "seed": str(args.seed), "epochs": str(args.epochs),
                  "width": "%g" % args.width, "test_top1": acc_str})
    with open(os.path.join(args.out, "labels.txt"), "w") as f:
        f.write("\n".join(LABELS) + "\n")

    cmd = "tools/train_fashion_mnist.py --epochs %d --width %g --seed %d" % (
        args.epochs, args.width, args.seed)
    extra = []
    for opt_name in ("lr", "batch", "shift", "erase", "label_smoothing",
                     "weight_decay", "warmup_epochs", "momentum", "ema",
                     "limit_train"):
        v = getattr(args, opt_name)
        if v != ap.get_default(opt_name):
            extra.append("--%s %g" % (opt_name.replace("_", "-"), v))
    if extra:
        cmd += " " + " ".join(extra)
    model_json = {
        "name": "GhostNet-small Fashion-MNIST",
        "architecture": {"width": args.width, "input_size": SIZE,
                         "in_channels": 1, "num_classes": len(LABELS),
                         "variant": "small"},
        "weights": "weights.safetensors",
        "labels": "labels.txt",
        "preprocess": {"resize": SIZE, "crop": SIZE, "interpolation": "bilinear",
                       "mean": [MEAN], "std": [STD], "scale": 255},
        "pytorch_test_top1": float(acc_str),
        "trained_by": cmd,
    }
    q8_cmd = None
    if args.quantize:
        calibration = os.path.join(args.data_dir, "train-images-idx3-ubyte.gz")
        q8_cmd = ["--calibration", calibration, "--images", "1000", "-o", "weights_q8.safetensors"]
        with open(os.path.join(args.out, "model.json"), "w") as f:
            json.dump(model_json, f, indent=2)  # what ghostnet-quantize --model reads
        q8_path = os.path.join(args.out, "weights_q8.safetensors")
        if os.path.exists(q8_path):
            os.remove(q8_path)  # the q8 model of the weights this run replaced
        argv = [args.quantize, "--model", args.out] + q8_cmd[:-1] + [q8_path]
        log("q8 model: %s" % " ".join(shlex.quote(a) for a in argv))
        subprocess.run(argv, check=True)
        model_json["weights_q8"] = "weights_q8.safetensors"
        model_json["q8_made_by"] = "ghostnet-quantize " + " ".join(q8_cmd)
    with open(os.path.join(args.out, "model.json"), "w") as f:
        json.dump(model_json, f, indent=2)
        f.write("\n")

    # Samples: first 3 test images of each class.
    rows = ["filename\ttrue_label\tpredicted_label\tprobability"]
    picked = sorted(i for c in range(len(LABELS))
                    for i in np.nonzero(te_lab == c)[0][:3].tolist())
    for i in picked:
        c = int(te_lab[i])
        fn = "%04d_%s.png" % (i, slug(LABELS[c]))
        write_png_gray(os.path.join(args.out, "samples", fn), te_img[i])
        p = probs[i]
        k = int(p.argmax())
        rows.append("%s\t%s\t%s\t%.6f" % (fn, LABELS[c], LABELS[k],
                                          float(p[k])))
    with open(os.path.join(args.out, "samples", "expected.tsv"), "w") as f:
        f.write("\n".join(rows) + "\n")

    size = os.path.getsize(os.path.join(args.out, "weights.safetensors"))
    log("wrote %s (weights.safetensors %d bytes); wall time %.1f min"
        % (args.out, size, wall / 60))
    write_readme(os.path.join(args.out, "README.md"), args, cmd, acc_str,
                 wall, size, epoch_log, spec, q8_cmd)


if __name__ == "__main__":
    main()
