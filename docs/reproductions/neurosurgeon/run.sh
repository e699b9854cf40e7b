#!/usr/bin/env bash
# Neurosurgeon (Kang et al., ASPLOS 2017): the best split of AlexNet and VGG-16 (layer chains) as
# the uplink goes from CAT1 (0.13 Mbit/s) to WiFi (18.88 Mbit/s), for latency and for device energy.
# Writes splits.csv (every interval of the exact bandwidth map), networks.csv (the latency optimum
# against device-only and edge-only at the four DADS networks) and one map plot per model and objective.
# Usage: docs/reproductions/neurosurgeon/run.sh [OUT_DIR]   (default: this folder)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../common.sh"
out=${1:-$here}
mkdir -p "$out"
echo "model,objective,from,to,device_layers,plan" > "$tmp/splits.csv"
for objective in latency energy; do
  for model in alexnet vgg16; do
    cleave zoo export "$model" --device rpi3b --edge gpu --network 3g --objective "$objective" \
        -o "$tmp/$model-$objective.json" >/dev/null
    cleave map "$tmp/$model-$objective.json" --from 0.13Mbps --to 18.88Mbps \
        --plot "$out/$model-$objective.png" --force > "$tmp/map.txt"
    # map's table: from, to, four cost columns, device layer count, then the plan in words
    awk -v m="$model" -v o="$objective" 'f && NF >= 8 { plan = $8; for (i = 9; i <= NF; i++) plan = plan " " $i;
        print m "," o "," $1 "," $2 "," $7 ",\"" plan "\"" } /^from / { f = 1 }' "$tmp/map.txt" >> "$tmp/splits.csv"
  done
done
cleave compare --zoo alexnet,vgg16 --network cat1,3g,4g,wifi --device rpi3b --edge gpu --view layers \
    --solvers mincut,device-only,edge-only --quiet -o "$tmp/cmp" >/dev/null
echo "model,network,latency_seconds,device_only_seconds,edge_only_seconds" > "$tmp/networks.csv"
objectives "$tmp/cmp/results.csv" | awk -F, '
    { split($1, p, "-layers-"); split(p[2], q, "-"); key = p[1] "," q[1]; v[key, $2] = $3;
      if (!(key in seen)) { seen[key] = 1; keys[++n] = key } }
    END { for (i = 1; i <= n; i++) { k = keys[i]; print k "," v[k, "mincut"] "," v[k, "device-only"] "," v[k, "edge-only"] } }' \
    >> "$tmp/networks.csv"
cp "$tmp/splits.csv" "$tmp/networks.csv" "$out/"
cat "$out/splits.csv"
echo
cat "$out/networks.csv"
