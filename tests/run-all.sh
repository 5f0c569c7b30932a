#!/usr/bin/env bash
# Runs every suite (C stage, unit, real-container integration) and ends with one line CI reads:
#   N passed, N failed, N skipped
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0 failed=0 skipped=0
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

add_counts() { # suite name, passed, failed, skipped
  printf '%-28s %5d passed, %d failed, %d skipped\n' "$1" "$2" "$3" "$4"
  passed=$((passed + $2)); failed=$((failed + $3)); skipped=$((skipped + $4))
}

echo "== C stage (bootstrap parser)"
if out=$(make -s -C src/OciRuntime.Cli/native test 2>&1); then :; fi
echo "$out"
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' <<<"$out" | tail -n1)
if [ -n "$line" ]; then
  add_counts "C stage" "$(cut -d' ' -f1 <<<"$line")" "$(cut -d' ' -f3 <<<"$line")" 0
else
  add_counts "C stage (did not run)" 0 1 0
fi

./tests/setup-engines.sh

for project in tests/OciRuntime.Tests tests/OciRuntime.IntegrationTests tests/OciRuntime.EngineTests; do
  name=$(basename "$project")
  echo "== $name"
  log="$results/$name.log"
  dotnet test "$project" --nologo 2>&1 | tee "$log" | grep -E '^\s+(Failed|Skipped) |Error Message|^\s{3}\S' | head -n 200
  # vstest's closing line: "Passed!  - Failed:     0, Passed:    55, Skipped:     0, Total:    55, ..."
  summary=$(grep -E '(Passed|Failed)! +- Failed: ' "$log" | tail -n1)
  if [ -z "$summary" ]; then
    grep -E 'error|Error' "$log" | head -n 20
    add_counts "$name (did not run)" 0 1 0
    continue
  fi
  count() { sed -E "s/.*$1: +([0-9]+).*/\1/" <<<"$summary"; }
  add_counts "$name" "$(count Passed)" "$(count Failed)" "$(count Skipped)"
done

# The cgroup tests again on a pure cgroup v2 kernel (this host may be hybrid): a VM, with the test assembly just built.
echo "== cgroup v2 VM (tests/vm/test-v2.sh)"
if [ "$(id -u)" -ne 0 ]; then
  echo "skipped: boots a VM that shares the host's / and installs qemu: needs root"
  add_counts "cgroup v2 VM (not root)" 0 0 1
else
  tests/vm/test-v2.sh >"$results/v2.log" 2>&1
  grep -E '^\s+(Failed|Skipped) |Error Message|^\s{3}\S|^(run-in-v2-vm|test-v2|prepare-vm): ' "$results/v2.log" | head -n 200
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$results/v2.log" | tail -n1)
  if [ -n "$line" ]; then
    add_counts "cgroup v2 VM" "$(cut -d' ' -f1 <<<"$line")" "$(cut -d' ' -f3 <<<"$line")" "$(cut -d' ' -f5 <<<"$line")"
  else
    tail -n 20 "$results/v2.log"
    add_counts "cgroup v2 VM (did not run)" 0 1 0
  fi
fi

echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
