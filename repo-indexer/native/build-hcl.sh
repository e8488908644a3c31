#!/usr/bin/env bash
# Builds the tree-sitter HCL grammar as a JNI library for the repo indexer.
# Usage: build-hcl.sh JAVA_HOME OUTPUT_DIR
# Fetches the pinned npm package (checked against its published sha1), compiles parser.c and
# scanner.c with this directory's hcl_jni.c, and writes OUTPUT_DIR/linux-x86_64/libdaalu-tree-sitter-hcl.so.
# Needs: npm (or a cached tarball), gcc, and the JDK's JNI headers.
set -euo pipefail
java_home=${1:?usage: build-hcl.sh JAVA_HOME OUTPUT_DIR}
out_dir=${2:?usage: build-hcl.sh JAVA_HOME OUTPUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
package=@tree-sitter-grammars/tree-sitter-hcl
version=1.2.0
sha1=f0e1360d24b454181ceb75625b1c13f0002e07d6
lib="$out_dir/linux-x86_64/libdaalu-tree-sitter-hcl.so"

if [ -s "$lib" ] && [ "$lib" -nt "$here/hcl_jni.c" ] && [ "$lib" -nt "$0" ]; then
  exit 0
fi
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "build-hcl.sh: only Linux x86_64 is supported (this is $(uname -s)-$(uname -m))" >&2
  exit 1
fi
command -v gcc >/dev/null || { echo "build-hcl.sh: gcc is needed to compile the HCL grammar (apt-get install gcc)" >&2; exit 1; }
[ -f "$java_home/include/jni.h" ] || { echo "build-hcl.sh: no JNI headers under $java_home/include (need a JDK, not a JRE)" >&2; exit 1; }

cache=${XDG_CACHE_HOME:-$HOME/.cache}/daalu/grammars
tarball="$cache/tree-sitter-hcl-$version.tgz"
mkdir -p "$cache"
if [ ! -s "$tarball" ] || [ "$(sha1sum "$tarball" | cut -d' ' -f1)" != "$sha1" ]; then
  command -v npm >/dev/null || { echo "build-hcl.sh: npm is needed once to fetch $package@$version" >&2; exit 1; }
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "$package@$version" >/dev/null)
  mv "$tmp"/*.tgz "$tarball"
  rm -rf "$tmp"
fi
actual=$(sha1sum "$tarball" | cut -d' ' -f1)
if [ "$actual" != "$sha1" ]; then
  echo "build-hcl.sh: $tarball has sha1 $actual, expected $sha1" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar xzf "$tarball" -C "$work"
mkdir -p "$(dirname "$lib")"
gcc -O2 -shared -fPIC -std=c11 -w \
  -I "$work/package/src" -I "$java_home/include" -I "$java_home/include/linux" \
  "$work/package/src/parser.c" "$work/package/src/scanner.c" "$here/hcl_jni.c" \
  -o "$lib.tmp"
mv "$lib.tmp" "$lib"
echo "built $lib from $package@$version"
