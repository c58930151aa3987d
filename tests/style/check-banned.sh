#!/usr/bin/env bash
# check-banned.sh — proves that the build turns a banned libc call into a compile error.
#
# usage: check-banned.sh CC SOURCE_DIR BUILD_DIR
#
# 1. A small file calling strcpy (and one calling strtol) is compiled with the project's
#    flags and common/banned.h force-included, as the build does: it must fail, and the
#    message must name the banned call ('sorry_strcpy_is_banned').
# 2. The same file without the call must compile (the header itself is sound).
# 3. The build really force-includes the header: every source of ours in the compile
#    database has "-include .../common/banned.h" (generated protobuf code excepted).
set -euo pipefail
cc=$1 src=$2 build=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
flags=(-std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -I"$src" -include "$src/common/banned.h" -fsyntax-only)

expect_banned() { # NAME CODE
    printf '#include <stdlib.h>\n#include <string.h>\nint f(char *d, const char *s);\nint f(char *d, const char *s)\n{\n    %s\n    return 0;\n}\n' "$2" >"$tmp/$1.c"
    if "$cc" "${flags[@]}" "$tmp/$1.c" >"$tmp/$1.out" 2>&1; then
        echo "FAIL: a call to $1 compiled with common/banned.h" >&2
        exit 1
    fi
    if ! grep -q "sorry_$1_is_banned" "$tmp/$1.out"; then
        echo "FAIL: compiling a call to $1 failed, but not naming sorry_$1_is_banned:" >&2
        cat "$tmp/$1.out" >&2
        exit 1
    fi
    echo "ok: $1 is refused ($(grep -m1 -o "sorry_$1_is_banned" "$tmp/$1.out"))"
}

expect_banned strcpy 'strcpy(d, s);'
expect_banned sprintf 'sprintf(d, "%s", s);'
expect_banned atoi 'return atoi(s) + (d != 0);'
expect_banned strtol 'return (int)strtol(s, NULL, 10) + (d != 0);'

printf '#include <string.h>\nsize_t f(const char *s);\nsize_t f(const char *s)\n{\n    return strlen(s);\n}\n' >"$tmp/clean.c"
"$cc" "${flags[@]}" "$tmp/clean.c"
echo "ok: a file without banned calls compiles"

# The strtol family stays usable in common/str.c, the one file that wraps it.
"$cc" "${flags[@]}" "$src/common/str.c"
echo "ok: common/str.c (LAB_STR_IMPL) compiles"

db="$build/compile_commands.json"
if [ ! -f "$db" ]; then
    echo "FAIL: $db is missing (CMAKE_EXPORT_COMPILE_COMMANDS)" >&2
    exit 1
fi
missing=$(python3 - "$db" "$src" <<'PY'
import json, os, sys
db, src = sys.argv[1], os.path.realpath(sys.argv[2])
for e in json.load(open(db)):
    f = os.path.realpath(e["file"])
    if not f.startswith(src + "/") or "/gen/" in f or f.startswith(os.path.realpath(os.path.dirname(db)) + "/"):
        continue
    cmd = e.get("command") or " ".join(e.get("arguments", []))
    if "common/banned.h" not in cmd:
        print(os.path.relpath(f, src))
PY
)
if [ -n "$missing" ]; then
    echo "FAIL: these sources are compiled without -include common/banned.h" \
         "(LAB_BAN_CALLS in the top CMakeLists.txt):" >&2
    echo "$missing" | head -20 >&2
    exit 1
fi
echo "ok: every source of ours is compiled with common/banned.h"
