"""Tests for the grading harness (stdlib unittest; run with /usr/bin/python3).

    /usr/bin/python3 -m unittest discover -s sandbox/harness -p 'test_*.py' -v
or  /usr/bin/python3 sandbox/harness/test_harness.py -v

Each test builds a tiny lab in a temporary directory and runs harness.py as a separate process,
the way the sandbox does, with the result on fd 3.  When run as root, the hostile-code tests
run the harness as uid 65534 (like the sandbox's unprivileged user), so that the kernel's
protections are really exercised.
"""

import os
import subprocess
import sys
import atexit
import shutil
import tempfile
import textwrap
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import labcheck as L  # noqa: E402
import labini  # noqa: E402

PYTHON = "/usr/bin/python3"
NOBODY = 65534


def _harness_copy():
    """The harness as the tests run it: a copy in a world-readable folder, because the
    checkout may lie below a folder uid 65534 cannot enter (a 0700 temporary dir)."""
    d = tempfile.mkdtemp(prefix="harness-copy-")
    os.chmod(d, 0o755)
    for name in ("harness.py", "_harness.py", "labcheck.py", "labini.py"):
        shutil.copy(os.path.join(HERE, name), os.path.join(d, name))
        os.chmod(os.path.join(d, name), 0o644)
    atexit.register(shutil.rmtree, d, True)
    return os.path.join(d, "harness.py")


HARNESS = _harness_copy()

LAB_INI = """\
[lab]
id = t-lab
title = Test lab
section = 1.1
roadmap = 1.1.1
points = 10
[limits]
cpu_ms = 20000
wall_ms = 30000
memory_mb = 256
output_kb = 16
processes = 16
[requires]
modules =
"""


def observation_span(line):
    """The raw bytes of the "observation" value inside a result line: what the C grader
    compares.  Written like a C scanner would (no JSON library), to pin the protocol."""
    key = b'"observation":'
    # keys are sorted and every string is ASCII-escaped, so the first top-level occurrence of
    # this key is found by scanning tokens from the start
    i = 1
    depth = 0
    n = len(line)
    while i < n:
        c = line[i:i + 1]
        if c == b'"':
            j = i + 1
            while line[j:j + 1] != b'"':
                j += 2 if line[j:j + 1] == b"\\" else 1
            if depth == 0 and line[i:j + 2] == key:
                start = j + 2
                return line[start:_skip_value(line, start)]
            i = j + 1
        elif c in b"[{":
            depth += 1
            i += 1
        elif c in b"]}":
            depth -= 1
            i += 1
        else:
            i += 1
    raise AssertionError("no observation in line")


def _skip_value(s, i):
    depth = 0
    while True:
        c = s[i:i + 1]
        if c == b'"':
            i += 1
            while s[i:i + 1] != b'"':
                i += 2 if s[i:i + 1] == b"\\" else 1
            i += 1
        elif c in b"[{":
            depth += 1
            i += 1
        elif c in b"]}":
            depth -= 1
            i += 1
        elif c == b",":
            if depth == 0:
                return i
            i += 1
        else:
            i += 1
        if depth == 0 and s[i:i + 1] in (b",", b"}"):
            return i


class HarnessCase(unittest.TestCase):
    as_nobody = False

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="harness-test-")
        self.root = self.tmp.name
        self.lab = os.path.join(self.root, "lab")
        self.work = os.path.join(self.root, "work")
        os.mkdir(self.lab)
        os.mkdir(self.work)
        os.chmod(self.root, 0o755)
        os.chmod(self.lab, 0o755)
        os.chmod(self.work, 0o777)
        with open(os.path.join(self.lab, "lab.ini"), "w") as f:
            f.write(LAB_INI)

    def tearDown(self):
        subprocess.run(["chmod", "-R", "u+rwX", self.root], check=False)
        self.tmp.cleanup()

    def write_lab(self, checks, student):
        with open(os.path.join(self.lab, "checks.py"), "w") as f:
            f.write(textwrap.dedent(checks))
        self.student = os.path.join(self.work, "main.py")
        with open(self.student, "w") as f:
            f.write(textwrap.dedent(student))
        os.chmod(os.path.join(self.lab, "checks.py"), 0o644)
        os.chmod(self.student, 0o644)

    def run_harness(self, *extra, timeout=60):
        """Returns (list of raw lines, list of records, exit status, stderr, seconds)."""
        drop = self.as_nobody and os.geteuid() == 0
        with tempfile.TemporaryFile() as res:
            fd = res.fileno()
            if drop:    # like a result pipe made by the sandbox user: only the fd protects it
                os.fchown(fd, NOBODY, NOBODY)

            def child_setup():
                # dup2 onto 3 happens after fork; with close_fds=False subprocess does not
                # then close fd 3 again (it would, were 3 not the temporary file's own number).
                if fd != 3:
                    os.dup2(fd, 3)
                os.set_inheritable(3, True)
                if drop:
                    os.setgroups([])
                    os.setgid(NOBODY)
                    os.setuid(NOBODY)

            args = [PYTHON, "-I", HARNESS, "--lab", self.lab, "--result-fd", "3"]
            if "--list" not in extra:
                args += ["--student", self.student]
            args += list(extra)
            t0 = time.monotonic()
            p = subprocess.run(args, cwd=self.work, preexec_fn=child_setup, close_fds=False,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=timeout)
            took = time.monotonic() - t0
            res.seek(0)
            raw = res.read()
        lines = raw.splitlines()
        recs = [L.loads(x.decode("ascii")) for x in lines]
        return lines, recs, p.returncode, p.stderr.decode(), took

    def checks_of(self, recs):
        self.assertEqual(recs[-1]["kind"], "done", recs)
        out = {}
        for r in recs:
            if r["kind"] == "check":
                self.assertNotIn(r["name"], out, "two lines for one check")
                out[r["name"]] = r
        self.assertEqual(recs[-1]["n"], len(out))
        return out


# ---------------------------------------------------------------------------------------------


class TestCanonical(unittest.TestCase):
    def test_basic_values(self):
        self.assertEqual(L.canonical(None), "null")
        self.assertEqual(L.canonical(True), "true")
        self.assertEqual(L.canonical(1), "1")
        self.assertEqual(L.canonical(1.0), "1.0")
        self.assertEqual(L.canonical("é\n\"x"), '"\\u00e9\\n\\"x"')
        self.assertEqual(L.canonical({"b": 1, "a": [1, 2]}), '{"a":[1,2],"b":1}')

    def test_containers(self):
        self.assertEqual(L.canonical((1, (2, 3))), "[1,[2,3]]")
        self.assertEqual(L.canonical({3, 1, 2}), "[1,2,3]")
        self.assertEqual(L.canonical(frozenset({"b", "a"})), '["a","b"]')
        self.assertEqual(L.canonical({"x", 1}), '["x",1]'.replace('["x",1]', L.canonical(sorted(
            [1, "x"], key=lambda v: L.dumps(v)))))
        self.assertEqual(L.canonical({1: "a", 2: "b"}), '{"$dict":[[1,"a"],[2,"b"]]}')
        self.assertNotEqual(L.canonical({1: "a"}), L.canonical({"1": "a"}))
        self.assertEqual(L.canonical(b"\x00\xff"), '{"$bytes":"00ff"}')
        from collections import Counter, OrderedDict, namedtuple
        P = namedtuple("P", "x y")
        self.assertEqual(L.canonical(P(1, 2)), "[1,2]")
        self.assertEqual(L.canonical(Counter("aab")), '{"a":2,"b":1}')
        self.assertEqual(L.canonical(OrderedDict([("b", 1), ("a", 2)])), '{"a":2,"b":1}')

    def test_floats(self):
        self.assertEqual(L.canonical(0.1 + 0.2), "0.3")
        self.assertEqual(L.canonical(0.3), "0.3")
        self.assertEqual(L.canonical(1 / 3), "0.333333333")
        self.assertEqual(L.canonical(-0.0), "0.0")
        self.assertEqual(L.canonical(1e308 * 10), '{"$float":"inf"}')
        self.assertEqual(L.canonical(-1e308 * 10), '{"$float":"-inf"}')
        self.assertEqual(L.canonical(float("nan")), '{"$float":"nan"}')
        self.assertEqual(L.canonical(123456789012.0), "123456789000.0")
        self.assertEqual(L.canonical(2.5e-20), "2.5e-20")
        self.assertNotEqual(L.canonical(3), L.canonical(3.0))   # int and float differ

    def test_ints_and_bools(self):
        self.assertNotEqual(L.canonical(True), L.canonical(1))
        self.assertEqual(L.canonical(10 ** 30), "1" + "0" * 30)
        import enum

        class E(enum.IntEnum):
            A = 3
        self.assertEqual(L.canonical(E.A), "3")

    def test_other_objects_are_tagged_without_address(self):
        class Foo:
            def __repr__(self):
                raise RuntimeError("never called")
        self.assertEqual(L.canonical(Foo()), '{"$object":"TestCanonical.test_other_objects_are_tagged_without_address.<locals>.Foo"}')

    def test_idempotent_and_parseable(self):
        v = {"a": (1.0 / 3, {2, 1}, float("inf")), "b": {1: 2.675}, "c": [None, True, "\u2603"]}
        once = L.canonical(v)
        self.assertEqual(L.canonical(L.loads(once)), once)
        import json
        self.assertEqual(json.dumps(json.loads(once), sort_keys=True, separators=(",", ":"),
                                    ensure_ascii=True, allow_nan=False), once)

    def test_limits(self):
        deep = []
        for _ in range(200):
            deep = [deep]
        with self.assertRaises(L.ObservationError):
            L.normalize(deep)
        with self.assertRaises(ValueError):
            L.loads("NaN")
        with self.assertRaises(ValueError):
            L.loads("[1] x")


class TestLabIni(unittest.TestCase):
    def parse(self, text):
        return labini.validate(labini.parse(text.encode()), {"1.1.1", "1.1.2"}, {"1.1"})

    def test_good(self):
        v = self.parse(LAB_INI)
        self.assertEqual(v["lab"]["roadmap"], ["1.1.1"])
        self.assertEqual(v["limits"]["output_kb"], 16)
        self.assertEqual(v["requires"]["modules"], [])

    def test_inline_comments_and_defaults(self):
        v = self.parse("[lab]\nid = a-b.c_d   ; comment\ntitle = Hi # not a comment\n"
                       "section = 1.1\nroadmap = 1.1.1,1.1.2\npoints = 5\n")
        self.assertEqual(v["lab"]["id"], "a-b.c_d")
        self.assertEqual(v["lab"]["title"], "Hi # not a comment")
        self.assertEqual(v["limits"]["cpu_ms"], 2000)

    def test_errors(self):
        bad = [
            LAB_INI.replace("id = t-lab", "id = T-Lab"),
            LAB_INI.replace("points = 10", "points = 010"),
            LAB_INI.replace("points = 10", "points = 0"),
            LAB_INI.replace("roadmap = 1.1.1", "roadmap = 9.9.9"),
            LAB_INI.replace("section = 1.1", "section = 7.7"),
            LAB_INI.replace("[requires]", "[extra]"),
            LAB_INI + "points = 3\n",
            LAB_INI.replace("cpu_ms = 20000", " cpu_ms = 20000"),
            LAB_INI.replace("title = Test lab", "title = a;b"),
            LAB_INI.replace("wall_ms = 30000", "wall_ms = 1000"),
            "\ufeff" + LAB_INI,
            LAB_INI.replace("points = 10\n", ""),
        ]
        for text in bad:
            with self.assertRaises(labini.IniError, msg=text):
                self.parse(text)


class TestProtocol(HarnessCase):
    CHECKS = """
        from labcheck import check, call
        @check(weight=2)
        def adds(s):
            "add(2, 3)"
            return call(s.add, 2, 3)
        @check(visible=False, timeout_ms=500)
        def adds_more(s):
            return [call(s.add, a, b) for a, b in [(0, 0), (-1, 1), (0.1, 0.2)]]
        @check(visible=False)
        def bad_arguments(s):
            return call(s.add, "a", 1)
    """

    def test_list(self):
        self.write_lab(self.CHECKS, "")
        _, recs, rc, _, _ = self.run_harness("--list")
        self.assertEqual(rc, 0)
        self.assertEqual(recs[0], {"kind": "check_info", "name": "adds", "weight": 2,
                                   "visible": True, "timeout_ms": 1000, "description": "add(2, 3)"})
        self.assertEqual([r["name"] for r in recs[:-1]], ["adds", "adds_more", "bad_arguments"])
        self.assertEqual(recs[1]["description"], "adds more")
        self.assertEqual(recs[-1], {"kind": "done", "n": 3})

    def test_lines_are_canonical_and_span_extractable(self):
        self.write_lab(self.CHECKS, "def add(a, b):\n    return a + b\n")
        lines, recs, rc, err, _ = self.run_harness()
        self.assertEqual(rc, 0, err)
        got = self.checks_of(recs)
        self.assertEqual(got["adds"]["observation"], 5)
        self.assertEqual(got["adds_more"]["observation"], [0, 0, 0.3])
        self.assertEqual(got["bad_arguments"]["observation"], {"$raised": "TypeError"})
        self.assertIn("TypeError", got["bad_arguments"]["stderr_tail"])
        for raw, rec in zip(lines, recs):
            self.assertEqual(raw.decode(), L.dumps(rec))                 # whole line canonical
            if rec["kind"] == "check":
                self.assertEqual(observation_span(raw).decode(), L.dumps(rec["observation"]))
                self.assertEqual(sorted(rec), ["error", "hint", "kind", "ms", "name",
                                               "observation", "status", "stderr_tail",
                                               "stdout_tail"])

    def test_syntax_error(self):
        self.write_lab(self.CHECKS, "def add(a, b)\n    return a + b\n")
        _, recs, rc, _, _ = self.run_harness()
        self.assertEqual(rc, 0)
        self.assertEqual(recs[0]["kind"], "syntax_error")
        self.assertEqual(recs[0]["type"], "SyntaxError")
        self.assertEqual(recs[0]["line"], 1)
        self.assertEqual(recs[1], {"kind": "done", "n": 0})
        self.assertEqual(len(recs), 2)

    def test_indentation_error_and_null_byte(self):
        self.write_lab(self.CHECKS, "def add(a, b):\nreturn a + b\n")
        _, recs, _, _, _ = self.run_harness()
        self.assertEqual((recs[0]["type"], recs[0]["line"]), ("IndentationError", 2))
        self.write_lab(self.CHECKS, "x = 1\x00\n")
        _, recs, _, _, _ = self.run_harness()
        self.assertEqual(recs[0]["kind"], "syntax_error")

    def test_exception_at_import(self):
        self.write_lab(self.CHECKS, "def add(a, b):\n    return a + b\nraise ValueError('boom')\n")
        _, recs, _, _, _ = self.run_harness()
        got = self.checks_of(recs)
        for r in got.values():
            self.assertEqual(r["status"], "import_error")
            self.assertIsNone(r["observation"])
            self.assertEqual(r["error"], "ValueError: boom")
            self.assertIn('line 3', r["stderr_tail"])

    def test_input_at_import_gives_a_kind_hint(self):
        self.write_lab(self.CHECKS, "n = input('number? ')\ndef add(a, b):\n    return a + b\n")
        _, recs, _, _, _ = self.run_harness()
        r = self.checks_of(recs)["adds"]
        self.assertEqual(r["status"], "import_error")
        self.assertIn("input()", r["hint"])

    def test_sys_exit(self):
        # at import: the definitions made before exit() are kept (the file "ran and ended")
        self.write_lab(self.CHECKS, "import sys\ndef add(a, b):\n    return a + b\nsys.exit(0)\n")
        _, recs, _, _, _ = self.run_harness()
        self.assertEqual(self.checks_of(recs)["adds"]["observation"], 5)
        # inside the tested function: the check fails with status "exception"
        self.write_lab(self.CHECKS, "import sys\ndef add(a, b):\n    sys.exit(a + b)\n")
        _, recs, _, _, _ = self.run_harness()
        r = self.checks_of(recs)["adds"]
        self.assertEqual((r["status"], r["observation"]), ("exception", None))
        self.assertTrue(r["error"].startswith("SystemExit"))

    def test_os_exit_and_signals_crash(self):
        self.write_lab(self.CHECKS, "import os, signal\n"
                       "def add(a, b):\n"
                       "    if a == 2: os._exit(0)\n"
                       "    if a == 0: os.kill(os.getpid(), signal.SIGSEGV)\n"
                       "    return a + b\n")
        _, recs, _, _, _ = self.run_harness()
        got = self.checks_of(recs)
        self.assertEqual(got["adds"]["status"], "crashed")
        self.assertIn("exit code 0", got["adds"]["error"])
        self.assertEqual(got["adds_more"]["status"], "crashed")
        self.assertIn("SIGSEGV", got["adds_more"]["error"])
        self.assertEqual(got["bad_arguments"]["status"], "ok")

    def test_broken_checks_py_is_a_harness_error(self):
        self.write_lab("from labcheck import check\n@check(weight=-1)\ndef x(s):\n    return 1\n", "")
        _, recs, rc, err, _ = self.run_harness()
        self.assertEqual(rc, 2)
        self.assertEqual(recs[0]["kind"], "harness_error")
        self.assertIn("weight", recs[0]["message"])


class TestTimeouts(HarnessCase):
    def test_infinite_loop_times_out_and_others_complete(self):
        self.write_lab("""
            from labcheck import check, call
            @check(timeout_ms=300)
            def first(s):
                return call(s.f, 1)
            @check(timeout_ms=300)
            def loops(s):
                return call(s.f, 0)
            @check(timeout_ms=300)
            def stubborn(s):
                return call(s.g)
            @check(timeout_ms=300)
            def last(s):
                return call(s.f, 5)
        """, """
            def f(n):
                while n == 0:
                    pass
                return n * 2
            def g():
                while True:                 # swallows the soft timeout: the parent kills it
                    try:
                        while True:
                            pass
                    except BaseException:
                        pass
        """)
        _, recs, rc, _, took = self.run_harness()
        got = self.checks_of(recs)
        self.assertEqual(got["first"]["observation"], 2)
        self.assertEqual(got["last"]["observation"], 10)
        for name in ("loops", "stubborn"):
            self.assertEqual(got[name]["status"], "timeout")
            self.assertIsNone(got[name]["observation"])
            self.assertIn("loop", got[name]["hint"])
        self.assertLess(took, 5)

    def test_lab_wall_budget_reports_unrun_checks(self):
        with open(os.path.join(self.lab, "lab.ini"), "w") as f:
            f.write(LAB_INI.replace("wall_ms = 30000", "wall_ms = 1200")
                    .replace("cpu_ms = 20000", "cpu_ms = 1000"))
        self.write_lab("""
            from labcheck import check, call
            @check(timeout_ms=800)
            def a(s):
                return call(s.f)
            @check(timeout_ms=800)
            def b(s):
                return call(s.f)
            @check(timeout_ms=800)
            def c(s):
                return call(s.f)
        """, "def f():\n    while True: pass\n")
        _, recs, _, _, took = self.run_harness()
        got = self.checks_of(recs)
        self.assertEqual(len(got), 3)
        self.assertTrue(all(r["status"] == "timeout" for r in got.values()))
        self.assertIn("NotRun", got["c"]["error"])
        self.assertLess(took, 3)


class TestStdin(HarnessCase):
    def test_run_main_with_stdin(self):
        self.write_lab("""
            from labcheck import check, run_main, run
            @check
            def greets():
                return run_main(stdin="Ada\\n12\\n")
            @check
            def two_runs_are_independent():
                return [run_main(stdin="Bo\\n1\\n"), run_main(stdin="Cy\\n2\\n")]
            @check
            def with_prompts():
                return run(stdin="Ada\\n12\\n", prompts=True)
            @check
            def missing_line():
                return run_main(stdin="Ada\\n")
            @check
            def argv():
                return run(stdin="x\\n3\\n", argv=["--loud"])["stdout"]
        """, """
            import sys
            count = 0
            name = input("Name? ")
            age = int(input("Age? "))
            count += 1
            print(f"Hello, {name}!   ")
            print("Next year:", age + 1, "count", count)
            if "--loud" in sys.argv:
                print("LOUD")
            print()
        """)
        _, recs, _, _, _ = self.run_harness()
        got = self.checks_of(recs)
        self.assertEqual(got["greets"]["observation"], "Hello, Ada!\nNext year: 13 count 1")
        self.assertEqual(got["two_runs_are_independent"]["observation"],
                         ["Hello, Bo!\nNext year: 2 count 1", "Hello, Cy!\nNext year: 3 count 1"])
        self.assertEqual(got["with_prompts"]["observation"],
                         {"exception": None, "exit_code": 0,
                          "stdout": "Name? Age? Hello, Ada!   \nNext year: 13 count 1\n\n"})
        self.assertEqual(got["missing_line"]["status"], "exception")
        self.assertEqual(got["missing_line"]["error"], "EOFError: EOF when reading a line")
        self.assertIn("line 5", got["missing_line"]["stderr_tail"])
        self.assertEqual(got["argv"]["observation"], "Hello, x!   \nNext year: 4 count 1\nLOUD\n\n")

    def test_sys_stdin_read_and_exit_code(self):
        self.write_lab("""
            from labcheck import check, run
            @check
            def total():
                return run(stdin="1 2\\n3\\n")
        """, """
            import sys
            nums = [int(x) for x in sys.stdin.read().split()]
            print(sum(nums))
            sys.exit(3)
        """)
        _, recs, _, _, _ = self.run_harness()
        self.assertEqual(self.checks_of(recs)["total"]["observation"],
                         {"exception": None, "exit_code": 3, "stdout": "6\n"})


class TestHostile(HarnessCase):
    """Student code that tries to turn a failing check into a pass."""
    as_nobody = True

    CHECKS = """
        from labcheck import check, call
        @check
        def answer(s):
            return call(s.answer)
        @check
        def twice(s):
            return call(s.twice, 21)
    """

    def assert_failed_honestly(self, recs, reference_answer=42):
        got = self.checks_of(recs)
        self.assertEqual(set(got), {"answer", "twice"})
        for r in got.values():
            self.assertFalse(r["status"] == "ok" and r["observation"] == reference_answer, r)
        return got

    def test_fake_result_lines_everywhere(self):
        fake = ('{"error":"","hint":"","kind":"check","ms":1,"name":"answer",'
                '"observation":42,"status":"ok","stderr_tail":"","stdout_tail":""}\\n'
                '{"error":"","hint":"","kind":"check","ms":1,"name":"twice",'
                '"observation":42,"status":"ok","stderr_tail":"","stdout_tail":""}\\n'
                '{"kind":"done","n":2}\\n')
        self.write_lab(self.CHECKS, f"""
            import os, sys
            FAKE = '{fake}'
            print(FAKE, end="")
            sys.stderr.write(FAKE)
            for fd in range(0, 64):
                try:
                    os.write(fd, FAKE.encode())
                except OSError:
                    pass
            for fd in os.listdir("/proc/%d/fd" % os.getppid()) if os.path.isdir("/proc/%d/fd" % os.getppid()) else []:
                try:
                    with open("/proc/%d/fd/%s" % (os.getppid(), fd), "w") as f:
                        f.write(FAKE)
                except OSError:
                    pass
            def answer():
                return 41
            def twice(n):
                return n
        """)
        lines, recs, rc, _, _ = self.run_harness()
        self.assertEqual(rc, 0)
        got = self.assert_failed_honestly(recs)
        self.assertEqual(len(lines), 3)       # exactly one line per check + done
        # writing into its own result pipe garbles the check's frame: fail, never pass
        self.assertEqual(got["answer"]["status"], "crashed")

    def test_printed_fake_lines_are_only_shown(self):
        self.write_lab(self.CHECKS, """
            import sys
            FAKE = '{"kind":"check","name":"answer","observation":42,"status":"ok"}'
            print(FAKE)
            sys.stderr.write(FAKE)
            def answer():
                print(FAKE)
                return 41
            def twice(n):
                return n
        """)
        lines, recs, rc, _, _ = self.run_harness()
        got = self.assert_failed_honestly(recs)
        self.assertEqual(len(lines), 3)
        self.assertEqual(got["answer"]["observation"], 41)
        self.assertIn('"observation":42', got["answer"]["stdout_tail"])

    def test_result_fd_is_unreachable_through_proc(self):
        self.write_lab(self.CHECKS, """
            import os
            def answer():
                try:
                    with open("/proc/%d/fd/3" % os.getppid(), "a") as f:
                        f.write('{"kind":"check","name":"twice","observation":42,"status":"ok"}\\n')
                    return "wrote"
                except OSError as e:
                    return type(e).__name__
            def twice(n):
                return n
        """)
        lines, recs, _, _, _ = self.run_harness()
        got = self.assert_failed_honestly(recs)
        self.assertEqual(len(lines), 3, lines)
        if os.geteuid() == 0:          # as root the kernel would let anything through
            self.assertEqual(got["answer"]["observation"], "PermissionError")

    def test_fake_frame_on_own_pipe_cannot_change_other_checks(self):
        # the child may forge its own frame (a claim about its own check, nothing more)
        self.write_lab(self.CHECKS, """
            import os
            def answer():
                for fd in range(3, 64):
                    try:
                        os.write(fd, b"LABR" + b"zzzzzzzz")
                    except OSError:
                        pass
                return 41
            def twice(n):
                return n * 2
        """)
        _, recs, _, _, _ = self.run_harness()
        got = self.checks_of(recs)
        self.assertEqual(got["answer"]["status"], "crashed")
        self.assertEqual(got["twice"]["observation"], 42)

    def test_patching_builtins_and_harness(self):
        self.write_lab(self.CHECKS, """
            import builtins, sys
            import labcheck
            labcheck.call = lambda fn, *a, **k: 42
            labcheck.normalize = lambda v, _depth=0: 42
            labcheck.dumps = lambda v: '42'
            builtins.isinstance = lambda *a: True
            builtins.len = lambda x: 42
            for name in list(sys.modules):
                if name.startswith("harness") or name == "__main__":
                    m = sys.modules[name]
                    for attr in ("MAGIC", "validate_payload"):
                        try:
                            setattr(m, attr, None)
                        except Exception:
                            pass
            def answer():
                return 41
            def twice(n):
                return n
        """)
        _, recs, _, _, _ = self.run_harness()
        self.assert_failed_honestly(recs)

    def test_sys_exit_and_os_exit_at_import(self):
        for code in ("import sys\nprint('{\"observation\":42}')\nsys.exit(0)\n",
                     "import os\nos._exit(0)\n",
                     "raise SystemExit(42)\n",
                     "import os, signal\nos.kill(os.getppid(), signal.SIGSTOP) if False else None\n"
                     "def answer():\n    return 41\n"):
            self.write_lab(self.CHECKS, code)
            _, recs, rc, _, _ = self.run_harness()
            self.assertEqual(rc, 0)
            self.assert_failed_honestly(recs)

    def test_printing_forever_is_stopped(self):
        self.write_lab(self.CHECKS, """
            def answer():
                while True:
                    print("spam" * 100)
            def twice(n):
                try:
                    while True:
                        print("x", end="")
                except Exception:
                    return 42                 # OutputLimitExceeded is not an Exception
        """)
        _, recs, _, _, took = self.run_harness()
        got = self.assert_failed_honestly(recs)
        for r in got.values():
            self.assertEqual(r["status"], "exception")
            self.assertIn("OutputLimitExceeded", r["error"])
            self.assertLessEqual(len(r["stdout_tail"]), L.TAIL_CHARS)
        self.assertLess(took, 5)

    def test_files_do_not_leak_between_checks(self):
        self.write_lab("""
            from labcheck import check, call, files_in_workdir
            @check
            def writes(s):
                s.save("a.txt")
                return files_in_workdir()
            @check
            def sees_nothing(s):
                return files_in_workdir()
        """, """
            def save(name):
                with open(name, "w") as f:
                    f.write("hi")
        """)
        _, recs, _, _, _ = self.run_harness()
        got = self.checks_of(recs)
        self.assertEqual(got["writes"]["observation"], ["a.txt"])
        self.assertEqual(got["sees_nothing"]["observation"], [])

    def test_forked_student_process_does_not_outlive_its_check(self):
        self.write_lab(self.CHECKS, """
            import os, time
            def answer():
                if os.fork() == 0:
                    time.sleep(30)
                    os._exit(0)
                return 41
            def twice(n):
                return n * 2
        """)
        t0 = time.monotonic()
        _, recs, rc, _, _ = self.run_harness(timeout=20)
        got = self.checks_of(recs)
        self.assertEqual(got["twice"]["observation"], 42)
        self.assertLess(time.monotonic() - t0, 10)


if __name__ == "__main__":
    unittest.main()
