#!/usr/bin/env bash
# Our scripts run under `set -o pipefail`. There, `producer | grep -q PATTERN` fails at random: grep
# exits at its first match, the producer's next write gets SIGPIPE, and the pipe's status is 141,
# so a check that found what it wanted reports failure (it broke maven-plugin/test.sh once). The
# same holds for `head`. This lint refuses `| grep -q` (and -qi, --quiet, ...) in every shell
# script, and `| head` inside a command substitution assigned to a variable (where set -e makes
# the 141 fatal). Read the output whole instead: `grep PATTERN >/dev/null`, `sed -n 1p`, or grep on
# a here-string.
set -euo pipefail
cd "$(dirname "$0")/.."
# Prints the offending lines of the files given, as file:line: text.
offending() {
  grep -n -H -E '\|[[:space:]]*grep[[:space:]]+(-[[:alpha:]]*q|--quiet|--silent)|^[[:space:]]*[[:alnum:]_]+=\$\([^)]*\|[[:space:]]*head\b' "$@" || true
}
# The lint's own canary: both shapes must be found, or the patterns have rotted.
canary=$(mktemp)
trap 'rm -f "$canary"' EXIT
printf '%s\n' 'seq 9 | grep -q 1 || exit 1' 'x=$(seq 9 | head -1)' 'grep -q 1 <<<"$x"' > "$canary"
[ "$(offending "$canary" | wc -l)" = 2 ] || { echo "check-pipes: the lint no longer finds its canary's two lines"; exit 1; }
mapfile -t scripts < <(git ls-files '*.sh' .ci/run | grep -v -x 'scripts/check-pipes.sh')
found=$(offending "${scripts[@]}")
if [ -n "$found" ]; then
  echo "check-pipes: a pipe that pipefail can fail at random (read the producer's output whole instead):"
  echo "$found"
  exit 1
fi
echo "check-pipes: ${#scripts[@]} scripts, no pipe ending in grep -q or head"
