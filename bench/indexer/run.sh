#!/usr/bin/env bash
# Repo-indexer benchmark: every measure beside a baseline taken in the same run (ctags, cat, rg).
# Usage: bench/indexer/run.sh [kernel|ansible|hcl|platform ...]   (default: all four)
# Prepares the trees idempotently under $DAALU_BENCH_DATA (default /work/bench-data), runs one JVM per codebase
# (the product's JVM options: -Xss16m -Xmx1g), prints a table per codebase and writes TSVs to
# $DAALU_BENCH_RESULTS (default $DAALU_BENCH_DATA/results/indexer-<time>). See bench/indexer/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
data=${DAALU_BENCH_DATA:-/work/bench-data}
results=${DAALU_BENCH_RESULTS:-$data/results/indexer-$(date -u +%Y%m%dT%H%M%SZ)}
codebases=("$@")
[ ${#codebases[@]} -gt 0 ] || codebases=(kernel ansible hcl platform)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MAVEN_OPTS=${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}

need() { # need COMMAND DEBIAN_PACKAGE
  command -v "$1" >/dev/null || apt-get install -y "$2" >/dev/null
}

git_init() { # the index and rg read .gitignore the way git does; git ls-files gives the baselines' file set
  [ -e "$1/.git" ] || git -C "$1" init -q
}

copy_tree() { # copy_tree SOURCE DEST: a fresh copy when DEST is missing (without __pycache__)
  if [ ! -d "$2" ]; then
    mkdir -p "$2"
    (cd "$1" && tar --exclude=__pycache__ -cf - .) | (cd "$2" && tar -xf -)
  fi
}

prepare() { # prepare NAME: prints the tree's path, or nothing when it cannot be had
  case "$1" in
    kernel)
      local tree=$data/linux
      if [ ! -d "$tree" ]; then
        [ -f /usr/src/linux-source-6.1.tar.xz ] || apt-get install -y linux-source-6.1 >/dev/null
        mkdir -p "$data" && tar -xJf /usr/src/linux-source-6.1.tar.xz -C "$data" && mv "$data/linux-source-6.1" "$tree"
      fi
      # Debian's source package ends the top .gitignore with "ignore everything at the top level" (/* then
      # !/debian/), which would hide the whole kernel: drop that block only, keep the upstream rules
      sed -i '/^# Debian packaging: ignore everything at the top level/,/^!\/debian\/$/d' "$tree/.gitignore"
      git_init "$tree"; echo "$tree" ;;
    ansible)
      [ -d /usr/lib/python3/dist-packages/ansible ] || apt-get install -y ansible-core >/dev/null
      copy_tree /usr/lib/python3/dist-packages/ansible "$data/ansible"; git_init "$data/ansible"; echo "$data/ansible" ;;
    hcl)
      [ -d /usr/share/gocode/src/github.com/hashicorp/hcl ] || apt-get install -y golang-github-hashicorp-hcl-v2-dev >/dev/null
      copy_tree /usr/share/gocode/src/github.com/hashicorp/hcl "$data/hcl"; git_init "$data/hcl"; echo "$data/hcl" ;;
    platform)
      local fixture=$here/repo-indexer/src/test/resources/dev/daalu/indexer/repos/platform
      if [ -d "$fixture" ]; then
        # its ignore files are stored as "gitignore" (see the fixture's README): give them their dot back
        rm -rf "$data/platform" && copy_tree "$fixture" "$data/platform"
        find "$data/platform" -name gitignore -type f -execdir mv gitignore .gitignore \;
        git_init "$data/platform"; echo "$data/platform"
      fi ;;
    *) echo "unknown codebase $1 (kernel, ansible, hcl, platform)" >&2; exit 2 ;;
  esac
}

need ctags universal-ctags; need rg ripgrep; need git git; [ -x /usr/bin/time ] || apt-get install -y time >/dev/null
cd "$here"
mvn -B -q -o -pl repo-indexer test-compile
cp_file=repo-indexer/target/bench.classpath
mvn -B -q -o -pl repo-indexer dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" >/dev/null
# run from a snapshot of the classes, so a rebuild during a long run cannot pull classes from under it
snapshot=$(mktemp -d)
trap 'rm -rf "$snapshot"' EXIT
cp -r repo-indexer/target/classes "$snapshot/classes"
cp -r repo-indexer/target/test-classes "$snapshot/test-classes"
mkdir -p "$results"
{
  echo "date: $(date -u +%FT%TZ)  host: $(nproc) cpus, $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "jdk: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)  ctags: $(ctags --version | head -1)  rg: $(rg --version | head -1)"
} | tee "$results/machine.txt"
for name in "${codebases[@]}"; do
  tree=$(prepare "$name")
  if [ -z "$tree" ]; then
    echo "$name: not available yet (the platform fixture lands on main later); skipped" | tee -a "$results/machine.txt"
    continue
  fi
  case "$name" in kernel) runs=(-Dbench.passes=1 -Dbench.repeats=5) ;; *) runs=(-Dbench.passes=3 -Dbench.repeats=7) ;; esac
  echo "$name: $tree; load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/machine.txt"
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xss16m -Xmx1g ${DAALU_JAVA_OPTS:-} "${runs[@]}" \
    -cp "$snapshot/test-classes:$snapshot/classes:$(cat "$cp_file")" \
    dev.daalu.indexer.bench.IndexBenchmark "$name" "$tree" "bench/indexer/queries/$name.tsv" "$results" \
    | tee "$results/$name.txt"
  echo "$name: load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/machine.txt"
done
echo "results in $results"
