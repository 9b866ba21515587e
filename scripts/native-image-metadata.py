#!/usr/bin/env python3
"""GraalVM native-image metadata for the jar, recorded from the real library (issue 20).

Runs cpp/native_image/LoadLibrary.java under the JNI trace agent (cpp/native_image/jni_trace_agent.c),
which records every class, method and field libjavabridge_guide's JNI_OnLoad looks up and every
native it registers: the kit's RegisterNatives tables and cached-ID tables, as they really run.
Writes, under OUT/META-INF/native-image/dev.javabridge/javabridge/:
  jni-config.json      classes, methods (natives included) and fields used through JNI
  reflect-config.json  classes the kit loads with Class.forName (through the anchor's class loader)
  resource-config.json the natives/<platform>/ libraries and their .sha256 digests
The legacy file names, which every GraalVM release with native-image reads.

  native-image-metadata.py --java JAVA --agent AGENT.so --classpath CP --natives DIR --out DIR --work DIR
  native-image-metadata.py --trace TRACE --natives DIR --out DIR   (convert a recorded trace only)
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LOADER = os.path.join(HERE, "..", "cpp", "native_image", "LoadLibrary.java")
LIBRARY = "libjavabridge_guide"
SUBDIR = os.path.join("META-INF", "native-image", "dev.javabridge", "javabridge")
PRIMITIVES = {"Z": "boolean", "B": "byte", "C": "char", "S": "short", "I": "int", "J": "long",
              "F": "float", "D": "double", "V": "void"}


def parameter_types(signature):
    """(JIZ)V -> ["long", "int", "boolean"]; ([Ljava/lang/String;)V -> ["java.lang.String[]"]."""
    match = re.fullmatch(r"\((.*)\)(.+)", signature)
    if not match:
        raise ValueError("not a method signature: " + signature)
    params, i, out = match.group(1), 0, []
    while i < len(params):
        dims = 0
        while params[i] == "[":
            dims, i = dims + 1, i + 1
        if params[i] == "L":
            end = params.index(";", i)
            name, i = params[i + 1:end].replace("/", "."), end + 1
        elif params[i] in PRIMITIVES:
            name, i = PRIMITIVES[params[i]], i + 1
        else:
            raise ValueError("bad signature " + signature)
        out.append(name + "[]" * dims)
    return out


def read_trace(path):
    records = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                records.append(line.split("\t"))
    return records


def metadata(records):
    jni, reflect = {}, set()
    for record in records:
        kind, cls = record[0], record[1]
        entry = jni.setdefault(cls, {"methods": set(), "fields": set()})
        if kind in ("method", "native"):
            entry["methods"].add((record[2], tuple(parameter_types(record[3]))))
        elif kind == "field":
            entry["fields"].add(record[2])
        elif kind == "throwable":
            # The kit throws its cached exception classes with ThrowNew(cls, message).
            entry["methods"].add(("<init>", ("java.lang.String",)))
        elif kind == "forname":
            reflect.add(cls)
        elif kind != "class":
            raise ValueError("unknown trace record: " + "\t".join(record))
    jni_config = []
    for cls in sorted(jni):
        item = {"name": cls}
        methods = sorted(jni[cls]["methods"])
        if methods:
            item["methods"] = [{"name": n, "parameterTypes": list(p)} for n, p in methods]
        fields = sorted(jni[cls]["fields"])
        if fields:
            item["fields"] = [{"name": n} for n in fields]
        jni_config.append(item)
    return jni_config, [{"name": c} for c in sorted(reflect)]


def resources(natives):
    """Every file under the natives folder, as the jar holds it: natives/<platform>/<file>."""
    found = []
    for root, _, files in os.walk(natives):
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), os.path.dirname(natives)).replace(os.sep, "/")
            found.append(rel)
    if not any(os.path.basename(f).startswith(LIBRARY) or f.endswith("javabridge_guide.dll") for f in found):
        raise SystemExit("native-image-metadata: no %s under %s" % (LIBRARY, natives))
    return {"resources": {"includes": [{"pattern": "\\Q" + f + "\\E"} for f in sorted(found)]}}


def record(args):
    trace = os.path.join(args.work, "jni-trace.txt")
    os.makedirs(args.work, exist_ok=True)
    command = [args.java, "-agentpath:%s=%s,%s" % (args.agent, trace, LIBRARY),
               "--enable-native-access=ALL-UNNAMED", "-cp", args.classpath, LOADER]
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120)
    if done.returncode != 0 or "loaded " not in done.stdout:
        raise SystemExit("native-image-metadata: the traced load failed (%d):\n%s\n%s"
                         % (done.returncode, " ".join(command), done.stdout))
    return trace


def write(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=2, sort_keys=False)
        f.write("\n")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--java")
    p.add_argument("--agent")
    p.add_argument("--classpath")
    p.add_argument("--work")
    p.add_argument("--trace")
    p.add_argument("--natives", required=True)
    p.add_argument("--out", required=True)
    args = p.parse_args()
    trace = args.trace or record(args)
    records = read_trace(trace)
    if not any(r[0] == "native" for r in records):
        raise SystemExit("native-image-metadata: the trace %s holds no registered natives" % trace)
    jni_config, reflect_config = metadata(records)
    out = os.path.join(args.out, SUBDIR)
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "jni-config.json"), jni_config)
    write(os.path.join(out, "reflect-config.json"), reflect_config)
    write(os.path.join(out, "resource-config.json"), resources(args.natives))
    print("native-image-metadata: %d JNI classes, %d natives, %d reflective classes in %s"
          % (len(jni_config), sum(1 for r in records if r[0] == "native"), len(reflect_config), out))


if __name__ == "__main__":
    sys.exit(main())
