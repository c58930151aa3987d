"""Grading end to end: labctl imports labs that a real labworker verifies in the real sandbox,
students submit with the real labclient, results are pushed back, boards move, and a worker
killed with SIGKILL mid-job loses nothing. Feedback v2 (checks made of cases): a student sees
the call, the expected value and their own for a visible case, only what a hidden case is
about, and the error and line of a crash, on the terminal and in --json."""

import json
import os
import subprocess
import time
import unittest

import labtest
from labtest import RawClient, describe, error_code, pb

lab = None
CODE = None

DOUBLE_INI = """[lab]
id = t-double
title = Double it
section = 1.4
roadmap = 1.4.1, 1.4.3
points = 10

[limits]
cpu_ms = 6000
wall_ms = 8000
memory_mb = 128
output_kb = 64
processes = 8
"""

DOUBLE_CHECKS = '''from labcheck import check


@check(weight=1)
def doubles_two(student):
    "double(2)"
    return student.double(2)


@check(weight=1, visible=False)
def doubles_more(student):
    "more numbers"
    return [student.double(n) for n in (-3, 0, 7, 1000)]
'''

SLOW_INI = DOUBLE_INI.replace("t-double", "t-slow").replace("Double it", "Slow answer")

SLOW_CHECKS = '''from labcheck import check


@check(weight=1, timeout_ms=5000)
def answer(student):
    "the answer, slowly"
    return student.answer()
'''

SLOW_SOLUTION = "import time\n\ndef answer():\n    time.sleep(1.5)\n    return 42\n"

# A lab in the v2 style (spec 10 §1): descriptions as docstrings, @cases, case(), call().
FEEDBACK_INI = DOUBLE_INI.replace("t-double", "t-feedback").replace("Double it", "Pizza party")

FEEDBACK_CHECKS = '''from labcheck import check, cases, case, call


@check(weight=1)
def pizzas_needed_rounds_up(s):
    "pizzas_needed rounds up to whole pizzas"
    return call(s.pizzas_needed, 5, 3)


@check(weight=1, visible=False)
@cases(case(98765, 10, about="when the last pizza is not full"), (30, 3), (43210, 100))
def pizzas_needed_more(s, people, per_pizza):
    "pizzas_needed with other numbers"
    return call(s.pizzas_needed, people, per_pizza)


@check(weight=1)
def add_adds(s):
    "add adds two numbers"
    return call(s.add, 2, 3)


@check(weight=1)
@cases(1, 2, 3)
def double_doubles(s, n):
    "double doubles numbers"
    return call(s.double, n)
'''

FEEDBACK_SOLUTION = """def pizzas_needed(people, per_pizza):
    return -(-people // per_pizza)


def add(a, b):
    return a + b


def double(n):
    return 2 * n
"""

FEEDBACK_STARTER = """def pizzas_needed(people, per_pizza):
    return 0


def add(a, b):
    return 0


def double(n):
    return 0
"""

# Rounds down instead of up, and crashes in add (line 7 of this file).
FEEDBACK_STUDENT = """def pizzas_needed(people, per_pizza):
    return people // per_pizza


def add(a, b):
    total = a
    total = total + str(b)
    return total


def double(n):
    return n * 2
"""

# The hidden cases' inputs, expected values and the student's values: never shown.
HIDDEN_SECRETS = ("98765", "9877", "9876", "43210")
# The marks are ✓/✗ in a UTF-8 locale and PASS/FAIL otherwise (the tests inherit the locale).
MARK_FAIL = "(?:\u2717|FAIL)"
MARK_OK = "(?:\u2713|PASS)"


def write_lab(root, name, ini, checks, solution, starter):
    d = os.path.join(root, name)
    os.makedirs(d, exist_ok=True)
    files = {"lab.ini": ini, "README.md": "# %s\n\nWrite the function.\n" % name,
             "checks.py": checks, "solution.py": solution, "starter.py": starter}
    for fn, text in files.items():
        with open(os.path.join(d, fn), "w") as f:
            f.write(text)
    return d


def setUpModule():
    global lab, CODE
    lab = labtest.get_lab("grading", extra_cfg={"submit.per_minute": "100",
                                               "submit.max_pending": "10"})
    lab.start_worker(slots=2, lease_s=4)
    root = os.path.join(lab.dir, "labs")
    write_lab(root, "t-double", DOUBLE_INI, DOUBLE_CHECKS, "def double(x):\n    return 2 * x\n",
              "def double(x):\n    return x\n")
    write_lab(root, "t-slow", SLOW_INI, SLOW_CHECKS, SLOW_SOLUTION,
              "def answer():\n    return 0\n")
    rc, out, err = lab.labctl("labs", "import", os.path.join(root, "t-double"),
                              os.path.join(root, "t-slow"), "--wait", "120", timeout=150)
    if rc != 0:
        raise RuntimeError("labs import failed (%d): %s %s\nworker log:\n%s"
                           % (rc, out, err, lab.worker_log()[-3000:]))
    CODE = lab.create_cohort("grading-class")


def tearDownModule():
    labtest.stop_lab()


class Grading(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.home = lab.home("ada")
        res = lab.register("ada", "ada-password", CODE, name="Ada L", home=cls.home)
        if res[0] != 0:
            raise RuntimeError("register failed: " + describe(*res))

    def submit(self, lab_id, code, home=None, timeout=90):
        home = home or self.home
        path = os.path.join(home, "%s-%d.py" % (lab_id, time.monotonic_ns()))
        with open(path, "w") as f:
            f.write(code)
        return lab.cj("submit", lab_id, path, home=home, timeout=timeout)

    def graded(self, res):
        rc, obj = res[0], res[1]
        self.assertEqual(rc, 0, describe(*res))
        self.assertTrue(obj and obj.get("ok"), describe(*res))
        return obj["result"]

    def test_import_made_labs_live(self):
        rc, obj, out, err = lab.cj("labs", home=self.home)
        self.assertEqual(rc, 0, err)
        ids = [l["id"] for l in obj["labs"]]
        self.assertIn("t-double", ids)
        self.assertIn("t-slow", ids)

    def test_start_writes_the_starter(self):
        target = os.path.join(self.home, "mine.py")
        res = lab.client("start", "t-double", target, home=self.home)
        self.assertEqual(res[0], 0, res[1] + res[2])
        with open(target) as f:
            self.assertIn("def double(x):", f.read())
        res = lab.client("start", "t-double", target, home=self.home)
        self.assertEqual(res[0], 2, "start must not overwrite the student's file: " + res[1] + res[2])

    def test_right_answer_full_marks(self):
        r = self.graded(self.submit("t-double", "def double(x):\n    return x + x\n"))
        self.assertEqual(r["verdict"], "accepted", r)
        self.assertEqual((r["score"], r["max_score"]), (10, 10), r)
        self.assertTrue(all(c["passed"] for c in r["checks"]), r)

    def test_wrong_answer_partial_and_hidden_expected_not_sent(self):
        # Right for the visible example only: the hidden check must catch it.
        r = self.graded(self.submit("t-double", "def double(x):\n    return 4 if x == 2 else 0\n"))
        self.assertEqual(r["verdict"], "partial", r)
        self.assertEqual(r["score"], 5, r)
        hidden = [c for c in r["checks"] if c["name"] == "doubles_more"][0]
        self.assertFalse(hidden["passed"])
        self.assertFalse(hidden.get("expected"), "a hidden check's expected value leaked: %r" % hidden)
        # Graded case by case: a check without @cases is one case, which says what it is about.
        self.assertEqual((hidden["description"], hidden["cases_passed"], hidden["cases_total"]),
                         ("more numbers", 0, 1), hidden)
        self.assertEqual([k["about"] for k in hidden["cases"]], ["more numbers (case 1 of 1)"])
        for field in ("call", "expected", "got"):
            self.assertNotIn(field, hidden["cases"][0], hidden)

    def test_bad_programs_get_the_right_verdict(self):
        cases = [
            ("def double(x)\n    return 2*x\n", "syntax_error"),
            ("raise ValueError('boom at import')\n", "runtime_error"),
            ("def double(x):\n    while True:\n        pass\n", "time_limit"),
            ("def double(x):\n    return len([0] * (10 ** 10))\n", "memory_limit"),
            ("def double(x):\n    while True:\n        print('x' * 65536)\n", "output_limit"),
        ]
        for code, verdict in cases:
            with self.subTest(verdict=verdict):
                r = self.graded(self.submit("t-double", code))
                self.assertEqual(r["verdict"], verdict, r)
                self.assertEqual(r["score"], 0, r)
                self.assertTrue(r.get("message"), r)

    def test_lab_closed_for_the_class_refused(self):
        teacher = lab.home("teach-grading")
        self.assertEqual(lab.login(*labtest.INSTRUCTOR, home=teacher)[0], 0)
        res = lab.cj("labs", "close", "grading-class", "t-double", home=teacher)
        self.assertEqual(res[0], 0, describe(*res))
        try:
            n = lab.psql("SELECT count(*) FROM submissions")
            res = self.submit("t-double", "def double(x):\n    return 2 * x\n")
            self.assertEqual(res[0], 1, describe(*res))
            self.assertEqual(error_code(res[1]), "forbidden", describe(*res))
            self.assertEqual(lab.psql("SELECT count(*) FROM submissions"), n)
            rc, obj, out, err = lab.cj("labs", home=self.home)
            self.assertNotIn("t-double", [l["id"] for l in obj["labs"]], obj)
        finally:
            res = lab.cj("labs", "open", "grading-class", "t-double", home=teacher)
            self.assertEqual(res[0], 0, describe(*res))

    def test_unknown_lab_refused(self):
        res = self.submit("no-such-lab", "x = 1\n")
        self.assertEqual(res[0], 1, describe(*res))
        self.assertEqual(error_code(res[1]), "not_found", describe(*res))

    def test_results_and_board_follow(self):
        home = lab.home("bob")
        self.assertEqual(lab.register("bob", "bob-password", CODE, name="Bobby", home=home)[0], 0)
        self.graded(self.submit("t-double", "def double(x):\n    return 0\n", home=home))
        rc, obj, out, err = lab.cj("board", "--cohort", "grading-class", home=home)
        self.assertEqual(rc, 0, err)
        before = {row["display_name"]: row["points"] for row in obj["board"]["rows"]}
        self.assertEqual(before.get("Bobby"), 0, obj)
        self.assertNotIn("bob", before, "boards must show display names, never logins")
        self.graded(self.submit("t-double", "def double(x):\n    return 2 * x\n", home=home))
        rc, obj, out, err = lab.cj("board", "--cohort", "grading-class", home=home)
        after = {row["display_name"]: row["points"] for row in obj["board"]["rows"]}
        self.assertEqual(after.get("Bobby"), 10, obj)
        rc, obj, out, err = lab.cj("results", "t-double", home=home)
        self.assertEqual(rc, 0, err)
        verdicts = [r["verdict"] for r in obj["results"]]
        self.assertEqual(verdicts[:2], ["accepted", "wrong"], obj)
        # Best scores are per lab: a worse later submission does not lower the board.
        self.graded(self.submit("t-double", "def double(x):\n    return 0\n", home=home))
        rc, obj, out, err = lab.cj("board", "--cohort", "grading-class", home=home)
        self.assertEqual({r["display_name"]: r["points"] for r in obj["board"]["rows"]}.get("Bobby"), 10)


def checks_by_name(result):
    return {c["name"]: c for c in result["checks"]}


class Feedback(unittest.TestCase):
    """Spec 10 §8 end to end: a v2 lab imported through the worker, a student's wrong and
    crashing program, the result read on the terminal (pushed after submit) and with --json
    (listed). Needs harness v2, the C grader and the worker writing submission_cases."""

    @classmethod
    def setUpClass(cls):
        root = os.path.join(lab.dir, "labs")
        write_lab(root, "t-feedback", FEEDBACK_INI, FEEDBACK_CHECKS, FEEDBACK_SOLUTION,
                  FEEDBACK_STARTER)
        rc, out, err = lab.labctl("labs", "import", os.path.join(root, "t-feedback"),
                                  "--wait", "120", timeout=150)
        if rc != 0:
            raise RuntimeError("import of the v2 lab failed (%d): %s %s\nworker log:\n%s"
                               % (rc, out, err, lab.worker_log()[-3000:]))
        cls.home = lab.home("eve")
        res = lab.register("eve", "eve-password", CODE, name="Eve", home=cls.home)
        if res[0] != 0:
            raise RuntimeError("register failed: " + describe(*res))
        path = os.path.join(cls.home, "pizza.py")
        with open(path, "w") as f:
            f.write(FEEDBACK_STUDENT)
        # The terminal text comes from the pushed result, the JSON from the result list.
        cls.rc, cls.out, cls.err = lab.client("submit", "t-feedback", path, home=cls.home,
                                              timeout=90)
        cls.jres = lab.cj("results", "t-feedback", "--last", home=cls.home)

    def result(self):
        rc, obj = self.jres[0], self.jres[1]
        self.assertEqual(rc, 0, describe(*self.jres))
        self.assertEqual(len(obj["results"]), 1, obj)
        return obj["results"][0]

    def test_terminal_run_succeeded(self):
        self.assertEqual(self.rc, 0, self.out + self.err)
        self.assertIn("Partly right", self.out)
        self.assertRegex(self.out, MARK_OK + r" double doubles numbers \(3/3\)\n")
        self.assertRegex(self.out, r"Fix the first " + MARK_FAIL +
                         r" and submit again: labclient submit t-feedback\n")

    def test_visible_case_shows_call_expected_and_value(self):
        self.assertRegex(self.out, MARK_FAIL + r" pizzas_needed rounds up to whole pizzas\n"
                         r"      pizzas_needed\(5, 3\)\n"
                         r"      expected: 2\n"
                         r"      you gave: 1\n")
        c = checks_by_name(self.result())["pizzas_needed_rounds_up"]
        self.assertEqual(c["description"], "pizzas_needed rounds up to whole pizzas", c)
        self.assertEqual((c["passed"], c["cases_passed"], c["cases_total"]), (False, 0, 1), c)
        case = c["cases"][0]
        self.assertEqual((case["passed"], case["call"], case["expected"], case["got"]),
                         (False, "pizzas_needed(5, 3)", "2", "1"), c)
        self.assertEqual((case["error"], case["where"], case["output"]), ("", "", False), c)

    def test_hidden_case_shows_what_it_is_about_only(self):
        self.assertRegex(self.out, MARK_FAIL + r" \(hidden\) pizzas_needed with other numbers "
                         r"\(1/3\)\n")
        self.assertRegex(self.out, r"\n      " + MARK_FAIL + r" when the last pizza is not full\n")
        self.assertRegex(self.out, r"\n      " + MARK_FAIL + r" case 3 of 3\n")
        c = checks_by_name(self.result())["pizzas_needed_more"]
        self.assertFalse(c["visible"], c)
        self.assertEqual(c["description"], "pizzas_needed with other numbers", c)
        self.assertEqual((c["passed"], c["cases_passed"], c["cases_total"]), (False, 1, 3), c)
        self.assertEqual([k["passed"] for k in c["cases"]], [False, True, False], c)
        self.assertEqual(c["cases"][0]["about"], "when the last pizza is not full", c)
        self.assertEqual(c["cases"][2]["about"], "pizzas_needed with other numbers (case 3 of 3)",
                         c)
        for k in c["cases"]:
            for field in ("call", "expected", "got"):
                self.assertNotIn(field, k, "a hidden case's %s was sent: %r" % (field, c))
        for secret in HIDDEN_SECRETS:
            self.assertNotIn(secret, self.out, "hidden value %s on the terminal" % secret)
            self.assertNotIn(secret, json.dumps(c), "hidden value %s in --json" % secret)
        # The worker keeps them out of the database too.
        leaked = lab.psql("SELECT count(*) FROM submission_cases c JOIN submission_checks k"
                          " ON k.submission_id = c.submission_id AND k.idx = c.check_idx"
                          " WHERE c.submission_id = :sid AND NOT k.visible AND (c.call IS NOT NULL"
                          " OR c.expected IS NOT NULL OR c.got IS NOT NULL)",
                          sid=self.result()["submission_id"])
        self.assertEqual(leaked, "0")

    def test_crash_shows_error_and_line(self):
        self.assertRegex(self.out, MARK_FAIL + r" add adds two numbers\n"
                         r"      add\(2, 3\)\n"
                         r"      expected: 5\n"
                         r"(?:      you gave: .*\n)?"
                         r"      TypeError: unsupported operand type\(s\) for \+: 'int' and 'str'\n"
                         r"      at line 7, in add: total = total \+ str\(b\)\n")
        c = checks_by_name(self.result())["add_adds"]
        case = c["cases"][0]
        self.assertFalse(case["passed"], c)
        self.assertEqual(case["call"], "add(2, 3)", c)
        self.assertEqual(case["error"],
                         "TypeError: unsupported operand type(s) for +: 'int' and 'str'", c)
        self.assertEqual(case["where"], "line 7, in add: total = total + str(b)", c)

    def test_passed_check_counts_its_cases(self):
        c = checks_by_name(self.result())["double_doubles"]
        self.assertEqual((c["passed"], c["cases_passed"], c["cases_total"]), (True, 3, 3), c)
        self.assertEqual([k["call"] for k in c["cases"]], ["double(1)", "double(2)", "double(3)"])


# Rows as the worker writes them, plus what it must not write: the hidden check's rows hold a
# call, values and an expected answer, which the server must never send.
STORED_CHECKS = """
INSERT INTO submission_checks (submission_id, idx, name, passed, visible, weight, observed,
                               expected, message, output_tail, description, cases_passed,
                               cases_total) VALUES
  (:sid, 0, 'doubles_two', false, true, 1, '[5]', '[4]', '', '', 'double(2) gives 4', 0, 1),
  (:sid, 1, 'doubles_more', false, false, 1, '[1]', 'LEAK_CHECK_EXPECTED', '', '',
   'double with more numbers', 1, 3),
  (:sid, 2, 'prints_double', false, true, 1, '[]', '[]', '', '', 'the program prints the double',
   0, 1),
  (:sid, 3, 'doubles_small', true, true, 1, '[2,4]', '[2,4]', '', '', 'double small numbers',
   2, 2);
INSERT INTO submission_cases (submission_id, check_idx, idx, passed, about, call, expected, got,
                              shown_as, error, location) VALUES
  (:sid, 0, 0, false, '', 'double(2)', '4', '5', 'value', '', ''),
  (:sid, 1, 0, true, '', 'LEAK_CALL_0', 'LEAK_EXPECTED_0', 'LEAK_GOT_0', 'value', '', ''),
  (:sid, 1, 1, false, 'a negative number', 'LEAK_CALL_1', 'LEAK_EXPECTED_1', 'LEAK_GOT_1',
   'output', 'ZeroDivisionError: division by zero', 'line 2, in double: return x / 0'),
  (:sid, 1, 2, false, '', 'LEAK_CALL_2', 'LEAK_EXPECTED_2', 'LEAK_GOT_2', 'value', '', ''),
  (:sid, 2, 0, false, '', E'run with input \\'2\\\\n\\'', E'4\\n', E'5\\n6\\n', 'output', '', ''),
  (:sid, 3, 0, true, '', 'double(1)', '2', '2', 'value', '', ''),
  (:sid, 3, 1, true, '', 'double(2)', '4', '4', 'value', '', '');
"""


class StoredCases(unittest.TestCase):
    """The server's and the client's half alone: per-case rows written straight into the
    database are listed, pushed and shown. Needs schema/0004_feedback.sql, not the harness,
    grader or worker."""

    @classmethod
    def setUpClass(cls):
        cls.home = lab.home("dora")
        res = lab.register("dora", "dora-password", CODE, name="Dora", home=cls.home)
        if res[0] != 0:
            raise RuntimeError("register failed: " + describe(*res))
        uid = lab.psql("SELECT id FROM users WHERE username = 'dora'")
        ver = lab.psql("SELECT version FROM labs WHERE id = 't-double'")
        cls.sid = lab.psql(
            "INSERT INTO submissions (user_id, lab_id, lab_version, code, state, attempts,"
            " verdict, score, max_score, message, graded_at) VALUES (:uid, 't-double', :'ver',"
            " 'x = 1', 'graded', 1, 'partial', 3, 10, '', now()) RETURNING id",
            uid=uid, ver=ver).splitlines()[0]
        lab.psql(STORED_CHECKS, sid=cls.sid)

    def test_terminal(self):
        rc, out, err = lab.client("results", "t-double", "--last", home=self.home)
        self.assertEqual(rc, 0, out + err)
        self.assertRegex(out, MARK_FAIL + r" double\(2\) gives 4\n      double\(2\)\n"
                         r"      expected: 4\n      you gave: 5\n")
        self.assertRegex(out, MARK_FAIL + r" \(hidden\) double with more numbers \(1/3\)\n"
                         r"      " + MARK_FAIL + r" a negative number\n"
                         r"        ZeroDivisionError: division by zero\n"
                         r"        at line 2, in double: return x / 0\n"
                         r"      " + MARK_FAIL + r" case 3 of 3\n")
        self.assertRegex(out, MARK_FAIL + r" the program prints the double\n"
                         r"      run with input '2\\n'\n"
                         r"      expected:\n        \| 4\n"
                         r"      you printed:\n        \| 5\n        \| 6\n")
        self.assertRegex(out, MARK_OK + r" double small numbers \(2/2\)\n")
        self.assertNotIn("LEAK", out)

    def test_json(self):
        rc, obj, out, err = lab.cj("results", "t-double", "--last", home=self.home)
        self.assertEqual(rc, 0, err)
        r = obj["results"][0]
        self.assertEqual(str(r["submission_id"]), self.sid)
        self.assertNotIn("LEAK", out)
        c = checks_by_name(r)
        self.assertEqual(c["doubles_two"]["cases"], [{
            "passed": False, "about": "", "call": "double(2)", "expected": "4", "got": "5",
            "output": False, "error": "", "where": ""}])
        hidden = c["doubles_more"]
        self.assertEqual((hidden["description"], hidden["cases_passed"], hidden["cases_total"]),
                         ("double with more numbers", 1, 3))
        self.assertEqual(hidden["cases"], [
            {"passed": True, "about": "double with more numbers (case 1 of 3)", "output": False,
             "error": "", "where": ""},
            {"passed": False, "about": "a negative number", "output": False,
             "error": "ZeroDivisionError: division by zero",
             "where": "line 2, in double: return x / 0"},
            {"passed": False, "about": "double with more numbers (case 3 of 3)", "output": False,
             "error": "", "where": ""}])
        printed = c["prints_double"]["cases"][0]
        self.assertEqual((printed["output"], printed["call"], printed["expected"], printed["got"]),
                         (True, "run with input '2\\n'", "4\n", "5\n6\n"))
        self.assertEqual(len(c["doubles_small"]["cases"]), 2)

    def test_push_reaches_a_minor_0_client_with_cases(self):
        # An old client (max_minor 0) still connects, and the new fields reach it too.
        c = RawClient(lab.port)
        try:
            self.assertEqual(c.hello_ok.body.get(1, 0), 0, "minor agreed with a minor-0 client")
            self.assertEqual(c.login("dora", "dora-password").kind, "auth_ok")
            lab.psql("SELECT pg_notify('lab_events', 'graded:' || :'sid')", sid=self.sid)
            deadline = time.time() + 10
            env = None
            while time.time() < deadline and (env is None or env.kind != "result"):
                env = c.recv_env(max(0.1, deadline - time.time()))
            self.assertEqual(env and env.kind, "result", env)
            self.assertEqual(env.body.get(1), int(self.sid))
            self.assertNotIn(b"LEAK", env.raw)
            checks = {k.str(1): k for k in env.body.subs(6)}
            hidden = checks["doubles_more"]
            self.assertEqual((hidden.str(9), hidden.get(11, 0), hidden.get(12, 0)),
                             ("double with more numbers", 1, 3))
            cases = hidden.subs(10)
            self.assertEqual(len(cases), 3)
            self.assertEqual(cases[1].str(2), "a negative number")
            self.assertEqual(cases[1].str(6), "ZeroDivisionError: division by zero")
            self.assertEqual(cases[1].str(7), "line 2, in double: return x / 0")
            for k in cases:
                for field in (3, 4, 5, 8):  # call, expected, got, output
                    self.assertIsNone(k.get(field), "hidden case field %d was sent" % field)
            visible = checks["doubles_two"].subs(10)[0]
            self.assertEqual((visible.str(3), visible.str(4), visible.str(5)),
                             ("double(2)", "4", "5"))
        finally:
            c.close()

    def test_hello_agrees_on_minor_3(self):
        c = RawClient(lab.port, hello=False)
        try:
            env = c.request("hello", pb((1, 0), (2, 7), (3, "labtest/3")))
            self.assertEqual(env.kind, "hello_ok", env)
            self.assertEqual(env.body.get(1, 0), 3)
        finally:
            c.close()


class BrokenLabs(unittest.TestCase):
    def test_import_refuses_bad_labs_with_reasons(self):
        root = os.path.join(lab.dir, "bad-labs")
        # A reference that crashes in its own checks.
        failing = write_lab(root, "t-failing-ref", DOUBLE_INI.replace("t-double", "t-failing-ref"),
                            DOUBLE_CHECKS, "def double(x):\n    raise RuntimeError('oops')\n",
                            "def double(x):\n    return x\n")
        # A starter that already passes.
        free = write_lab(root, "t-free", DOUBLE_INI.replace("t-double", "t-free"), DOUBLE_CHECKS,
                         "def double(x):\n    return 2 * x\n", "def double(x):\n    return 2 * x\n")
        # checks.py is a link to a host file.
        linked = write_lab(root, "t-linked", DOUBLE_INI.replace("t-double", "t-linked"),
                           DOUBLE_CHECKS, "def double(x):\n    return 2 * x\n", "pass\n")
        os.unlink(os.path.join(linked, "checks.py"))
        os.symlink("/etc/passwd", os.path.join(linked, "checks.py"))
        # lab.ini with an unknown key and a path trick in the id.
        bad_ini = write_lab(root, "t-bad-ini", "[lab]\nid = ../etc\ntitle = x\nroadmap = 1.1.1\n",
                            DOUBLE_CHECKS, "pass\n", "pass\n")
        rc, out, err = lab.labctl("labs", "import", failing, free, linked, bad_ini,
                                  "--wait", "120", timeout=150)
        self.assertEqual(rc, 1, out + err)
        lines = {l.split()[1]: l for l in out.splitlines() if l.startswith("refused")}
        self.assertIn("reference", lines.get("t-failing-ref", ""), out)
        self.assertIn("starter.py already passes", lines.get("t-free", ""), out)
        self.assertIn("symbolic link", lines.get(linked, ""), out)
        self.assertRegex(lines.get(bad_ini, ""), r"'(?:lab\.)?id'\W.*must be", out)
        for bad in ("t-failing-ref", "t-free"):
            self.assertEqual(lab.psql("SELECT count(*) FROM labs WHERE id = :'id'", id=bad), "0")


class WorkerKilled(unittest.TestCase):
    def test_sigkill_mid_job_every_submission_graded_once(self):
        home = lab.home("cy")
        self.assertEqual(lab.register("cy", "cy-password", CODE, home=home)[0], 0)
        uid = lab.psql("SELECT id FROM users WHERE username = 'cy'")
        # Park the running workers so the victim is the only one that can claim.
        lab.stop_workers()
        victim = lab.start_worker(slots=1, lease_s=4)
        path = os.path.join(home, "slow.py")
        with open(path, "w") as f:
            f.write(SLOW_SOLUTION)
        # Three students' terminals waiting for their results while the worker dies.
        clients = [subprocess.Popen([labtest.LABCLIENT, "--server", lab.url, "--json", "submit",
                                     "t-slow", path], env=lab.client_env(home),
                                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True)
                   for _ in range(3)]
        deadline = time.time() + 20
        while time.time() < deadline:
            if lab.psql("SELECT count(*) FROM submissions WHERE user_id = :uid AND"
                        " state = 'running'", uid=uid) != "0":
                break
            time.sleep(0.05)
        else:
            self.fail("no submission started running\n" + lab.worker_log()[-2000:])
        lab.kill_worker(victim)
        lab.start_worker(slots=2, lease_s=4)
        deadline = time.time() + 90
        while time.time() < deadline:
            left = lab.psql("SELECT count(*) FROM submissions WHERE user_id = :uid AND"
                            " state <> 'graded'", uid=uid)
            if left == "0":
                break
            time.sleep(0.2)
        else:
            self.fail("submissions left ungraded\n" + lab.worker_log()[-3000:])
        for c in clients:
            out, err = c.communicate(timeout=60)
            self.assertEqual(c.returncode, 0, out + err)
            self.assertEqual(json.loads(out)["result"]["verdict"], "accepted", out)
        rows = lab.psql("SELECT id, attempts, verdict, (SELECT count(*) FROM submission_checks c"
                        " WHERE c.submission_id = s.id) FROM submissions s WHERE user_id = :uid"
                        " ORDER BY id", uid=uid).splitlines()
        self.assertEqual(len(rows), 3, rows)
        attempts = []
        for row in rows:
            sid, att, verdict, n_checks = row.split("|")
            self.assertEqual(verdict, "accepted", row)
            self.assertEqual(n_checks, "1", "graded more than once: %s" % row)
            attempts.append(int(att))
        self.assertGreaterEqual(max(attempts), 2, "the killed job was not retried: %s" % rows)
        best = lab.psql("SELECT score, attempts FROM best_scores WHERE user_id = :uid", uid=uid)
        self.assertEqual(best, "10|3", best)

    def test_job_that_keeps_killing_workers_ends_as_internal_error(self):
        uid = lab.psql("SELECT id FROM users WHERE username = 'ada'")
        ver = lab.psql("SELECT version FROM labs WHERE id = 't-double'")
        # A job whose lease expired on its last allowed attempt, as if it crashed three workers.
        sid = lab.psql("INSERT INTO submissions (user_id, lab_id, lab_version, code, state,"
                       " attempts, lease_until, worker) VALUES (:uid, 't-double', :'ver', 'x=1',"
                       " 'running', 3, now() - interval '1 minute', 'dead') RETURNING id",
                       uid=uid, ver=ver).splitlines()[0]
        deadline = time.time() + 30
        while time.time() < deadline:
            state = lab.psql("SELECT state || ',' || coalesce(verdict, '') FROM submissions"
                             " WHERE id = :sid", sid=sid)
            if state.startswith("failed"):
                break
            time.sleep(0.2)
        self.assertEqual(state, "failed,internal_error")
        rc, obj, out, err = lab.cj("results", "t-double", home=lab.home("ada"))
        mine = [r for r in obj["results"] if str(r["submission_id"]) == sid]
        self.assertEqual(mine and mine[0]["verdict"], "internal_error", obj)


if __name__ == "__main__":
    unittest.main()
