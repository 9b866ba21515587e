#!/usr/bin/env bash
# Packs generated bindings as a user ships them, in one multi-release jar: the JNI classes and their natives at the
# root, the JDK 22+ public classes and FFM holders (bindgen --java22-out, compiled by JDK 25) in META-INF/versions/22.
# Also writes a copy of the test classes without those bindings, so that the tests load them from the jar and each
# JDK picks its own class (a directory has no versions; on the class path before the jar, it would always win).
#
# usage: mr-jar.sh JDK25_HOME TEST_CLASSES GEN_JAVA_DIR FFM22_CLASSES OUT_JAR OUT_TEST_CLASSES PKG_DIR:LIBRARY...
set -euo pipefail
jdk=$1 classes=$2 gen=$3 ffm22=$4 out_jar=$5 out_classes=$6
shift 6
[ -d "$ffm22" ] || { echo "mr-jar.sh: no JDK 22+ classes in $ffm22" >&2; exit 1; }
rm -rf "$out_classes" "$out_jar"
cp -a "$classes" "$out_classes"
entries=()
for spec in "$@"; do
  pkg=${spec%%:*} lib=${spec#*:}
  found=0
  # The binding's classes: those bindgen wrote sources for, with their nested classes.
  for src in "$gen/$pkg"/*.java; do
    name=$(basename "$src" .java)
    for class in "$classes/$pkg/$name.class" "$classes/$pkg/$name\$"*.class; do
      [ -e "$class" ] || continue
      rel=${class#"$classes"/}
      entries+=(-C "$classes" "$rel")
      rm "$out_classes/$rel"
      found=1
    done
  done
  [ "$found" = 1 ] || { echo "mr-jar.sh: no compiled classes for $pkg in $classes" >&2; exit 1; }
  for native in "$classes"/natives/*/lib"$lib".* ; do
    [ -e "$native" ] || { echo "mr-jar.sh: no natives for $lib in $classes/natives" >&2; exit 1; }
    rel=${native#"$classes"/}
    entries+=(-C "$classes" "$rel")
    rm "$out_classes/$rel"
  done
done
# jar checks that each versioned public class has its base class's public API.
"$jdk/bin/jar" --create --file "$out_jar" "${entries[@]}" --release 22 -C "$ffm22" .
