#!/usr/bin/env bash
# Ma, Wang and Tang (Electronics 2025): multi-user partition, exit and resource allocation (P4).
# The exact optimum over the stated plan options (dp) against the paper's baselines, device-only and
# edge-only with the edge's compute and bandwidth split evenly, and against the heuristics ara
# (MJOA-MU's asynchronous resource allocation), greedy and relax-round, as the number of users
# grows. Users alternate ResNet-18 and MobileNetV2 with exits (every block boundary x exit subset is
# an option), WiFi uplink each, an edge of 4 TFLOP/s split into K_F = K_B = 16 units.
# Writes table.csv (total expected cost per solver) and plot.svg.
# Usage: docs/reproductions/ma-et-al/run.sh [OUT_DIR] [USERS...]   (default: this folder; 2 4 6 8 10 12)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../common.sh"
out=${1:-$here}
shift || true
users=${*:-2 4 6 8 10 12}
mkdir -p "$out" "$tmp/instances"
for n in $users; do
  cleave generate multiuser --users "$n" --units 16 --models resnet18-exits,mobilenetv2-exits --network wifi \
      --edge-flops 4e12 --seed 1 -o "$tmp/instances/users-$(printf %03d "$n").json" >/dev/null
done
solvers="dp ara greedy relax-round device-only edge-only"
cleave compare "$tmp/instances" --solvers "${solvers// /,}" --quiet -o "$tmp/cmp" >/dev/null
objectives "$tmp/cmp/results.csv" | awk -F, -v solvers="$solvers" '
    BEGIN { ns = split(solvers, s, " "); printf "users"; for (j = 1; j <= ns; j++) { h = s[j]; gsub(/-/, "_", h); printf ",%s", h }; print "" }
    { u = $1; sub(/^multiuser-/, "", u); sub(/u-.*/, "", u); v[u, $2] = $3; if (!(u in seen)) { seen[u] = 1; us[++n] = u } }
    END { for (i = 1; i <= n; i++) { printf "%s", us[i]; for (j = 1; j <= ns; j++) printf ",%s", v[us[i], s[j]]; print "" } }' \
    > "$tmp/table.csv"
awk -F, 'NR > 1 { print $1 " users," $2 "," $3 "," $4 "," $5 "," $6 "," $7 }' "$tmp/table.csv" \
    | awk -f "$here/../barplot.awk" -v series="dp (exact),ara,greedy,relax-round,device-only,edge-only" \
        -v title="Ma et al. (P4): total expected latency of N users, WiFi, K = 16" -v ylabel="sum of latencies (s, log)" > "$tmp/plot.svg"
cp "$tmp/table.csv" "$tmp/plot.svg" "$out/"
cat "$out/table.csv"
