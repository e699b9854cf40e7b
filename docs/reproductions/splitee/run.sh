#!/usr/bin/env bash
# SplitEE (P7): cost reduction and accuracy drop against final-layer inference over a grid of the
# threshold alpha and the offloading cost o, for SplitEE, SplitEE-S, fixed splits and the best fixed
# split in hindsight, on seeded synthetic traces (12 exits, lambda = 0.1): the generator's defaults
# (generator column: default) and an easier, steeper setting (tuned: --generator kappa=20,mu=-2), the latter also under the cost convention of the
# authors' splitee.py; and the regret curves of SplitEE and SplitEE-S. Writes splitee.csv,
# splitee-regret.csv and splitee-regret.svg beside this script, or into OUT.
# Regenerate the committed outputs with: docs/reproductions/splitee/run.sh
# Knobs (environment): SAMPLES, ALPHAS, OFFLOADS, SEED, OUT, CLEAVE (default ./cleave).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
CLEAVE=${CLEAVE:-"$root/cleave"}
SAMPLES=${SAMPLES:-5000}
ALPHAS=${ALPHAS:-0.7,0.8,0.9,0.95}
OFFLOADS=${OFFLOADS:-0.1,0.3,0.5,0.7}
SEED=${SEED:-1}
TUNED=kappa=20,mu=-2
OUT=${OUT:-"$here"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$OUT"
policies=splitee,splitee-s,fixed:0,fixed:3,fixed:6,final-only
sweep() { # LABEL CONVENTION [GENERATOR]
  $CLEAVE online --generate "$SAMPLES" --seed "$SEED" --policy splitee --cost-convention "$2" \
    ${3:+--generator "$3"} --sweep-alpha "$ALPHAS" --sweep-offload "$OFFLOADS" --sweep-policies "$policies" \
    --sweep-csv "$work/$1.csv" > /dev/null
  tail -n +2 "$work/$1.csv" | sed "s/^/$1,$2,/" >> "$work/splitee.csv"
}
echo "generator,costConvention,alpha,offload,policy,split,meanReward,meanCost,costReductionPercent,offloadedPercent,accuracyPercent,accuracyDropPoints,regret" \
  > "$work/splitee.csv"
sweep default reward
sweep tuned reward "$TUNED"
mv "$work/tuned.csv" "$work/tuned-reward.csv"
sweep tuned splitee-code "$TUNED"
# regret curves at alpha 0.9, o 0.5 on the tuned generator
echo "policy,round,split,cumulativeRegret,regretPerRound" > "$work/splitee-regret.csv"
for p in splitee splitee-s; do
  $CLEAVE online --generate "$SAMPLES" --seed "$SEED" --policy "$p" --alpha 0.9 --offload 0.5 --generator "$TUNED" \
    --regret-csv "$work/r-$p.csv" --curve-step 50 > "$work/r-$p.txt"
  tail -n +2 "$work/r-$p.csv" | sed "s/^/$p,/" >> "$work/splitee-regret.csv"
done
awk -F, '
  NR > 1 { if (!($1 in seen)) { seen[$1] = 1; names[++k] = $1 }
           c[$1]++; x[$1, c[$1]] = $2; y[$1, c[$1]] = $4; if ($2 > xm) xm = $2; if ($4 > ym) ym = $4 }
  END {
    x0 = 60; y0 = 30; w = 460; h = 240
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">\n", w + 90, h + 70
    printf "<text x=\"10\" y=\"16\" font-size=\"13\">cumulative regret vs round (alpha 0.9, o 0.5, kappa=20, mu=-2): SplitEE (red), SplitEE-S (blue)</text>\n"
    printf "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>\n", x0, y0, w, h
    for (t = 0; t <= 4; t++) {
      printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>\n", x0 - 3, y0 + h - h * t / 4 + 4, ym * t / 4
      printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.0f</text>\n", x0 + w * t / 4, y0 + h + 14, xm * t / 4 }
    split("red blue", col, " ")
    for (j = 1; j <= k; j++) { nm = names[j]
      printf "<polyline fill=\"none\" stroke=\"%s\" points=\"", col[j]
      for (i = 1; i <= c[nm]; i++) printf "%.1f,%.1f ", x0 + w * x[nm, i] / xm, y0 + h - h * (y[nm, i] > 0 ? y[nm, i] : 0) / ym
      print "\"/>" }
    print "</svg>"
  }' "$work/splitee-regret.csv" > "$work/splitee-regret.svg"
mv "$work/splitee.csv" "$OUT/splitee.csv"
mv "$work/splitee-regret.csv" "$OUT/splitee-regret.csv"
mv "$work/splitee-regret.svg" "$OUT/splitee-regret.svg"
grep -h "vs final" "$work"/r-*.txt
