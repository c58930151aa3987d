"""labctl against a real PostgreSQL: migrations, accounts, cohorts, audit, errors."""

import json
import os
import select
import subprocess
import unittest

import labtest
from labtest import ADMIN, INSTRUCTOR, LABCTL

lab = None
VERSION = labtest.SCHEMA_VERSION


def setUpModule():
    global lab
    lab = labtest.get_lab("labctl", server=False)


def tearDownModule():
    labtest.stop_lab()


class Migrate(unittest.TestCase):
    def test_second_run_applies_nothing(self):
        rc, out, err = lab.labctl("migrate")
        self.assertEqual(rc, 0, err)
        self.assertEqual(out.strip(), "database is up to date (version %d)" % VERSION)
        rc, out, err = lab.labctl("--json", "migrate")
        self.assertEqual(rc, 0, err)
        self.assertEqual(json.loads(out), {"ok": True, "version": VERSION, "applied": []})
        rows = lab.psql("SELECT version, name, length(checksum) FROM schema_migrations"
                        " ORDER BY version")
        self.assertEqual(rows.splitlines(),
                         ["%d|%s|64" % (i + 1, n) for i, n in enumerate(labtest.MIGRATIONS)])

    def fresh_db(self, name):
        lab.psql("DROP DATABASE IF EXISTS %s" % name)
        lab.psql("CREATE DATABASE %s" % name)
        return lab.conninfo.replace("dbname=lab", "dbname=%s" % name)

    def test_first_run_prints_progress(self):
        ci = self.fresh_db("lab_progress")
        rc, out, err = lab.labctl("migrate", conninfo=ci)
        self.assertEqual(rc, 0, err)
        lines = out.splitlines()
        for line, name in zip(lines, labtest.MIGRATIONS):
            self.assertRegex(line, r"^applying %s \.\.\. ok \(\d+ ms\)$" % name)
        self.assertEqual(lines[-1], "database is now at version %d (%d applied)"
                         % (VERSION, VERSION))
        self.assertEqual(lab.psql("SELECT count(*) FROM users", conninfo=ci), "0")

    def test_concurrent_runs_do_not_race(self):
        ci = self.fresh_db("lab_race")
        procs = [subprocess.Popen([LABCTL, "--db", ci, "--json", "migrate"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(4)]
        results = [(p.wait(timeout=60), p.stdout.read(), p.stderr.read()) for p in procs]
        for p in procs:
            p.stdout.close()
            p.stderr.close()
        for rc, out, err in results:
            self.assertEqual(rc, 0, out + err)
        applied = [json.loads(out)["applied"] for _, out, _ in results]
        self.assertEqual(sorted(applied), [[], [], [], labtest.MIGRATIONS])
        self.assertEqual(lab.psql("SELECT count(*) FROM schema_migrations", conninfo=ci),
                         str(VERSION))

    def test_refuses_changed_migration(self):
        ci = self.fresh_db("lab_tampered")
        lab.labctl("migrate", conninfo=ci)
        lab.psql("UPDATE schema_migrations SET checksum = repeat('0', 64) WHERE version = 1",
                 conninfo=ci)
        rc, out, err = lab.labctl("migrate", conninfo=ci)
        self.assertEqual(rc, 1)
        self.assertIn("migration '0001_core' was changed after it was applied", err)
        self.assertIn("new migration", err)

    def test_refuses_unknown_newer_migration(self):
        ci = self.fresh_db("lab_newer")
        lab.labctl("migrate", conninfo=ci)
        lab.psql("INSERT INTO schema_migrations VALUES (99, '0099_future', 'x', now())",
                 conninfo=ci)
        rc, out, err = lab.labctl("migrate", conninfo=ci)
        self.assertEqual(rc, 1)
        self.assertIn("does not know", err)


class Users(unittest.TestCase):
    def test_setup_users_exist(self):
        rc, out, err = lab.labctl("--json", "user", "list")
        self.assertEqual(rc, 0, err)
        users = {u["username"]: u for u in json.loads(out)["users"]}
        self.assertEqual(users[INSTRUCTOR[0]]["role"], "instructor")
        self.assertEqual(users[INSTRUCTOR[0]]["display_name"], "Ms Teach")
        self.assertEqual(users[ADMIN[0]]["role"], "admin")
        self.assertFalse(users[ADMIN[0]]["disabled"])

    def test_add_list_filter_and_text_table(self):
        rc, out, err = lab.labctl("user", "add", "stu.one", "--role", "student", "--name",
                                  "Stu O'Neil \\ \"x\"", "--password-stdin",
                                  stdin="student-pass\n")
        self.assertEqual(rc, 0, err)
        self.assertRegex(out, r"added student 'stu.one' \(id \d+\)")
        rc, out, err = lab.labctl("user", "list", "--role", "student", "--json")
        self.assertEqual(rc, 0, err)
        users = json.loads(out)["users"]
        self.assertEqual({u["role"] for u in users}, {"student"})
        stu = [u for u in users if u["username"] == "stu.one"]
        self.assertEqual(len(stu), 1)
        self.assertEqual(stu[0]["display_name"], "Stu O'Neil \\ \"x\"")
        rc, out, err = lab.labctl("user", "list")
        self.assertEqual(rc, 0, err)
        self.assertRegex(out.splitlines()[0], r"^ID\s+USERNAME\s+NAME\s+ROLE")
        self.assertIn("stu.one", out)
        hashed = lab.psql("SELECT password_hash FROM users WHERE username = 'stu.one'")
        self.assertTrue(hashed.startswith("$argon2id$"), hashed)

    def test_duplicate_username_is_refused(self):
        lab.labctl_ok("user", "add", "dup.user", "--role", "student", "--password-stdin",
                      stdin="student-pass\n")
        rc, out, err = lab.labctl("--json", "user", "add", "dup.user", "--role", "admin",
                                  "--password-stdin", stdin="student-pass\n")
        self.assertEqual(rc, 1)
        self.assertEqual(json.loads(out)["error"]["code"], "conflict")
        self.assertIn("already exists", err)

    def test_bad_arguments_are_usage_errors(self):
        cases = [
            ("user", "add", "x'; DROP TABLE users;--", "--role", "student"),
            ("user", "add", "Alice", "--role", "student"),
            ("user", "add", "alice2", "--role", "root"),
            ("user", "add", "alice2"),
            ("user", "frobnicate"),
            ("user", "list", "--bogus"),
            ("nosuchcommand",),
            ("audit", "--limit", "zero"),
        ]
        for args in cases:
            rc, out, err = lab.labctl(*args, "--password-stdin", stdin="student-pass\n") \
                if args[:2] == ("user", "add") else lab.labctl(*args)
            self.assertEqual(rc, 2, "%r: %s%s" % (args, out, err))
            self.assertTrue(err.startswith("labctl: "), err)
        self.assertEqual(lab.psql("SELECT count(*) FROM users WHERE username LIKE 'x%'"), "0")
        self.assertEqual(lab.psql("SELECT to_regclass('users') IS NOT NULL"), "t")

    def test_weak_password_refused(self):
        rc, out, err = lab.labctl("user", "add", "weak.pw", "--role", "student",
                                  "--password-stdin", stdin="short\n")
        self.assertEqual(rc, 1)
        self.assertIn("too short", err)

    def test_no_tty_and_no_password_stdin_says_what_to_do(self):
        rc, out, err = lab.labctl("user", "add", "no.tty", "--role", "student", stdin="")
        self.assertEqual(rc, 2)
        self.assertIn("--password-stdin", err)
        self.assertEqual(lab.psql("SELECT count(*) FROM users WHERE username = 'no.tty'"), "0")

    def run_on_tty(self, args, answers):
        """Run labctl with a pseudo-terminal as stdin/stdout/stderr, answering each prompt."""
        master, slave = os.openpty()
        p = subprocess.Popen([LABCTL, "--db", lab.conninfo] + args, stdin=slave, stdout=slave,
                             stderr=slave, start_new_session=True)
        os.close(slave)
        seen = b""
        try:
            for prompt, answer in answers:
                while prompt.encode() not in seen:
                    r, _, _ = select.select([master], [], [], 10)
                    self.assertTrue(r, "no prompt %r; got %r" % (prompt, seen))
                    seen += os.read(master, 4096)
                seen = seen.replace(prompt.encode(), b"<" + prompt.encode() + b">", 1)
                os.write(master, answer.encode() + b"\n")
            rc = p.wait(timeout=30)
            while True:
                r, _, _ = select.select([master], [], [], 0.2)
                if not r:
                    break
                try:
                    chunk = os.read(master, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                seen += chunk
        finally:
            os.close(master)
            if p.poll() is None:
                p.kill()
                p.wait()
        return rc, seen.decode(errors="replace")

    def test_password_prompt_on_a_terminal(self):
        rc, text = self.run_on_tty(["user", "add", "tty.user", "--role", "student"],
                                   [("new password for 'tty.user': ", "tty-password-1"),
                                    ("repeat it: ", "tty-password-1")])
        self.assertEqual(rc, 0, text)
        self.assertNotIn("tty-password-1", text, "the password was echoed")
        self.assertIn("added student 'tty.user'", text)
        rc, text = self.run_on_tty(["user", "passwd", "tty.user"],
                                   [("new password for 'tty.user': ", "tty-password-2"),
                                    ("repeat it: ", "tty-password-3")])
        self.assertEqual(rc, 1, text)
        self.assertIn("the two passwords differ", text)

    def test_passwd_and_disable_revoke_sessions(self):
        lab.labctl_ok("user", "add", "sess.user", "--role", "student", "--password-stdin",
                      stdin="student-pass\n")
        lab.psql("INSERT INTO sessions (token_hash, user_id, expires_at) SELECT 'h1', id,"
                 " now() + interval '1 day' FROM users WHERE username = 'sess.user'")
        old = lab.psql("SELECT password_hash FROM users WHERE username = 'sess.user'")
        rc, out, err = lab.labctl("--json", "user", "passwd", "sess.user", "--password-stdin",
                                  stdin="another-pass\n")
        self.assertEqual(rc, 0, err)
        self.assertEqual(json.loads(out), {"ok": True, "username": "sess.user",
                                           "sessions_revoked": 1})
        self.assertNotEqual(old, lab.psql("SELECT password_hash FROM users"
                                          " WHERE username = 'sess.user'"))
        lab.psql("INSERT INTO sessions (token_hash, user_id, expires_at) SELECT 'h2', id,"
                 " now() + interval '1 day' FROM users WHERE username = 'sess.user'")
        rc, out, err = lab.labctl("user", "disable", "sess.user")
        self.assertEqual(rc, 0, err)
        self.assertIn("1 session(s) revoked", out)
        self.assertEqual(lab.psql("SELECT disabled FROM users WHERE username = 'sess.user'"),
                         "t")
        rc, out, err = lab.labctl("user", "disable", "no.such.user")
        self.assertEqual(rc, 1)
        self.assertIn("no user 'no.such.user'", err)


class Cohorts(unittest.TestCase):
    def test_create_list_show(self):
        rc, out, err = lab.labctl("cohort", "create", "cs101", "--owner", INSTRUCTOR[0])
        self.assertEqual(rc, 0, err)
        code = out.split("join code:")[1].strip()
        self.assertRegex(code, r"^[A-HJ-NP-Z2-9]{8}$")
        lab.labctl_ok("user", "add", "member.one", "--role", "student", "--password-stdin",
                      stdin="student-pass\n")
        lab.psql("INSERT INTO memberships (cohort_id, user_id, role) SELECT c.id, u.id, 'student'"
                 " FROM cohorts c, users u WHERE c.name = 'cs101' AND u.username = 'member.one'")
        rc, out, err = lab.labctl("--json", "cohort", "list")
        self.assertEqual(rc, 0, err)
        cohorts = {c["name"]: c for c in json.loads(out)["cohorts"]}
        self.assertEqual(cohorts["cs101"]["owner"], INSTRUCTOR[0])
        self.assertEqual(cohorts["cs101"]["students"], 1)
        self.assertEqual(cohorts["cs101"]["join_code"], code)
        rc, out, err = lab.labctl("cohort", "list")
        self.assertRegex(out.splitlines()[0], r"^NAME\s+OWNER\s+STUDENTS\s+JOIN CODE\s+CREATED$")
        rc, out, err = lab.labctl("--json", "cohort", "show", "cs101")
        self.assertEqual(rc, 0, err)
        shown = json.loads(out)
        members = {m["username"]: m["role"] for m in shown["members"]}
        self.assertEqual(members, {INSTRUCTOR[0]: "instructor", "member.one": "student"})

    def test_owner_rules_and_duplicates(self):
        lab.labctl_ok("user", "add", "not.teacher", "--role", "student", "--password-stdin",
                      stdin="student-pass\n")
        rc, out, err = lab.labctl("cohort", "create", "cs-student", "--owner", "not.teacher")
        self.assertEqual(rc, 1)
        self.assertIn("a cohort owner must be an instructor or admin", err)
        rc, out, err = lab.labctl("cohort", "create", "cs-ghost", "--owner", "ghost")
        self.assertEqual(rc, 1)
        self.assertIn("no user 'ghost'", err)
        lab.labctl_ok("cohort", "create", "cs-admin", "--owner", ADMIN[0])
        rc, out, err = lab.labctl("--json", "cohort", "create", "cs-admin", "--owner", ADMIN[0])
        self.assertEqual(rc, 1)
        self.assertEqual(json.loads(out)["error"]["code"], "conflict")
        rc, out, err = lab.labctl("cohort", "create", "Bad'Name", "--owner", ADMIN[0])
        self.assertEqual(rc, 2)
        rc, out, err = lab.labctl("cohort", "show", "no-such-cohort")
        self.assertEqual(rc, 1)
        self.assertIn("no cohort", err)


class Audit(unittest.TestCase):
    def test_changes_are_audited(self):
        lab.labctl_ok("user", "add", "audited", "--role", "instructor", "--password-stdin",
                      stdin="student-pass\n")
        lab.labctl_ok("cohort", "create", "audited-cohort", "--owner", "audited")
        rc, out, err = lab.labctl("--json", "audit", "--limit", "1000")
        self.assertEqual(rc, 0, err)
        entries = json.loads(out)["entries"]
        got = {(e["actor"], e["action"], e["target"]) for e in entries}
        self.assertIn(("labctl", "user.add", "audited"), got)
        self.assertIn(("labctl", "cohort.create", "audited-cohort"), got)
        self.assertIn(("labctl", "user.add", INSTRUCTOR[0]), got)
        rc, out, err = lab.labctl("--json", "audit", "--limit", "1")
        self.assertEqual(len(json.loads(out)["entries"]), 1)
        self.assertEqual(json.loads(out)["entries"][0]["target"], "audited-cohort")


class Connection(unittest.TestCase):
    def test_cannot_connect_says_where_and_what_next(self):
        port = labtest.free_port()
        ci = "host=127.0.0.1 port=%d dbname=lab user=lab connect_timeout=5" % port
        rc, out, err = lab.labctl("user", "list", conninfo=ci)
        self.assertEqual(rc, 1)
        self.assertIn("cannot connect to PostgreSQL at host=127.0.0.1 port=%d" % port, err)
        self.assertIn("is it running?", err)
        self.assertIn("ops/pg.sh start", err)

    def test_conninfo_from_labserver_config(self):
        path = os.path.join(lab.dir, "labctl-test.ini")
        with open(path, "w") as f:
            f.write("[listen]\nport = 1\n[tls]\ncert = /nonexistent\n[future]\nkey = 1\n"
                    "[db]\nconninfo = %s\npool_size = 3\n" % lab.conninfo)
        rc, out, err = lab.labctl("--config", path, "user", "list", db=False)
        self.assertEqual(rc, 0, err)
        self.assertIn(INSTRUCTOR[0], out)
        env = dict(os.environ, LAB_CONFIG=path)
        p = subprocess.run([LABCTL, "--json", "cohort", "list"], env=env, capture_output=True,
                           text=True, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(json.loads(p.stdout)["ok"])
        rc, out, err = lab.labctl("--config", path + ".missing", "user", "list", db=False)
        self.assertEqual(rc, 1)
        self.assertIn("cannot open config file", err)

    def test_help_and_version(self):
        for args in (["--help"], ["user", "--help"], ["user", "add", "-h"], ["cohort", "-h"],
                     ["migrate", "--help"], ["audit", "-h"]):
            rc, out, err = lab.labctl(*args, db=False)
            self.assertEqual(rc, 0, args)
            self.assertIn("usage: labctl", out)
        rc, out, err = lab.labctl("--version", db=False)
        self.assertEqual(rc, 0)
        self.assertRegex(out, r"^labctl \d+\.\d+\.\d+")
        rc, out, err = lab.labctl(db=False)
        self.assertEqual(rc, 2)


if __name__ == "__main__":
    unittest.main()
