#!/usr/bin/env bash
# MJOA-MU (P5): the optimal latency with parallel and with serial model uploading, zoo models with
# int8 weights and tensors on a Raspberry Pi 3B (3 GFLOP/s) with a GPU edge, over 4G, Wi-Fi and 5G.
# Writes mjoa-mu.csv (one row per model x network) and mjoa-mu.svg beside this script, or into OUT.
# Regenerate the committed outputs with: docs/reproductions/mjoa-mu/run.sh
# Knobs (environment): MODELS, NETWORKS, DTYPE, DEVICE, OUT, CLEAVE (the command, default ./cleave).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
CLEAVE=${CLEAVE:-"$root/cleave"}
MODELS=${MODELS:-"tiny-yolov2 inception-v3 resnet50"}
NETWORKS=${NETWORKS:-"4g wifi 5g"}
DTYPE=${DTYPE:-int8}
DEVICE=${DEVICE:-rpi3b}
OUT=${OUT:-"$here"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$OUT"
# one P5 instance per model x network x mode (MODEL-blocks-NETWORK-DEVICE-gpu-MODE); exact solvers
# branch-and-bound and enumerate (they must agree), PBT-DP's exact mode and its beam heuristic
$CLEAVE compare --zoo "${MODELS// /,}" --network "${NETWORKS// /,}" --family upload --upload-mode parallel,serial \
  --dtype "$DTYPE" --device "$DEVICE" --edge gpu --view blocks \
  --solvers branch-and-bound,enumerate,pbt,pbt-beam -o "$work/cmp" --quiet > /dev/null
# results.csv: instance,family,solver,kind,repetition,seed,status,objective,...
awk -F, -v dtype="$DTYPE" -v device="$DEVICE" '
  NR > 1 {
    name = $1; i = index(name, "-blocks-"); model = substr(name, 1, i - 1)
    split(substr(name, i + 8), p, "-"); net = p[1]; mode = p[4]
    key = model "," net
    if (!(key in seen)) { seen[key] = 1; order[++k] = key }
    obj[key, mode, $3] = $8
  }
  END {
    print "model,network,dtype,device,serialSeconds,parallelSeconds,reductionPercent,pbtParallelSeconds,pbtBeamParallelSeconds,pbtBeamGapPercent,exactSolversAgree"
    for (j = 1; j <= k; j++) {
      key = order[j]
      s = obj[key, "serial", "branch-and-bound"]; pa = obj[key, "parallel", "branch-and-bound"]
      e1 = obj[key, "parallel", "enumerate"]; e2 = obj[key, "serial", "enumerate"]
      agree = (e1 - pa <= 1e-9 * pa && pa - e1 <= 1e-9 * pa && e2 - s <= 1e-9 * s && s - e2 <= 1e-9 * s) ? "yes" : "no"
      pb = obj[key, "parallel", "pbt"]; bm = obj[key, "parallel", "pbt-beam"]
      printf "%s,%s,%s,%.6f,%.6f,%.2f,%.6f,%.6f,%.3f,%s\n", key, dtype, device, s, pa, 100 * (1 - pa / s), pb, bm, 100 * (bm / pa - 1), agree
    }
  }' "$work/cmp/results.csv" > "$work/mjoa-mu.csv"
# a grouped bar chart: serial vs parallel optimum per model x network
awk -F, '
  NR > 1 { n++; lab[n] = $1 " " $2; s[n] = $5; p[n] = $6; r[n] = $7; if ($5 > max) max = $5 }
  END {
    w = 90 + n * 70; h = 340; top = 40; base = 270; scale = (base - top) / max
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">\n", w, h
    printf "<text x=\"10\" y=\"20\" font-size=\"13\">P5 optimum latency (s): serial (grey) vs parallel (blue) uploading; label: reduction</text>\n"
    printf "<line x1=\"60\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", base, w - 10, base
    for (t = 0; t <= 4; t++) { v = max * t / 4; y = base - v * scale
      printf "<text x=\"5\" y=\"%.1f\">%.2f</text><line x1=\"58\" y1=\"%.1f\" x2=\"62\" y2=\"%.1f\" stroke=\"black\"/>\n", y + 4, v, y, y }
    for (i = 1; i <= n; i++) { x = 70 + (i - 1) * 70
      printf "<rect x=\"%d\" y=\"%.1f\" width=\"26\" height=\"%.1f\" fill=\"#999\"/>\n", x, base - s[i] * scale, s[i] * scale
      printf "<rect x=\"%d\" y=\"%.1f\" width=\"26\" height=\"%.1f\" fill=\"#36c\"/>\n", x + 28, base - p[i] * scale, p[i] * scale
      printf "<text x=\"%d\" y=\"%.1f\">%s%%</text>\n", x + 4, base - s[i] * scale - 4, r[i]
      split(lab[i], q, " ")
      printf "<text x=\"%d\" y=\"%d\">%s</text><text x=\"%d\" y=\"%d\">%s</text>\n", x, base + 16, q[1], x, base + 30, q[2] }
    print "</svg>"
  }' "$work/mjoa-mu.csv" > "$work/mjoa-mu.svg"
mv "$work/mjoa-mu.csv" "$OUT/mjoa-mu.csv"
mv "$work/mjoa-mu.svg" "$OUT/mjoa-mu.svg"
cat "$OUT/mjoa-mu.csv"
