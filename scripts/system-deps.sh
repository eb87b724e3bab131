#!/usr/bin/env bash
# Installs what the browser tests need beyond the Python venv, only when missing:
# Debian's Chromium, a Java runtime (Nu HTML Checker), Node/npm, and the npm
# devDependencies of package.json (axe-core, vnu-jar). Safe to run again and again.
set -euo pipefail

cd "$(dirname "$0")/.."

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "system-deps: need root (or sudo) to run: $*" >&2
        exit 1
    fi
}

packages=()
# fonts-liberation: Chromium's recommended fonts (also the stylesheet's metric fallback).
[ -x /usr/bin/chromium ] || packages+=(chromium fonts-liberation)
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
# Debian's npm; a Node.js without npm is Debian's nodejs (other builds bundle npm).
if ! command -v npm >/dev/null 2>&1; then
    command -v node >/dev/null 2>&1 || packages+=(nodejs)
    packages+=(npm)
fi

if [ "${#packages[@]}" -gt 0 ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "system-deps: missing ${packages[*]} and no apt-get to install them" >&2
        exit 1
    fi
    echo "system-deps: installing ${packages[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}"
fi

# The marker files tell a complete install from an interrupted one.
if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
    echo "system-deps: installing npm devDependencies"
    # No install scripts: vnu.jar ships in the package, and its postinstall would only
    # fetch a Java runtime from the internet when none is installed.
    if [ -f package-lock.json ]; then
        npm ci --ignore-scripts --no-audit --no-fund
    else
        npm install --ignore-scripts --no-audit --no-fund
    fi
fi
