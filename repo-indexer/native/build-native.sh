#!/usr/bin/env bash
# Builds libdaalu-tree-sitter.so, the repo indexer's native parsing library.
# Usage: build-native.sh JAVA_HOME OUTPUT_DIR
# It holds, compiled with -O2:
#   - the tree-sitter runtime (vendored in the npm package tree-sitter 0.25.1): the io.github.bonede
#     bindings ship an unoptimised build of it, about 4x slower on real C code;
#   - the grammars without a published Java artifact: HCL (@tree-sitter-grammars/tree-sitter-hcl 1.2.0,
#     Terraform) and TSX (tree-sitter-typescript 0.23.2, directory tsx/);
#   - daalu_tree_sitter.c, the JNI surface dev.daalu.indexer.parse.NativeTreeSitter declares.
# Each npm tarball is checked against its published sha1 and cached under $XDG_CACHE_HOME/daalu/grammars.
# Writes OUTPUT_DIR/linux-x86_64/libdaalu-tree-sitter.so. Needs: npm (once, or cached tarballs), gcc, a JDK.
set -euo pipefail
java_home=${1:?usage: build-native.sh JAVA_HOME OUTPUT_DIR}
out_dir=${2:?usage: build-native.sh JAVA_HOME OUTPUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/daalu/grammars
lib="$out_dir/linux-x86_64/libdaalu-tree-sitter.so"

if [ -s "$lib" ] && [ "$lib" -nt "$here/daalu_tree_sitter.c" ] && [ "$lib" -nt "$0" ]; then
  exit 0
fi
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "build-native.sh: only Linux x86_64 is supported (this is $(uname -s)-$(uname -m))" >&2
  exit 1
fi
command -v gcc >/dev/null || { echo "build-native.sh: gcc is needed to compile tree-sitter (apt-get install gcc)" >&2; exit 1; }
[ -f "$java_home/include/jni.h" ] || { echo "build-native.sh: no JNI headers under $java_home/include (need a JDK, not a JRE)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# fetch NAME NPM_PACKAGE VERSION SHA1: unpacks the package into $work/NAME
fetch() {
  local name=$1 package=$2 version=$3 sha1=$4
  local tarball="$cache/$name-$version.tgz"
  mkdir -p "$cache"
  if [ ! -s "$tarball" ] || [ "$(sha1sum "$tarball" | cut -d' ' -f1)" != "$sha1" ]; then
    command -v npm >/dev/null || { echo "build-native.sh: npm is needed once to fetch $package@$version" >&2; exit 1; }
    local tmp
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent "$package@$version" >/dev/null)
    mv "$tmp"/*.tgz "$tarball"
    rm -rf "$tmp"
  fi
  local actual
  actual=$(sha1sum "$tarball" | cut -d' ' -f1)
  if [ "$actual" != "$sha1" ]; then
    echo "build-native.sh: $tarball has sha1 $actual, expected $sha1" >&2
    exit 1
  fi
  mkdir -p "$work/$name"
  tar xzf "$tarball" -C "$work/$name"
}

fetch runtime tree-sitter 0.25.1 f0ecf2797ca542a44e38384682dd1250647f25f5
fetch hcl @tree-sitter-grammars/tree-sitter-hcl 1.2.0 f0e1360d24b454181ceb75625b1c13f0002e07d6
fetch tsx tree-sitter-typescript 0.23.2 70bc615a2f664a8e9c87c533382beca587f28ab3

runtime="$work/runtime/package/vendor/tree-sitter/lib"
cflags=(-O2 -fPIC -std=c11 -D_DEFAULT_SOURCE -fvisibility=hidden -w)
# one translation unit each: grammars define static helpers with the same names
gcc "${cflags[@]}" -I "$runtime/include" -I "$runtime/src" -c "$runtime/src/lib.c" -o "$work/runtime.o"
gcc "${cflags[@]}" -I "$work/hcl/package/src" -c "$work/hcl/package/src/parser.c" -o "$work/hcl-parser.o"
gcc "${cflags[@]}" -I "$work/hcl/package/src" -c "$work/hcl/package/src/scanner.c" -o "$work/hcl-scanner.o"
gcc "${cflags[@]}" -I "$work/tsx/package/tsx/src" -c "$work/tsx/package/tsx/src/parser.c" -o "$work/tsx-parser.o"
gcc "${cflags[@]}" -I "$work/tsx/package/tsx/src" -c "$work/tsx/package/tsx/src/scanner.c" -o "$work/tsx-scanner.o"
gcc "${cflags[@]}" -Wall -Wno-unused-parameter -I "$runtime/include" -I "$java_home/include" -I "$java_home/include/linux" \
  -c "$here/daalu_tree_sitter.c" -o "$work/jni.o"
mkdir -p "$(dirname "$lib")"
gcc -shared -Wl,-Bsymbolic -o "$lib.tmp" "$work"/*.o
mv "$lib.tmp" "$lib"
echo "built $lib"
