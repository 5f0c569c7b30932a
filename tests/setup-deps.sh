#!/usr/bin/env bash
# Installs what building and testing need, from Debian, only when something is missing.
set -euo pipefail
need=()
command -v clang >/dev/null || command -v gcc >/dev/null || need+=(gcc)
[ -e /usr/include/zlib.h ] || need+=(zlib1g-dev)
[ -x /bin/busybox ] && /bin/busybox --list >/dev/null 2>&1 && file -L /bin/busybox 2>/dev/null | grep -q static || need+=(busybox-static)
command -v file >/dev/null || need+=(file)
command -v make >/dev/null || need+=(make)
[ -x /usr/bin/newuidmap ] && [ -x /usr/bin/newgidmap ] || need+=(uidmap) # rootless tests: subordinate id ranges
# The network tests make and inspect host interfaces with ip (the runtime itself talks rtnetlink).
command -v ip >/dev/null || need+=(iproute2)
# linux.seccomp is compiled with libseccomp, opened at run time only when a config has a profile.
ls /usr/lib/*/libseccomp.so.2 /lib/*/libseccomp.so.2 >/dev/null 2>&1 || need+=(libseccomp2)
# RuncComparisonTests run the same config under runc and compare what each container sees.
command -v runc >/dev/null || [ -x /usr/sbin/runc ] || need+=(runc)
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing packages: ${need[*]} (run as root, or install them)" >&2
    exit 1
  fi
  echo "installing: ${need[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
