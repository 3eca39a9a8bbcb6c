#!/usr/bin/env bash
# Usage: build/services/runtime-deps-image.sh [image name, default localhost/runtime-deps:bookworm]
#
# Makes the offline stand-in for mcr.microsoft.com/dotnet/runtime-deps on the engine at DOCKER_HOST, for machines
# that cannot pull: a minimal Debian 12 root filesystem from Debian's packages (debootstrap), with what a
# self-contained .NET app needs (ICU, OpenSSL, CA certificates, time zones), imported as an image.
# The root filesystem is kept as a tarball under $SERVICES_CACHE_DIR, so a machine makes it once (about 1-2 min)
# and every later engine imports it in seconds. Does nothing when the engine already has the image.
# Then build with: ./build.sh BuildImage --base-image localhost/runtime-deps:bookworm
set -euo pipefail

image="${1:-localhost/runtime-deps:bookworm}"
cache_dir="${SERVICES_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/app-pipeline}"
tarball="$cache_dir/runtime-deps-bookworm.tar"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
log() { echo "runtime-deps-image: $*" >&2; }

if docker image inspect "$image" > /dev/null 2>&1; then
  log "$image is already on the engine"
  exit 0
fi

if [[ ! -s "$tarball" ]]; then
  if ! command -v debootstrap > /dev/null; then
    [[ $EUID -eq 0 ]] || { log "debootstrap is missing: apt-get install debootstrap"; exit 2; }
    log "installing debootstrap"
    { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap; } > /dev/null
  fi
  [[ $EUID -eq 0 ]] || { log "debootstrap needs root to make the root filesystem"; exit 2; }
  mkdir -p "$cache_dir"
  rootfs="$(mktemp -d "$cache_dir/rootfs.XXXXXX")"
  trap 'rm -rf "$rootfs" "$tarball.partial"' EXIT
  log "debootstrap bookworm from $mirror into $rootfs (once per machine)"
  if ! debootstrap --variant=minbase --include=libicu72,libssl3,ca-certificates,tzdata bookworm "$rootfs" "$mirror" > "$rootfs.log" 2>&1; then
    tail -n 20 "$rootfs.log" >&2
    log "debootstrap failed (log: $rootfs.log)"
    exit 2
  fi
  rm -f "$rootfs.log"
  # What a runtime image never reads: package lists and caches, documentation, translations. Half the size, and the
  # vfs storage driver copies every byte of it for each layer built on top.
  rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc "$rootfs"/usr/share/man \
    "$rootfs"/usr/share/locale "$rootfs"/usr/share/info
  # Written aside and renamed: an interrupted run leaves no tarball that looks complete.
  tar -C "$rootfs" --numeric-owner -cf "$tarball.partial" .
  mv "$tarball.partial" "$tarball"
fi

log "importing $tarball as $image"
docker import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' "$tarball" "$image" > /dev/null
