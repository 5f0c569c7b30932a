#!/usr/bin/env bash
# Runs CMD as root inside a pure cgroup v2 VM and returns its exit status; its output streams to stdout.
#   tests/vm/run-in-v2-vm.sh CMD [ARGS...]
# The guest's / is the host's / read-only (so the repository, dotnet and the built binary are at the same paths),
# with /tmp and /run in RAM and /etc, /var and the repository as RAM overlays (writes never reach the host);
# CMD starts in the current directory.
# Environment: OCIRT_VM_TIMEOUT (seconds, default 1200), OCIRT_VM_BOOT_TIMEOUT (seconds to reach the guest's init,
# default 300), OCIRT_VM_MEMORY (MiB, default 2048),
# OCIRT_VM_CPUS (default: the host's), OCIRT_VM_CACHE (see prepare-vm.sh).
# Exits 125 when the VM could not boot or did not finish in time, printing the guest's kernel log.
set -euo pipefail
[ "$#" -gt 0 ] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
image=$("$here/prepare-vm.sh")
timeout_s=${OCIRT_VM_TIMEOUT:-1200}
boot_timeout_s=${OCIRT_VM_BOOT_TIMEOUT:-300}

job=$(mktemp -d /tmp/ocirt-vm-XXXXXX)
qemu=
trap '[ -z "$qemu" ] || kill "$qemu" 2>/dev/null || true; rm -rf "$job"' EXIT
{
  printf 'cd %q || exit 126\n' "$PWD"
  printf 'exec'
  printf ' %q' "$@"
  printf '\n'
} >"$job/cmd"

# The repository is shared on its own as well: a clone under /tmp would be hidden by the guest's RAM /tmp.
repo=$(cd "$here/../.." && pwd)
nine() { # tag, host path, extra fsdev options: a virtio-9p share
  echo "-fsdev local,id=$1,path=$2,security_model=passthrough,multidevs=remap$3 -device virtio-9p-pci,fsdev=$1,mount_tag=$1"
}
# shellcheck disable=SC2046 # the share options are meant to split into words
SECONDS=0
timeout -k 10 "$timeout_s" qemu-system-x86_64 \
  -accel tcg,thread=multi -cpu max -smp "${OCIRT_VM_CPUS:-$(nproc)}" -m "${OCIRT_VM_MEMORY:-2048}" \
  -nodefaults -display none -monitor none -no-reboot \
  -kernel "$image/vmlinux" -initrd "$image/initramfs.cpio" \
  -append "console=ttyS0 loglevel=4 panic=-1 cgroup_no_v1=all ocirt_init=$here/guest-init.sh ocirt_repo=$repo" \
  -serial "file:$job/console.log" \
  -device virtio-serial-pci -chardev stdio,id=out,signal=off -device virtconsole,chardev=out \
  $(nine hostroot / ,readonly=on) $(nine repo "$repo" ,readonly=on) $(nine job "$job" "") \
  </dev/null &
qemu=$!
# A guest that never reaches its init (guest-init.sh touches "booted") is stopped early rather than at the timeout.
while ! [ -f "$job/booted" ] && kill -0 "$qemu" 2>/dev/null; do
  if [ "$SECONDS" -ge "$boot_timeout_s" ]; then touch "$job/boot-timeout"; kill "$qemu"; break; fi
  sleep 1
done
boot_s=$SECONDS
set +e
wait "$qemu"
qemu_status=$?
set -e
elapsed=$SECONDS

if [ -f "$job/status" ]; then
  status=$(cat "$job/status")
  echo "run-in-v2-vm: exit $status; booted in ${boot_s}s, ${elapsed}s in all" >&2
  exit "$status"
fi
if [ -f "$job/boot-timeout" ]; then
  echo "run-in-v2-vm: the VM did not boot within ${boot_timeout_s}s (OCIRT_VM_BOOT_TIMEOUT); its kernel log ends:" >&2
elif [ "$qemu_status" -eq 124 ] || [ "$qemu_status" -eq 137 ]; then
  echo "run-in-v2-vm: the VM did not finish within ${timeout_s}s (OCIRT_VM_TIMEOUT); its kernel log ends:" >&2
else
  echo "run-in-v2-vm: the VM stopped (qemu exit $qemu_status) without the command's status; its kernel log ends:" >&2
fi
tail -n 40 "$job/console.log" >&2 2>/dev/null || true
exit 125
