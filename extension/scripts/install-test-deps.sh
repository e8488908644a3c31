#!/usr/bin/env bash
# Installs what the extension's tests need, on Debian 12 whose only network is the package registries:
#   - Debian's chromium (the e2e browser, driven by playwright-core) and the headers code-server's native
#     modules build against;
#   - code-server 4.100.3 (VS Code 1.100.3) from npm, cached under $DAALU_TEST_CACHE (default ~/.cache/daalu);
#   - the extension's own npm dependencies (npm ci).
# Idempotent: a second run installs nothing. Prints the code-server binary's path on its last line.
# Usage: extension/scripts/install-test-deps.sh
set -euo pipefail
ext_dir="$(cd "$(dirname "$0")/.." && pwd)"
cache="${DAALU_TEST_CACHE:-$HOME/.cache/daalu}"
version=4.100.3
prefix="$cache/code-server-$version"
export DEBIAN_FRONTEND=noninteractive

# chromium for the browser; the rest are what code-server's native modules build against, and ripgrep is
# handed to @vscode/ripgrep below
need=(chromium fonts-dejavu-core build-essential pkg-config python3 libkrb5-dev libx11-dev libxkbfile-dev
      libsecret-1-dev ripgrep)
missing=()
for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! "$prefix/node_modules/.bin/code-server" --version >/dev/null 2>&1; then
  # @vscode/ripgrep downloads a release binary at install time; this network refuses that download,
  # so its download cache is seeded with Debian's rg under the asset name it looks for.
  rg_cache="$(node -e 'process.stdout.write(require("os").tmpdir())')/vscode-ripgrep-cache-1.15.11"
  asset="$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
  if [ ! -s "$asset" ]; then
    mkdir -p "$rg_cache"
    tmp=$(mktemp -d)
    cp "$(command -v rg)" "$tmp/rg"
    tar czf "$asset" -C "$tmp" rg
    rm -rf "$tmp"
  fi
  mkdir -p "$prefix"
  echo "installing code-server $version into $prefix"
  # running as root: its postinstall insists on unsafe-perm; npx inside it must not prompt
  npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --loglevel=error --prefix "$prefix" "code-server@$version" >/dev/null
fi

if [ ! -d "$ext_dir/node_modules" ] || [ "$ext_dir/package-lock.json" -nt "$ext_dir/node_modules/.package-lock.json" ]; then
  npm --prefix "$ext_dir" ci --no-audit --no-fund --loglevel=error
fi

"$prefix/node_modules/.bin/code-server" --version >&2
echo "$prefix/node_modules/.bin/code-server"
