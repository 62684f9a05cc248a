#!/usr/bin/env bash
# Rebuild bot/web/static/vendor/liff-<version>.js, the LINE LIFF SDK the editor's LIFF entry loads
# (bot/web/liff.py), from the npm registry: @line/liff and its @liff/* modules bundled into one
# browser file exposing window.liff. Not run at build or run time: the file is committed, and the
# bot serves it (no script is fetched from the internet). Run by hand to move to another version,
# then change LIFF_VERSION in bot/web/liff.py and the licence file beside the bundle.
set -euo pipefail
VERSION="${1:-2.31.0}"
ESBUILD=0.25.12
OUT="$(cd "$(dirname "$0")" && pwd)/static/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm init -y >/dev/null
npm install --save-exact --no-audit --no-fund "@line/liff@$VERSION" "esbuild@$ESBUILD" >/dev/null
printf 'import liff from "@line/liff";\nwindow.liff = liff;\n' > entry.mjs
node_modules/.bin/esbuild entry.mjs --bundle --minify --format=iife --target=es2017 \
  --legal-comments=none --outfile="$OUT/liff-$VERSION.js"
{
  echo "liff-$VERSION.js bundles @line/liff $VERSION with its @liff/* modules (npm), and whatwg-fetch, tslib and"
  echo "tiny-sha256, by bot/web/vendor_liff.sh. Their licences follow."
  echo
  echo "==== @line/liff $VERSION and @liff/* (README.md of @line/liff) ===="
  cat node_modules/@line/liff/README.md
  echo
  echo "==== whatwg-fetch $(node -p 'require("./node_modules/whatwg-fetch/package.json").version') (MIT) ===="
  cat node_modules/whatwg-fetch/LICENSE
  echo
  echo "==== tslib $(node -p 'require("./node_modules/tslib/package.json").version') (0BSD) ===="
  cat node_modules/tslib/LICENSE.txt
  echo
  echo "==== tiny-sha256 $(node -p 'require("./node_modules/tiny-sha256/package.json").version') ===="
  echo "License: $(node -p 'require("./node_modules/tiny-sha256/package.json").license')"
} > "$OUT/liff-$VERSION.LICENSE.txt"
ls -l "$OUT/liff-$VERSION.js" "$OUT/liff-$VERSION.LICENSE.txt"
