#!/usr/bin/python3
"""test_outside_suite.py - an outside test suite, graded by labserver, agrees with itself.

tests/outside/exercism/ex-*/ are labs made from exercises of the Exercism Python track: each
checks.py is the track's own unittest file, unchanged (`checks = unittest` in lab.ini). For
every lab and every submission (solution.py and tests/alt_*.py, which are correct;
tests/wrong_*.py, a realistic mistake; tests/wrong_cheat_*.py, hard-coded examples or constants):

1. the truth: the test file run by plain `python3 -m unittest`-style loading, next to the
   submission saved under the module name the tests import; its pass rate = passed units /
   all units, a unit being a test method without subTests or one subTest of a method;
2. labserver's score: `labsandbox grade --json LABDIR FILE` in the real sandbox (needs root),
   its score / max_score.

It asserts that labserver gives full marks exactly when every unit passes, that the score is
within 5 points of the pass rate, and that the correct submissions pass everything and the
wrong and cheating ones do not. It prints one table row per submission.

    /usr/bin/python3 tests/outside/test_outside_suite.py --labsandbox build/labsandbox/labsandbox
        [--jobs 2] [EXERCISE...]

Standard library only.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SUITE = os.path.join(HERE, "exercism")
TOLERANCE = 5.0               # percentage points between labserver's score and the pass rate
KINDS = ("solution", "alt", "wrong", "cheat")

# Run in a fresh interpreter, in a folder holding checks.py and the submission as the module
# the tests import.  Prints {"passed": P, "total": T, "failed": [names]} as its last line.
TRUTH = r'''
import json, sys, unittest

class Units(unittest.TestResult):
    """Counts units: each subTest of a method, or the method itself when it has none."""
    def __init__(self):
        super().__init__()
        self.subs = {}            # test id -> [passed, total] of its subTests
        self.own = {}             # test id -> the method's own outcome (True: passed)

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        s = self.subs.setdefault(test.id(), [0, 0])
        s[1] += 1
        if err is None:
            s[0] += 1

    def addSuccess(self, test):
        self.own[test.id()] = True

    def _failed(self, test, err):
        self.own[test.id()] = False

    addFailure = addError = _failed

    def addSkip(self, test, reason):
        self.own[test.id()] = False

    def addUnexpectedSuccess(self, test):
        self.own[test.id()] = False

    def addExpectedFailure(self, test, err):
        self.own[test.id()] = True

suite = unittest.defaultTestLoader.loadTestsFromName("checks")
result = Units()
suite.run(result)
passed = total = 0
failed = []
for tid in sorted(set(result.own) | set(result.subs)):
    own = result.own.get(tid, True)
    if tid in result.subs:
        p, t = result.subs[tid]
        p = p if own else 0       # a failure outside the subTests fails the method (as labserver)
    else:
        p, t = (1 if own else 0), 1
    passed += p
    total += t
    if p < t:
        failed.append(tid.rsplit(".", 1)[-1])
print(json.dumps({"passed": passed, "total": total, "failed": failed}))
'''


def lab_ini_value(lab_dir, key):
    with open(os.path.join(lab_dir, "lab.ini")) as f:
        for line in f:
            k, sep, v = line.partition("=")
            if sep and k.strip() == key:
                return v.split(" ;")[0].strip()
    return None


def submissions(lab_dir):
    """[(kind, path)]: the reference, then tests/alt_*, wrong_*, and the cheats, named
    wrong_cheat_* so that `labsandbox check` also proves they fail."""
    subs = [("solution", os.path.join(lab_dir, "solution.py"))]
    for kind in KINDS[1:]:
        found = sorted(glob.glob(os.path.join(lab_dir, "tests", kind + "_*.py")))
        if kind == "wrong":
            found = [p for p in found if not os.path.basename(p).startswith("wrong_cheat_")]
        if kind == "cheat":
            found = sorted(glob.glob(os.path.join(lab_dir, "tests", "wrong_cheat_*.py")))
        subs += [(kind, p) for p in found]
    return subs


def truth(lab_dir, path):
    """(passed, total, failed names) of the original test file on this submission."""
    module = lab_ini_value(lab_dir, "student_module") or "solution"
    with tempfile.TemporaryDirectory(prefix="outside-truth-") as d:
        shutil.copy(os.path.join(lab_dir, "checks.py"), os.path.join(d, "checks.py"))
        shutil.copy(path, os.path.join(d, module + ".py"))
        p = subprocess.run([sys.executable, "-I", "-c", "import sys; sys.path.insert(0, '.');" + TRUTH],
                           cwd=d, capture_output=True, text=True, timeout=120)
    if p.returncode != 0 or not p.stdout.strip():
        raise RuntimeError(f"the unittest run failed: {p.stderr[-2000:]}")
    r = json.loads(p.stdout.strip().splitlines()[-1])
    return r["passed"], r["total"], r["failed"]


def labserver(labsandbox, lab_dir, path):
    """(score, max_score, failed check names) from `labsandbox grade --json`."""
    p = subprocess.run([labsandbox, "grade", "--json", lab_dir, path], capture_output=True,
                       text=True, timeout=300, env=dict(os.environ, NO_COLOR="1"))
    if p.returncode not in (0, 1):
        raise RuntimeError(f"labsandbox grade exited {p.returncode}: {p.stderr[-2000:]}")
    r = json.loads(p.stdout)
    full = r["score"] == r["max_score"]
    if full != (p.returncode == 0):
        raise RuntimeError(f"exit status {p.returncode} but score {r['score']}/{r['max_score']}")
    failed = [c["name"] for c in r.get("checks", []) if not c.get("passed")]
    return r["score"], r["max_score"], failed


def one(labsandbox, lab_dir, kind, path):
    row = {"exercise": os.path.basename(lab_dir), "kind": kind, "file": os.path.basename(path)}
    try:
        row["passed"], row["total"], row["suite_failed"] = truth(lab_dir, path)
        row["score"], row["max_score"], row["lab_failed"] = labserver(labsandbox, lab_dir, path)
    except (RuntimeError, subprocess.TimeoutExpired, ValueError, KeyError) as e:
        row["error"] = str(e)
    return row


def problems(row):
    """What is wrong with one row (empty: it holds)."""
    if "error" in row:
        return [row["error"]]
    out = []
    rate = 100.0 * row["passed"] / row["total"] if row["total"] else 0.0
    pct = 100.0 * row["score"] / row["max_score"] if row["max_score"] else 0.0
    all_pass = row["passed"] == row["total"]
    full = row["score"] == row["max_score"]
    if all_pass != full:
        out.append(f"full marks {full} but the suite passes {row['passed']}/{row['total']}")
    if abs(pct - rate) > TOLERANCE:
        out.append(f"labserver {pct:.1f}% is more than {TOLERANCE:g} points from the suite's {rate:.1f}%")
    if row["kind"] in ("solution", "alt") and not all_pass:
        out.append(f"a correct submission fails the suite: {', '.join(row['suite_failed'])}")
    if row["kind"] in ("wrong", "cheat") and all_pass:
        out.append("a wrong or cheating submission passes the whole suite")
    return out


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labsandbox", default=os.environ.get(
        "LABSANDBOX", os.path.join(HERE, "..", "..", "build", "labsandbox", "labsandbox")))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("exercises", nargs="*", help="exercise names (default: all)")
    args = ap.parse_args(argv)
    if os.geteuid() != 0:
        print("test_outside_suite: labsandbox grade needs root", file=sys.stderr)
        return 1
    labs = sorted(glob.glob(os.path.join(SUITE, "ex-*")))
    if args.exercises:
        labs = [d for d in labs if os.path.basename(d)[3:] in args.exercises
                or os.path.basename(d) in args.exercises]
    if len(labs) < (10 if not args.exercises else 1):
        print(f"test_outside_suite: only {len(labs)} labs under {SUITE}", file=sys.stderr)
        return 1
    jobs = [(d, kind, path) for d in labs for kind, path in submissions(d)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        rows = list(pool.map(lambda j: one(args.labsandbox, *j), jobs))

    bad = 0
    print(f"{'exercise':<26} {'submission':<32} {'suite %':>8} {'labserver %':>12}")
    for row in rows:
        if "error" in row:
            suite = lab = "-"
        else:
            suite = f"{100.0 * row['passed'] / row['total']:.1f}"
            lab = f"{100.0 * row['score'] / row['max_score']:.1f}"
        msgs = problems(row)
        mark = "" if not msgs else "   <-- " + "; ".join(msgs)
        bad += bool(msgs)
        print(f"{row['exercise']:<26} {row['kind'] + ':' + row['file']:<32} {suite:>8} {lab:>12}{mark}")
    for kind in KINDS:
        if not any(r["kind"] == kind for r in rows):
            print(f"no {kind} submission was found", file=sys.stderr)
            bad += 1
    print(f"{len(rows)} submissions of {len(labs)} exercises; {bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
