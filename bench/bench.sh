#!/usr/bin/env bash
# Side-by-side start-up benchmark against runc on this machine: the two runtimes alternate, run for run,
# on the same bundle (busybox running `true`), and the medians and their ratio are reported.
#   bench/bench.sh [iterations]        (default 40; needs root, installs runc from Debian if missing)
# On cgroup v1 hosts it also compares memory: the waiting init's RSS and cgroup charge, and create's peak RSS.
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

# phase timings are appended as "runtime phase nanoseconds", read from bash's own clock (EPOCHREALTIME) so
# no process is forked to take the time
samples=$work/samples
measure() { # runtime-name binary phase command...
  local name=$1 bin=$2 phase=$3; shift 3
  local t0=${EPOCHREALTIME/./}
  "$bin" --root "$work/state-$name" "$@" >/dev/null
  local t1=${EPOCHREALTIME/./}
  echo "$name $phase $(( (10#$t1 - 10#$t0) * 1000 ))" >> "$samples"
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

# Memory: what the waiting init costs the container (RSS, and the memory cgroup's charge), and the peak RSS of
# the create command itself.
memory_round() { # runtime-name binary index
  local name=$1 bin=$2 id="mem-$1-$3" pid cg
  /usr/bin/time -f "%M" -o "$work/maxrss" "$bin" --root "$work/state-$name" create --bundle "$bundle" "$id" >/dev/null
  pid=$("$bin" --root "$work/state-$name" state "$id" | sed -n 's/.*"pid": *\([0-9]*\).*/\1/p')
  cg=$(sed -n 's/^[0-9]*:memory:\(.*\)/\1/p' "/proc/$pid/cgroup")
  echo "$name init-rss $(awk '/VmRSS/{print $2}' "/proc/$pid/status")" >> "$work/memory"
  echo "$name cgroup-charge $(( $(cat "/sys/fs/cgroup/memory$cg/memory.usage_in_bytes" 2>/dev/null || echo 0) / 1024 ))" >> "$work/memory"
  echo "$name create-maxrss $(cat "$work/maxrss")" >> "$work/memory"
  "$bin" --root "$work/state-$name" delete --force "$id" >/dev/null
}
if [ -d /sys/fs/cgroup/memory ] && [ -x /usr/bin/time ]; then
  : > "$work/memory"
  for i in $(seq 1 7); do memory_round runc "$runc" "$i"; memory_round ociruntime "$ours" "$i"; done
  mmedian() { grep "^$1 $2 " "$work/memory" | awk '{print $3}' | sort -n | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }
  printf '\n%-22s %10s %10s %8s\n' "memory (KiB, median)" runc ours ratio
  for what in init-rss cgroup-charge create-maxrss; do
    r=$(mmedian runc $what); o=$(mmedian ociruntime $what)
    awk -v w=$what -v r="$r" -v o="$o" 'BEGIN{printf "%-22s %10d %10d %8.2f\n", w, r, o, (r>0)?o/r:0}'
  done
fi
