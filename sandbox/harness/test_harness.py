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
    for name in ("harness.py", "_harness.py", "labcheck.py", "labini.py", "_unittest_mode.py"):
        if not os.path.exists(os.path.join(HERE, name)):
            continue                 # _unittest_mode.py arrives with its own change
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


def observation_spans(line):
    """The raw bytes of every "observation" value inside a result line (one per case): what
    the C grader compares.  Written like a C scanner would (no JSON library), to pin the
    protocol: keys are sorted and every string is ASCII-escaped, so a key is found by
    scanning tokens and skipping strings."""
    key = b'"observation":'
    spans = []
    i = 0
    n = len(line)
    while i < n:
        c = line[i:i + 1]
        if c == b'"':
            j = i + 1
            while line[j:j + 1] != b'"':
                j += 2 if line[j:j + 1] == b"\\" else 1
            if line[i:j + 2] == key:
                start = j + 2
                end = _skip_value(line, start)
                spans.append(line[start:end])
                i = end
                continue
            i = j + 1
        else:
            i += 1
    return spans


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
                self.assertEqual(sorted(r), CHECK_KEYS)
                for c in r["cases"]:
                    self.assertEqual(sorted(c), CASE_KEYS)
                out[r["name"]] = r
        self.assertEqual(recs[-1]["n"], len(out))
        return out

    def run_checks(self, checks, student, *extra):
        self.write_lab(checks, student)
        _, recs, rc, err, _ = self.run_harness(*extra)
        self.assertEqual(rc, 0, err)
        return self.checks_of(recs)


CHECK_KEYS = ["cases", "error", "hint", "kind", "ms", "name", "status", "stderr_tail",
              "stdout_tail", "where"]
CASE_KEYS = ["about", "call", "error", "observation", "shown", "shown_as", "status", "where"]


def obs(rec, i=0):
    """What the grader would compare for case i of a check line: the observation when the
    check and the case are ok, else None."""
    if rec["status"] != "ok" or len(rec["cases"]) <= i or rec["cases"][i]["status"] != "ok":
        return None
    return rec["cases"][i]["observation"]


# ---------------------------------------------------------------------------------------------


class TestCanonical(unittest.TestCase):
    def test_basic_values(self):
        self.assertEqual(L.canonical(None), "null")
        self.assertEqual(L.canonical(True), "true")
        self.assertEqual(L.canonical(1), "1")
        self.assertEqual(L.canonical(1.5), "1.5")
        self.assertEqual(L.canonical("é\n\"x"), '"\\u00e9\\n\\"x"')
        self.assertEqual(L.canonical({"b": 1, "a": [1, 2]}), '{"a":[1,2],"b":1}')

    def test_containers(self):
        self.assertEqual(L.canonical((1, (2, 3))), '{"$tuple":[1,{"$tuple":[2,3]}]}')
        self.assertEqual(L.canonical({3, 1, 2}), '{"$set":[1,2,3]}')
        self.assertEqual(L.canonical(frozenset({"b", "a"})), '{"$set":["a","b"]}')
        self.assertEqual(L.canonical({"x", 1}), '{"$set":["x",1]}')     # sorted by JSON text
        self.assertEqual(L.canonical({1: "a", 2: "b"}), '{"$dict":[[1,"a"],[2,"b"]]}')
        self.assertNotEqual(L.canonical({1: "a"}), L.canonical({"1": "a"}))
        self.assertEqual(L.canonical(b"\x00\xff"), '{"$bytes":"00ff"}')
        from collections import Counter, OrderedDict, namedtuple
        P = namedtuple("P", "x y")
        self.assertEqual(L.canonical(P(1, 2)), '{"$tuple":[1,2]}')
        self.assertEqual(L.canonical(Counter("aab")), '{"a":2,"b":1}')
        self.assertEqual(L.canonical(OrderedDict([("b", 1), ("a", 2)])), '{"a":2,"b":1}')

    def test_tuple_and_set_differ_from_list(self):
        self.assertNotEqual(L.canonical((1, 2)), L.canonical([1, 2]))
        self.assertNotEqual(L.canonical({1, 2}), L.canonical([1, 2]))
        self.assertNotEqual(L.canonical(frozenset()), L.canonical([]))
        self.assertEqual(L.canonical({2, 1}), L.canonical(frozenset([1, 2])))

    def test_floats(self):
        self.assertEqual(L.canonical(0.1 + 0.2), "0.3")
        self.assertEqual(L.canonical(0.3), "0.3")
        self.assertEqual(L.canonical(1 / 3), "0.333333333")
        self.assertEqual(L.canonical(-0.0), "0")
        self.assertEqual(L.canonical(1e308 * 10), '{"$float":"inf"}')
        self.assertEqual(L.canonical(-1e308 * 10), '{"$float":"-inf"}')
        self.assertEqual(L.canonical(float("nan")), '{"$float":"nan"}')
        self.assertEqual(L.canonical(123456789012.0), "123456789000")
        self.assertEqual(L.canonical(2.5e-20), "2.5e-20")
        self.assertEqual(L.canonical(2.9999999999), "3")      # integral after rounding

    def test_numbers_compare_by_value_unless_exact_types(self):
        self.assertEqual(L.canonical(3), L.canonical(3.0))
        self.assertEqual(L.canonical(0), L.canonical(0.0))
        self.assertEqual(L.canonical([8, 2]), L.canonical([8.0, 2.0]))
        self.assertNotEqual(L.canonical(3, exact_types=True), L.canonical(3.0, exact_types=True))
        self.assertEqual(L.canonical(3.0, exact_types=True), "3.0")
        self.assertEqual(L.canonical(-0.0, exact_types=True), "0.0")
        self.assertEqual(L.canonical(0.1 + 0.2, exact_types=True), "0.3")

    def test_places(self):
        self.assertEqual(L.canonical(2.675, places=2), "2.67")       # binary 2.67499...
        self.assertEqual(L.canonical(3.14159, places=2), L.canonical(3.14, places=2))
        self.assertEqual(L.canonical(2.999, places=2), "3")
        self.assertEqual(L.canonical({"a": [1.23456]}, places=3), '{"a":[1.235]}')
        self.assertNotEqual(L.canonical(3.14159), L.canonical(3.14))

    def test_ints_and_bools(self):
        self.assertNotEqual(L.canonical(True), L.canonical(1))
        self.assertNotEqual(L.canonical(False), L.canonical(0.0))
        self.assertNotEqual(L.canonical(True, exact_types=True), L.canonical(1, exact_types=True))
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
        v = {"a": (1.0 / 3, {2, 1}, float("inf")), "b": {1: 2.675}, "c": [None, True, "\u2603"],
             "d": [3.0, -0.0]}
        for opts in ({}, {"exact_types": True}, {"places": 2}):
            once = L.canonical(v, **opts)
            self.assertEqual(L.canonical(L.loads(once), **opts), once)
        once = L.canonical(v)
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


class TestShown(unittest.TestCase):
    """What students see of a value: display only, never compared."""

    def test_plain_values_are_their_repr(self):
        from collections import namedtuple
        P = namedtuple("P", "x y")
        self.assertEqual(L.show((1, "a")), ("(1, 'a')", "value"))
        self.assertEqual(L.show((1,))[0], "(1,)")
        self.assertEqual(L.show({"k": {1}, "s": set(), "f": frozenset()})[0],
                         "{'k': {1}, 's': set(), 'f': frozenset()}")
        self.assertEqual(L.show(P(1, [2.5]))[0], "P(x=1, y=[2.5])")
        self.assertEqual(L.show(3.0)[0], "3.0")

    def test_cut_marker(self):
        text, _ = L.show(list(range(1000)))
        full = repr(list(range(1000)))
        self.assertEqual(text, full[:300] + f"\u2026 {len(full) - 300:,} more characters")
        self.assertTrue(text.endswith("\u2026 4,590 more characters"))
        self.assertEqual(L.show("x" * 2000)[0], "'" + "x" * 299 + "\u2026 1,702 more characters")
        d = {i: "v" * 10 for i in range(500)}
        self.assertEqual(L.show(d)[0], repr(d)[:300] + f"\u2026 {len(repr(d)) - 300:,} more characters")
        t = L.tail_text("y" * 5000)
        self.assertLessEqual(len(t), L.TAIL_CHARS)
        self.assertTrue(t.startswith("\u2026 3,024 more characters\n"))

    def test_student_reprs_cannot_break_it(self):
        class Raises:
            def __repr__(self):
                raise ValueError("no")

        class Recurses:
            def __repr__(self):
                return repr(self)

        class NotAString:
            def __repr__(self):
                return 42

        class Plain:
            pass

        class Nice:
            def __repr__(self):
                return "Nice()"
        self.assertEqual(L.show(Raises())[0], "<Raises object>")
        self.assertEqual(L.show(Recurses())[0], "<Recurses object>")
        self.assertEqual(L.show(NotAString())[0], "<NotAString object>")
        self.assertEqual(L.show(Plain())[0], "<Plain object>")          # no address
        self.assertEqual(L.show([Nice(), 1])[0], "[Nice(), 1]")
        loop = []
        loop.append(loop)
        self.assertTrue(L.show(loop)[0].startswith("[[[[["))

    def test_call_text(self):
        def pizzas_needed(a, b):
            pass
        self.assertEqual(L.call_text(pizzas_needed, (5, 3), {}), "pizzas_needed(5, 3)")
        self.assertEqual(L.call_text(pizzas_needed, ("a", [1]), {"k": None}),
                         "pizzas_needed('a', [1], k=None)")
        self.assertEqual(L.call_text(dict, (), {}), "dict()")


class TestDefinitions(unittest.TestCase):
    """Mistakes in checks.py are the author's: LabDefinitionError at load time."""

    def setUp(self):
        self.saved = list(L._CHECKS)

    def tearDown(self):
        L._CHECKS[:] = self.saved

    def test_rows_must_fit_the_parameters(self):
        with self.assertRaises(L.LabDefinitionError) as e:
            @L.check
            @L.cases((1, 2), (1, 2, 3))
            def f(s, a, b):
                pass
        self.assertIn("case 2 has 3 value(s)", str(e.exception))
        with self.assertRaises(L.LabDefinitionError):
            @L.check
            def g(s, a):
                pass

    def test_module_parameter_is_optional_and_rows_are_read_as_documented(self):
        @L.check
        @L.cases((1, 2), L.case(3, 4, about="three and four"), [5, 6], 7)
        def with_module(s, a, b=None):
            "x"

        @L.check
        @L.cases((1, 2), (3, 4))
        def without_module(a, b):
            "x"
        a, b = L._CHECKS[-2:]
        self.assertTrue(a.wants_module)
        self.assertFalse(b.wants_module)
        self.assertEqual([r.args for r in a.rows], [(1, 2), (3, 4), ([5, 6],), (7,)])
        self.assertEqual([r.about for r in a.rows], ["", "three and four", "", ""])

    def test_options_are_validated(self):
        for kw in ({"places": -1}, {"places": 2.0}, {"exact_types": 1}, {"exceptions": "all"}):
            with self.assertRaises(L.LabDefinitionError, msg=kw):
                L.check(**kw)(lambda s: None)
        with self.assertRaises(L.LabDefinitionError):
            L.cases(*range(201))


class TestLabIni(unittest.TestCase):
    def parse(self, text):
        return labini.validate(labini.parse(text.encode()), {"1.1.1", "1.1.2"}, {"1.1"})

    def error(self, text):
        with self.assertRaises(labini.IniError, msg=text) as e:
            self.parse(text)
        return str(e.exception)

    def test_good(self):
        v = self.parse(LAB_INI)
        self.assertEqual(v["lab"]["roadmap"], ["1.1.1"])
        self.assertEqual(v["limits"]["output_kb"], 16)
        self.assertEqual(v["requires"]["modules"], [])
        self.assertEqual(v["lab"]["checks"], "functions")
        self.assertEqual(v["lab"]["student_module"], "solution")

    def test_unittest_keys(self):
        v = self.parse(LAB_INI.replace("points = 10", "points = 10\nchecks = unittest\n"
                                                      "student_module = leap"))
        self.assertEqual((v["lab"]["checks"], v["lab"]["student_module"]), ("unittest", "leap"))
        self.assertIn("'checks'", self.error(LAB_INI.replace("points = 10",
                                                             "points = 10\nchecks = pytest")))
        self.assertIn("'student_module'", self.error(LAB_INI.replace(
            "points = 10", "points = 10\nstudent_module = my-file")))

    def test_inline_comments_and_defaults(self):
        v = self.parse("[lab]\nid = a-b.c_d   ; comment\ntitle = Hi # not a comment\n"
                       "section = 1.1\nroadmap = 1.1.1,1.1.2\npoints = 5\n")
        self.assertEqual(v["lab"]["id"], "a-b.c_d")
        self.assertEqual(v["lab"]["title"], "Hi # not a comment")
        self.assertEqual(v["limits"]["cpu_ms"], 2000)

    def test_messages_name_the_line_and_the_key(self):
        self.assertEqual(self.error(LAB_INI.replace("points = 10", "points = 0")),
                         "lab.ini line 6: key 'points' = 0: must be between 1 and 1000")
        self.assertEqual(self.error(LAB_INI.replace("cpu_ms = 20000", " cpu_ms = 20000")),
                         "lab.ini line 8 starts with a space: keys must start at the "
                         "beginning of the line")
        self.assertIn("line 8 starts with a tab",
                      self.error(LAB_INI.replace("cpu_ms = 20000", "\tcpu_ms = 20000")))
        self.assertIn("lab.ini line 9: key 'wall_ms'",
                      self.error(LAB_INI.replace("wall_ms = 30000", "wall_ms = 1000")))
        self.assertIn("'points'", self.error(LAB_INI.replace("points = 10\n", "")))

    def test_id_must_equal_the_folder_name(self):
        with tempfile.TemporaryDirectory() as d:
            lab = os.path.join(d, "b-other-name")
            os.mkdir(lab)
            with open(os.path.join(lab, "lab.ini"), "w") as f:
                f.write(LAB_INI)
            with self.assertRaises(labini.IniError) as e:
                labini.load(os.path.join(lab, "lab.ini"), {"1.1.1"}, {"1.1"})
            self.assertIn("'t-lab'", str(e.exception))
            self.assertIn("'b-other-name'", str(e.exception))

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
            self.error(text)


class TestProtocol(HarnessCase):
    CHECKS = """
        from labcheck import check, cases, call
        @check(weight=2)
        def adds(s):
            "add(2, 3)"
            return call(s.add, 2, 3)
        @check(visible=False, timeout_ms=500)
        @cases((0, 0), (-1, 1), (0.1, 0.2))
        def adds_more(s, a, b):
            return call(s.add, a, b)
        @check(visible=False)
        def bad_arguments(s):
            "add('a', 1)"
            return call(s.add, "a", 1)
        @check(visible=False)
        def old_style_list(s):
            "several calls in one case"
            return [call(s.add, a, b) for a, b in [(1, 1), (2, 2)]]
    """

    def test_list(self):
        self.write_lab(self.CHECKS, "")
        _, recs, rc, _, _ = self.run_harness("--list")
        self.assertEqual(rc, 0)
        self.assertEqual(recs[0], {"kind": "check_info", "name": "adds", "weight": 2,
                                   "visible": True, "timeout_ms": 1000, "description": "add(2, 3)"})
        self.assertEqual([r["name"] for r in recs[:-1]],
                         ["adds", "adds_more", "bad_arguments", "old_style_list"])
        self.assertEqual(recs[1]["description"], "adds more")
        self.assertEqual(recs[-1], {"kind": "done", "n": 4})

    def test_lines_are_canonical_and_spans_extractable(self):
        self.write_lab(self.CHECKS, "def add(a, b):\n    return a + b\n")
        lines, recs, rc, err, _ = self.run_harness()
        self.assertEqual(rc, 0, err)
        got = self.checks_of(recs)
        self.assertEqual(got["adds"]["cases"], [
            {"about": "", "call": "add(2, 3)", "error": "", "observation": 5, "shown": "5",
             "shown_as": "value", "status": "ok", "where": ""}])
        self.assertEqual([c["observation"] for c in got["adds_more"]["cases"]], [0, 0, 0.3])
        self.assertEqual([c["call"] for c in got["adds_more"]["cases"]],
                         ["add(0, 0)", "add(-1, 1)", "add(0.1, 0.2)"])
        self.assertEqual(got["adds_more"]["cases"][2]["shown"], "0.30000000000000004")
        self.assertEqual(obs(got["bad_arguments"]), {"$raised": "TypeError"})
        self.assertEqual(got["bad_arguments"]["cases"][0]["shown"], "raises TypeError")
        self.assertIn("TypeError", got["bad_arguments"]["stderr_tail"])
        self.assertEqual(got["old_style_list"]["cases"][0]["call"], "add(1, 1); add(2, 2)")
        self.assertEqual(obs(got["old_style_list"]), [2, 4])
        for raw, rec in zip(lines, recs):
            self.assertEqual(raw.decode(), L.dumps(rec))                 # whole line canonical
            if rec["kind"] == "check":
                self.assertEqual([s.decode() for s in observation_spans(raw)],
                                 [L.dumps(c["observation"]) for c in rec["cases"]])

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
            self.assertEqual(r["cases"], [])
            self.assertEqual(r["error"], "ValueError: boom")
            self.assertEqual(r["where"], "line 3: raise ValueError('boom')")
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
        self.assertEqual(obs(self.checks_of(recs)["adds"]), 5)
        # inside the tested function: the case fails with status "exception"
        self.write_lab(self.CHECKS, "import sys\ndef add(a, b):\n    sys.exit(a + b)\n")
        _, recs, _, _, _ = self.run_harness()
        r = self.checks_of(recs)["adds"]
        self.assertEqual(r["status"], "ok")
        c = r["cases"][0]
        self.assertEqual((c["status"], c["observation"]), ("exception", None))
        self.assertTrue(c["error"].startswith("SystemExit"))
        self.assertEqual(c["where"], "line 3, in add: sys.exit(a + b)")

    def test_os_exit_and_signals_crash(self):
        self.write_lab(self.CHECKS, "import os, signal\n"
                       "def add(a, b):\n"
                       "    if a == 2: os._exit(0)\n"
                       "    if a == -1: os.kill(os.getpid(), signal.SIGSEGV)\n"
                       "    return a + b\n")
        _, recs, _, _, _ = self.run_harness()
        got = self.checks_of(recs)
        self.assertEqual(got["adds"]["status"], "crashed")
        self.assertIn("exit code 0", got["adds"]["error"])
        self.assertEqual(got["adds"]["cases"], [])
        self.assertEqual(got["adds_more"]["status"], "crashed")
        self.assertIn("SIGSEGV", got["adds_more"]["error"])
        self.assertEqual(got["bad_arguments"]["status"], "ok")

    def test_broken_checks_py_is_a_harness_error(self):
        self.write_lab("from labcheck import check\n@check(weight=-1)\ndef x(s):\n    return 1\n", "")
        _, recs, rc, err, _ = self.run_harness()
        self.assertEqual(rc, 2)
        self.assertEqual(recs[0]["kind"], "harness_error")
        self.assertIn("weight", recs[0]["message"])

    def test_checks_stdin_is_handed_to_the_unittest_mode(self):
        # (_unittest_mode.py has its own tests; here: the functions mode does not run)
        self.write_lab(self.CHECKS, "def add(a, b):\n    return a + b\n")
        _, recs, _, _, _ = self.run_harness("--checks-stdin")
        self.assertNotIn("adds", [r.get("name") for r in recs])


class TestCases(HarnessCase):
    """Spec 10 §1-§2: a check is made of cases, each observed and reported on its own."""

    PIZZA = """
        from labcheck import check, cases, case, call
        @check(weight=1)
        def example_pizzas_needed(s):
            "pizzas_needed(5, 3) rounds up to whole pizzas"
            return call(s.pizzas_needed, 5, 3)
        @check(weight=2, visible=False)
        @cases((8, 1), case(0, 3, about="nobody is coming"), (25, 3), case("5", 3, about="a string"))
        def pizzas_needed_more(s, people, per_person):
            "pizzas_needed with other numbers"
            return call(s.pizzas_needed, people, per_person)
    """

    def test_cases_are_reported_separately_with_call_and_about(self):
        got = self.run_checks(self.PIZZA, """
            def pizzas_needed(people, slices_per_person):
                if people == 0:
                    return 1                     # wrong for one case only
                return (people * slices_per_person + 7) // 8
        """)
        ex = got["example_pizzas_needed"]
        self.assertEqual(ex["cases"][0]["call"], "pizzas_needed(5, 3)")
        self.assertEqual(obs(ex), 2)
        more = got["pizzas_needed_more"]
        self.assertEqual(more["status"], "ok")
        self.assertEqual([c["status"] for c in more["cases"]], ["ok"] * 4)
        self.assertEqual([c["observation"] for c in more["cases"]],
                         [1, 1, 10, {"$raised": "TypeError"}])
        self.assertEqual([c["about"] for c in more["cases"]],
                         ["", "nobody is coming", "", "a string"])
        self.assertEqual([c["call"] for c in more["cases"]],
                         ["pizzas_needed(8, 1)", "pizzas_needed(0, 3)", "pizzas_needed(25, 3)",
                          "pizzas_needed('5', 3)"])

    def test_error_and_where_of_a_raising_case(self):
        got = self.run_checks(self.PIZZA, """
            def helper(n):
                return n // 8

            def pizzas_needed(people, slices_per_person):
                total = people * slices_per_person
                return helper(total + 7)
        """)
        c = got["pizzas_needed_more"]["cases"][3]
        self.assertEqual(c["status"], "ok")                 # the raise is the observation
        self.assertEqual(c["observation"], {"$raised": "TypeError"})
        self.assertEqual(c["error"], 'TypeError: can only concatenate str (not "int") to str')
        self.assertEqual(c["where"], "line 7, in pizzas_needed: return helper(total + 7)")
        self.assertEqual(got["pizzas_needed_more"]["cases"][0]["error"], "")

    def test_the_harness_does_not_hide_anything_for_hidden_checks(self):
        # Visibility is applied outside the sandbox (grader, server): a hidden check's line
        # carries call, shown, error and where exactly like a visible one.
        got = self.run_checks("""
            from labcheck import check, call
            @check(visible=True)
            def seen(s):
                "x"
                return call(s.f, 1)
            @check(visible=False)
            def hidden(s):
                "x"
                return call(s.f, 1)
        """, "def f(n):\n    return 1 / (n - 1)\n")
        a, b = got["seen"], got["hidden"]
        self.assertEqual(a["cases"], b["cases"])
        self.assertEqual(a["cases"][0]["call"], "f(1)")
        self.assertEqual(a["cases"][0]["where"], "line 2, in f: return 1 / (n - 1)")

    def test_an_exception_in_one_case_does_not_stop_the_others(self):
        got = self.run_checks("""
            from labcheck import check, cases
            @check
            @cases(1, 2, 3)
            def direct(s, n):
                "no call(): a raise is an exception of the case"
                return s.f(n)
        """, "def f(n):\n    if n == 2:\n        raise KeyError(n)\n    return n * 10\n")
        r = got["direct"]
        self.assertEqual(r["status"], "ok")
        self.assertEqual([c["status"] for c in r["cases"]], ["ok", "exception", "ok"])
        self.assertEqual([c["observation"] for c in r["cases"]], [10, None, 30])
        self.assertEqual(r["cases"][1]["error"], "KeyError: 2")
        self.assertEqual(r["cases"][1]["where"], "line 3, in f: raise KeyError(n)")
        self.assertEqual(r["cases"][1]["call"], "")          # nothing was recorded

    def test_timeout_in_case_3_of_5(self):
        got = self.run_checks("""
            from labcheck import check, cases, call
            @check(timeout_ms=400)
            @cases(1, 2, 3, 4, 5)
            def slow(s, n):
                "x"
                return call(s.f, n)
        """, """
            def f(n):
                while n == 3:
                    pass
                return n
        """)
        r = got["slow"]
        self.assertEqual(r["status"], "ok")
        self.assertEqual([c["status"] for c in r["cases"]],
                         ["ok", "ok", "timeout", "timeout", "timeout"])
        self.assertEqual([c["observation"] for c in r["cases"]], [1, 2, None, None, None])
        self.assertEqual(r["cases"][2]["call"], "f(3)")
        self.assertIn("Timeout", r["cases"][2]["error"])
        self.assertTrue(r["cases"][2]["where"].startswith("line "), r["cases"][2])
        self.assertIn("NotRun", r["cases"][4]["error"])
        self.assertIn("loop", r["hint"])

    def test_tuple_set_and_list_differ_in_the_line(self):
        checks = """
            from labcheck import check, call
            @check
            def pair(s):
                "x"
                return call(s.pair)
        """
        seen = {}
        for student in ("def pair():\n    return (1, 2)\n", "def pair():\n    return [1, 2]\n",
                        "def pair():\n    return {1, 2}\n"):
            seen[student] = obs(self.run_checks(checks, student)["pair"])
        self.assertEqual(sorted(map(L.dumps, seen.values())),
                         ['[1,2]', '{"$set":[1,2]}', '{"$tuple":[1,2]}'])

    def test_numbers_by_value_exact_types_places(self):
        checks = """
            from labcheck import check, call
            @check
            def by_value(s):
                "x"
                return call(s.f)
            @check(exact_types=True)
            def exact(s):
                "x"
                return call(s.f)
            @check(places=2)
            def rounded(s):
                "x"
                return call(s.g)
        """
        ints = self.run_checks(checks, "def f():\n    return 3\ndef g():\n    return 3.14\n")
        floats = self.run_checks(checks, "def f():\n    return 3.0\ndef g():\n    return 3.14159\n")
        self.assertEqual(obs(ints["by_value"]), obs(floats["by_value"]))
        self.assertEqual(L.dumps(obs(floats["by_value"])), "3")
        self.assertNotEqual(L.dumps(obs(ints["exact"])), L.dumps(obs(floats["exact"])))
        self.assertEqual(L.dumps(obs(floats["exact"])), "3.0")
        self.assertEqual(obs(ints["rounded"]), obs(floats["rounded"]))
        self.assertEqual(floats["rounded"]["cases"][0]["shown"], "3.14159")

    def test_exceptions_message(self):
        got = self.run_checks("""
            from labcheck import check, call
            @check
            def by_type(s):
                "x"
                return call(s.withdraw, 5)
            @check(exceptions="message")
            def with_message(s):
                "x"
                return call(s.withdraw, 5)
        """, "def withdraw(n):\n    raise ValueError(f'not enough money for {n}')\n")
        self.assertEqual(obs(got["by_type"]), {"$raised": "ValueError"})
        self.assertEqual(obs(got["with_message"]),
                         {"$raised": "ValueError", "message": "not enough money for 5"})
        self.assertEqual(got["with_message"]["cases"][0]["shown"],
                         "raises ValueError: not enough money for 5")

    def test_shown_is_cut_with_the_marker(self):
        got = self.run_checks("""
            from labcheck import check, call, run_main
            @check
            def big(s):
                "x"
                return call(s.big)
            @check
            def printed():
                "x"
                return run_main(stdin="Ada\\n")
        """, """
            def big():
                return list(range(1000))
            if __name__ == "__main__":
                print("Hello,", input())
                print("z" * 1000)
        """)
        c = got["big"]["cases"][0]
        self.assertEqual(c["observation"], list(range(1000)))
        self.assertTrue(c["shown"].endswith("\u2026 4,590 more characters"), c["shown"][-40:])
        self.assertEqual(len(c["shown"]), 300 + len("\u2026 4,590 more characters"))
        p = got["printed"]["cases"][0]
        self.assertEqual(p["shown_as"], "output")
        self.assertEqual(p["call"], "run with input 'Ada\\n'")
        self.assertTrue(p["shown"].startswith("Hello, Ada\nzzz"))
        self.assertTrue(p["shown"].endswith("\u2026 711 more characters"))

    def test_student_repr_raising_or_looping(self):
        got = self.run_checks("""
            from labcheck import check, cases, call
            @check(timeout_ms=2000)
            @cases("raises", "loops", "recurses", "plain", "nice")
            def thing(s, kind):
                "x"
                return [call(s.make, kind), 1]
        """, """
            class Thing:
                def __init__(self, kind):
                    self.kind = kind
                def __repr__(self):
                    if self.kind == "raises":
                        raise RuntimeError("no repr for you")
                    if self.kind == "loops":
                        while True:
                            pass
                    if self.kind == "recurses":
                        return repr(self)
                    if self.kind == "nice":
                        return "Thing()"
                    return object.__repr__(self)
            class Plain:
                pass
            def make(kind):
                return Plain() if kind == "plain" else Thing(kind)
        """)
        r = got["thing"]
        self.assertEqual(r["status"], "ok")
        self.assertEqual([c["status"] for c in r["cases"]], ["ok"] * 5)
        self.assertEqual([c["shown"] for c in r["cases"]],
                         ["[<Thing object>, 1]"] * 3 + ["[<Plain object>, 1]", "[Thing(), 1]"])
        self.assertEqual(r["cases"][0]["observation"], [{"$object": "Thing"}, 1])
        self.assertLess(r["ms"], 1500)

    def test_forged_frame_with_extra_cases_is_rejected(self):
        got = self.run_checks("""
            from labcheck import check, call
            @check
            def answer(s):
                "x"
                return call(s.answer)
        """, """
            import os
            CASE = ('{"about":"","call":"","error":"","observation":42,"shown":"",'
                    '"shown_as":"value","status":"ok","where":""}')
            def answer():
                body = ('{"cases":[' + ",".join([CASE] * 3) + '],"error":"","hint":"",'
                        '"status":"ok","stderr_tail":"","stdout_tail":"","where":""}').encode()
                for fd in range(3, 20):
                    try:
                        os.write(fd, b"LABR" + b"%08x" % len(body) + body)
                    except OSError:
                        pass
                os._exit(0)
        """)
        self.assertEqual(got["answer"]["status"], "crashed")
        self.assertEqual(got["answer"]["cases"], [])


class TestRequiredModules(HarnessCase):
    """[requires] modules are imported once by the harness before the check processes are
    forked, so checks do not pay for them one by one; type_name() passes a raised
    observation through."""

    def test_required_modules_are_imported_before_the_checks(self):
        with open(os.path.join(self.lab, "lab.ini"), "a") as f:
            f.write("\n[requires]\nmodules = statistics, no_such_module_here\n")
        got = self.run_checks("""
            import sys
            from labcheck import check, call, type_name
            @check
            def already_there(s):
                "the harness imported statistics before this check"
                return "statistics" in sys.modules
            @check
            def type_of_a_crash(s):
                "type_name of a raised observation"
                return type_name(call(s.boom))
        """, """
            def boom():
                raise ValueError("no")
        """)
        self.assertIs(obs(got["already_there"]), True)
        self.assertEqual(obs(got["type_of_a_crash"]), {"$raised": "ValueError"})

    def test_without_requires_nothing_extra_is_imported(self):
        got = self.run_checks("""
            import sys
            from labcheck import check
            @check
            def not_there():
                "statistics is not imported by the harness on its own"
                return "statistics" in sys.modules
        """, "x = 1\n")
        self.assertIs(obs(got["not_there"]), False)


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
        self.assertEqual(obs(got["first"]), 2)
        self.assertEqual(obs(got["last"]), 10)
        # the check's own timer: its case times out, the check line is complete
        self.assertEqual(got["loops"]["status"], "ok")
        self.assertEqual(got["loops"]["cases"][0]["status"], "timeout")
        self.assertEqual(got["loops"]["cases"][0]["where"], "line 3, in f: while n == 0:")
        # killed by the parent: no case survives
        self.assertEqual(got["stubborn"]["status"], "timeout")
        self.assertEqual(got["stubborn"]["cases"], [])
        for name in ("loops", "stubborn"):
            self.assertIsNone(obs(got[name]))
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
        for r in got.values():
            self.assertTrue(r["status"] == "timeout"
                            or [c["status"] for c in r["cases"]] == ["timeout"], r)
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
        self.assertEqual(obs(got["greets"]), "Hello, Ada!\nNext year: 13 count 1")
        g = got["greets"]["cases"][0]
        self.assertEqual((g["call"], g["shown"], g["shown_as"]),
                         ("run with input 'Ada\\n12\\n'", "Hello, Ada!\nNext year: 13 count 1",
                          "output"))
        self.assertEqual(obs(got["two_runs_are_independent"]),
                         ["Hello, Bo!\nNext year: 2 count 1", "Hello, Cy!\nNext year: 3 count 1"])
        self.assertEqual(got["two_runs_are_independent"]["cases"][0]["call"],
                         "run with input 'Bo\\n1\\n'; run with input 'Cy\\n2\\n'")
        self.assertEqual(obs(got["with_prompts"]),
                         {"exception": None, "exit_code": 0,
                          "stdout": "Name? Age? Hello, Ada!   \nNext year: 13 count 1\n\n"})
        m = got["missing_line"]["cases"][0]
        self.assertEqual(m["status"], "exception")
        self.assertEqual(m["error"], "EOFError: EOF when reading a line")
        self.assertEqual(m["where"], 'line 5: age = int(input("Age? "))')
        self.assertIn("line 5", got["missing_line"]["stderr_tail"])
        self.assertEqual(obs(got["argv"]), "Hello, x!   \nNext year: 4 count 1\nLOUD\n\n")
        a = got["argv"]["cases"][0]
        self.assertEqual((a["call"], a["shown_as"]),
                         ("run with input 'x\\n3\\n' and arguments ['--loud']", "output"))

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
        self.assertEqual(obs(self.checks_of(recs)["total"]),
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
            self.assertNotEqual(obs(r), reference_answer, r)
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
        self.assertEqual(obs(got["answer"]), 41)
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
            self.assertEqual(obs(got["answer"]), "PermissionError")

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
        self.assertEqual(obs(got["twice"]), 42)

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
            self.assertEqual(r["status"], "ok")
            self.assertEqual(r["cases"][0]["status"], "exception")
            self.assertIn("OutputLimitExceeded", r["cases"][0]["error"])
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
        self.assertEqual(obs(got["writes"]), ["a.txt"])
        self.assertEqual(obs(got["sees_nothing"]), [])

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
        self.assertEqual(obs(got["twice"]), 42)
        self.assertLess(time.monotonic() - t0, 10)


if __name__ == "__main__":
    unittest.main()
