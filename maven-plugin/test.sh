#!/usr/bin/env bash
# The plugin end to end, as a user meets it: installs javabridge's jar (the one the main build made,
# not rebuilt) and the plugin into the local repository, builds a copy of the zlib project in
# src/it/zlib (generate, javac -h, CMake, layout check, JUnit under -Xcheck:jni, jar), runs its demo
# from the jar alone, and checks that an unchanged header and config regenerate nothing while a
# changed config does. Needs the main build first (scripts/test.sh): javabridge's and bindgen's jars.
set -euo pipefail
cd "$(dirname "$0")/.."
version=0.1.0-SNAPSHOT
jb_jar="target/javabridge-$version.jar"
bindgen_jar="bindgen/target/javabridge-bindgen-$version.jar"
for f in "$jb_jar" "$bindgen_jar"; do
  [ -f "$f" ] || { echo "maven-plugin/test.sh: $f is missing: run scripts/test.sh (or mvn package) first" >&2; exit 1; }
done
mvn=(mvn -B -ntp -q)
"${mvn[@]}" install:install-file -Dfile="$jb_jar" -DpomFile=pom.xml
"${mvn[@]}" -f maven-plugin/pom.xml install
it=maven-plugin/target/it/zlib
rm -rf "$it" && mkdir -p "$(dirname "$it")" && cp -r maven-plugin/src/it/zlib "$it"
mkdir -p "$it/target/jvm-logs"
"${mvn[@]}" -f "$it/pom.xml" verify
bash scripts/check-jni-warnings.sh "$it/target"
# The jar alone (and javabridge's): NativeLoader takes the library from the jar, checked against its digest.
out=$(cd /tmp && java --enable-native-access=ALL-UNNAMED -cp "$OLDPWD/$it/target/zlib-binding-1.0.jar:$OLDPWD/$jb_jar" com.example.zlib.ZlibDemo)
echo "$out"
case "$out" in *"round trip true"*) ;; *) echo "maven-plugin/test.sh: the demo failed" >&2; exit 1 ;; esac
unzip -l "$it/target/zlib-binding-1.0.jar" | grep -q 'natives/linux_64/libzlibjni.so.sha256' \
  || { echo "maven-plugin/test.sh: the jar lacks the library's digest" >&2; exit 1; }
again=$(mvn -B -ntp -f "$it/pom.xml" package -DskipTests)
grep -q 'binding of zlib.h is up to date' <<<"$again" \
  || { echo "maven-plugin/test.sh: an unchanged header and config regenerated the binding" >&2; exit 1; }
sed -i 's/"Z_.\*", "ZLIB_VER.\*"/"Z_.*"/' "$it/zlib.json"
changed=$(mvn -B -ntp -f "$it/pom.xml" package -DskipTests)
grep -q 'generated the binding of zlib.h' <<<"$changed" \
  || { echo "maven-plugin/test.sh: a changed config did not regenerate the binding" >&2; exit 1; }
# Bad input fails the build with the reason, never half a binding.
expect_failure() { # MESSAGE: the build of $it must fail and say MESSAGE
  local log
  if log=$(mvn -B -ntp -f "$it/pom.xml" package -DskipTests 2>&1); then
    echo "maven-plugin/test.sh: the build passed; expected: $1" >&2; exit 1
  fi
  grep -qF "$1" <<<"$log" || { echo "maven-plugin/test.sh: expected '$1' in:" >&2; echo "$log" | tail -30 >&2; exit 1; }
}
sed -i 's|"allowMacros"|"allowMacro"|' "$it/zlib.json"
expect_failure 'allowMacro'
sed -i 's|<header>/usr/include/zlib.h</header>|<header>/no/such/zlib.h</header>|' "$it/pom.xml"
expect_failure 'javabridge: no such header: /no/such/zlib.h'
# The README's example, as a user pastes it.
python3 scripts/check-snippets.py maven-plugin/README.md --jar "$jb_jar" --provide "$jb_jar" \
  --work maven-plugin/target/snippets --timeout 300
echo "maven-plugin/test.sh: the plugin built, tested and packaged a binding; regeneration follows its inputs"
