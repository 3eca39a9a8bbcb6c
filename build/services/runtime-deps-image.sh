#!/usr/bin/env bash
# Usage: build/services/runtime-deps-image.sh [image name, default localhost/runtime-deps:bookworm]
#
# Makes the offline stand-in for mcr.microsoft.com/dotnet/runtime-deps on the engine at DOCKER_HOST, for machines
# that cannot pull: a minimal Debian 12 root filesystem from Debian's packages (debootstrap), with what a
# self-contained .NET app needs (ICU, OpenSSL, CA certificates, time zones), imported as an image.
# The root filesystem is kept as a tarball under $SERVICES_CACHE_DIR, so a machine makes it once (about 30 s to 2 min)
# and every later engine imports it in seconds.
# Nothing cached is trusted: a tarball whose root is not readable by every user is repacked open, and an image on the
# engine in which the service's user (1654) cannot start a shell and read the libraries the app loads is made again,
# each saying why.
# Then build with: ./build.sh BuildImage --base-image localhost/runtime-deps:bookworm
set -euo pipefail

image="${1:-localhost/runtime-deps:bookworm}"
cache_dir="${SERVICES_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/app-pipeline}"
tarball="$cache_dir/runtime-deps-bookworm.tar"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# The numeric user of src/App/Dockerfile (APP_UID): what the service runs as.
service_user="${RUNTIME_DEPS_CHECK_USER:-1654}"
log() { echo "runtime-deps-image: $*" >&2; }

# The check a container of the service makes on its first start: as its user, a shell runs, / and /usr are
# searchable, and ICU and OpenSSL (which a self-contained .NET app loads) are readable. Prints why when not.
image_works() {
  local out
  if out="$(docker run --rm --network host --user "$service_user" --entrypoint /bin/sh "$image" -c \
    'cd / && ls /usr/lib > /dev/null && test -r "$(ls /usr/lib/x86_64-linux-gnu/libssl.so.3)" && ls /usr/lib/x86_64-linux-gnu/libicuuc.so.* > /dev/null' 2>&1)"; then
    return 0
  fi
  # docker run ends with "Run 'docker run --help' …", which says nothing: the engine's own line says what failed.
  { grep -m 1 -i 'error\|denied' <<< "$out" || tail -n 1 <<< "$out"; } | sed 's/^docker: //'
  return 1
}

# The tarball's own entry for / ("./", first in a tar of a folder made with -C … .): when there, its mode must let
# any user search and read it (a folder made by mktemp is 0700). Without one, docker import makes / 0755.
tarball_root_readable() {
  local first
  # head closes the pipe early: tar's SIGPIPE is no failure here.
  first="$(tar -tvf "$1" 2> /dev/null | head -n 1 || true)"
  [[ -n "$first" ]] || return 1
  [[ "${first##* }" != "./" || "$first" == drwxr-xr-x* ]]
}

if docker image inspect "$image" > /dev/null 2>&1; then
  if why="$(image_works)"; then
    log "$image is already on the engine and works as user $service_user"
    exit 0
  fi
  log "$image is on the engine but user $service_user cannot use it ($why): making it again"
  docker image rm -f "$image" > /dev/null
fi

# An earlier version tarred / as 0700, and nothing else wrong: repacked with / at 0755 in seconds, where making it
# again takes a debootstrap. As root only, so that every file keeps its owner.
if [[ -s "$tarball" ]] && ! tarball_root_readable "$tarball"; then
  mode="$( (tar -tvf "$tarball" 2> /dev/null || true) | head -n 1 | cut -c1-10)"
  if [[ $EUID -eq 0 ]]; then
    log "the cached $tarball has a root folder only its owner can read ($mode): repacking it with / at 0755"
    repack="$(mktemp -d "$cache_dir/repack.XXXXXX")"
    trap 'rm -rf "$repack" "$tarball.partial"' EXIT
    if tar -C "$repack" --numeric-owner -xf "$tarball" && chmod 0755 "$repack" \
      && tar -C "$repack" --numeric-owner -cf "$tarball.partial" . && mv "$tarball.partial" "$tarball"; then
      :
    else
      log "repacking failed: making it again"
      rm -f "$tarball"
    fi
    rm -rf "$repack"
  else
    log "the cached $tarball has a root folder only its owner can read ($mode): making it again"
    rm -f "$tarball"
  fi
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
  began=$SECONDS
  if ! debootstrap --variant=minbase --include=libicu72,libssl3,ca-certificates,tzdata bookworm "$rootfs" "$mirror" > "$rootfs.log" 2>&1; then
    tail -n 20 "$rootfs.log" >&2
    log "debootstrap failed (log: $rootfs.log)"
    exit 2
  fi
  rm -f "$rootfs.log"
  log "debootstrap took $((SECONDS - began))s"
  # What a runtime image never reads: package lists and caches, documentation, translations. Half the size, and the
  # vfs storage driver copies every byte of it for each layer built on top.
  rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc "$rootfs"/usr/share/man \
    "$rootfs"/usr/share/locale "$rootfs"/usr/share/info
  # mktemp made the folder 0700, and tar records "." with that mode: the image's / would be closed to every user but
  # root, and the service (user 1654) could not start.
  chmod 0755 "$rootfs"
  # Written aside and renamed: an interrupted run leaves no tarball that looks complete.
  tar -C "$rootfs" --numeric-owner -cf "$tarball.partial" .
  mv "$tarball.partial" "$tarball"
fi

log "importing $tarball as $image"
docker import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' "$tarball" "$image" > /dev/null
if ! why="$(image_works)"; then
  docker image rm -f "$image" > /dev/null 2>&1 || true
  log "$image does not work as user $service_user ($why); the tarball was removed, run again to make it anew"
  rm -f "$tarball"
  exit 2
fi
log "$image works as user $service_user"
