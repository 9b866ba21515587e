#!/usr/bin/env bash
# Fails when a shared library exports anything beyond its product's ABI:
#   capi  (libjavabridge):       the jb_ API only: no Java_*, no JNI_OnLoad;
#   jni   (libjavabridge_guide,  and any library on the JNI kit): JNI_OnLoad and JNI_OnUnload only
#                                (natives are bound with RegisterNatives).
# Usage: check-exports.sh capi|jni LIBRARY
set -euo pipefail
kind=${1:?usage: check-exports.sh capi|jni LIBRARY}
lib=${2:?usage: check-exports.sh capi|jni LIBRARY}
exported=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}')
[ -n "$exported" ] || { echo "no symbols exported by $lib"; exit 1; }
case $kind in
  capi) allowed='^jb_.*$'; must='jb_version' ;;
  jni) allowed='^(JNI_OnLoad|JNI_OnUnload)$'; must='JNI_OnLoad' ;;
  *) echo "check-exports: unknown kind $kind"; exit 2 ;;
esac
bad=$(grep -v -E "$allowed" <<<"$exported" || true)
if [ -n "$bad" ]; then
  echo "unexpected exported symbols in $lib:"; echo "$bad"; exit 1
fi
grep -q "^$must\$" <<<"$exported" || { echo "$must is not exported by $lib"; exit 1; }
echo "exports OK: $lib: $(wc -l <<<"$exported") symbols, all $kind ABI"
