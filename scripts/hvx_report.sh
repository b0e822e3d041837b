#!/usr/bin/env bash
# HVX share of the innermost loops of Hexagon code: no Hexagon timing exists here, so how much
# of the hot code is vector code is the evidence of schedule quality we can give.
#   scripts/hvx_report.sh [FILE.s | FILE.a ...]     (default: build/hexagon/*.s, *_hvx.a, *_offload.a)
# FILE.s: assembly Halide writes with -e assembly (the build keeps the kernels' in
# build/hexagon/); innermost loops are the blocks LLVM marks "This Inner Loop Header" and the
# blocks it marks as in such a loop.
# FILE.a: a library (the whole networks, whose assembly the build does not write: Halide would
# compile them twice), disassembled by llvm-objdump-14; innermost loops are the hardware loop0
# bodies, from a loop0 instruction's target to the packet that ends ":endloop0". A library for
# an ARM host that offloads to HVX (arm-64-android-hvx_128) carries its DSP code as a Hexagon
# shared object inside its data: that object is cut out and counted the same way.
# An instruction counts as HVX when it names a vector (v0..v31, pairs v1:0) or vector
# predicate (q0..q3) register or is a vector memory access (vmem, vgather, vscatter).
set -euo pipefail
cd "$(dirname "$0")/.."
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  shopt -s nullglob
  files=(build/hexagon/*.s build/hexagon/*_hvx.a build/hexagon/*_offload.a)
  # Halide's runtimes (halide_runtime_android_hvx.a, ...) carry no pipeline code.
  for i in "${!files[@]}"; do
    case "${files[$i]}" in build/hexagon/halide_runtime_*) unset 'files[i]' ;; esac
  done
  files=("${files[@]}")
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "hvx_report.sh: no assembly given and none in build/hexagon/ (build the Hexagon tests first)" >&2
  exit 1
fi
printf "%-36s %14s %12s %10s\n" "pipeline" "inner-loop ins" "HVX ins" "HVX share"
# Counts one instruction line (global total/hvx), called by both parsers.
count_awk='
  function count(line) {
    sub(/\/\/.*/, "", line)
    if (line ~ /^[ \t]*[{}][ \t]*$/ || line ~ /^[ \t]*$/ || line ~ /^[ \t]*\./) return
    sub(/^[ \t]*\{?[ \t]*/, "", line); sub(/[ \t]*\}[ \t]*(:endloop[0-9])?[ \t]*$/, "", line)
    if (line == "") return
    total++
    if (line ~ /(^|[^a-z0-9_])[vq][0-9]+/ || line ~ /vmem|vgather|vscatter/) hvx++
  }
  function report(name) {
    share = total ? 100.0 * hvx / total : 0
    printf "%-36s %14d %12d %9.1f%%\n", name, total, hvx, share
  }'
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# u32/u16 LE at a byte offset of a file.
le() { od -An -t u"$3" -j "$2" -N "$3" "$1" | tr -d ' '; }
# offloaded_code LIB OUT: writes the Hexagon shared object embedded in an offloading library's
# (ARM host) objects to OUT; fails when there is none. Its size is where its section headers
# end (ELF32: e_shoff at 32, e_shentsize at 46, e_shnum at 48), as Halide writes them last.
offloaded_code() {
  local dir="$tmp/members" lib off
  lib=$(realpath "$1")
  rm -rf "$dir"; mkdir -p "$dir"
  (cd "$dir" && ar x "$lib")
  for o in "$dir"/*; do
    for off in $(grep -obUaP '\x7fELF\x01' "$o" | cut -d: -f1); do
      [ "$(le "$o" $((off + 18)) 2)" = 164 ] || continue  # EM_HEXAGON
      local size=$(( $(le "$o" $((off + 32)) 4) + $(le "$o" $((off + 46)) 2) * $(le "$o" $((off + 48)) 2) ))
      tail -c +$((off + 1)) "$o" | head -c "$size" > "$2"
      return 0
    done
  done
  return 1
}
for f in "${files[@]}"; do
  [ -f "$f" ] || { echo "hvx_report.sh: $f: no such file" >&2; exit 1; }
  if [[ "$f" == *.a ]]; then
    command -v llvm-objdump-14 > /dev/null || { echo "hvx_report.sh: llvm-objdump-14 not found (apt-get install llvm-14)" >&2; exit 1; }
    name=$(basename "$f" .a)
    if ! readelf -h "$f" | grep -q "Machine: *QUALCOMM DSP6"; then
      offloaded_code "$f" "$tmp/offloaded.so" || {
        echo "hvx_report.sh: $f holds no Hexagon code (neither a Hexagon library nor one offloading to HVX)" >&2; exit 1; }
      f="$tmp/offloaded.so"
      name="$name (offloaded)"
    fi
    llvm-objdump-14 -d --no-show-raw-insn --mattr=+hvxv68,+hvx-length128b,+hvx-qfloat "$f" | awk -v name="$name" "$count_awk"'
      /^Disassembly of section/ { section = $4; inner = 0; next }
      { lines[NR] = $0; sections[NR] = section }
      match($0, /loop0\(0x[0-9a-f]+/) { target[section, substr($0, RSTART + 8, RLENGTH - 8)] = 1 }
      END {
        for (i = 1; i <= NR; i++) {
          if (!(i in lines)) continue
          line = lines[i]
          if (match(line, /^ *[0-9a-f]+:/)) {
            addr = substr(line, RSTART, RLENGTH - 1); sub(/^ */, "", addr)
            if ((sections[i], addr) in target) inner = 1
            if (inner) { body = line; sub(/^ *[0-9a-f]+:[ \t]*/, "", body); count(body) }
            if (line ~ /:endloop0/) inner = 0
          }
        }
        report(name)
      }'
    continue
  fi
  awk -v name="$(basename "$f" .s)" "$count_awk"'
    /^[.A-Za-z_$][^ \t]*:/ { inner = 0; label = $1; sub(/:$/, "", label); next }
    /This Inner Loop Header/ { inner = 1; headers[label] = 1; next }
    /in Loop: Header=/ {
      h = $0; sub(/.*Header=/, "", h); sub(/ .*/, "", h)
      inner = ((".L" h) in headers) ? 1 : 0
      next
    }
    inner && /^\t/ { count($0) }
    END { report(name) }' "$f"
done
