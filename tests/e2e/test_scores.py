"""Scores that agree everywhere: a student's points on their results, the class board, the lab
boards and the instructor's gradebook come from the same rows by the same rule (server/scores.h):
the best graded score per lab, the class's labs only (catalog labs not closed for it, and its own),
each in the lab's current points. Programs that would never score (the starter handed in
unchanged, an empty or a whitespace-only file) are refused before queuing and leave no row."""

import csv
import io
import os
import time
import unittest

import labtest
from labtest import RawClient, describe, error_code, pb

lab = None
CODES = {}
TEACHER = None

INI = """[lab]
id = {id}
title = {title}
section = 9.1
roadmap = 9.1.1
points = {points}

[limits]
cpu_ms = 6000
wall_ms = 8000
memory_mb = 128
output_kb = 64
processes = 8
"""

# sc-add: two checks of weight 1 (a half is 5 of 10 points).
ADD_CHECKS = '''from labcheck import check, call


@check(weight=1)
def adds_small(s):
    "add(1, 2)"
    return call(s.add, 1, 2)


@check(weight=1)
def adds_negative(s):
    "add(-5, 7)"
    return call(s.add, -5, 7)
'''
ADD_SOLUTION = "def add(a, b):\n    return a + b\n"
ADD_STARTER = "def add(a, b):\n    # your code here\n    return 0\n"

# sc-square and the others: four checks of weight 1 (a quarter of the points each).
SQUARE_CHECKS = '''from labcheck import check, call


@check(weight=1)
def square_0(s):
    "square(0)"
    return call(s.square, 0)


@check(weight=1)
def square_1(s):
    "square(1)"
    return call(s.square, 1)


@check(weight=1)
def square_2(s):
    "square(2)"
    return call(s.square, 2)


@check(weight=1, visible=False)
def square_3(s):
    "square(3)"
    return call(s.square, 3)
'''
SQUARE_SOLUTION = "def square(x):\n    return x * x\n"
SQUARE_STARTER = "def square(x):\n    return None\n"

# id: (title, points, checks, solution, starter)
LABS = {
    "sc-add": ("Add two numbers", 10, ADD_CHECKS, ADD_SOLUTION, ADD_STARTER),
    "sc-square": ("Square", 20, SQUARE_CHECKS, SQUARE_SOLUTION, SQUARE_STARTER),
    "sc-closed": ("Closed later", 10, SQUARE_CHECKS, SQUARE_SOLUTION, SQUARE_STARTER),
    "sc-idle": ("Nobody tried", 15, SQUARE_CHECKS, SQUARE_SOLUTION, SQUARE_STARTER),
    "sc-other": ("Another class's own", 10, SQUARE_CHECKS, SQUARE_SOLUTION, SQUARE_STARTER),
}

CLASS = "score-class"
OTHER = "other-class"
PASSWORDS = {"ann": "ann-password", "bob": "bob-password"}
NAMES = {"ann": "Ann", "bob": "Bob"}


def write_lab(root, lab_id, points=None):
    title, pts, checks, solution, starter = LABS[lab_id]
    d = os.path.join(root, lab_id)
    os.makedirs(d, exist_ok=True)
    files = {"lab.ini": INI.format(id=lab_id, title=title, points=points or pts),
             "README.md": "# %s\n\nWrite the function.\n" % title,
             "checks.py": checks, "solution.py": solution, "starter.py": starter}
    for fn, text in files.items():
        with open(os.path.join(d, fn), "w") as f:
            f.write(text)
    return d


def import_labs(*dirs):
    rc, out, err = lab.labctl("labs", "import", *dirs, "--wait", "120", timeout=150)
    if rc != 0:
        raise RuntimeError("labs import failed (%d): %s %s\nworker log:\n%s"
                           % (rc, out, err, lab.worker_log()[-3000:]))


def setUpModule():
    global lab, TEACHER
    lab = labtest.get_lab("scores", extra_cfg={"submit.per_minute": "100",
                                             "submit.max_pending": "10"})
    lab.start_worker(slots=2, lease_s=10)
    root = os.path.join(lab.dir, "labs")
    import_labs(*[write_lab(root, i) for i in LABS])
    for name in (CLASS, OTHER):
        CODES[name] = lab.create_cohort(name)
    # sc-other belongs to the other class, as a lab its instructor pushed would.
    lab.psql("UPDATE labs SET cohort_id = (SELECT id FROM cohorts WHERE name = :'c') "
             "WHERE id = 'sc-other'", c=OTHER)
    TEACHER = lab.home("teach-scores")
    res = lab.login(*labtest.INSTRUCTOR, home=TEACHER)
    if res[0] != 0:
        raise RuntimeError("instructor login failed: " + describe(*res))
    for who in ("ann", "bob"):
        res = lab.register(who, PASSWORDS[who], CODES[CLASS], name=NAMES[who])
        if res[0] != 0:
            raise RuntimeError("register failed: " + describe(*res))
    res = lab.cj("cohort", "join", CODES[OTHER], home=lab.home("ann"))
    if res[0] != 0:
        raise RuntimeError("join failed: " + describe(*res))


def tearDownModule():
    labtest.stop_lab()


def submit(who, lab_id, code, timeout=90):
    home = lab.home(who)
    path = os.path.join(home, "%s-%d.py" % (lab_id, time.monotonic_ns()))
    with open(path, "w", newline="") as f:
        f.write(code)
    return lab.cj("submit", lab_id, path, home=home, timeout=timeout)


def n_submissions():
    return int(lab.psql("SELECT count(*) FROM submissions"))


class Scores(unittest.TestCase):
    """One story, in order: the steps share the class's scores."""

    def graded(self, who, lab_id, code, score):
        res = submit(who, lab_id, code)
        self.assertEqual(res[0], 0, describe(*res))
        r = res[1]["result"]
        self.assertEqual(r["score"], score, r)
        return r

    def results_best(self, who, labs):
        """Best graded score per lab of @labs from the student's own results."""
        rc, obj, out, err = lab.cj("results", "--limit", "100", home=lab.home(who))
        self.assertEqual(rc, 0, describe(rc, obj, out, err))
        best = {}
        for r in obj["results"]:
            if r["lab_id"] in labs and r.get("state", "graded") == "graded":
                best[r["lab_id"]] = max(best.get(r["lab_id"], 0), r["score"])
        return best

    def board(self, who, cohort=CLASS, lab_id=None):
        args = ["board"] + ([lab_id] if lab_id else []) + ["--cohort", cohort]
        rc, obj, out, err = lab.cj(*args, home=lab.home(who) if who != "teach" else TEACHER)
        self.assertEqual(rc, 0, describe(rc, obj, out, err))
        return {r["display_name"]: r for r in obj["board"]["rows"]}

    def gradebook(self):
        rc, obj, out, err = lab.cj("gradebook", CLASS, home=TEACHER)
        self.assertEqual(rc, 0, describe(rc, obj, out, err))
        rows = list(csv.reader(io.StringIO(obj["csv"], newline="")))
        header, maxrow, students = rows[0], rows[1], rows[2:]
        self.assertEqual(header[:2], ["username", "display_name"], rows)
        self.assertEqual(header[-1], "total", rows)
        self.assertEqual(maxrow[:2], ["max points", ""], rows)
        labs = header[2:-1]
        maxima = {l: int(v) for l, v in zip(labs, maxrow[2:-1])}
        self.assertEqual(int(maxrow[-1]), sum(maxima.values()), rows)
        book = {}
        for row in students:
            cells = {l: int(v) for l, v in zip(labs, row[2:-1]) if v != ""}
            self.assertEqual(int(row[-1]), sum(cells.values()), row)
            for l, v in cells.items():
                self.assertLessEqual(v, maxima[l], row)
            book[row[0]] = (cells, int(row[-1]))
        return labs, maxima, book

    def assert_agree(self, class_labs, expect):
        """@expect: username -> {lab: points}. Results, the class board, every lab board and the
        gradebook must all say so."""
        labs, maxima, book = self.gradebook()
        board = self.board("teach")
        for who, per_lab in expect.items():
            total = sum(per_lab.values())
            with self.subTest(who=who):
                self.assertEqual(book[who], (per_lab, total), "gradebook")
                self.assertEqual(board[NAMES[who]]["points"], total, "class board: %r" % board)
                # The student's own view of the board says the same.
                mine = self.board(who)[NAMES[who]]
                self.assertEqual(mine["points"], total)
                self.assertTrue(mine["is_you"])
                solved = sum(1 for l, v in per_lab.items() if v == maxima[l])
                self.assertEqual(board[NAMES[who]]["labs_solved"], solved, board)
                for l in class_labs:
                    rows = self.board(who, lab_id=l)
                    if l in per_lab:
                        self.assertEqual(rows[NAMES[who]]["points"], per_lab[l], (l, rows))
                    else:
                        self.assertNotIn(NAMES[who], rows, (l, rows))
        self.assertLessEqual(set().union(*[set(p) for p in expect.values()]), set(labs))
        return labs, maxima, book

    def test_scores_agree(self):
        # ---- work: full marks, partial marks, a worse try that must not lower the best ----
        self.graded("ann", "sc-add", ADD_SOLUTION, 10)
        self.graded("ann", "sc-square", "def square(x):\n    return x * x if x != 3 else 0\n", 15)
        self.graded("ann", "sc-closed", SQUARE_SOLUTION, 10)
        self.graded("ann", "sc-other", SQUARE_SOLUTION, 10)
        self.graded("bob", "sc-add", "def add(a, b):\n    return 3\n", 5)
        self.graded("bob", "sc-square", "def square(x):\n    return x\n", 10)
        self.graded("bob", "sc-square", "def square(x):\n    return 0\n", 5)

        class_labs = ["sc-add", "sc-square", "sc-closed"]
        expect = {"ann": {"sc-add": 10, "sc-square": 15, "sc-closed": 10},
                  "bob": {"sc-add": 5, "sc-square": 10}}
        for who, per_lab in expect.items():
            self.assertEqual(self.results_best(who, class_labs), per_lab, who)
        labs, maxima, book = self.assert_agree(class_labs, expect)

        # Only the class's labs, in catalog order: no lab nobody touched, no other class's lab.
        self.assertEqual(labs, ["sc-add", "sc-closed", "sc-square"])
        self.assertEqual(maxima, {"sc-add": 10, "sc-closed": 10, "sc-square": 20})
        # The other class counts its own lab for Ann, and the catalog labs too.
        other = self.board("ann", cohort=OTHER)
        self.assertEqual(other["Ann"]["points"], 45, other)
        rc, obj, out, err = lab.cj("board", "sc-other", "--cohort", CLASS, home=lab.home("ann"))
        self.assertEqual(rc, 1, describe(rc, obj, out, err))
        self.assertEqual(error_code(obj), "not_found", describe(rc, obj, out, err))

        # ---- a lab the teacher opens explicitly gets a column before anyone tries it ----
        res = lab.cj("labs", "open", CLASS, "sc-idle", home=TEACHER)
        self.assertEqual(res[0], 0, describe(*res))
        labs, maxima, book = self.assert_agree(class_labs, expect)
        self.assertIn("sc-idle", labs)
        self.assertEqual(maxima["sc-idle"], 15)

        # ---- a lab closed for the class leaves the board and the gradebook alike ----
        res = lab.cj("labs", "close", CLASS, "sc-closed", home=TEACHER)
        self.assertEqual(res[0], 0, describe(*res))
        closed = {"ann": {"sc-add": 10, "sc-square": 15}, "bob": expect["bob"]}
        labs, maxima, book = self.assert_agree(["sc-add", "sc-square"], closed)
        self.assertNotIn("sc-closed", labs)
        rc, obj, out, err = lab.cj("board", "sc-closed", "--cohort", CLASS, home=TEACHER)
        self.assertEqual(error_code(obj), "not_found", describe(rc, obj, out, err))
        # Reopened, the best score counts again: it was never lost.
        res = lab.cj("labs", "open", CLASS, "sc-closed", home=TEACHER)
        self.assertEqual(res[0], 0, describe(*res))
        self.assert_agree(class_labs, expect)

        # ---- refused before queuing: nothing is inserted, nothing is ever scored ----
        before = n_submissions()
        starters = [ADD_STARTER,
                    ADD_STARTER.replace("\n", "  \r\n") + "\r\n\r\n",  # CRLF, trailing blanks
                    "\ufeff" + ADD_STARTER.rstrip("\n")]                # BOM, no last newline
        for code in starters:
            with self.subTest(starter=repr(code)):
                res = submit("bob", "sc-add", code)
                self.assertEqual(res[0], 1, describe(*res))
                self.assertEqual(error_code(res[1]), "bad_request", describe(*res))
                text = res[1]["error"]["text"].lower()
                self.assertIn("still the starter code", text, describe(*res))
                self.assertIn("write your solution", text, describe(*res))
        for code in (" ", "\n\n\n", "  \t\r\n   \r\n"):
            with self.subTest(blank=repr(code)):
                res = submit("bob", "sc-add", code)
                self.assertEqual(res[0], 1, describe(*res))
                self.assertEqual(error_code(res[1]), "bad_request", describe(*res))
                self.assertIn("your file is empty", res[1]["error"]["text"].lower(), describe(*res))
        # labclient refuses an empty file itself; the server does too, for any client.
        res = submit("bob", "sc-add", "")
        self.assertEqual(res[0], 2, describe(*res))
        c = RawClient(lab.port)
        try:
            self.assertEqual(c.login("bob", PASSWORDS["bob"]).kind, "auth_ok")
            env = c.request("submit_req", pb((1, "sc-add"), (2, b"")))
            self.assertEqual((env.kind, env.error_code), ("error", "bad_request"), env)
            self.assertIn("your file is empty", env.error_text.lower(), env)
            env = c.request("submit_req", pb((1, "sc-add"), (2, ADD_STARTER.encode())))
            self.assertEqual((env.kind, env.error_code), ("error", "bad_request"), env)
            self.assertIn("still the starter code", env.error_text.lower(), env)
        finally:
            c.close()
        self.assertEqual(n_submissions(), before, "a refused program left a submission row")
        # One changed character makes it the student's own: graded (and wrong, so 0 or 5).
        r = self.graded("bob", "sc-add", ADD_STARTER.replace("return 0", "return 1"), 0)
        self.assertEqual(r["verdict"], "wrong", r)
        self.assert_agree(class_labs, expect)

        # ---- the lab's points change: best scores count in today's points ----
        import_labs(write_lab(os.path.join(lab.dir, "labs"), "sc-add", points=20))
        labs, maxima, book = self.assert_agree(class_labs, {
            "ann": {"sc-add": 20, "sc-square": 15, "sc-closed": 10},
            "bob": {"sc-add": 10, "sc-square": 10}})
        self.assertEqual(maxima["sc-add"], 20)
        # The results keep the score as graded: 10 of 10 is full marks, now 20 of 20.
        self.assertEqual(self.results_best("ann", ["sc-add"]), {"sc-add": 10})


if __name__ == "__main__":
    unittest.main()
