#!/usr/bin/env bash
# Installs the npm packages pinned in package.json / package-lock.json, only when missing:
# Decap CMS (its bundle is copied into the site's /admin/), decap-server (`make cms`),
# js-yaml (the admin's front-matter format), axe-core, vnu-jar and structured-data-testing-tool
# (browser tests).
# Installs Node/npm from Debian first when there is none. Safe to run again and again.
set -euo pipefail

cd "$(dirname "$0")/.."

if ! command -v npm >/dev/null 2>&1; then
    packages=(npm)
    # a Node.js without npm is Debian's nodejs (other builds bundle npm)
    command -v node >/dev/null 2>&1 || packages=(nodejs npm)
    bash scripts/apt-install.sh npm-deps "${packages[@]}"
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
