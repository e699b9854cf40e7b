#!/usr/bin/env bash
# Edgent (Li et al., IEEE TWC 2020) and DAPDEE (Ding et al., JEIT 2025) on BranchyNet's B-AlexNet
# (zoo b-alexnet: exits after conv1 and conv2, BranchyNet's exit shares), rpi3b device, gpu edge.
# Right-sizing (variant (b), the most accurate single exit whose latency meets the bound L), solved
# exactly (mincut) and by DAPDEE's inverse search, against: the bound L (3G); the uplink from CAT1 to
# WiFi (L = 10 ms); the device load rho (3G, L = 20 ms). Then DADS/DAPDEE's light/heavy mode switch
# (dads-switch) against the frame rate Q (3G). Writes bound.csv, bandwidth.csv, load.csv, modes.csv
# and the exact bandwidth map of the right-sized choice (bandwidth-map.png).
# Usage: docs/reproductions/edgent-dapdee/run.sh [OUT_DIR]   (default: this folder)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../common.sh"
out=${1:-$here}
mkdir -p "$out"
export_rs() { cleave zoo export b-alexnet --family exits --device rpi3b --edge gpu --network 3g --right-sizing "$1" \
    -o "$2" >/dev/null; }
export_rs 1s "$tmp/rs-1s.json"
export_rs 10ms "$tmp/rs-10ms.json"
export_rs 20ms "$tmp/rs-20ms.json"
# label a grid with the exact solver and with the inverse search; one row per state:
# axis value, then exit, accuracy, latency (ms), device layers for each of the two solvers
sweep() { # sweep FILE AXIS OUT
  for solver in mincut inverse-search; do
    cleave groundtruth "$1" --axis "$2" --solver "$solver" --format csv --threads 1 --quiet -o "$tmp/$solver.csv" >/dev/null
  done
  paste -d'\n' "$tmp/mincut.csv" "$tmp/inverse-search.csv" | awk -F, -v axis="${2%%=*}" '
      function row() { if ($3 != "OPTIMAL" && $3 != "FEASIBLE") return "none,,,";
        e = $9; gsub(/[\[\]"]/, "", e); if (e == "") e = "final";
        return e "," $NF "," sprintf("%.3f", $(NF - 2) * 1000) "," $(NF - 5) }
      NR == 1 { print axis ",exact_exit,exact_accuracy,exact_latency_ms,exact_device_layers,inverse_exit,inverse_accuracy,inverse_latency_ms,inverse_device_layers"; next }
      NR == 2 { next }
      NR % 2 == 1 { a = $2 "," row(); next }
      { print a "," row() }' > "$3"
  rm -f "$tmp"/*.csv.meta "$tmp/mincut.csv" "$tmp/inverse-search.csv"
}
sweep "$tmp/rs-1s.json" latency=0.001:0.1:21:log "$tmp/bound.csv"
sweep "$tmp/rs-10ms.json" uplink=0.13Mbps:18.88Mbps:13 "$tmp/bandwidth.csv"
sweep "$tmp/rs-20ms.json" load=0:0.9:10:lin "$tmp/load.csv"
cleave map "$tmp/rs-10ms.json" --exits best --from 0.13Mbps --to 18.88Mbps --plot "$tmp/bandwidth-map.png" > "$tmp/map.txt"
# mode switch: DADS' light mode (latency optimum) while it sustains Q, heavy mode (least period) above;
# one export, then only the frame rate changes (one JVM start less per Q)
echo "frame_rate_per_second,status,mode,period_seconds,proven_least_period_seconds" > "$tmp/modes.csv"
cleave zoo export b-alexnet --family throughput --device rpi3b --edge gpu --network 3g --frame-rate 1 -o "$tmp/q.json" >/dev/null
for q in 50 150 157.5 200; do
  sed "s/\"frameRatePerSecond\" : 1.0/\"frameRatePerSecond\" : $q/" "$tmp/q.json" > "$tmp/q-$q.json"
  grep -q "\"frameRatePerSecond\" : $q" "$tmp/q-$q.json" || { echo "run.sh: could not set Q = $q" >&2; exit 1; }
  cleave solve "$tmp/q-$q.json" --solver dads-switch --json > "$tmp/s.json" || true
  awk -v q="$q" -F'"' '/"status"/ && !s { s = $4 } /"objective"/ && !o { o = 1; split($3, v, /[:,]/); p = v[2]; gsub(/ /, "", p) }
      /"bound"/ && !b { b = 1; split($3, v, /[:,]/); lp = v[2]; gsub(/ /, "", lp) }
      /"mode"/ && !m { m = $4 } END { if (p == "null") p = ""; if (lp == "null") lp = ""; print q "," s "," m "," p "," lp }' "$tmp/s.json" >> "$tmp/modes.csv"
done
cp "$tmp/bound.csv" "$tmp/bandwidth.csv" "$tmp/load.csv" "$tmp/modes.csv" "$tmp/bandwidth-map.png" "$out/"
for f in bound bandwidth load modes; do echo "== $f.csv"; cat "$out/$f.csv"; done
cat "$tmp/map.txt"
