#!/usr/bin/env python3
"""Checks every fenced code block of Markdown files, like Rust's doctests: a snippet that rots
fails the build.

Each Markdown file gets one fresh scratch directory, and its blocks run in order there, so a
later block can use what an earlier one wrote. By language (the word after the fence):
  c                    a complete program: compiled with -std=c11 -Wall -Wextra -Werror against
                       the C SDK (--sdk: include/, lib/ with -ljavabridge), then run; must exit 0
  java                 compiled with javac against the --jar (a class, interface, record or enum
                       with its package line, if any)
  sh, bash, shell      run with bash -euo pipefail in the scratch directory; must exit 0
  json                 parsed
  xml                  parsed (a fragment is wrapped in one root element first)
  anything else        refused unless the block is marked as not run
Every run is bounded (--timeout seconds). The scratch directory holds a copy of each --provide
file under its own name (for example the javabridge jar), and the environment has JAVA_HOME.

A comment on the line(s) just before the fence sets options for that block:
  <!-- snippet: not run: REASON -->   skip the block; REASON (at least three words) is required
  <!-- snippet: file PATH -->         also write the block to PATH in the scratch directory
  <!-- snippet: args ARGS -->         extra arguments for the compiler (c, java), shell-split
Options combine with ";": <!-- snippet: file com/example/A.java; args -proc:none -->
"""
import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([\w+-]*)[^\n]*$")
OPTIONS = re.compile(r"^\s*<!--\s*snippet:(.*?)-->\s*$")
JAVA_TYPE = re.compile(r"^\s*(?:public\s+)?(?:(?:final|abstract|sealed|static)\s+)*(?:class|interface|record|enum|@interface)\s+(\w+)", re.M)
JAVA_PACKAGE = re.compile(r"^\s*package\s+([\w.]+)\s*;", re.M)


class Snippet:
    def __init__(self, path, line, lang, text, options):
        self.path, self.line, self.lang, self.text, self.options = path, line, lang, text, options

    def where(self):
        return f"{self.path}:{self.line} ({self.lang or 'no language'})"


def parse_options(comment, where):
    options = {}
    for part in comment.split(";"):
        part = part.strip()
        if not part:
            continue
        if part.startswith("not run:"):
            reason = part[len("not run:"):].strip()
            if len(reason.split()) < 3:
                raise SystemExit(f"{where}: 'not run:' needs a reason of at least three words, got '{reason}'")
            options["skip"] = reason
        elif part.startswith("file "):
            options["file"] = part[5:].strip()
        elif part.startswith("args "):
            options["args"] = shlex.split(part[5:])
        else:
            raise SystemExit(f"{where}: unknown snippet option '{part}' (not run: REASON | file PATH | args ARGS)")
    return options


def extract(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    snippets, i, pending = [], 0, None
    while i < len(lines):
        m = OPTIONS.match(lines[i])
        if m:
            pending = parse_options(m.group(1), f"{path}:{i + 1}")
            i += 1
            continue
        m = FENCE.match(lines[i])
        if not m:
            if lines[i].strip():
                pending = None  # options apply only to the block right after them
            i += 1
            continue
        indent, fence, lang = m.group(1), m.group(2), m.group(3).lower()
        start, body, i = i + 1, [], i + 1
        while i < len(lines) and not (lines[i].strip().startswith(fence[0] * len(fence))
                                      and lines[i].strip().strip(fence[0]) == ""):
            body.append(lines[i][len(indent):] if lines[i].startswith(indent) else lines[i].lstrip())
            i += 1
        if i == len(lines):
            raise SystemExit(f"{path}:{start}: unclosed code fence")
        snippets.append(Snippet(path, start, lang, "\n".join(body) + "\n", pending or {}))
        pending = None
        i += 1
    return snippets


def run(cmd, cwd, timeout, what, env=None):
    try:
        r = subprocess.run(cmd, cwd=cwd, timeout=timeout, env=env, capture_output=True, text=True)
    except subprocess.TimeoutExpired:
        return f"{what} took longer than {timeout} s"
    if r.returncode != 0:
        return f"{what} failed (exit {r.returncode}):\n$ {shlex.join(cmd)}\n{r.stdout}{r.stderr}"
    return None


def check(snippet, scratch, args, counter):
    opts = snippet.options
    if "file" in opts:
        target = os.path.join(scratch, opts["file"])
        os.makedirs(os.path.dirname(target) or scratch, exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            f.write(snippet.text)
    if "skip" in opts:
        return "skipped", None
    lang, extra = snippet.lang, opts.get("args", [])
    env = dict(os.environ)
    if lang == "c":
        if not args.sdk:
            return "failed", "C snippets need --sdk"
        work = os.path.join(scratch, f".snippet-{counter}")
        os.makedirs(work)
        source, program = os.path.join(work, "snippet.c"), os.path.join(work, "snippet")
        with open(source, "w", encoding="utf-8") as f:
            f.write(snippet.text)
        lib = os.path.join(args.sdk, "lib")
        cmd = [args.cc, "-std=c11", "-Wall", "-Wextra", "-Werror", "-I", os.path.join(args.sdk, "include"),
               source, *extra, "-L", lib, "-ljavabridge", f"-Wl,-rpath,{lib}", "-o", program]
        error = run(cmd, scratch, args.timeout, "compiling")
        if error:
            return "failed", error
        error = run([program], scratch, args.timeout, "running", env)
        return ("failed", error) if error else ("ran", None)
    if lang == "java":
        m = JAVA_TYPE.search(snippet.text)
        if not m:
            return "failed", "a Java snippet must declare a class, interface, record or enum"
        package = JAVA_PACKAGE.search(snippet.text)
        work = os.path.join(scratch, f".snippet-{counter}")
        src = os.path.join(work, *(package.group(1).split(".") if package else []), m.group(1) + ".java")
        os.makedirs(os.path.dirname(src), exist_ok=True)
        with open(src, "w", encoding="utf-8") as f:
            f.write(snippet.text)
        class_path = os.pathsep.join([args.jar or "", scratch])
        cmd = [args.javac, "-proc:none", "-Xlint:all", "-Werror", "-cp", class_path, "-d",
               os.path.join(work, "classes"), *extra, src]
        error = run(cmd, scratch, args.timeout, "javac")
        return ("failed", error) if error else ("compiled", None)
    if lang in ("sh", "bash", "shell"):
        error = run(["bash", "-euo", "pipefail", "-c", snippet.text], scratch, args.timeout, "the commands", env)
        return ("failed", error) if error else ("ran", None)
    if lang == "json":
        try:
            json.loads(snippet.text)
        except ValueError as e:
            return "failed", f"not valid JSON: {e}"
        return "parsed", None
    if lang == "xml":
        try:
            ET.fromstring(f"<snippet>{snippet.text}</snippet>")
        except ET.ParseError as e:
            return "failed", f"not well-formed XML: {e}"
        return "parsed", None
    return "failed", ("no checker for this language: mark it <!-- snippet: not run: REASON --> "
                      "or use c, java, sh, json or xml")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("markdown", nargs="+")
    p.add_argument("--sdk", help="an installed or unpacked C SDK (include/, lib/)")
    p.add_argument("--jar", help="the javabridge jar, for javac's class path")
    p.add_argument("--provide", action="append", default=[], help="a file copied into every scratch directory")
    p.add_argument("--work", help="where the scratch directories go (default: a temporary directory)")
    p.add_argument("--timeout", type=int, default=120)
    p.add_argument("--cc", default=os.environ.get("CC", "cc"))
    p.add_argument("--javac", default=shutil.which("javac") or "javac")
    args = p.parse_args()
    for name in ("sdk", "jar"):
        if getattr(args, name):
            setattr(args, name, os.path.abspath(getattr(args, name)))
    work = os.path.abspath(args.work) if args.work else tempfile.mkdtemp(prefix="snippets-")
    failures, counts = 0, {}
    for md in args.markdown:
        scratch = os.path.join(work, re.sub(r"[^\w.-]", "_", os.path.relpath(md)))
        shutil.rmtree(scratch, ignore_errors=True)
        os.makedirs(scratch)
        for f in args.provide:
            shutil.copy(f, scratch)
        for n, s in enumerate(extract(md)):
            outcome, error = check(s, scratch, args, n)
            counts[outcome] = counts.get(outcome, 0) + 1
            if error:
                failures += 1
                print(f"check-snippets: FAIL {s.where()}: {error}\n--- snippet ---\n{s.text}---", file=sys.stderr)
            elif outcome == "skipped":
                print(f"check-snippets: skip {s.where()}: {s.options['skip']}")
    summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))
    print(f"check-snippets: {', '.join(args.markdown)}: {summary or 'no snippets'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
