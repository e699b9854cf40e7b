#!/usr/bin/env bash
# BranchyNet (Teerapittayanon, McDanel and Kung, ICPR 2016): B-AlexNet on CIFAR-10 with both side
# exits. The zoo's b-alexnet carries BranchyNet's exit shares; Cleave's evaluator turns them into the
# share stopping at each exit, the expected accuracy and the expected latency and energy on the
# device (rpi3b; CAT1 uplink, where running everything on the device is optimal).
# Writes exits.csv (per stop: share and accuracy), plans.csv (each exit set, all on the device:
# expected accuracy, latency, energy, speed-up over the model without exits) and plot.svg.
# Usage: docs/reproductions/branchynet/run.sh [OUT_DIR]   (default: this folder)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../common.sh"
out=${1:-$here}
mkdir -p "$out"
cleave zoo export b-alexnet --family exits --device rpi3b --edge gpu --network cat1 -o "$tmp/b-alexnet.json" >/dev/null
# the exact optimum of variant (a) (least expected latency, no accuracy floor): its stops and shares
cleave solve "$tmp/b-alexnet.json" --solver mincut --json > "$tmp/solve.json"
awk -F'"' 'BEGIN { print "stop,after_layer,share,accuracy" }
    /"stop" :/ { s = $4 } /"afterLayer" :/ { l = $4 }
    /"share" :/ { split($3, v, /[:,]/); sh = v[2] + 0 }
    /"accuracy" :/ && s != "" { split($3, v, /[:,]/); printf "%s,%s,%.4f,%.4f\n", s, l, sh, v[2]; s = "" }' \
    "$tmp/solve.json" > "$tmp/exits.csv"
# every exit set, everything on the device, scored by the evaluator
printf '%s\n' '{"activeExits":[],"edgeLayers":[]}' '{"activeExits":["exit1"],"edgeLayers":[]}' \
    '{"activeExits":["exit2"],"edgeLayers":[]}' '{"activeExits":["exit1","exit2"],"edgeLayers":[]}' > "$tmp/plans.jsonl"
cleave evaluate "$tmp/b-alexnet.json" --plans "$tmp/plans.jsonl" -o "$tmp/scores.csv" >/dev/null
awk -F, 'BEGIN { split("none exit1 exit2 exit1+exit2", name, " ") }
    NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; print "exits,accuracy,latency_ms,energy_mj,speedup_over_no_exits,optimal"; next }
    { if (NR == 2) base = $c["latency_seconds"];
      printf "%s,%.4f,%.3f,%.3f,%.3f,%s\n", name[NR - 1], $c["accuracy"], $c["latency_seconds"] * 1000,
          $c["energy_joules"] * 1000, base / $c["latency_seconds"], ($c["gap"] < 1e-9 ? "yes" : "no") }' \
    "$tmp/scores.csv" > "$tmp/plans.csv"
awk -F, 'NR > 1 { print $1 "," $3 "," $4 }' "$tmp/exits.csv" \
    | awk -f "$here/../barplot.awk" -v linear=1 -v series="share of samples,accuracy of those samples" \
        -v title="B-AlexNet (BranchyNet exit statistics): stops of the Cleave optimum" -v ylabel="fraction" > "$tmp/plot.svg"
cp "$tmp/exits.csv" "$tmp/plans.csv" "$tmp/plot.svg" "$out/"
cat "$out/exits.csv"; echo; cat "$out/plans.csv"
