#!/usr/bin/env bash
# Context budgets at the three catalog windows: replays a 33-step scripted task against the real server jar and a
# scripted model server, and prints tokens per model call, condensing calls, and requests over the window.
# Usage: bench/context/run.sh            (builds first; about a minute)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/bin/lib/jdk.sh"
daalu_find_jdk
cd "$root"
mvn -B -q -DskipTests -pl tests -am package dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp_file=tests/target/bench-classpath.txt
exec "$JAVA_HOME/bin/java" -Ddaalu.jar="$root/agent-server/target/daalu.jar" -Ddaalu.java="$JAVA_HOME/bin/java" \
  -cp "tests/target/test-classes:$(cat "$cp_file")" dev.daalu.e2e.bench.ContextBench
