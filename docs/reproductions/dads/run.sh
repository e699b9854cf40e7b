#!/usr/bin/env bash
# DADS (Hu et al., INFOCOM 2019). Light load: the exact min-cut partition (DSL) against the best
# single split of the topological order (Neurosurgeon's search, topo-cut), device-only and
# edge-only on the DAG models ResNet-18, GoogLeNet, Inception-v3 and MobileNetV2 over the DADS
# networks (CAT1, 3G, 4G, WiFi). Heavy load: DSH against the exact throughput optimum (enumerate)
# on the zoo's multi-exit ResNet-18/50 and MobileNetV2 block chains.
# Writes light.csv, heavy.csv and plot.svg (speed-ups of the exact partition).
# Usage: docs/reproductions/dads/run.sh [OUT_DIR]   (default: this folder)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../common.sh"
out=${1:-$here}
mkdir -p "$out"
networks=cat1,3g,4g,wifi
cleave compare --zoo resnet18,googlenet,inception-v3,mobilenetv2 --network "$networks" --device rpi3b --edge gpu \
    --view layers --solvers mincut,topo-cut,device-only,edge-only --quiet -o "$tmp/light" >/dev/null
cleave compare --zoo resnet18-exits,resnet50-exits,mobilenetv2-exits --family throughput --network "$networks" \
    --device rpi3b --edge gpu --view blocks --solvers enumerate,dsh --quiet -o "$tmp/heavy" >/dev/null
# one row per instance: model, network, then the objective of each solver in the order given
table() {
  objectives "$1" | awk -F, -v solvers="$2" '
      BEGIN { ns = split(solvers, s, " ") }
      { n1 = split($1, p, "-"); key = $1; v[key, $2] = $3; if (!(key in seen)) { seen[key] = 1; keys[++n] = key } }
      END { for (i = 1; i <= n; i++) { k = keys[i]; m = k; sub(/-(layers|blocks)-.*/, "", m);
              net = k; sub(/.*-(layers|blocks)-/, "", net); sub(/-.*/, "", net); row = m "," net;
              for (j = 1; j <= ns; j++) row = row "," v[k, s[j]]; print row } }'
}
{ echo "model,network,mincut_seconds,topo_cut_seconds,device_only_seconds,edge_only_seconds"
  table "$tmp/light/results.csv" "mincut topo-cut device-only edge-only"; } > "$tmp/light.csv"
{ echo "model,network,optimal_period_seconds,dsh_period_seconds,dsh_over_optimal"
  table "$tmp/heavy/results.csv" "enumerate dsh" | awk -F, '{ printf "%s,%.6f\n", $0, $4 / $3 }'; } > "$tmp/heavy.csv"
awk -F, 'NR > 1 { print $1 "/" $2 "," $5 / $3 "," $6 / $3 "," $4 / $3 }' "$tmp/light.csv" \
    | awk -f "$here/../barplot.awk" -v title="DADS light load: cost of each plan / exact min-cut (rpi3b + gpu)" \
        -v series="device-only,edge-only,topo-cut" -v ylabel="latency / min-cut latency (log)" > "$tmp/plot.svg"
cp "$tmp/light.csv" "$tmp/heavy.csv" "$tmp/plot.svg" "$out/"
cat "$out/light.csv"
echo
cat "$out/heavy.csv"
