#!/usr/bin/python3
"""test_labsandbox_cli.py - `labsandbox check` and `labsandbox grade` as a teacher runs them.

Runs the real labsandbox (the real sandbox: needs root) on small labs written to a temporary
folder, and checks the exit status (0 good, 1 a check failed, 2 the lab is invalid or missing,
3 the sandbox could not start) and that the output names what is wrong and what to do.

    /usr/bin/python3 tests/labsandbox/test_labsandbox_cli.py --labsandbox build/labsandbox/labsandbox

(or LABSANDBOX=... in the environment; default: build/labsandbox/labsandbox of this checkout).
Standard library only.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
LABSANDBOX = os.environ.get("LABSANDBOX",
                            os.path.join(HERE, "..", "..", "build", "labsandbox", "labsandbox"))

LAB_INI = """\
; a small lab for the labsandbox tests
[lab]
id = {id}
title = Double it
section = 1.1
roadmap = 1.1.1
points = 10

[limits]
cpu_ms = 4000
wall_ms = 6000
"""

CHECKS = '''\
from labcheck import check, call


@check(weight=1)
def example_double(s):
    "double(2) gives 4"
    return call(s.double, 2)


@check(weight=2, visible=False)
def double_more(s):
    "double with zero and negative numbers"
    return [call(s.double, x) for x in (0, -3, 10)]
'''

SOLUTION = "def double(x):\n    return 2 * x\n"
STARTER = "def double(x):\n    # give back twice x\n    return x\n"
ALT_ADD = "def double(x):\n    return x + x\n"
WRONG_SQUARE = "def double(x):\n    return x * x\n"       # right for 2 only: caught by the hidden check
WRONG_SHIFT = "def double(x):\n    return x << 1\n"      # right for every int: NOT caught
WRONG_CRASH = "def double(x):\n    return x + 'x'\n"


def write_lab(root, folder, lab_id=None, ini=None, checks=CHECKS, tests=None):
    d = os.path.join(root, folder)
    os.makedirs(os.path.join(d, "tests"))
    files = {"lab.ini": ini if ini is not None else LAB_INI.format(id=lab_id or folder),
             "README.md": "# Double it\n\nWrite `double(x)`.\n", "checks.py": checks,
             "solution.py": SOLUTION, "starter.py": STARTER}
    for name, text in (tests if tests is not None else
                       {"alt_add.py": ALT_ADD, "wrong_square.py": WRONG_SQUARE}).items():
        files["tests/" + name] = text
    for name, text in files.items():
        with open(os.path.join(d, name), "w") as f:
            f.write(text)
    return d


def run(*args, timeout=120):
    p = subprocess.run([LABSANDBOX] + list(args), capture_output=True, text=True,
                       timeout=timeout, env=dict(os.environ, NO_COLOR="1"))
    return p.returncode, p.stdout, p.stderr


@unittest.skipUnless(os.geteuid() == 0, "labsandbox needs root")
class LabsandboxCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.access(LABSANDBOX, os.X_OK):
            raise RuntimeError(f"labsandbox is not built at {LABSANDBOX}")
        cls.root = tempfile.mkdtemp(prefix="labsandbox-cli-")
        os.chmod(cls.root, 0o755)
        cls.good = write_lab(cls.root, "t-double")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root, ignore_errors=True)

    def check(self, *dirs, want, json_out=False):
        args = ["check"] + (["--json"] if json_out else []) + list(dirs)
        rc, out, err = run(*args)
        self.assertEqual(rc, want, f"labsandbox {' '.join(args)}\nstdout:\n{out}\nstderr:\n{err}")
        return out, err

    # ---- check --------------------------------------------------------------------------

    def test_good_lab(self):
        out, err = self.check(self.good, want=0)
        self.assertRegex(out, r"^ok\s+t-double\s+2 checks, 1 alt_ passed, 1 wrong_ caught")
        self.assertIn("1 lab good, 0 failed, 0 invalid", err)

    def test_wrong_file_that_passes_is_named(self):
        d = write_lab(self.root, "t-leaky",
                      tests={"alt_add.py": ALT_ADD, "wrong_square.py": WRONG_SQUARE,
                             "wrong_shift.py": WRONG_SHIFT})
        out, _ = self.check(d, want=1)
        lines = out.splitlines()
        self.assertRegex(lines[0], r"^FAIL\s+t-leaky\s+.*1 of 3 test files did not behave")
        bad = [l for l in lines if "tests/wrong_shift.py" in l]
        self.assertEqual(len(bad), 1, out)
        self.assertIn("passes every check, but a wrong_ file must fail at least one", bad[0])
        self.assertNotIn("wrong_square", out)
        nxt = lines[lines.index(bad[0]) + 1]
        self.assertIn("next: add a check (or a case) that this mistake fails", nxt)

    def test_alt_file_that_fails_is_named(self):
        d = write_lab(self.root, "t-alt-crash", tests={"alt_crash.py": WRONG_CRASH})
        out, _ = self.check(d, want=1)
        bad = [l for l in out.splitlines() if "tests/alt_crash.py" in l]
        self.assertEqual(len(bad), 1, out)
        self.assertIn("fails 2 of 2 checks (example_double, double_more)", bad[0])
        self.assertIn("rename it to wrong_crash.py", out)

    def test_json_lists_every_test_file(self):
        d = write_lab(self.root, "t-leaky-json",
                      tests={"alt_add.py": ALT_ADD, "wrong_shift.py": WRONG_SHIFT})
        out, _ = self.check(d, want=1, json_out=True)
        obj = json.loads(out)
        self.assertEqual((obj["status"], obj["exit"], obj["id"]), ("failed", 1, "t-leaky-json"))
        files = {f["file"]: f for f in obj["files"]}
        self.assertTrue(files["tests/alt_add.py"]["ok"])
        self.assertFalse(files["tests/wrong_shift.py"]["ok"])
        self.assertIn("passes every check", files["tests/wrong_shift.py"]["reason"])

    def test_bad_ini_names_line_and_key(self):
        d = write_lab(self.root, "t-bad-points",
                      ini=LAB_INI.format(id="t-bad-points").replace("points = 10", "points = 0"))
        out, _ = self.check(d, want=2)
        self.assertRegex(out, r"^INVALID\s+\S*t-bad-points\s+lab.ini line 7, key 'points': "
                              r"must be a whole number from 1 to 1000, not '0'")
        self.assertIn("next: ", out)

    def test_indented_key_is_refused(self):
        d = write_lab(self.root, "t-indented",
                      ini=LAB_INI.format(id="t-indented").replace("points = 10", "  points = 10"))
        out, _ = self.check(d, want=2)
        self.assertIn("lab.ini line 7 starts with a space: write keys at the start of the line",
                      out)

    def test_id_must_be_the_folder_name(self):
        d = write_lab(self.root, "t-folder", lab_id="t-other")
        out, _ = self.check(d, want=2)
        self.assertIn("lab.ini line 3, key 'id': 't-other' is not the folder's name 't-folder'",
                      out)
        self.assertIn("next: a lab's folder is named after its id: rename the folder to "
                      "'t-other', or set id = t-folder", out)

    def test_missing_file(self):
        d = write_lab(self.root, "t-no-starter")
        os.unlink(os.path.join(d, "starter.py"))
        out, _ = self.check(d, want=2)
        self.assertIn("starter.py: missing", out)

    def test_checks_that_do_not_load(self):
        d = write_lab(self.root, "t-broken-checks", checks=CHECKS + "\ndef oops(:\n")
        out, _ = self.check(d, want=2)
        self.assertIn("checks.py could not be loaded", out)
        self.assertIn("--list", out)

    def test_starter_that_passes(self):
        d = write_lab(self.root, "t-free")
        with open(os.path.join(d, "starter.py"), "w") as f:
            f.write(SOLUTION)
        out, _ = self.check(d, want=1)
        self.assertIn("starter.py already passes every check", out)

    def test_several_labs_give_the_worst_status(self):
        leaky = write_lab(self.root, "t-leaky-2", tests={"wrong_shift.py": WRONG_SHIFT})
        bad = write_lab(self.root, "t-mismatch", lab_id="t-elsewhere")
        out, err = self.check(self.good, leaky, bad, want=2)
        self.assertEqual([l.split()[0] for l in out.splitlines() if not l.startswith(" ")],
                         ["ok", "FAIL", "INVALID"], out)
        self.assertIn("1 lab good, 1 failed, 1 invalid", err)

    def test_no_sandbox(self):
        rc, out, err = run("check", "--harness", "/nonexistent/harness", self.good)
        self.assertEqual(rc, 3, out + err)
        self.assertIn("the grading harness is not at '/nonexistent/harness'", err)

    # ---- grade --------------------------------------------------------------------------

    def grade(self, text, want, lab=None, *flags):
        path = os.path.join(self.root, "submission.py")
        with open(path, "w") as f:
            f.write(text)
        rc, out, err = run("grade", *flags, lab or self.good, path)
        self.assertEqual(rc, want, f"stdout:\n{out}\nstderr:\n{err}")
        return out, err

    def test_grade_full_marks(self):
        out, _ = self.grade(ALT_ADD, 0)
        self.assertIn("Score: 10/10", out)

    def test_grade_wrong_file(self):
        out, _ = self.grade(STARTER, 1)
        self.assertIn("Score: 0/10", out)
        self.assertIn("expected: 4", out)
        self.assertIn("you gave: 2", out)
        self.assertIn("(hidden)", out)

    def test_grade_json(self):
        out, _ = self.grade(WRONG_SQUARE, 1, None, "--json")
        rep = json.loads(out)
        self.assertEqual(rep["max_score"], 10)
        self.assertLess(rep["score"], 10)
        checks = {c["name"]: c for c in rep["checks"]}
        self.assertTrue(checks["example_double"]["passed"])
        self.assertFalse(checks["double_more"]["passed"])

    def test_grade_against_an_invalid_lab(self):
        bad = write_lab(self.root, "t-grade-mismatch", lab_id="t-elsewhere-2")
        _, err = self.grade(SOLUTION, 2, bad)
        self.assertIn("is not the folder's name", err)

    def test_grade_a_missing_file(self):
        rc, out, err = run("grade", self.good, os.path.join(self.root, "nope.py"))
        self.assertEqual(rc, 2, out + err)
        self.assertIn("cannot open", err)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--labsandbox":
        LABSANDBOX = sys.argv[2]
        del sys.argv[1:3]
    unittest.main(verbosity=2)
