# Sourced by the reproduction scripts (docs/reproductions/*/run.sh): finds the jar (building it
# on first use like ./cleave), defines `cleave`, a scratch folder removed on exit, and `objectives`,
# which prints "instance,solver,objective" rows of a `cleave compare` results.csv (the columns
# before the quoted statistics column, so a plain comma split is safe).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
jar="$root/cli/target/cleave.jar"
if [ ! -f "$jar" ]; then
  "$root/cleave" --version >/dev/null
fi
# Many short runs: the client compiler and the serial collector start faster on a busy machine
# (override with CLEAVE_JAVA_OPTS).
java_opts=${CLEAVE_JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
cleave() { java $java_opts -jar "$jar" "$@"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
objectives() { awk -F, 'NR > 1 { print $1 "," $3 "," $8 }' "$1"; }
