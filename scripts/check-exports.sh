#!/usr/bin/env bash
# Fails when the shared library exports anything but JNI entry points and the jb_ API.
set -euo pipefail
lib=${1:?usage: check-exports.sh LIBRARY}
exported=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}')
[ -n "$exported" ] || { echo "no symbols exported by $lib"; exit 1; }
bad=$(grep -v -E '^(Java_dev_javabridge_.*|JNI_OnLoad|JNI_OnUnload|jb_.*)$' <<<"$exported" || true)
if [ -n "$bad" ]; then
  echo "unexpected exported symbols in $lib:"; echo "$bad"; exit 1
fi
grep -q '^JNI_OnLoad$' <<<"$exported" || { echo "JNI_OnLoad is not exported"; exit 1; }
echo "exports OK: $(wc -l <<<"$exported") symbols, all Java_*/JNI_On*/jb_*"
