#!/usr/bin/env bash
# Prints every skipped or disabled test in the given JUnit-style XML reports (surefire, failsafe,
# ctest --output-junit, GoogleTest --gtest_output=xml) with its reason, and fails on any skip that
# scripts/skips-allowed.txt does not list for this step, or when the reports hold no test at all
# (a gate over nothing). scripts/ci-skips-canary.sh proves it fails on an unlisted skip.
# Usage: check-skips.sh [--allow FILE] STEP REPORT_FILE_OR_DIR...
#   STEP names the CI step (host, jdk25, sanitize, valgrind, qemu, wine, musl, ...), matched against the
#   list's second column (comma-separated globs). Missing paths are ignored (not every step writes failsafe reports).
set -euo pipefail
allow=$(dirname "$0")/skips-allowed.txt
if [ "${1:-}" = --allow ]; then allow=$2; shift 2; fi
step=${1:?usage: check-skips.sh [--allow FILE] STEP REPORT...}
shift
exec python3 - "$allow" "$step" "$@" <<'PY'
import fnmatch, os, re, sys
import xml.etree.ElementTree as ET

allow_file, step, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
allowed = []
for n, line in enumerate(open(allow_file, encoding="utf-8"), 1):
    line = line.rstrip("\n")
    if not line.strip() or line.lstrip().startswith("#"):
        continue
    cols = line.split("\t")
    if len(cols) < 3 or len(cols[2].split()) < 3:
        sys.exit(f"check-skips: {allow_file}:{n}: want TEST<TAB>STEP<TAB>REASON (3+ words): {line!r}")
    allowed.append((cols[0], cols[1], cols[2]))

files = []
for p in paths:
    if os.path.isdir(p):
        for root, _, names in os.walk(p):
            # CTestResults.xml: cmake-maven-plugin's copy of ctest's results, without the reasons;
            # the build passes ctest's own --output-junit file instead.
            files += [os.path.join(root, f) for f in sorted(names)
                      if f.endswith(".xml") and f != "CTestResults.xml"]
    elif os.path.isfile(p):
        files.append(p)

def reason_of(case, skipped):
    # GoogleTest puts "file:line" before GTEST_SKIP()'s message; ctest's JUnit has only a marker
    # and the program's output, whose "Skipped" line is followed by the message.
    out = case.findtext("system-out") or ""
    m = re.search(r"Skipped\s*\n(.+)\n", out)
    candidates = [skipped.get("message"), skipped.text] if skipped is not None else []
    candidates.append(m.group(1) if m else None)
    for r in candidates:
        # Drop GoogleTest's file:line and a JUnit assumption's stack trace; keep the message.
        lines = [l for l in (r or "").splitlines() if l.strip()
                 and not re.match(r"^(\S+:\d+|at \S+\(.*\)|\.\.\. \d+ more)$", l.strip())]
        r = " ".join(" ".join(lines).split()).replace("org.opentest4j.TestAbortedException: ", "")
        if r and r not in ("SKIP_REGULAR_EXPRESSION_MATCHED", "Skipped", "Disabled"):
            return r[:200]
    return "disabled" if case.get("status") in ("disabled", "notrun") else "no reason given"

def test_id(case):
    cls, name = case.get("classname") or "", case.get("name") or ""
    if not cls or cls == name:
        return name                        # ctest: Suite.Test
    if re.match(r"^[a-z][\w]*\.", cls):
        return f"{cls}#{name}"             # surefire: package.Class#method
    return f"{cls}.{name}"                 # GoogleTest's XML: Suite + Test

total, skips, bad = 0, 0, 0
for f in files:
    try:
        root = ET.parse(f).getroot()
    except ET.ParseError as e:
        sys.exit(f"check-skips: {f}: not XML ({e})")
    for case in root.iter("testcase"):
        total += 1
        tid = test_id(case)
        skipped = case.find("skipped")
        status = case.get("status") or ""
        result = case.get("result") or ""
        if skipped is None and status not in ("notrun", "disabled") and result != "skipped":
            continue
        skips += 1
        why = reason_of(case, skipped)
        hit = next((a for a in allowed if fnmatch.fnmatchcase(tid, a[0])
                    and any(fnmatch.fnmatchcase(step, g) for g in a[1].split(","))), None)
        if hit:
            print(f"check-skips: {step}: skipped {tid}: {why} (allowed: {hit[2]})")
        else:
            bad += 1
            print(f"check-skips: {step}: skipped {tid}: {why} -- NOT ALLOWED ({os.path.relpath(f)})")
if total == 0:
    sys.exit(f"check-skips: {step}: no test cases in {' '.join(paths)}: nothing was checked")
if bad:
    sys.exit(f"check-skips: {step}: {bad} skipped test(s) not in {allow_file}; run them, or list them there with the reason")
print(f"check-skips: {step}: {total} tests in {len(files)} reports, {skips} skipped, all on the allow-list")
PY
