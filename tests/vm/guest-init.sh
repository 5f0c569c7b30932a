#!/bin/sh
# PID 1 of the test VM once the host's / is its root (see initramfs-init.sh): a pure cgroup v2 system
# (the kernel runs with cgroup_no_v1=all). Runs /run/ocirt-vm/cmd with its output on the virtio console the host
# streams, leaves the exit status in /run/ocirt-vm/status, and powers off.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
busybox=/bin/busybox
out=/dev/hvc0
: >/run/ocirt-vm/booted

mount -t cgroup2 -o nsdelegate cgroup2 /sys/fs/cgroup
# Every controller the kernel has, delegated to children, as a systemd host does it.
for c in $(cat /sys/fs/cgroup/cgroup.controllers); do echo "+$c" >/sys/fs/cgroup/cgroup.subtree_control; done
mkdir -p /dev/pts /dev/shm /dev/mqueue
mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts /dev/pts
ln -sf pts/ptmx /dev/ptmx
mount -t tmpfs -o mode=1777 shm /dev/shm
mount -t mqueue mqueue /dev/mqueue
ln -sf /proc/self/fd /dev/fd
ln -sf /proc/self/fd/0 /dev/stdin
ln -sf /proc/self/fd/1 /dev/stdout
ln -sf /proc/self/fd/2 /dev/stderr
# The repository takes writes too (tests create mount points in the shared busybox rootfs), kept in RAM.
repo=$(sed -n 's/.*ocirt_repo=\([^ ]*\).*/\1/p' /proc/cmdline)
mkdir -p /run/overlay/repo/upper /run/overlay/repo/work
mount -t overlay overlay -o "lowerdir=$repo,upperdir=/run/overlay/repo/upper,workdir=/run/overlay/repo/work" "$repo"
$busybox hostname ocirt-v2-vm
ip link set lo up 2>/dev/null || $busybox ip link set lo up

# dotnet wants a writable home; NuGet and its first-run files go there too.
mkdir -p /tmp/home
export HOME=/tmp/home DOTNET_CLI_HOME=/tmp/home NUGET_PACKAGES=/tmp/home/.nuget/packages \
  DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 TERM=dumb

# As PID 1 this shell also reaps the orphans the tests leave (wait reaps any child).
/bin/bash /run/ocirt-vm/cmd </dev/null >$out 2>&1 &
wait $!
status=$?
echo "$status" >/run/ocirt-vm/status
sync
$busybox poweroff -f
