#!/usr/bin/env bash
# Side-by-side start-up benchmark against runc on this machine: the two runtimes alternate, run for run,
# on the same bundle (busybox running `true`), and the medians and their ratio are reported.
#   bench/bench.sh [iterations]        (default 40; needs root, installs runc from Debian if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=${1:-40}
ours=$PWD/artifacts/ociruntime
command -v runc >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq runc >/dev/null; }
runc=$(command -v runc)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bundle=$work/bundle
mkdir -p "$bundle"
sed -e "s#\"path\": \"rootfs\"#\"path\": \"$PWD/bundles/busybox/rootfs\"#" bundles/busybox/config.json |
  awk 'BEGIN{args=0} /"args": \[/{print "    \"args\": [\"true\"],"; args=1; next} args&&/\],/{args=0; next} !args' > "$bundle/config.json"

now() { date +%s%N; }
# phase timings are appended as "runtime phase nanoseconds"
samples=$work/samples
measure() { # runtime-name binary phase command...
  local name=$1 bin=$2 phase=$3; shift 3
  local t0 t1; t0=$(now); "$bin" --root "$work/state-$name" "$@" >/dev/null; t1=$(now)
  echo "$name $phase $((t1 - t0))" >> "$samples"
}
round() { # runtime-name binary index
  local name=$1 bin=$2 id="bench-$1-$3"
  measure "$name" "$bin" run run --bundle "$bundle" "$id-r"
  measure "$name" "$bin" create create --bundle "$bundle" "$id-c"
  measure "$name" "$bin" start start "$id-c"
  sleep 0.05
  measure "$name" "$bin" delete delete --force "$id-c"
}

# warm-up: page cache, cgroup hierarchy
for i in 1 2 3; do round runc "$runc" "w$i"; round ociruntime "$ours" "w$i"; done
: > "$samples"
for i in $(seq 1 "$iterations"); do
  if (( i % 2 )); then round runc "$runc" "$i"; round ociruntime "$ours" "$i"
  else round ociruntime "$ours" "$i"; round runc "$runc" "$i"; fi
done

median() { grep "^$1 $2 " "$samples" | awk '{print $3}' | sort -n | awk '{v[NR]=$1} END{print (NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2}'; }
echo "runc: $($runc --version | head -n1); ociruntime: $("$ours" --version | head -n1); $iterations alternating rounds"
printf '%-8s %12s %12s %8s\n' phase "runc ms" "ours ms" "ratio"
for phase in run create start delete; do
  r=$(median runc $phase); o=$(median ociruntime $phase)
  awk -v p=$phase -v r="$r" -v o="$o" 'BEGIN{printf "%-8s %12.2f %12.2f %8.2f\n", p, r/1e6, o/1e6, o/r}'
done
