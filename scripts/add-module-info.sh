#!/usr/bin/env bash
# Makes the shaded jar a named module (issue 20): compiles java/module/module-info.java against the
# jar's own classes (the relocated native-lib-loader and SLF4J must exist for its uses/provides) and
# adds it as META-INF/versions/17/module-info.class, with Multi-Release: true. Versioned, not at the
# root, so that tools older than JDK 9 still read the jar as before; 17 because the class file is
# Java 17's (a JDK 9-16 would not read it) and every JDK this project supports is 17 or later.
# Run by the Maven build in the package phase, after shade (pom.xml).
#   add-module-info.sh JAR MODULE_INFO_JAVA VERSION MAIN_CLASS WORK_DIR
set -euo pipefail
jar=$(readlink -f "${1:?usage: add-module-info.sh JAR MODULE_INFO_JAVA VERSION MAIN_CLASS WORK_DIR}")
source=${2:?missing MODULE_INFO_JAVA}
version=${3:?missing VERSION}
main=${4:?missing MAIN_CLASS}
work=${5:?missing WORK_DIR}
bin=${JAVA_HOME:+$JAVA_HOME/bin/}
rm -rf "$work"
mkdir -p "$work/classes" "$work/out"
# javac checks every exported, used and provided name against classes it can see in the module.
(cd "$work/classes" && "${bin}jar" --extract --file "$jar")
rm -rf "$work/classes/META-INF"
"${bin}javac" --release 17 -Xlint:all -Werror -d "$work/out" \
  --patch-module dev.javabridge="$work/classes" "$source"
# The jar tool writes ModuleMainClass and ModulePackages into a root descriptor of a scratch copy.
# It cannot make the versioned entry itself: JDK 17's jar tool validates a multi-release jar with
# an ASM that cannot read records and fails. The entry is moved into place with Python's zipfile.
cp "$jar" "$work/scratch.jar"
"${bin}jar" --update --file "$work/scratch.jar" --module-version "$version" --main-class "$main" \
  -C "$work/out" module-info.class
python3 - "$jar" "$work/scratch.jar" <<'PY'
import os, sys, zipfile
jar, scratch = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(scratch) as z:
    descriptor = z.read("module-info.class")
tmp = jar + ".tmp"
with zipfile.ZipFile(jar) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        data = src.read(info.filename)
        if info.filename in ("module-info.class", "META-INF/versions/17/module-info.class"):
            continue
        if info.filename == "META-INF/MANIFEST.MF":
            text = data.decode("utf-8").replace("\r\n", "\n").rstrip("\n").split("\n")
            text = [l for l in text if not l.startswith("Multi-Release:")] + ["Multi-Release: true"]
            data = ("\r\n".join(text) + "\r\n\r\n").encode("utf-8")
        dst.writestr(info, data)
        if info.filename == "META-INF/MANIFEST.MF":
            entry = zipfile.ZipInfo("META-INF/versions/17/module-info.class", date_time=info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, descriptor)
os.replace(tmp, jar)
PY
echo "add-module-info: $jar is the module $("${bin}jar" --describe-module --file "$jar" --release 17 | grep "^dev.javabridge@" | cut -d" " -f1)"
