#!/usr/bin/env python3
"""check_includes.py - the include rule of architecture.md, checked on every C file.

    /usr/bin/python3 tests/style/check_includes.py [SOURCE_DIR]

Two checks over every .c and .h file of the folders below:
  1. no arrow runs upward: a file in folder F includes "G/x.h" only when G is F or G is in
     ALLOWED[F] (programs above libraries; a library never includes a program's header);
  2. no include circle among our headers (a.h includes b.h includes ... a.h).
Prints one line per violation and exits 1 if there is any; 0 and a summary line otherwise.
ALLOWED is the table drawn in architecture.md: change both together.
"""
import os
import re
import sys

# folder -> folders whose headers it may include (its own is always allowed).
ALLOWED = {
    # libraries
    "common": set(),
    "proto": {"common"},
    "grade": {"common"},
    "sandbox": {"common"},
    "db": {"common", "grade"},
    "job": {"common", "grade", "sandbox"},
    # programs
    "server": {"common", "proto", "grade", "db"},
    "client": {"common", "proto"},
    "ctl": {"common", "grade", "db"},
    "worker": {"common", "grade", "sandbox", "job", "db"},
    "labsandbox": {"common", "grade", "sandbox", "job"},
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def our_files(root):
    for folder in sorted(ALLOWED):
        top = os.path.join(root, folder)
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = sorted(d for d in dirnames if d not in ("tests", "harness"))
            for name in sorted(filenames):
                if name.endswith((".c", ".h")) and not name.startswith("test_"):
                    yield folder, os.path.relpath(os.path.join(dirpath, name), root)


def includes(root, rel):
    with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
        return INCLUDE.findall(f.read())


def find_cycles(graph):
    """Every include circle among headers, each once, as a list of headers."""
    cycles, seen = [], set()
    state = {}  # header -> 1 on the current path, 2 done

    def visit(node, path):
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cyc = path[path.index(nxt):]
                key = frozenset(cyc)
                if key not in seen:
                    seen.add(key)
                    cycles.append(cyc + [nxt])
            elif nxt not in state:
                visit(nxt, path)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return cycles


def check(root):
    problems, graph, n_files = [], {}, 0
    for folder, rel in our_files(root):
        n_files += 1
        incs = [i for i in includes(root, rel) if "/" in i]
        if rel.endswith(".h"):
            graph[rel] = {i for i in incs if os.path.exists(os.path.join(root, i))}
        for inc in incs:
            target = inc.split("/", 1)[0]
            if target == folder or target not in ALLOWED:
                continue  # own folder, or generated/foreign ("proto/lab.pb-c.h" is proto's)
            if target not in ALLOWED[folder]:
                problems.append(f"{rel}: includes \"{inc}\": {folder}/ may include only "
                                f"{', '.join(sorted(ALLOWED[folder] | {folder}))} "
                                f"(architecture.md)")
    for cyc in find_cycles(graph):
        problems.append("include circle: " + " -> ".join(cyc))
    return problems, n_files


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
    problems, n_files = check(os.path.abspath(root))
    for p in problems:
        print(p)
    if problems:
        print(f"check_includes: {len(problems)} problem(s) in {n_files} files")
        return 1
    print(f"check_includes: {n_files} files, no upward include, no include circle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
