#!/usr/bin/env bash
# Runs the Textbridge phone core on this JVM (npm run phone -- [options]).
# Builds target/textbridge-phone.jar first when it is missing or older than any source or pom.
# Build output goes to stderr: stdout stays one JSON event per line.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
parent="$(cd "$here/.." && pwd)"
jar="$here/target/textbridge-phone.jar"

stale() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find "$here/src/main" "$parent/core/src/main" "$here/pom.xml" "$parent/core/pom.xml" \
    "$parent/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]
}

if stale; then
  echo "[phone.sh] building $jar" >&2
  mvn -q -f "$parent/pom.xml" -pl core,runner -am -DskipTests package 1>&2
fi
exec java -jar "$jar" "$@"
