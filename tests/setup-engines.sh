#!/usr/bin/env bash
# Installs the engines the end-to-end battery drives (Podman with conmon, containerd with its runc v2 shim) and runc,
# which every battery also runs against, from Debian, only when something is missing. Never fails the run: the
# engine tests skip, saying why, when an engine is absent.
set -uo pipefail
need=()
command -v podman >/dev/null || need+=(podman)
command -v conmon >/dev/null || need+=(conmon)
command -v containerd >/dev/null || need+=(containerd)
command -v runc >/dev/null || need+=(runc)
command -v script >/dev/null || need+=(bsdutils)
[ "${#need[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "engine tests will skip: missing ${need[*]} (run as root to install them)" >&2
  exit 0
fi
echo "installing: ${need[*]}"
apt-get update -qq >/dev/null 2>&1
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 ||
  echo "could not install ${need[*]}; engine tests will skip" >&2
