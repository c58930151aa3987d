#!/usr/bin/env bash
# check-format.sh — list the C files that clang-format (with the repository's .clang-format)
# would change; exit 1 when there is any. Run by ctest as style.format.
#
# Checked: every .c/.h file git knows about or would add (tracked, or untracked and not
# ignored), so build directories and the protobuf code generated into them are never read.
# Student-facing files under labs/ are not ours to format.
#
# Apply the format to the whole tree (one commit, nothing else in it):
#   cd "$(git rev-parse --show-toplevel)" && ops/check-format.sh --fix
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
fix=0
[ "${1:-}" = "--fix" ] && fix=1

cf=$(command -v clang-format || true)
if [ -z "$cf" ]; then
    echo "check-format: clang-format is not installed (ops/install-deps.sh installs it)" >&2
    exit 2
fi

if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    echo "check-format: $root is not a git work tree (the file list comes from git)" >&2
    exit 2
fi
files=()
while IFS= read -r -d '' f; do
    case "$f" in labs/*) continue ;; esac
    [ -f "$f" ] && files+=("$f")
done < <(git ls-files -z --cached --others --exclude-standard -- '*.c' '*.h')

if [ "$fix" -eq 1 ]; then
    printf '%s\0' "${files[@]}" | xargs -0 "$cf" -i --style=file
    echo "check-format: formatted ${#files[@]} files"
    exit 0
fi
# One clang-format run for all files; it reports each unformatted spot as FILE:LINE:COL: ...
list=$(printf '%s\0' "${files[@]}" |
       xargs -0 "$cf" --dry-run --style=file 2>&1 |
       sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: .*clang-format-violations.*/\1/p' | sort -u)
bad=0
if [ -n "$list" ]; then
    echo "$list"
    bad=$(echo "$list" | wc -l)
fi
if [ "$bad" -gt 0 ]; then
    echo "check-format: $bad file(s) above are not formatted; see 'clang-format --style=file FILE | diff FILE -'," \
         "or apply with: ops/check-format.sh --fix" >&2
    exit 1
fi
echo "check-format: all ${#files[@]} C files are formatted"
