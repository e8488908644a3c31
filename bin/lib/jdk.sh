# Sourced by bin/daalu, bin/test and .ci/run: finds a JDK 21 or newer and exports JAVA_HOME.
# Order: $JAVA_HOME, the java on PATH, then JDKs under /usr/lib/jvm (newest first).
daalu_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}

daalu_find_jdk() {
  local candidates=() home
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    candidates+=("$home")
  fi
  for home in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidates+=("${home%/}")
  done
  local found=""
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/javac" ] || continue
    local major
    major=$(daalu_java_major "$home")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      found=$home
      break
    fi
  done
  if [ -z "$found" ]; then
    echo "daalu: needs a JDK 21 or newer; found only $(java -version 2>&1 | head -n1) (install one, or set JAVA_HOME to it)" >&2
    return 1
  fi
  export JAVA_HOME=$found
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven's bundled Guava warns about sun.misc.Unsafe on JDK 24+; the warning is not ours to fix
  if [ "$(daalu_java_major "$JAVA_HOME")" -ge 24 ]; then
    case " ${MAVEN_OPTS:-} " in
      *sun-misc-unsafe-memory-access*) ;;
      *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
    esac
  fi
}
