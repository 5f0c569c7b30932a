#!/usr/bin/env bash
# Runs the cgroup-related integration tests on a pure cgroup v2 kernel (a qemu VM, see run-in-v2-vm.sh) against the
# already-built artifacts/ociruntime and test assembly (`make test-v2` builds both first), and ends with the line
#   N passed, N failed, N skipped
#   tests/vm/test-v2.sh [VSTEST-FILTER]      # e.g. FullyQualifiedName~OciRuntime: every integration test
set -uo pipefail
cd "$(dirname "$0")/../.."

# The tests that touch cgroups: limits, freezer, update, lifecycle (cgroups created and removed), exec (joining
# the container's cgroup), bad input (nothing left behind on the hierarchy), kill --all (cgroup.procs).
filter=${1:-"FullyQualifiedName~CgroupTests|FullyQualifiedName~PauseAndPsTests|FullyQualifiedName~UpdateTests|FullyQualifiedName~LifecycleTests|FullyQualifiedName~ExecTests|FullyQualifiedName~BadInputTests|FullyQualifiedName~FlagTests.Kill_all|FullyQualifiedName~DeviceCgroupTests|FullyQualifiedName~EventsTests|FullyQualifiedName~ResourceControllerTests"}

if [ "${1:-}" = --inside ]; then # in the VM: run vstest.console straight, skipping the dotnet CLI's start-up
  vstest=$2 dll=$3 filter=$4
  # Everything is ≈10x slower under emulation; the tests' short waits scale with this.
  export OCIRT_TEST_TIME_SCALE=${OCIRT_TEST_TIME_SCALE:-10}
  cd /tmp && exec dotnet exec "$vstest" "$dll" "--TestCaseFilter:$filter" "--logger:console;verbosity=normal"
fi

dll=$(ls -t tests/OciRuntime.IntegrationTests/bin/Debug/*/*/OciRuntime.IntegrationTests.dll 2>/dev/null | head -n1)
sdk=$(dotnet --version 2>/dev/null)
vstest=$(dirname "$(readlink -f "$(command -v dotnet)")")/sdk/$sdk/vstest.console.dll
summary() { echo; echo "$1 passed, $2 failed, $3 skipped"; [ "$2" -eq 0 ]; exit; }
[ -f "$dll" ] || { echo "test-v2: build the test assembly first (dotnet build tests/OciRuntime.IntegrationTests)" >&2; summary 0 1 0; }
[ -f "$vstest" ] || { echo "test-v2: no vstest.console.dll at $vstest" >&2; summary 0 1 0; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT
SECONDS=0
tests/vm/run-in-v2-vm.sh "$PWD/tests/vm/test-v2.sh" --inside "$vstest" "$PWD/$dll" "$filter" 2>&1 | tee "$log"
echo "test-v2: ${SECONDS}s in all (boot, test start-up and tests)"
count() { grep -cE "^ +$1 [A-Za-z]" "$log"; }
passed=$(count Passed) failed=$(count Failed) skipped=$(count Skipped)
# No closing "Total tests:" means the run itself broke (VM did not boot, vstest crashed, timeout): one failure.
grep -q '^Total tests:' "$log" || { echo "test-v2: the test run did not complete" >&2; failed=$((failed + 1)); }
summary "$passed" "$failed" "$skipped"
