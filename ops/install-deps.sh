#!/usr/bin/env bash
# install-deps.sh — install the Debian 12 packages labserver needs, only those missing.
# Safe to run again: when everything is present it prints one line and does nothing.
set -euo pipefail

PACKAGES=(
    build-essential cmake pkg-config ca-certificates openssl
    libwebsockets-dev libprotobuf-c-dev protobuf-c-compiler
    libpq-dev postgresql-15 libssl-dev check
    libargon2-dev      # Argon2id password hashing: a vetted KDF beats any we would write
    libedit-dev        # line editing, history and completion in labclient's shell
    libinih-dev        # INI config parsing for every program
    libseccomp-dev     # the sandbox's system call filter
    libncurses-dev     # the full-screen live board
    python3            # the language the students write (Debian's /usr/bin/python3)
    bubblewrap         # only for the sandbox benchmark's comparison
    clang-format       # the house format, checked by the test command (ops/check-format.sh)
    cppcheck           # static analysis, run by the test command (tests/style/cppcheck.sh)
    iproute2 procps util-linux
)

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#PACKAGES[@]} packages present"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages: ${missing[*]}" >&2
    echo "install-deps: run this script as root (sudo $0) to install them" >&2
    exit 1
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
