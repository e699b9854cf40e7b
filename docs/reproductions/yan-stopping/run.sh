#!/usr/bin/env bash
# Yan, Bi, Zhang (P6): expected cost per inference of backward induction (optimal), the one-stage
# look-ahead rule (OSLA) and the static split, for every placement m = 0..L, on the committed
# instances beside this script (an 8-layer equal-neuron MLP under Rayleigh and Nakagami-3 fading, and
# LeNet-5 under Rayleigh fading). Writes yan-stopping.csv (one row per instance and m),
# yan-stopping-summary.txt (m*, the closed-form m* of the equal-neuron MLPs, every policy at its best m)
# and yan-stopping.svg beside this script, or into OUT.
# Regenerate the committed outputs with: docs/reproductions/yan-stopping/run.sh
# Knobs (environment): INSTANCES (names of the JSON files here), OUT, CLEAVE (default ./cleave).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
CLEAVE=${CLEAVE:-"$root/cleave"}
INSTANCES=${INSTANCES:-"mlp8x256-rayleigh mlp8x256-nakagami3 lenet5-rayleigh"}
OUT=${OUT:-"$here"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$OUT"
echo "instance,m,backwardInduction,osla,staticSplit,oslaClosedForm,oslaGapPercent" > "$work/yan-stopping.csv"
: > "$work/summary.txt"
for i in $INSTANCES; do
  $CLEAVE stopping "$here/$i.json" --placements-csv "$work/$i.csv" > "$work/$i.txt"
  tail -n +2 "$work/$i.csv" | sed "s/^/$i,/" >> "$work/yan-stopping.csv"
  { echo "== $i"; grep -E '^(m\*|closed form)' "$work/$i.txt" || true
    sed -n '/^policy/,/^$/p' "$work/$i.txt"; } >> "$work/summary.txt"
done
# one panel per instance: objective (ms per inference) against m for the three policies
awk -F, '
  NR > 1 { if (!($1 in seen)) { seen[$1] = 1; names[++k] = $1 }
           n[$1]++; bi[$1, $2] = $3 * 1000; os[$1, $2] = $4 * 1000; st[$1, $2] = $5 * 1000
           if (!($1 in mx) || $5 * 1000 > mx[$1]) mx[$1] = $5 * 1000
           if (!($1 in mn) || $3 * 1000 < mn[$1]) mn[$1] = $3 * 1000 }
  END {
    pw = 300; ph = 220; W = k * (pw + 20) + 20
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">\n", W, ph + 70
    printf "<text x=\"10\" y=\"16\" font-size=\"13\">expected cost (ms/inference) vs placement m: backward induction (black), OSLA (red, dashed), static split (grey)</text>\n"
    split("bi os st", keys, " "); split("black red #999", col, " "); split("none 5,3 none", dash, " ")
    for (j = 1; j <= k; j++) {
      nm = names[j]; x0 = 20 + (j - 1) * (pw + 20) + 40; y0 = 40; w = pw - 50; h = ph - 30
      lo = 0; hi = mx[nm]; L = n[nm] - 1
      printf "<text x=\"%d\" y=\"%d\">%s</text>\n", x0, y0 - 6, nm
      printf "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>\n", x0, y0, w, h
      for (t = 0; t <= 4; t++) { v = lo + (hi - lo) * t / 4; y = y0 + h - h * t / 4
        printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>\n", x0 - 3, y + 4, v }
      for (m = 0; m <= L; m++) printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n", x0 + w * m / L, y0 + h + 14, m
      printf "<text x=\"%d\" y=\"%d\">m</text>\n", x0 + w / 2, y0 + h + 28
      for (c = 1; c <= 3; c++) {
        printf "<polyline fill=\"none\" stroke=\"%s\" stroke-dasharray=\"%s\" points=\"", col[c], dash[c]
        for (m = 0; m <= L; m++) {
          v = (c == 1) ? bi[nm, m] : (c == 2) ? os[nm, m] : st[nm, m]
          printf "%.1f,%.1f ", x0 + w * m / L, y0 + h - h * (v - lo) / (hi - lo)
        }
        print "\"/>"
      }
    }
    print "</svg>"
  }' "$work/yan-stopping.csv" > "$work/yan-stopping.svg"
mv "$work/yan-stopping.csv" "$OUT/yan-stopping.csv"
mv "$work/summary.txt" "$OUT/yan-stopping-summary.txt"
mv "$work/yan-stopping.svg" "$OUT/yan-stopping.svg"
cat "$OUT/yan-stopping-summary.txt"
