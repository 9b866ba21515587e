#!/usr/bin/env python3
"""Runs the C showcase on a CSV file and checks every line it prints against values computed
here, independently, with Python's own csv module (not Commons CSV, not C)."""
import csv
import io
import subprocess
import sys

program, jars, data = sys.argv[1:4]
with open(data, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, records = rows[0], rows[1:]
expected = ["columns: " + " ".join(header), f"records: {len(records)}"]
printed = io.StringIO()
writer = csv.writer(printed, lineterminator="\r\n")  # CSVFormat.DEFAULT: RFC 4180, CRLF, minimal quoting
writer.writerow(["name", "people_per_km2"])
for number, (name, country, people, area) in enumerate(records, start=1):
    density = f"{int(people) / float(area):.1f}"
    expected.append(f"record {number}: {name} | {country} | {int(people)} | {density}")
    writer.writerow([name, density])
expected.append(f"total population: {sum(int(r[2]) for r in records)}")
run = subprocess.run([program, jars, data], capture_output=True, timeout=120)
out = run.stdout.decode("utf-8")
if run.returncode != 0:
    sys.exit(f"exit {run.returncode}\nstdout:\n{out}\nstderr:\n{run.stderr.decode('utf-8', 'replace')}")
lines = out.split("\n")
head = lines[: len(expected)]
if head != expected:
    sys.exit("printed lines differ:\n" + "\n".join(f"  want {w!r}\n  got  {g!r}" for w, g in zip(expected, head) if w != g)
             + f"\nfull output:\n{out}")
marker = lines[len(expected)]
if not marker.startswith("CSVPrinter wrote through the C Appendable (") or marker.startswith("CSVPrinter wrote through the C Appendable (0 calls)"):
    sys.exit(f"no callback line: {marker!r}")
written = "\n".join(lines[len(expected) + 1:])
if written != printed.getvalue().replace("\r\n", "\r\n"):
    sys.exit(f"CSV written through the C Appendable differs:\n  want {printed.getvalue()!r}\n  got  {written!r}")
print(f"showcase output matches: {len(records)} records, {marker}")
