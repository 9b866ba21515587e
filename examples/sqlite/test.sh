#!/usr/bin/env bash
# The SQLite showcase as a user builds it: mvn verify in a copy of examples/sqlite (generate the binding of
# /usr/include/sqlite3.h, javac -h, CMake, layout check, JUnit under -Xcheck:jni, jar), then its demo from
# the jar with nothing but a JDK, javabridge's jar and libsqlite3. Reuses the javabridge jar and plugin that
# maven-plugin/test.sh installed into the local repository (run it first; it needs the main build).
set -euo pipefail
cd "$(dirname "$0")/../.."
version=0.1.0-SNAPSHOT
jb_jar="target/javabridge-$version.jar"
[ -f "$jb_jar" ] || { echo "examples/sqlite/test.sh: $jb_jar is missing: run scripts/test.sh and maven-plugin/test.sh first" >&2; exit 1; }
# Extra Maven options (for example -o -Dmaven.repo.local=DIR) come from JB_MVN_ARGS.
read -r -a extra <<<"${JB_MVN_ARGS:-}"
[ -f /usr/include/sqlite3.h ] || { echo "examples/sqlite/test.sh: /usr/include/sqlite3.h is missing: install libsqlite3-dev (scripts/lib/packages.sh)" >&2; exit 1; }
work=examples/sqlite/target/ci
rm -rf "$work" && mkdir -p "$work" && cp -r examples/sqlite/pom.xml examples/sqlite/sqlite.json examples/sqlite/src "$work/"
mkdir -p "$work/target/jvm-logs"
mvn -B -ntp -q "${extra[@]}" -f "$work/pom.xml" verify
bash scripts/check-jni-warnings.sh "$work/target"
unzip -l "$work/target/sqlite-binding-1.0.jar" | grep 'natives/linux_64/libsqlite3jni.so.sha256' >/dev/null \
  || { echo "examples/sqlite/test.sh: the jar lacks the library's digest" >&2; exit 1; }
grep -q '^# 0 declarations not bound' "$work/target/javabridge/glue/SQLite_report.txt" \
  || { echo "examples/sqlite/test.sh: something selected in sqlite.json was not bound:" >&2; cat "$work/target/javabridge/glue/SQLite_report.txt" >&2; exit 1; }
# From the jar alone, in a folder with no build output: NativeLoader takes the glue from the jar.
out=$(cd /tmp && java -Xcheck:jni --enable-native-access=ALL-UNNAMED \
  -cp "$OLDPWD/$work/target/sqlite-binding-1.0.jar:$OLDPWD/$jb_jar" com.example.sqlite.SqliteDemo 2>&1)
echo "$out"
case "$out" in
  *"total=6, text round trip true, error: sqlite3_exec: SQL logic error (1): no such table: no_such_table"*) ;;
  *) echo "examples/sqlite/test.sh: the demo failed" >&2; exit 1 ;;
esac
case "$out" in *WARNING*) echo "examples/sqlite/test.sh: the demo printed a JVM warning" >&2; exit 1 ;; esac
echo "examples/sqlite/test.sh: SQLite bound, tested and packaged; the demo ran from the jar"
