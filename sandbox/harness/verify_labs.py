"""Verify labs locally, without a sandbox (stdlib only; run with /usr/bin/python3).

    /usr/bin/python3 sandbox/harness/verify_labs.py [--roadmap FILE] [-q] LAB_OR_DIR...

Works from any current folder.  A directory that has no lab.ini is searched (recursively) for
lab directories.  For each lab:

  1. the files exist (lab.ini, README.md, starter.py, solution.py, checks.py), lab.ini follows
     the grammar of labs/README.md, the directory is named after the id, ids are unique,
     roadmap IDs exist in roadmap.md (found above the lab's folder, else next to this script's
     labs/), required modules are importable, and the checks' time budgets fit into the lab's
     limits; every check has a description for students that is more than its name;
  2. the reference solution passes every check twice with identical cases (status "ok" for
     every check and every case, same number of cases, same observations, no check slower
     than half its timeout);
  3. the starter compiles and fails at least one case;
  4. every tests/alt_*.py passes every case, every tests/wrong_*.py fails at least one.

"Passes" is decided exactly like the grader does: a case passes when the check's status is
"ok", the case's status is "ok" and its observation's canonical JSON equals the reference's,
byte for byte.  Labs with `checks = unittest` get checks.py on the harness's stdin, as in
production.  Prints one line per lab, exits 1 on any failure.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import labini  # noqa: E402
import labcheck  # noqa: E402

PYTHON = "/usr/bin/python3"
HARNESS = os.path.join(HERE, "harness.py")
REQUIRED_FILES = ("lab.ini", "README.md", "starter.py", "solution.py", "checks.py")


class LabFailure(Exception):
    pass


def run_harness(lab_dir, student_src_path, extra=(), checks_stdin=False):
    """Run the harness like production does (fresh work dir, result on its own fd; with
    checks_stdin, checks.py on stdin and --checks-stdin).
    Returns (list of records, wall ms, exit status, stderr)."""
    stdin = subprocess.DEVNULL
    if checks_stdin:
        extra = list(extra) + ["--checks-stdin"]
        stdin = open(os.path.join(lab_dir, "checks.py"), "rb")
    try:
        return _run_harness(lab_dir, student_src_path, extra, stdin)
    finally:
        if checks_stdin:
            stdin.close()


def _run_harness(lab_dir, student_src_path, extra, stdin):
    work = tempfile.mkdtemp(prefix="labverify-")
    try:
        student = os.path.join(work, "main.py")
        if student_src_path is not None:
            shutil.copyfile(student_src_path, student)
        with tempfile.TemporaryFile() as res:
            fd = res.fileno()
            args = [PYTHON, "-I", HARNESS, "--lab", lab_dir, "--result-fd", str(fd)]
            if student_src_path is not None:
                args += ["--student", student]
            args += list(extra)
            t0 = time.monotonic()
            p = subprocess.run(args, cwd=work, pass_fds=(fd,), stdin=stdin,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
            ms = int((time.monotonic() - t0) * 1000)
            res.seek(0)
            raw = res.read()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    recs = []
    for line in raw.decode("ascii").splitlines():
        recs.append(labcheck.loads(line))
    return recs, ms, p.returncode, p.stderr.decode("utf-8", "replace")


def check_records(recs, names):
    """{name: record} for a complete grading run; raises LabFailure if the stream is odd."""
    if not recs or recs[-1].get("kind") != "done":
        raise LabFailure("the harness did not finish (no 'done' line)")
    for r in recs:
        if r.get("kind") == "harness_error":
            raise LabFailure(f"harness error: {r.get('message')}")
    by_name = {}
    for r in recs:
        if r.get("kind") == "check" and r["name"] not in by_name:
            by_name[r["name"]] = r
    return by_name


def case_bytes(rec):
    """The canonical JSON of each case's observation (None for a case that is not ok)."""
    return [labcheck.dumps(c["observation"]) if c["status"] == "ok" else None
            for c in rec["cases"]]


def failed_cases(rec, ref):
    """Indices of the reference's cases that rec does not pass (the grader's rule)."""
    want = case_bytes(ref)
    if rec is None or rec["status"] != "ok":
        return list(range(len(want)))
    got = case_bytes(rec)
    return [j for j, w in enumerate(want) if j >= len(got) or got[j] != w]


def passes(rec, ref):
    return not failed_cases(rec, ref)


def describe_failure(rec, ref):
    if rec is None:
        return "no result"
    if rec["status"] != "ok":
        return f"{rec['status']} {rec['error']} {rec['where']}".strip()
    j = failed_cases(rec, ref)[0]
    want = labcheck.dumps(ref["cases"][j]["observation"])
    if j >= len(rec["cases"]):
        return f"case {j + 1}: missing"
    c = rec["cases"][j]
    if c["status"] != "ok":
        return f"case {j + 1} ({c['call']}): {c['status']} {c['error']} {c['where']}".rstrip()
    return (f"case {j + 1} ({c['call']}): observed {labcheck.dumps(c['observation'])[:120]}, "
            f"expected {want[:120]}")


def find_labs(paths):
    labs = []
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isfile(os.path.join(p, "lab.ini")):
            labs.append(p)
            continue
        if not os.path.isdir(p):
            raise SystemExit(f"verify_labs: {p}: not a directory")
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "tests")
            if "lab.ini" in files:
                labs.append(root)
                dirs[:] = []
    return labs


def find_roadmap(lab_dir):
    """roadmap.md in the lab's folder or above it, else the repository's labs/roadmap.md next
    to this script (never relative to the current folder)."""
    d = os.path.abspath(lab_dir)
    while True:
        cand = os.path.join(d, "roadmap.md")
        if os.path.isfile(cand):
            return cand
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent
    cand = os.path.join(HERE, "..", "..", "labs", "roadmap.md")
    return os.path.normpath(cand) if os.path.isfile(cand) else None


def bad_description(info, unittest_mode=False):
    """Why a check's description is not good enough for students ("" if it is).

    An imported unittest suite's method names are its descriptions when they read as a
    sentence (test_year_divisible_by_400_is_leap_year): at least three words."""
    d = " ".join(info["description"].split()).lower()
    name = info["name"].lower()
    if not d:
        return "has no description"
    readable = name.replace("_", " ")
    bare = readable[4:].strip() if readable.startswith("test") else readable
    if unittest_mode and d == bare and len(bare.split()) >= 3:
        return ""
    if d in (name, readable, bare):
        return ("has no description but its name: write a docstring whose first line tells "
                "students what it checks")
    return ""


def verify_lab(lab_dir, roadmap_path, seen_ids):
    notes = []
    for f in REQUIRED_FILES:
        if not os.path.isfile(os.path.join(lab_dir, f)):
            raise LabFailure(f"missing {f}")
    roadmap_path = roadmap_path or find_roadmap(lab_dir)
    if roadmap_path is None:
        raise LabFailure("roadmap.md not found (use --roadmap)")
    items, subs = labini.read_roadmap(roadmap_path)
    try:
        ini = labini.load(os.path.join(lab_dir, "lab.ini"), items, subs)
    except labini.IniError as e:
        raise LabFailure(str(e)) from None
    lab_id = ini["lab"]["id"]
    unittest_mode = ini["lab"]["checks"] == "unittest"
    if lab_id in seen_ids:
        raise LabFailure(f"id {lab_id!r} is also used by {seen_ids[lab_id]}")
    seen_ids[lab_id] = lab_dir
    import importlib.util
    for m in ini["requires"]["modules"]:
        try:
            found = importlib.util.find_spec(m) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            raise LabFailure(f"required module {m!r} is not importable")
    lim = ini["limits"]

    # the check list
    def harness(student, extra=()):
        return run_harness(lab_dir, student, extra, checks_stdin=unittest_mode)

    recs, _, rc, err = harness(None, ["--list"])
    if rc != 0:
        raise LabFailure(f"--list failed: {err.strip() or rc}")
    infos = [r for r in recs if r.get("kind") == "check_info"]
    if not infos:
        raise LabFailure("no checks")
    names = [i["name"] for i in infos]
    total_timeout = sum(i["timeout_ms"] for i in infos)
    if total_timeout > lim["cpu_ms"] or total_timeout + 1000 > lim["wall_ms"]:
        raise LabFailure(f"the checks' timeouts add up to {total_timeout} ms: raise [limits] "
                         f"cpu_ms to at least {total_timeout} and wall_ms to at least "
                         f"{total_timeout + 1000}, or lower timeout_ms")
    if not any(i["visible"] for i in infos):
        raise LabFailure("no visible check: give students at least one example")
    if sum(i["weight"] for i in infos) == 0:
        raise LabFailure("all weights are 0")
    if all(i["visible"] for i in infos):
        notes.append("no hidden checks")
    for i in infos:
        why = bad_description(i, unittest_mode)
        if why:
            raise LabFailure(f"check {i['name']} {why}")

    # the reference, twice
    ref_runs = []
    for _ in range(2):
        recs, ms, rc, err = harness(os.path.join(lab_dir, "solution.py"))
        if rc != 0:
            raise LabFailure(f"harness exit status {rc} on solution.py: {err.strip()}")
        if recs and recs[0].get("kind") == "syntax_error":
            raise LabFailure(f"solution.py has a syntax error: {recs[0]}")
        by = check_records(recs, names)
        for i in infos:
            r = by.get(i["name"])
            if r is None:
                raise LabFailure(f"solution.py: no result for check {i['name']}")
            if r["status"] != "ok":
                raise LabFailure(f"solution.py: check {i['name']}: {r['status']} {r['error']}"
                                 f" {r['where']} {r['stderr_tail'][-300:]}".rstrip())
            if not r["cases"]:
                raise LabFailure(f"solution.py: check {i['name']} has no cases")
            for j, c in enumerate(r["cases"], 1):
                if c["status"] != "ok":
                    raise LabFailure(f"solution.py: check {i['name']} case {j} ({c['call']}): "
                                     f"{c['status']} {c['error']} {c['where']}".rstrip())
            if r["ms"] * 2 > i["timeout_ms"]:
                raise LabFailure(f"solution.py: check {i['name']} took {r['ms']} ms, more than "
                                 f"half of its timeout_ms {i['timeout_ms']}")
        if ms > lim["wall_ms"] // 2:
            raise LabFailure(f"solution.py: the whole run took {ms} ms, more than half of wall_ms")
        ref_runs.append((by, ms))
    ref = ref_runs[0][0]
    n_cases = 0
    for n in names:
        a = case_bytes(ref_runs[0][0][n])
        b = case_bytes(ref_runs[1][0][n])
        if len(a) != len(b):
            raise LabFailure(f"solution.py: check {n} had {len(a)} cases, then {len(b)}")
        for j, (x, y) in enumerate(zip(a, b), 1):
            if x != y:
                raise LabFailure(f"solution.py: check {n} case {j} observed different values in "
                                 f"two runs: {x[:100]} / {y[:100]}")
        n_cases += len(a)

    def failing(path):
        recs, ms, rc, err = harness(path)
        if rc != 0:
            raise LabFailure(f"harness exit status {rc} on {os.path.relpath(path, lab_dir)}: {err.strip()}")
        if recs and recs[0].get("kind") == "syntax_error":
            return None, recs[0]
        by = check_records(recs, names)
        return [n for n in names if not passes(by.get(n), ref[n])], by

    # the starter
    bad, info = failing(os.path.join(lab_dir, "starter.py"))
    if bad is None:
        raise LabFailure(f"starter.py does not compile: {info}")
    if not bad:
        raise LabFailure("starter.py passes every check")
    notes.append(f"starter fails {len(bad)}/{len(names)}")

    # alternatives and wrong solutions
    tdir = os.path.join(lab_dir, "tests")
    alts = wrongs = 0
    if os.path.isdir(tdir):
        for f in sorted(os.listdir(tdir)):
            path = os.path.join(tdir, f)
            if not f.endswith(".py"):
                continue
            if f.startswith("alt_"):
                bad, by = failing(path)
                if bad is None:
                    raise LabFailure(f"tests/{f} does not compile")
                if bad:
                    raise LabFailure(f"tests/{f} should pass but fails {', '.join(bad)} "
                                     f"(first: {describe_failure(by.get(bad[0]), ref[bad[0]])})")
                alts += 1
            elif f.startswith("wrong_"):
                bad, _ = failing(path)
                if bad is not None and not bad:
                    raise LabFailure(f"tests/{f} should fail a check but passes them all")
                wrongs += 1
    if alts or wrongs:
        notes.append(f"{alts} alt ok, {wrongs} wrong caught")
    ref_ms = min(ms for _, ms in ref_runs)
    return (f"{len(names)} checks, {n_cases} cases, reference run {ref_ms} ms, "
            + ", ".join(notes))


def main(argv):
    roadmap = None
    quiet = False
    paths = []
    i = 0
    while i < len(argv):
        if argv[i] == "--roadmap" and i + 1 < len(argv):
            roadmap = os.path.abspath(argv[i + 1])
            i += 2
        elif argv[i] == "-q":
            quiet = True
            i += 1
        elif argv[i].startswith("-"):
            print(__doc__.strip().splitlines()[2], file=sys.stderr)
            return 2
        else:
            paths.append(argv[i])
            i += 1
    if not paths:
        print("usage: verify_labs.py [--roadmap FILE] [-q] LAB_OR_DIR...", file=sys.stderr)
        return 2
    labs = find_labs(paths)
    if not labs:
        print("verify_labs: no lab directories found", file=sys.stderr)
        return 1
    seen = {}
    failed = 0
    for lab in labs:
        name = os.path.relpath(lab)
        try:
            summary = verify_lab(lab, roadmap, seen)
            if not quiet:
                print(f"PASS {name}: {summary}")
        except LabFailure as e:
            failed += 1
            print(f"FAIL {name}: {e}")
        except Exception as e:                         # a bug here must not look like a pass
            failed += 1
            print(f"FAIL {name}: verify_labs crashed: {type(e).__name__}: {e}")
    print(f"{len(labs) - failed}/{len(labs)} labs verified" + (f", {failed} FAILED" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
