#!/usr/bin/env bash
# What `make bench` needs beyond the venv, installed only when missing: Hugo (the
# reference a user would pick instead) and GNU time (peak memory).
set -euo pipefail
packages=()
command -v hugo >/dev/null 2>&1 || packages+=(hugo)
[ -x /usr/bin/time ] || packages+=(time)
[ "${#packages[@]}" -eq 0 ] && exit 0
run() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
echo "bench-deps: installing ${packages[*]}"
run env DEBIAN_FRONTEND=noninteractive apt-get update
run env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}"
