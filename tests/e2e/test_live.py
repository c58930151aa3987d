"""Live exercises end to end: one instructor and three students on two labserver instances
that share only PostgreSQL. The instructor pushes a lab written a minute ago, every student
sees the notice, submissions move the live board, the instructor ends it, and the gradebook
CSV has the right numbers; every refusal leaves nothing half-created."""

import csv
import io
import json
import os
import subprocess
import time
import unittest

import labtest
from labtest import INSTRUCTOR, LABSERVER, RawClient, describe, error_code, pb

lab = None
PORT_B = None
SERVER_B = None
CODE = None
T_HOME = None

LAB_INI = """[lab]
id = t-live-triple
title = Triple it
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
CHECKS = '''from labcheck import check


@check(weight=1)
def triples_two(student):
    "triple(2)"
    return student.triple(2)


@check(weight=1, visible=False)
def triples_more(student):
    "more numbers"
    return [student.triple(n) for n in (-1, 0, 5)]
'''
FILES = {"lab.ini": LAB_INI, "README.md": "# Triple it\n\nWrite `triple(x)`.\n",
         "checks.py": CHECKS, "solution.py": "def triple(x):\n    return 3 * x\n",
         "starter.py": "def triple(x):\n    return x\n"}


def write_lab(name, files):
    d = os.path.join(lab.dir, "mylabs", name)
    os.makedirs(d, exist_ok=True)
    for fn, text in files.items():
        with open(os.path.join(d, fn), "w") as f:
            f.write(text)
    return d


def start_instance_b():
    global PORT_B, SERVER_B
    PORT_B = labtest.free_port()
    path = os.path.join(lab.dir, "labserver-b.ini")
    saved = lab.port
    lab.port = PORT_B
    lab.write_config(path)
    lab.port = saved
    logf = open(os.path.join(lab.dir, "labserver-b.log"), "ab")
    SERVER_B = subprocess.Popen([LABSERVER, "--config", path], stdin=subprocess.DEVNULL,
                                stdout=logf, stderr=logf, preexec_fn=labtest._die_with_parent)
    logf.close()
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            RawClient(PORT_B).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("second labserver did not start")


def setUpModule():
    global lab, CODE, T_HOME
    lab = labtest.get_lab("live", extra_cfg={"ws.max_frame": "1048576"})
    start_instance_b()
    lab.start_worker(slots=2, lease_s=10)
    lab.labctl_ok("labs", "import", os.path.join(labtest.SOURCE_DIR, "labs", "1-beginner",
                                                 "b-hello-world"), "--wait", "120", timeout=150)
    CODE = lab.create_cohort("live-class")
    lab.create_cohort("other-class")
    lab.labctl_ok("user", "add", "teach2", "--role", "instructor", "--password-stdin",
                  stdin="Teach2-pass\n")
    lab.labctl_ok("cohort", "create", "teach2-class", "--owner", "teach2")
    T_HOME = lab.home("teach")
    assert lab.login(*INSTRUCTOR, home=T_HOME)[0] == 0
    for name, display in (("s1", "Sam"), ("s2", "Kim"), ("s3", "Lee")):
        rc = lab.register(name, name + "-password", CODE, name=display)[0]
        assert rc == 0, name


def tearDownModule():
    if SERVER_B and SERVER_B.poll() is None:
        SERVER_B.terminate()
        SERVER_B.wait(timeout=10)
    labtest.stop_lab()


def wait_push(client, kind, timeout=15, pred=lambda env: True):
    deadline = time.time() + timeout
    for env in list(client.pushes):
        if env.kind == kind and pred(env):
            client.pushes.remove(env)
            return env
    while time.time() < deadline:
        try:
            env = client.recv_env(max(0.1, deadline - time.time()))
        except TimeoutError:
            break
        if env.kind == kind and pred(env):
            return env
        client.pushes.append(env)
    raise AssertionError("no %s push within %d s (got %r)" % (kind, timeout, client.pushes))


def live_sessions():
    return int(lab.psql("SELECT count(*) FROM live_sessions"))


class Live(unittest.TestCase):
    def test_push_notices_board_end_and_gradebook(self):
        # s1 waits on instance B, s2 on instance A; s3 is not connected yet.
        s1 = RawClient(PORT_B)
        self.assertEqual(s1.login("s1", "s1-password").kind, "auth_ok")
        s2 = RawClient(lab.port)
        self.assertEqual(s2.login("s2", "s2-password").kind, "auth_ok")

        labdir = write_lab("triple", FILES)
        rc, obj, out, err = lab.cj("live", "start", "live-class", labdir, "--minutes", "15",
                                   home=T_HOME, timeout=200)
        self.assertEqual(rc, 0, describe(rc, obj, out, err))
        self.assertEqual(obj["live"]["lab_id"], "t-live-triple", obj)

        for who in (s1, s2):
            env = wait_push(who, "live_notice")
            self.assertEqual(env.body.str(3), "t-live-triple")
            self.assertFalse(env.body.get(7), "a start notice must not say ended")
        # A student who connects while it runs gets the notice right after logging in.
        s3 = RawClient(PORT_B)
        self.assertEqual(s3.login("s3", "s3-password").kind, "auth_ok")
        self.assertEqual(wait_push(s3, "live_notice").body.str(3), "t-live-triple")

        # The projector view, as JSON lines.
        watch = subprocess.Popen([labtest.LABCLIENT, "--server", lab.url, "--json", "live",
                                  "watch", "live-class"], env=lab.client_env(T_HOME),
                                 stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        first = json.loads(watch.stdout.readline())
        self.assertEqual(first["board"]["n_students"], 3, first)
        self.assertEqual(first["board"]["n_solved"], 0, first)
        names = {r["display_name"] for r in first["board"]["rows"]}
        self.assertEqual(names, {"Sam", "Kim", "Lee"}, "boards show display names only")

        # Students take the live lab by default.
        for who, code in (("s1", "def triple(x):\n    return x * 3\n"),
                          ("s2", "def triple(x):\n    return 6 if x == 2 else 0\n")):
            home = lab.home(who)
            path = os.path.join(home, "t-live-triple.py")
            with open(path, "w") as f:
                f.write(code)
            res = lab.cj("submit", home=home, timeout=90, cwd=home)
            self.assertEqual(res[0], 0, describe(*res))

        deadline = time.time() + 20
        board = first
        while time.time() < deadline:
            rows = {r["display_name"]: r for r in board["board"]["rows"]}
            if rows["Sam"]["attempts"] == 1 and rows["Kim"]["attempts"] == 1:
                break
            board = json.loads(watch.stdout.readline())
        rows = {r["display_name"]: r for r in board["board"]["rows"]}
        self.assertEqual((rows["Sam"]["best_score"], rows["Sam"]["max_score"]), (10, 10), board)
        self.assertTrue(rows["Sam"]["solved_at"], board)
        self.assertEqual(rows["Sam"]["rank"], 1, board)
        self.assertEqual(rows["Kim"]["best_score"], 5, board)
        self.assertEqual(rows["Lee"]["attempts"], 0, board)
        self.assertEqual(board["board"]["n_solved"], 1, board)

        rc, obj, out, err = lab.cj("live", "end", "live-class", home=T_HOME)
        self.assertEqual(rc, 0, describe(rc, obj, out, err))
        self.assertTrue(obj["live"]["ended"], obj)
        for who in (s1, s2, s3):
            env = wait_push(who, "live_notice", pred=lambda e: e.body.get(7))
            self.assertEqual(env.body.str(3), "t-live-triple")
        out, err = watch.communicate(timeout=30)
        final = json.loads(out.strip().splitlines()[-1])
        self.assertTrue(final["board"]["ended"], final)
        # The final board is kept.
        self.assertEqual(lab.psql("SELECT count(*) FROM live_scores"), "2")

        rc, obj, out, err = lab.cj("gradebook", "live-class", home=T_HOME)
        self.assertEqual(rc, 0, describe(rc, obj, out, err))
        table = list(csv.reader(io.StringIO(obj["csv"])))
        header, body = table[0], {row[0]: row for row in table[2:]}
        col = header.index("t-live-triple")
        self.assertEqual((table[1][0], table[1][col]), ("max points", "10"), table)
        self.assertEqual(body["s1"][col], "10")
        self.assertEqual(body["s2"][col], "5")
        self.assertEqual(body["s3"][col], "")
        self.assertEqual(set(body), {"s1", "s2", "s3"}, "one row per student")
        for c in (s1, s2, s3):
            c.close()
        actions = lab.psql("SELECT string_agg(DISTINCT action, ',') FROM audit_log")
        for action in ("live.start", "live.end", "cohort.gradebook"):
            self.assertIn(action, actions)


class Refusals(unittest.TestCase):
    def start_raw(self, client, cohort, lab_id="", files=None):
        upload = [pb((1, k), (2, v.encode() if isinstance(v, str) else v))
                  for k, v in (files or {}).items()]
        return client.request("live_start_req", pb((1, cohort), (2, lab_id), (3, upload)),
                              timeout=150)

    def test_student_cannot_push_or_watch_others(self):
        before = live_sessions()
        res = lab.cj("live", "start", "live-class", "b-hello-world", home=lab.home("s1"))
        self.assertEqual(error_code(res[1]), "forbidden", describe(*res))
        res = lab.cj("roster", "remove", "live-class", "s2", home=lab.home("s1"))
        self.assertEqual(error_code(res[1]), "forbidden", describe(*res))
        res = lab.cj("gradebook", "live-class", home=lab.home("s1"))
        self.assertEqual(error_code(res[1]), "forbidden", describe(*res))
        self.assertEqual(live_sessions(), before)

    def test_instructor_of_another_cohort_and_unknown_cohort(self):
        before = live_sessions()
        t2 = RawClient(lab.port)
        self.assertEqual(t2.login("teach2", "Teach2-pass").kind, "auth_ok")
        self.assertEqual(self.start_raw(t2, "live-class", "b-hello-world").error_code, "forbidden")
        self.assertEqual(t2.request("gradebook_req", pb((1, "live-class"))).error_code,
                         "forbidden")
        self.assertEqual(self.start_raw(t2, "no-such-class", "b-hello-world").error_code,
                         "not_found")
        t2.close()
        self.assertEqual(live_sessions(), before)

    def test_bad_uploads_refused_and_nothing_half_created(self):
        t = RawClient(lab.port)
        self.assertEqual(t.login(*INSTRUCTOR).kind, "auth_ok")
        before = live_sessions()
        versions = lab.psql("SELECT count(*) FROM lab_versions")
        for bad in ("../lab.ini", "/etc/passwd", "sub/checks.py", "notes.txt"):
            files = dict(FILES)
            files[bad] = "x = 1\n"
            env = self.start_raw(t, "live-class", files=files)
            self.assertEqual(env.error_code, "bad_request", (bad, env))
        env = self.start_raw(t, "live-class", files={**FILES, "README.md": "#" * (600 * 1024)})
        self.assertIn(env.error_code, ("too_large",), env)
        self.assertEqual(lab.psql("SELECT count(*) FROM lab_versions"), versions,
                         "a refused upload left a lab version behind")
        # A reference that crashes is refused after verification, with the reason.
        crashing = dict(FILES, **{"lab.ini": LAB_INI.replace("t-live-triple", "t-live-crash"),
                                  "solution.py": "def triple(x):\n    raise ValueError(x)\n"})
        env = self.start_raw(t, "live-class", files=crashing)
        self.assertEqual(env.error_code, "bad_request", env)
        self.assertIn("refused", env.error_text)
        self.assertEqual(lab.psql("SELECT count(*) FROM labs WHERE id = 't-live-crash'"), "0")
        # The client refuses a symbolic link in the lab folder before sending anything.
        d = write_lab("linked", FILES)
        os.unlink(os.path.join(d, "checks.py"))
        os.symlink("/etc/passwd", os.path.join(d, "checks.py"))
        res = lab.cj("live", "start", "live-class", d, home=T_HOME)
        self.assertNotEqual(res[0], 0, describe(*res))
        self.assertEqual(live_sessions(), before)
        t.close()


if __name__ == "__main__":
    unittest.main()
