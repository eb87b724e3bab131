#!/usr/bin/env bash
# Installs the npm packages pinned in package.json / package-lock.json, only when missing:
# Decap CMS (its bundle is copied into the site's /admin/), decap-server (`make cms`),
# js-yaml (the admin's front-matter format), axe-core, vnu-jar and structured-data-testing-tool
# (browser tests).
# Installs Node/npm from Debian first when there is none. Safe to run again and again.
set -euo pipefail

cd "$(dirname "$0")/.."

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "npm-deps: need root (or sudo) to run: $*" >&2
        exit 1
    fi
}

if ! command -v npm >/dev/null 2>&1; then
    packages=(npm)
    # a Node.js without npm is Debian's nodejs (other builds bundle npm)
    command -v node >/dev/null 2>&1 || packages=(nodejs npm)
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "npm-deps: missing ${packages[*]} and no apt-get to install them" >&2
        exit 1
    fi
    echo "npm-deps: installing ${packages[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}"
fi

# The marker files tell a complete install from an interrupted one.
markers=(
    node_modules/axe-core/axe.min.js
    node_modules/vnu-jar/build/dist/vnu.jar
    node_modules/structured-data-testing-tool/index.js
    node_modules/decap-cms/dist/decap-cms.js
    node_modules/decap-server/dist/index.js
    node_modules/js-yaml/dist/js-yaml.min.js
)
for marker in "${markers[@]}"; do
    if [ ! -f "$marker" ]; then
        echo "npm-deps: installing the npm packages of package-lock.json"
        # No install scripts: vnu.jar ships in the package, and its postinstall would only
        # fetch a Java runtime from the internet when none is installed.
        npm ci --ignore-scripts --no-audit --no-fund
        break
    fi
done
