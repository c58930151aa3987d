#!/usr/bin/env bash
# cppcheck.sh — cppcheck over our C code, with the build's real flags; any finding fails.
#
# usage: cppcheck.sh SOURCE_DIR BUILD_DIR
#
# Reads BUILD_DIR/compile_commands.json (CMAKE_EXPORT_COMPILE_COMMANDS), so every file is
# checked with the include paths and defines it is compiled with. Checked: errors, warnings and
# portability. Not checked: build directories (generated protobuf code) and system headers,
# which cppcheck does not read; the few macros of <protobuf-c/protobuf-c.h> that the generated
# header tests with #if are given here so cppcheck does not stop at its #error.
# Accepted findings, each with its reason: tests/style/cppcheck.supp.
set -euo pipefail
src=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)

if ! command -v cppcheck >/dev/null; then
    echo "cppcheck.sh: cppcheck is not installed (ops/install-deps.sh installs it)" >&2
    exit 2
fi
if [ ! -f "$build/compile_commands.json" ]; then
    echo "cppcheck.sh: $build/compile_commands.json is missing" >&2
    exit 2
fi

cd "$src"
exec cppcheck --project="$build/compile_commands.json" \
    --enable=warning,portability --error-exitcode=1 --inline-suppr -q \
    -i"$build" -i"$src/build" -i"$src/build-asan" \
    --suppressions-list="$src/tests/style/cppcheck.supp" \
    -DPROTOBUF_C_VERSION_NUMBER=1004001 -DPROTOBUF_C_MIN_COMPILER_VERSION=1000000 \
    -DPROTOBUF_C__BEGIN_DECLS= -DPROTOBUF_C__END_DECLS= \
    --library=posix -j"$(nproc)" \
    --template='{file}:{line}: {severity} ({id}): {message}'
