#!/usr/bin/env bash
# Runs the benchmarks (bench/, see BENCHMARKS.md) on JDK 17 and on JDK 25 when present:
# JMH for Java -> C, the C harnesses for C -> Java and for the C kernel alone. Writes
# JMH JSON and the harnesses' JSON under target/bench/, prints the table of ratios
# (also target/bench/ratios.md) and draws the charts (docs/ on a full run).
#
#   scripts/bench.sh            full run: -f 1, warm-up 2 x 0.5 s, 8 x 0.3 s measured (~20 min for two JDKs)
#   scripts/bench.sh --smoke    CI: builds everything, runs every benchmark once for 100 ms, fewer sizes
#
# BENCH_JDKS="path path" overrides the JDKs; BENCH_JMH_ARGS adds JMH options (e.g. a benchmark regex).
# The C -> Java rows of libjavabridge need its C API (include/javabridge/ and jb_* in the library):
# by default this tree's; BENCH_CAPI_ROOT=/path/to/another/javabridge/tree (built) takes that one.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

MODE=full
case "${1:-}" in
  --smoke) MODE=smoke ;;
  "") ;;
  *) echo "usage: $0 [--smoke]" >&2; exit 2 ;;
esac

# shellcheck source=scripts/lib/packages.sh
. scripts/lib/packages.sh
# The charts need a font: headless JDKs render text through fontconfig. perf gives CPU time per operation.
jb_install_packages fontconfig fonts-dejavu-core linux-perf

if [ -n "${BENCH_JDKS:-}" ]; then
  read -r -a JDKS <<<"$BENCH_JDKS"
else
  JDKS=()
  for j in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64; do
    [ -x "$j/bin/java" ] && JDKS+=("$j")
  done
  if [ ${#JDKS[@]} -eq 0 ]; then
    JDKS=("${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}")
  fi
fi

if [ "$MODE" = smoke ]; then
  JMH_ARGS=(-f 1 -wi 0 -i 1 -r 100ms -p size=64,65536 -p bytes=16 -p n=16)
  KERNEL_ARGS=(10 3)          # ms per sample, samples
  UPCALL_ARGS=(10 3 1 3)      # ms per sample, samples, JVM creations, attached threads
  CHARTS="$ROOT/target/bench/charts"
else
  JMH_ARGS=(-f 1 -wi 2 -w 500ms -i 8 -r 300ms)
  KERNEL_ARGS=(200 9)
  UPCALL_ARGS=(200 9 9 100)
  CHARTS="$ROOT/docs"
  # CPU time per operation (perf's task-clock, normalised by JMH): on a shared machine, time
  # spent descheduled is not the crossing's cost. Without perf, the report uses wall time.
  if command -v perf >/dev/null && perf stat -x, -e task-clock true >/dev/null 2>&1; then
    JMH_ARGS+=(-prof 'perfnorm:events=task-clock')
  else
    echo "(perf stat is unavailable here: the report will use wall times)"
  fi
fi
# shellcheck disable=SC2206
[ -n "${BENCH_JMH_ARGS:-}" ] && JMH_ARGS+=($BENCH_JMH_ARGS)

CAPI_ROOT="${BENCH_CAPI_ROOT:-$ROOT}"
CAPI_LIB="$CAPI_ROOT/target/classes/natives/linux_64/libjavabridge.so"

OUT="$ROOT/target/bench"
rm -rf "$OUT"
mkdir -p "$OUT"

echo "== [${SECONDS}s] javabridge: mvn install -DskipTests (JDK: ${JAVA_HOME:-default})"
mvn -B -q -ntp install -DskipTests
# bench/ runs the @CExport processor from its own artifact.
mvn -B -q -ntp -f cexport/pom.xml install -DskipTests

jdk_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}

REPORT=()
for JDK in "${JDKS[@]}"; do
  V=$(jdk_major "$JDK")
  echo "== [${SECONDS}s] JDK $V ($JDK): building bench/"
  JAVA_HOME="$JDK" mvn -B -q -ntp -f bench/pom.xml package -Dcapi.include.dir="$CAPI_ROOT/include" -Dcapi.lib="$CAPI_LIB"
  BUILD="$ROOT/bench/target/jdk$V"
  JAR="$BUILD/benchmarks.jar"
  mkdir -p "$OUT/jdk$V"

  if [ ! -f "$OUT/kernel.json" ]; then
    echo "== [${SECONDS}s] C kernel alone"
    "$BUILD/native-bin/jbb_kernel" "${KERNEL_ARGS[@]}" >"$OUT/kernel.json"
  fi

  FLAGS=(--enable-native-access=ALL-UNNAMED)
  EXCLUDE=()
  if [ "$V" -ge 24 ]; then
    FLAGS+=(--sun-misc-unsafe-memory-access=allow)   # JMH 1.37 still uses sun.misc.Unsafe
  fi
  if [ "$V" -lt 22 ]; then
    EXCLUDE=(-e '\.ffm')                              # FFM mechanisms exist only in JDK 22+ builds
  fi
  echo "== [${SECONDS}s] JDK $V: JMH (log: $OUT/jdk$V/jmh.log)"
  "$JDK/bin/java" "${FLAGS[@]}" -jar "$JAR" "${JMH_ARGS[@]}" "${EXCLUDE[@]}" \
    -foe true -rf json -rff "$OUT/jdk$V/jmh.json" >"$OUT/jdk$V/jmh.log" 2>&1 || {
      tail -40 "$OUT/jdk$V/jmh.log" >&2; echo "JMH failed on JDK $V" >&2; exit 1; }

  echo "== [${SECONDS}s] JDK $V: C calling Java"
  if [ -f "$CAPI_ROOT/include/javabridge/javabridge.h" ] && nm -D "$CAPI_LIB" 2>/dev/null | grep ' T jb_vm_open$' >/dev/null; then
    export JBB_JAVABRIDGE_LIB="$CAPI_LIB"
  else
    echo "   (no libjavabridge C API in $CAPI_ROOT: raw JNI rows only)"
    unset JBB_JAVABRIDGE_LIB
  fi
  "$BUILD/native-bin/jbb_upcall" "$JDK" "$JAR" "${UPCALL_ARGS[@]}" >"$OUT/jdk$V/upcall.json"
  REPORT=("$JDK/bin/java" -Djava.awt.headless=true -cp "$JAR" dev.javabridge.bench.report.Report)
done

echo "== [${SECONDS}s] Ratios ($MODE run, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
"${REPORT[@]}" "$OUT" "$CHARTS"
