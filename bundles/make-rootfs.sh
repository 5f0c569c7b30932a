#!/usr/bin/env bash
# Builds a minimal root filesystem from Debian's static busybox: one binary, an applet symlink per command.
set -euo pipefail
rootfs=${1:?usage: make-rootfs.sh DIR}
[ -x "$rootfs/bin/busybox" ] && exit 0
busybox=/bin/busybox
mkdir -p "$rootfs"/{bin,dev,etc,proc,sys,tmp,root,var,run}
cp "$busybox" "$rootfs/bin/busybox"
for applet in $("$busybox" --list); do
  [ -e "$rootfs/bin/$applet" ] || ln -s busybox "$rootfs/bin/$applet"
done
echo 'root:x:0:0:root:/root:/bin/sh' > "$rootfs/etc/passwd"
echo 'root:x:0:' > "$rootfs/etc/group"
chmod 1777 "$rootfs/tmp"
