#!/usr/bin/env bash
# check_catalog.sh LABSANDBOX LABS_DIR — verify every lab of the catalog in the real
# sandbox (reference passes twice identically, starter fails, within limits),
# in two parallel halves so both cores work.
set -euo pipefail
labsandbox=$1
labs=$2
mapfile -t dirs < <(find "$labs" -name lab.ini -printf '%h\n' | sort)
[ ${#dirs[@]} -gt 0 ] || { echo "no labs found under $labs" >&2; exit 1; }
half=$(( (${#dirs[@]} + 1) / 2 ))
NO_COLOR=1 "$labsandbox" check "${dirs[@]:0:$half}" >"${TMPDIR:-/tmp}/catalog-a.$$" 2>&1 &
a=$!
rc=0
if [ ${#dirs[@]} -gt "$half" ]; then
    NO_COLOR=1 "$labsandbox" check "${dirs[@]:$half}" || rc=$?
fi
wait $a || rc=$?
cat "${TMPDIR:-/tmp}/catalog-a.$$"
rm -f "${TMPDIR:-/tmp}/catalog-a.$$"
echo "checked ${#dirs[@]} labs"
exit $rc
