#!/usr/bin/env bash
# Measures what the model client adds to a streamed answer over loopback (agent-server's ModelClientBenchmark).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
# shellcheck source=../../bin/lib/jdk.sh
. "$root/bin/lib/jdk.sh"
daalu_find_jdk || exit 1
cd "$root"
mvn -B -q -pl agent-server -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -cp "agent-server/target/test-classes:agent-server/target/classes:$(cat agent-server/target/bench.classpath)" \
    dev.daalu.server.model.ModelClientBenchmark
