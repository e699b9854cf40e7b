#!/usr/bin/env bash
# Scaling of the Spark ground-truth job on this machine: labelled P4 states per second for a
# 20-user instance on local[1] and local[2], with the single-machine `cleave groundtruth` figure
# (1 and 2 threads) measured in the same run. Needs ./mvnw -pl cli,spark -am package first.
# Usage: spark/bench/scaling.sh [WORKDIR]   (prints a Markdown table)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
cd "$work"
"$root/cleave" generate multiuser --users 20 --units 32 --seed 1 -o p4-20.json
axes=(--axis units=8:32:25:lin --axis uplink-scale=0.5:2:800)   # 20000 states
args=(p4-20.json --solver dp "${axes[@]}" --quiet)
echo "| run | states/s (whole command) | wall s | states/s (job's own line: labelling, without JVM and Spark start) |"
echo "|---|---|---|---|"
for t in 1 2; do
  rm -rf "single-$t.jsonl" "single-$t.jsonl.meta"
  s=$(date +%s.%N)
  own=$("$root/cleave" groundtruth "${args[@]}" --threads "$t" -o "single-$t.jsonl" | sed -n 's/.*, \([0-9.]*\) states\/s.*/\1/p')
  e=$(date +%s.%N)
  awk -v s="$s" -v e="$e" -v t="$t" -v o="$own" 'BEGIN { printf "| cleave groundtruth --threads %d | %.1f | %.1f | %s |\n", t, 20000/(e-s), e-s, o }'
done
for m in 'local[1]' 'local[2]'; do
  rm -rf "spark-$m"
  s=$(date +%s.%N)
  own=$(java -jar "$root/spark/target/cleave-spark.jar" groundtruth "${args[@]}" --master "$m" \
      --states-per-partition 1250 -o "spark-$m" | sed -n 's/.*, \([0-9.]*\) states\/s.*/\1/p')
  e=$(date +%s.%N)
  awk -v s="$s" -v e="$e" -v m="$m" -v o="$own" 'BEGIN { printf "| cleave-spark.jar groundtruth --master %s | %.1f | %.1f | %s |\n", m, 20000/(e-s), e-s, o }'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
