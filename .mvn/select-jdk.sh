# Sourced by ./mvnw and .ci/run: Recoup needs JDK 21 or newer. When JAVA_HOME is unset or
# points at an older JDK, pick the newest JDK 21+ installed under /usr/lib/jvm.
# (No globbing: ./mvnw runs with `set -f`.)
recoup_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "${JAVA_HOME:-}/bin/java" ] || ! [ "$(recoup_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
  for recoup_candidate in $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort -rV); do
    if [ -x "$recoup_candidate/bin/javac" ] && [ "$(recoup_java_major "$recoup_candidate")" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$recoup_candidate"
      break
    fi
  done
fi
