#!/bin/busybox sh
# /init of the test VM's initramfs (built by prepare-vm.sh). Makes the host's / the guest's root, read-only over
# virtio-9p, with RAM for what must be writable, and switches to it; tests/vm/guest-init.sh goes on from there.
# Its output goes to the kernel console (the host keeps it in console.log).
/bin/busybox --install -s /bin
export PATH=/bin
fail() { echo "initramfs: $*"; poweroff -f; }

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for m in $(cat /modules/order); do insmod "/modules/$m.ko" || fail "insmod $m"; done

# cache=loose: the host tree doesn't change under a test run, and every exec and read would otherwise go to qemu.
nine="trans=virtio,version=9p2000.L,msize=512000"
mount -t 9p -o "$nine,cache=loose,ro" hostroot /newroot || fail "cannot mount the host's / (9p tag hostroot)"
mount -t tmpfs -o mode=755 run /newroot/run
mount -t tmpfs -o mode=1777 tmp /newroot/tmp
# The repository at its host path, even where that path is under the RAM /tmp just mounted.
repo=$(sed -n 's/.*ocirt_repo=\([^ ]*\).*/\1/p' /proc/cmdline)
mkdir -p "/newroot$repo" 2>/dev/null
mount -t 9p -o "$nine,cache=loose,ro" repo "/newroot$repo" || fail "cannot mount the repository (9p tag repo) at $repo"
# /etc and /var take writes (hostname, lock files, dotnet's and apt's state): a RAM layer over the host's.
for dir in etc var; do
  mkdir -p "/newroot/run/overlay/$dir/upper" "/newroot/run/overlay/$dir/work"
  mount -t overlay overlay -o "lowerdir=/newroot/$dir,upperdir=/newroot/run/overlay/$dir/upper,workdir=/newroot/run/overlay/$dir/work" \
    "/newroot/$dir" || fail "overlay on /$dir"
done
# The job share: the command to run (cmd) and where the exit status goes. No cache: the host reads it after poweroff.
mkdir -p /newroot/run/ocirt-vm
mount -t 9p -o "$nine" job /newroot/run/ocirt-vm || fail "cannot mount the job share (9p tag job)"

for fs in proc sys dev; do mount --move "/$fs" "/newroot/$fs"; done
guest_init=$(sed -n 's/.*ocirt_init=\([^ ]*\).*/\1/p' /newroot/proc/cmdline)
[ -x "/newroot$guest_init" ] || fail "no guest init at $guest_init"
exec switch_root /newroot "$guest_init"
