#!/usr/bin/env bash
# Installs Debian packages for another setup script: `apt-install.sh CALLER PACKAGE...`.
# Runs apt-get as root, through sudo when not root; says who asked and fails clearly when
# there is no apt-get or no way to become root. The one place the setup scripts install from.
set -euo pipefail

caller=$1
shift
[ "$#" -gt 0 ] || exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "$caller: missing $* and no apt-get to install them" >&2
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "$caller: need root (or sudo) to install: $*" >&2
    exit 1
fi
echo "$caller: installing $*"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
