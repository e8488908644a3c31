#!/usr/bin/env bash
# Tagging and repo-map benchmark on a real tree (the Linux kernel, ansible-core, ...).
# Usage: bench/symbols/run.sh ROOT [MAP_OUTPUT_DIR] [JVM options...]
# Prints tagging speed (one thread; cpu and wall time), graph build time, cached 1K/4K map times,
# a focused map's time and the graph's heap. See bench/symbols/README.md for figures.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
root=${1:?usage: run.sh ROOT [MAP_OUTPUT_DIR] [JVM options...]}
maps=${2:-}
shift $(( $# >= 2 ? 2 : 1 ))
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MAVEN_OPTS=${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}
cd "$here"
mvn -B -q -o -pl repo-indexer test-compile
cp_file=repo-indexer/target/bench.classpath
mvn -B -q -o -pl repo-indexer dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" >/dev/null
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g "$@" \
  -cp "repo-indexer/target/test-classes:repo-indexer/target/classes:$(cat "$cp_file")" \
  dev.daalu.indexer.rank.SymbolsBenchmark "$root" $maps
