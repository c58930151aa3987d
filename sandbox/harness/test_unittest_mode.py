"""Tests for unittest-style checks (_unittest_mode.py); stdlib unittest, run with /usr/bin/python3.

    /usr/bin/python3 sandbox/harness/test_unittest_mode.py [-v]

Each test runs the harness as a separate process the way the sandbox does: the lab folder holds
lab.ini but no checks.py, the tests' text arrives on stdin, the results on fd 3.  The labs are in
testdata/unittest/.  When run as root, the harness runs as an otherwise unused uid: root may read
any process's memory, so only then are the kernel's protections between the processes of one
uid really exercised; and a hostile student's os.kill(-1) can reach only the harness's own
processes (never the test runner, nor other tests running as nobody).
"""

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import _unittest_mode as U  # noqa: E402

PYTHON = "/usr/bin/python3"
TESTDATA = os.path.join(HERE, "testdata", "unittest")
SECRET = "ZQX-SECRET-4471"
# a uid of this run's own (with no passwd entry; a run of this file under `discover` at the same
# time gets another one), so that os.kill(-1) from a hostile student reaches nothing else
RUN_UID = 50000 + os.getpid() % 10000
AS_ROOT = os.geteuid() == 0


def _harness_copy():
    """A world-readable copy of the harness (the checkout may lie below a 0700 folder), and the
    command that runs its unittest mode: harness.py --checks-stdin once _harness.main()
    dispatches to this mode, _unittest_mode.py itself until then."""
    d = tempfile.mkdtemp(prefix="harness-copy-")
    os.chmod(d, 0o755)
    for name in ("harness.py", "_harness.py", "labcheck.py", "labini.py", "_unittest_mode.py"):
        shutil.copy(os.path.join(HERE, name), os.path.join(d, name))
        os.chmod(os.path.join(d, name), 0o644)
    atexit.register(shutil.rmtree, d, True)
    with open(os.path.join(d, "_harness.py")) as f:
        wired = "_unittest_mode" in f.read()
    if wired:
        return [os.path.join(d, "harness.py"), "--checks-stdin"]
    return [os.path.join(d, "_unittest_mode.py")]


COMMAND = _harness_copy()

if not AS_ROOT:
    # the harness then runs as our own uid, and this process holds the tests' text (it feeds
    # them to stdin); in production that is the worker, outside the box, as another uid
    U.make_undumpable()


class Run:
    def __init__(self, raw, rc, stderr):
        self.raw, self.rc, self.stderr = raw, rc, stderr
        self.lines = raw.splitlines()
        self.recs = [json.loads(x) for x in self.lines]
        self.done = bool(self.recs) and self.recs[-1]["kind"] == "done"

    def checks(self):
        return {r["name"]: r for r in self.recs if r["kind"] == "check"}


def run_lab(lab, student=None, listing=False, drop=True, timeout=300):
    """Run the harness on testdata/unittest/<lab> (or the folder lab, when absolute) with
    <student>.py as the student's file."""
    src = lab if os.path.isabs(lab) else os.path.join(TESTDATA, lab)
    with open(os.path.join(src, "checks.py"), "rb") as f:
        tests = f.read()
    drop = drop and AS_ROOT
    with tempfile.TemporaryDirectory(prefix="ut-mode-") as root:
        lab_dir, work = os.path.join(root, "lab"), os.path.join(root, "work")
        os.mkdir(lab_dir)
        os.mkdir(work)
        os.chmod(root, 0o755)
        os.chmod(lab_dir, 0o755)
        os.chmod(work, 0o777)
        shutil.copy(os.path.join(src, "lab.ini"), lab_dir)    # never checks.py
        os.chmod(os.path.join(lab_dir, "lab.ini"), 0o644)
        args = [PYTHON, "-I"] + COMMAND + ["--lab", lab_dir, "--result-fd", "3"]
        if listing:
            args.append("--list")
        else:
            student_path = os.path.join(work, "main.py")
            shutil.copy(os.path.join(src, student + ".py"), student_path)
            os.chmod(student_path, 0o644)
            args += ["--student", student_path]
        with tempfile.TemporaryFile() as res:
            fd = res.fileno()
            if drop:        # like a result pipe made by the sandbox user: only the fd protects it
                os.fchown(fd, RUN_UID, RUN_UID)

            def child_setup():
                if fd != 3:
                    os.dup2(fd, 3)
                os.set_inheritable(3, True)
                if drop:
                    os.setgroups([])
                    os.setgid(RUN_UID)
                    os.setuid(RUN_UID)

            p = subprocess.run(args, cwd=work, input=tests, preexec_fn=child_setup,
                               close_fds=False, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=timeout)
            res.seek(0)
            raw = res.read()
        subprocess.run(["chmod", "-R", "u+rwX", root], check=False)
    return Run(raw, p.returncode, p.stderr.decode("utf-8", "replace"))


def observations(check):
    return [c["observation"] for c in check["cases"]]


# ---------------------------------------------------------------------------------------------


class TestCodec(unittest.TestCase):
    def roundtrip(self, v):
        return U.decode(U.encode(v, U.no_other), U.no_ref)

    def test_plain_values_round_trip(self):
        for v in (None, True, False, 0, -1, 255, -(2 ** 100), 2 ** 100, 1.5, -0.0, float("inf"),
                  "", "héllo \U0001F600", "\udc80", b"\x00\xff", [1, [2, (3,)]], (), {"a": 1, 2: [3]},
                  {1, "x"}, frozenset({(1, 2)}), {(1, 2): {"k": None}}):
            got = self.roundtrip(v)
            self.assertEqual(got, v)
            self.assertIs(type(got), type(v))

    def test_limits(self):
        deep = []
        for _ in range(U.MAX_DEPTH + 1):
            deep = [deep]
        with self.assertRaises(U.CodecError):
            U.encode(deep, U.no_other)
        with self.assertRaises(U.CodecError):
            U.encode("x" * (U.MAX_MESSAGE + 1), U.no_other)
        with self.assertRaises(U.CodecError):
            U.encode(object(), U.no_other)
        # a hand-made message nested deeper than allowed is refused on decoding too
        with self.assertRaises(U.CodecError):
            U.decode(b"l\x00\x00\x00\x01" * (U.MAX_DEPTH + 2) + b"N", U.no_ref)

    def test_garbage_is_refused(self):
        for data in (b"", b"Q", b"s\x00\x00\x00\x05ab", b"l\xff\xff\xff\xffN", b"NN",
                     b"h\x00\x00\x00\x01", b"S\x00\x00\x00\x01l\x00\x00\x00\x00",
                     b"s\x00\x00\x00\x01\xff"):
            with self.assertRaises(U.CodecError, msg=data):
                U.decode(data, U.no_ref)

    def test_subclasses_go_as_their_base_type(self):
        import collections
        import enum

        class Level(enum.IntEnum):
            HIGH = 3
        out = bytearray()
        U._tester_other(collections.OrderedDict(a=Level.HIGH), out, 0)
        self.assertEqual(U.decode(bytes(out), U.no_ref), {"a": 3})
        with self.assertRaises(TypeError):
            U._tester_other(object(), bytearray(), 0)

    def test_cut_marker(self):
        self.assertEqual(U.cut("x" * 300), "x" * 300)
        self.assertEqual(U.cut("x" * 1534), "x" * 300 + "… 1,234 more characters")
        t = U.tail("y" * 2500)
        self.assertTrue(t.startswith("… 524 more characters\ny"), t[:40])
        self.assertLessEqual(len(t), 2000)
        import labcheck
        if hasattr(labcheck, "tail_text"):          # the functions mode's tails look the same
            self.assertEqual(t, labcheck.tail_text("y" * 2500))
            self.assertEqual(U.cut("x" * 1534), labcheck.cut("x" * 1534))


class TestList(unittest.TestCase):
    def test_list_gives_check_info_from_the_tests_on_stdin(self):
        r = run_lab("leap", listing=True)
        self.assertEqual(r.rc, 0, r.stderr)
        self.assertEqual(r.recs[-1], {"kind": "done", "n": 6})
        info = {x["name"]: x for x in r.recs[:-1]}
        self.assertEqual(list(info), ["test_2016", "test_years", "test_centuries", "test_describe",
                                      "test_code_word", "test_code_word_again"])
        self.assertEqual(info["test_2016"], {
            "description": "2016 is a leap year", "kind": "check_info", "name": "test_2016",
            "timeout_ms": 1000, "visible": True, "weight": 1})
        self.assertEqual(info["test_years"]["weight"], 2)
        self.assertEqual(info["test_centuries"]["description"], "centuries")
        self.assertFalse(info["test_describe"]["visible"])       # @hidden on the class
        self.assertEqual(info["test_code_word"]["timeout_ms"], 60000)
        self.assertNotIn(SECRET.encode(), r.raw)


class TestResults(unittest.TestCase):
    def test_lines_are_canonical(self):
        r = run_lab("leap", "crash")
        for line, rec in zip(r.lines, r.recs):
            canon = json.dumps(rec, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
            self.assertEqual(line.decode("ascii"), canon)
            if rec["kind"] == "check":
                self.assertEqual(set(rec), {"cases", "error", "hint", "kind", "ms", "name", "status",
                                            "stderr_tail", "stdout_tail", "where"})
                for c in rec["cases"]:
                    self.assertEqual(set(c), {"about", "call", "error", "observation", "shown",
                                              "shown_as", "status", "where"})

    def test_reference_passes_every_case(self):
        runs = {lab: run_lab(lab, "solution") for lab in ("leap", "clock")}
        for r in runs.values():
            self.assertTrue(r.done, r.stderr)
            for name, chk in r.checks().items():
                self.assertEqual(chk["status"], "ok", chk)
                self.assertTrue(chk["cases"], chk)
                self.assertTrue(all(o is True for o in observations(chk)), chk)
        years = runs["leap"].checks()["test_years"]
        self.assertEqual([c["about"] for c in years["cases"]],
                         ["year=2015", "year=1900", "year=2000", "year=2024"])
        # a case's call text is the call into the student's code; its about, the subTest's
        self.assertEqual([c["call"] for c in years["cases"]],
                         ["leap_year(2015)", "leap_year(1900)", "leap_year(2000)", "leap_year(2024)"])
        self.assertEqual(runs["leap"].checks()["test_2016"]["cases"][0]["call"], "leap_year(2016)")
        self.assertEqual([c["shown"] for c in years["cases"]], ["False", "False", "True", "True"])

    def test_starter_fails_some_cases(self):
        for lab in ("leap", "clock"):
            got = run_lab(lab, "starter").checks()
            obs = [o for chk in got.values() for o in observations(chk)]
            self.assertIn(True, obs)
            self.assertIn({"$failed": "AssertionError"}, obs)
        centuries = run_lab("leap", "starter").checks()["test_centuries"]["cases"]
        self.assertEqual(centuries[0]["observation"], True)
        self.assertEqual(centuries[1], {
            "about": "leap_year(2100)", "call": "leap_year(2100)", "error": "",
            "observation": {"$failed": "AssertionError"}, "shown": "True", "shown_as": "value",
            "status": "ok", "where": ""})

    def test_hidden_checks_have_no_call_text(self):
        got = run_lab("leap", "starter").checks()
        self.assertEqual([c["about"] for c in got["test_code_word_again"]["cases"]],
                         ["membership", "equality"])
        self.assertEqual([c["call"] for c in got["test_code_word_again"]["cases"]], ["", ""])

    def test_crash_shows_error_and_line(self):
        got = run_lab("leap", "crash").checks()
        case = got["test_years"]["cases"][1]                     # leap_year(1900)
        self.assertEqual(case["observation"], {"$failed": "ZeroDivisionError"})
        self.assertEqual(case["error"], "ZeroDivisionError: division by zero")
        self.assertEqual(case["where"], "line 2, in leap_year: return year % 4 == 0 and 100 / (year % 100)")
        self.assertEqual(got["test_years"]["cases"][0]["observation"], True)
        self.assertEqual(got["test_code_word"]["cases"][0]["error"], "KeyError: 'no word'")
        self.assertEqual(got["test_describe"]["stdout_tail"], "describing 2000\n")

    def test_import_error_and_syntax_error(self):
        got = run_lab("leap", "import_error").checks()
        for chk in got.values():
            self.assertEqual(chk["status"], "import_error")
            self.assertEqual(chk["where"], 'line 4: limit = int("many")')
            self.assertIn("ValueError: invalid literal", chk["error"])
        r = run_lab("leap", "syntax_error")
        self.assertEqual([x["kind"] for x in r.recs], ["syntax_error", "done"])
        self.assertEqual(r.recs[0]["line"], 1)

    def test_endless_loop_times_out_and_others_complete(self):
        got = run_lab("leap", "slow").checks()
        years = got["test_years"]
        self.assertEqual(years["status"], "ok")
        self.assertTrue(years["error"].startswith("Timeout"), years)
        self.assertEqual([c["status"] for c in years["cases"]][-1], "timeout")
        self.assertLessEqual(len(years["cases"]), 2)             # 1900 is the second year
        self.assertEqual(observations(got["test_describe"]), [True])
        self.assertEqual(observations(got["test_centuries"]), [True, True])

    def test_os_exit_in_student_code_fails(self):
        got = run_lab("leap", "exits").checks()
        self.assertEqual(got["test_2016"]["cases"][0]["observation"], {"$failed": "Crashed"})
        self.assertEqual(observations(got["test_describe"]), [True])


SHOWN_LAB = {
    "lab.ini": """[lab]
id = t-shown
title = What a case shows
section = 1.1
roadmap = 1.1.1
points = 10
checks = unittest
student_module = shapes
[limits]
cpu_ms = 20000
wall_ms = 30000
""",
    "checks.py": """import unittest
from labcheck import hidden
from shapes import Box, area, check_name


class Shown(unittest.TestCase):
    def test_two_asserts(self):
        self.assertEqual(area(2, 3), 6)
        self.assertEqual(area(1, 1), 1)
        self.assertEqual(area(1, 1), 1)

    def test_chain(self):
        self.assertEqual(Box(3).size(), 3)
        self.assertEqual(Box([1, Box]).size(), 2)

    def test_raises(self):
        with self.assertRaises(ValueError) as err:
            check_name("")
        self.assertEqual(err.exception.args[0], "empty name")

    def test_sub(self):
        for a, b in ((1, 2), (2, 2)):
            with self.subTest(a=a):
                self.assertEqual(area(a, b), a * b)
                self.assertTrue(area(a, b) > 0)

    @hidden
    def test_hidden(self):
        self.assertEqual(area(4, 4), 16)
""",
    "solution.py": """def area(a, b):
    return a * b


class Box:
    def __init__(self, what):
        self.what = what

    def size(self):
        return self.what if type(self.what) is int else len(self.what)


def check_name(name):
    if not name:
        raise ValueError("empty name")
""",
    "wrong.py": """def area(a, b):
    return 5 if a == 1 else a * b


class Box:
    def __init__(self, what):
        self.what = what

    def size(self):
        return 3


def check_name(name):
    raise ValueError("bad")
""",
}


def shown_lab():
    """testdata-like folder for SHOWN_LAB, written once per run."""
    if not hasattr(shown_lab, "path"):
        d = tempfile.mkdtemp(prefix="ut-shown-")
        atexit.register(shutil.rmtree, d, True)
        for name, text in SHOWN_LAB.items():
            with open(os.path.join(d, name), "w") as f:
                f.write(text)
        shown_lab.path = d
    return shown_lab.path


class TestShownAndCall(unittest.TestCase):
    """A case shows the first argument of its failing assertion, or of its first assertion
    when all held; its call text is the test's calls into the student's code."""

    @classmethod
    def setUpClass(cls):
        cls.ref = run_lab(shown_lab(), "solution").checks()
        cls.wrong = run_lab(shown_lab(), "wrong").checks()

    def case(self, run, name, i=0):
        return run[name]["cases"][i]

    def test_reference_shows_its_first_assertion(self):
        self.assertEqual(self.case(self.ref, "test_two_asserts")["shown"], "6")
        self.assertEqual(self.case(self.ref, "test_chain")["shown"], "3")
        self.assertEqual(self.case(self.ref, "test_raises")["shown"], "raises ValueError: empty name")
        self.assertEqual([c["shown"] for c in self.ref["test_sub"]["cases"]], ["2", "4"])

    def test_failing_case_shows_the_failing_assertion(self):
        c = self.case(self.wrong, "test_two_asserts")
        self.assertEqual((c["observation"], c["shown"]), ({"$failed": "AssertionError"}, "5"))
        self.assertEqual(c["error"], "")          # no msg=: nothing to add to "wrong result"
        self.assertEqual(self.case(self.wrong, "test_chain")["shown"], "3")
        self.assertEqual(self.case(self.wrong, "test_raises")["shown"], "'bad'")
        sub = self.wrong["test_sub"]["cases"]
        self.assertEqual([(c["observation"], c["shown"]) for c in sub],
                         [({"$failed": "AssertionError"}, "5"), (True, "4")])

    def test_call_texts(self):
        self.assertEqual(self.case(self.ref, "test_two_asserts")["call"], "area(2, 3); area(1, 1)")
        self.assertEqual(self.case(self.ref, "test_chain")["call"],
                         "Box(3).size(); Box([1, Box]).size()")
        self.assertEqual(self.case(self.ref, "test_raises")["call"], "check_name('')")
        self.assertEqual([(c["about"], c["call"]) for c in self.ref["test_sub"]["cases"]],
                         [("a=1", "area(1, 2)"), ("a=2", "area(2, 2)")])
        self.assertEqual(self.case(self.ref, "test_hidden")["call"], "")
        # the student's file is graded with the reference's call texts; its own are the same
        self.assertEqual(self.case(self.wrong, "test_chain")["call"],
                         self.case(self.ref, "test_chain")["call"])


class TestSecrecy(unittest.TestCase):
    """hostile_search.py looks for SECRET in every place a student process can reach and
    returns what it found; the result must be: nothing, and SECRET nowhere in the output."""

    def report(self, run):
        got = run.checks()
        shown = [c["shown"] for c in got["test_code_word"]["cases"] + got["test_code_word_again"]["cases"]
                 if c["shown"].startswith("'leaks=")]
        self.assertEqual(len(shown), 2, got)
        return shown

    def test_hostile_student_finds_nothing(self):
        r = run_lab("leap", "hostile_search")
        self.assertTrue(r.done, r.stderr)
        self.assertNotIn(SECRET.encode(), r.raw)
        self.assertNotIn(SECRET, r.stderr)
        for text in self.report(r):
            leaks, rest = text.strip("'")[len("leaks="):].split(" canary=", 1)
            self.assertEqual(leaks, "none", text)
            fields = dict(f.split("=", 1) for f in ("canary=" + rest).split())
            # the search was real: it found its own canary in memory, objects and frames, read
            # memory where it may (itself, the zygote) and was refused by the harness and tester
            self.assertEqual(fields["canary"], "frames+gc+mem", text)
            self.assertGreaterEqual(int(fields["mem_read"]), 2, text)
            self.assertGreaterEqual(int(fields["mem_denied"]), 2, text)
            self.assertGreater(int(fields["objs"]), 1000, text)
            self.assertGreater(int(fields["frames"]), 2, text)
        for chk in r.checks().values():
            self.assertNotEqual(chk["status"], "crashed", chk)

    @unittest.skipUnless(AS_ROOT, "needs root")
    def test_control_root_would_find_the_secret(self):
        # the same search run with root's powers reads the harness's memory: proof that the
        # previous test's "none" comes from the protections, not from a blind search
        r = run_lab("leap", "hostile_search", drop=False)
        leaks = [t for t in self.report(r) if not t.startswith("'leaks=none ")]
        self.assertTrue(leaks, r.raw)
        self.assertNotIn(SECRET.encode(), r.raw)


class TestHostile(unittest.TestCase):
    LEAP_CHECKS = ("test_2016", "test_years", "test_centuries")

    def test_killing_the_tester_fails(self):
        r = run_lab("leap", "hostile_kill_tester")
        self.assertTrue(r.done, r.stderr)
        got = r.checks()
        for name in self.LEAP_CHECKS + ("test_describe",):        # all call leap_year
            self.assertEqual(got[name]["status"], "crashed", got[name])
            self.assertEqual(got[name]["cases"], [])
        self.assertEqual(observations(got["test_code_word"]), [{"$failed": "AssertionError"}])

    def test_stopping_the_tester_times_out(self):
        got = run_lab("leap", "hostile_stop_tester").checks()
        for name in self.LEAP_CHECKS:
            self.assertEqual(got[name]["status"], "timeout", got[name])

    @unittest.skipUnless(AS_ROOT, "kill(-1) is only safe as a uid of its own")
    def test_killing_everything_never_passes(self):
        r = run_lab("leap", "hostile_kill_all")
        self.assertNotEqual(r.rc, 0)
        self.assertFalse(r.done)
        for name in self.LEAP_CHECKS:
            chk = r.checks().get(name)
            self.assertTrue(chk is None or chk["status"] != "ok", chk)


if __name__ == "__main__":
    unittest.main()
