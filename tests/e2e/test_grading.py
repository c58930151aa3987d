"""Grading end to end: labctl imports labs that a real labworker verifies in the real sandbox,
students submit with the real labclient, results are pushed back, boards move, and a worker
killed with SIGKILL mid-job loses nothing."""

import json
import os
import subprocess
import time
import unittest

import labtest
from labtest import describe, error_code

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
        self.assertIn("[0,0,0,0]", json.dumps(hidden.get("observed")), hidden)

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
        self.assertIn("'lab.id' must be", lines.get(bad_ini, ""), out)
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
