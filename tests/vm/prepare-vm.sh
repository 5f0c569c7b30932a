#!/usr/bin/env bash
# Prepares what run-in-v2-vm.sh boots: Debian's kernel (as an uncompressed vmlinux, booted through qemu's PVH
# entry) and a tiny busybox initramfs, in a cache directory, only when they are missing. Prints the directory.
#   tests/vm/prepare-vm.sh            # cache: $OCIRT_VM_CACHE or /var/cache/ociruntime-vm
# Needs root on a Debian machine (it apt-get installs qemu-system-x86 when missing). The host is never changed
# beyond that: the kernel package is only downloaded and unpacked, not installed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${OCIRT_VM_CACHE:-/var/cache/ociruntime-vm}

need=()
command -v qemu-system-x86_64 >/dev/null || need+=(qemu-system-x86)
command -v xz >/dev/null || need+=(xz-utils)
file -L /bin/busybox 2>/dev/null | grep -q static || need+=(busybox-static)
if [ "${#need[@]}" -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "prepare-vm: missing ${need[*]} (run as root, or install them)" >&2; exit 1; }
  echo "prepare-vm: installing ${need[*]}" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The kernel the distribution currently offers: what the linux-image-amd64 meta-package points at.
package=$(apt-cache depends linux-image-amd64 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -n1)
if [ -z "$package" ]; then
  apt-get update -qq >/dev/null
  package=$(apt-cache depends linux-image-amd64 | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -n1)
fi
[ -n "$package" ] || { echo "prepare-vm: apt-cache offers no linux-image-amd64" >&2; exit 1; }
version=${package#linux-image-}
out="$cache/$version"
# The initramfs also depends on the init script; rebuild when it changed.
stamp=$(sha256sum "$here/initramfs-init.sh" | cut -c1-16)
if [ -f "$out/vmlinux" ] && [ -f "$out/initramfs.cpio" ] && [ "$(cat "$out/stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "$out"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
echo "prepare-vm: fetching $package" >&2
(cd "$work" && apt-get download "$package" >/dev/null 2>&1) || {
  apt-get update -qq >/dev/null
  (cd "$work" && apt-get download "$package" >/dev/null)
}
dpkg-deb -x "$work"/"$package"_*.deb "$work/pkg"
modules="$work/pkg/lib/modules/$version"

# vmlinuz is a bzImage: a decompressor stub followed by the xz-compressed ELF kernel. Like the kernel's
# scripts/extract-vmlinux, find the first xz magic from which a valid ELF decompresses.
for offset in $(LC_ALL=C grep -obUaP '\xFD7zXZ\x00' "$work/pkg/boot/vmlinuz-$version" | cut -d: -f1); do
  tail -c +"$((offset + 1))" "$work/pkg/boot/vmlinuz-$version" | xz -dc 2>/dev/null >"$work/vmlinux" || true
  [ "$(head -c4 "$work/vmlinux" | od -An -c | tr -d ' ')" = '177ELF' ] && break
done
[ "$(head -c4 "$work/vmlinux" | od -An -c | tr -d ' ')" = '177ELF' ] || { echo "prepare-vm: no ELF kernel inside vmlinuz-$version" >&2; exit 1; }

# The initramfs: static busybox, the modules that reach the host's files (virtio-pci, 9p) and give output and an
# overlay, each after what it depends on (read from the module's own .modinfo, no depmod needed), and the init.
root="$work/initramfs"
mkdir -p "$root"/{bin,dev,proc,sys,newroot,modules}
cp /bin/busybox "$root/bin/busybox"
cp "$here/initramfs-init.sh" "$root/init"
chmod 755 "$root/init"
declare -A added=()
add_module() {
  local name=$1 file dep
  [ -n "${added[$name]:-}" ] && return
  added[$name]=1
  file=$(find "$modules/kernel" -name "$name.ko" | head -n1)
  [ -n "$file" ] || { echo "prepare-vm: module $name not in $package" >&2; exit 1; }
  for dep in $(tr '\0' '\n' <"$file" | sed -n 's/^depends=//p' | tr ',' ' '); do add_module "$dep"; done
  cp "$file" "$root/modules/"
  echo "$name" >>"$root/modules/order"
}
for m in virtio_pci virtio_console 9pnet_virtio 9p overlay; do add_module "$m"; done
(cd "$root" && find . | /bin/busybox cpio -o -H newc -R 0:0 2>/dev/null) >"$work/initramfs.cpio"

mv "$work/vmlinux" "$out/vmlinux"
mv "$work/initramfs.cpio" "$out/initramfs.cpio"
echo "$stamp" >"$out/stamp"
# Kernels Debian no longer points at are not booted again.
find "$cache" -mindepth 1 -maxdepth 1 ! -name "$version" -exec rm -rf {} +
echo "prepare-vm: kernel $version ready in $out" >&2
echo "$out"
