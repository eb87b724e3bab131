#!/usr/bin/env bash
# What `make bench` needs beyond the venv, installed only when missing: Hugo (the
# reference a user would pick instead) and GNU time (peak memory).
set -euo pipefail
cd "$(dirname "$0")/.."
packages=()
command -v hugo >/dev/null 2>&1 || packages+=(hugo)
[ -x /usr/bin/time ] || packages+=(time)
bash scripts/apt-install.sh bench-deps "${packages[@]}"
