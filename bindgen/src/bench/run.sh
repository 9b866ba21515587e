#!/usr/bin/env bash
# Builds and runs MathOpsBindingBench on JDK 25 against the multi-release test jar that bindgen's build makes
# (run "mvn -o test" in bindgen/ first, with JDK 25 installed), then prints the ratios of the same run.
#   bindgen/src/bench/run.sh [JMH options]    default: -f 2 -wi 3 -w 1s -i 5 -r 1s; BENCH_REGEX picks benchmarks
set -euo pipefail
cd "$(dirname "$0")/../.."
JDK=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
M2=${M2_REPO:-$HOME/.m2/repository}
jar=target/bindings-mr.jar
[ -f "$jar" ] || { echo "run.sh: no $jar: run mvn -o test in bindgen/ (with JDK 25 installed) first" >&2; exit 1; }
jmh=$M2/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar
cp="$jmh:$M2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar:$M2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
cp="$cp:$jar:$(cd .. && pwd)/target/javabridge-0.1.0-SNAPSHOT.jar"
out=target/bench
rm -rf "$out/classes" && mkdir -p "$out/classes"
"$JDK/bin/javac" --release 22 -proc:full -Xlint:-options -d "$out/classes" -cp "$cp" \
  -processorpath "$jmh:$M2/org/openjdk/jmh/jmh-generator-annprocess/1.37/jmh-generator-annprocess-1.37.jar:$M2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar:$M2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar" \
  $(find src/bench/java -name '*.java')
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ $# -eq 0 ]; then set -- -f 2 -wi 3 -w 1s -i 5 -r 1s; fi
# CPU time per operation (perf's task-clock through JMH's perfnorm), as scripts/bench.sh: time the machine's other
# work takes is then not counted. The ratios below use it when there, and also print JMH's wall-clock ones.
prof=()
if command -v perf >/dev/null && perf stat -x, -e task-clock true >/dev/null 2>&1; then
  prof=(-prof 'perfnorm:events=task-clock')
fi
"$JDK/bin/java" --enable-native-access=ALL-UNNAMED -cp "$out/classes:$cp" org.openjdk.jmh.Main "${BENCH_REGEX:-MathOpsBindingBench}" \
  -jvmArgsAppend --enable-native-access=ALL-UNNAMED -rf json -rff "$out/jmh.json" "${prof[@]}" "$@" | tee "$out/jmh.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out/jmh.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
wall = {b["benchmark"].rsplit(".", 1)[1]: b["primaryMetric"]["score"] for b in rows}
cpu = {b["benchmark"].rsplit(".", 1)[1]: b["secondaryMetrics"]["task-clock"]["score"] * 1e6
       for b in rows if "task-clock" in b.get("secondaryMetrics", {})}
for f in ("multiply", "safeAdd"):
    for clock, r in (("CPU", cpu), ("wall", wall)):
        if f + "Binding" not in r:
            continue
        binding, raw, jni = (r[f + k] for k in ("Binding", "RawFfmCritical", "JniNative"))
        print(f"{f} ({clock}): binding {binding:.2f} ns, raw FFM critical {raw:.2f} ns, JNI native {jni:.2f} ns; "
              f"binding/raw {binding / raw:.2f}x, JNI/raw {jni / raw:.2f}x, JNI/binding {jni / binding:.2f}x")
PY
