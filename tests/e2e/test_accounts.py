"""Accounts through the real labclient: register, login, whoami, resume, logout, labs."""

import json
import os
import stat
import unittest

import labtest
from labtest import describe, error_code, jfind

lab = None
CODE = None


def setUpModule():
    global lab, CODE
    lab = labtest.get_lab("accounts")
    CODE = lab.create_cohort("acc-2026")
    lab.add_lab("py-001", "Hello, world", statement="Print **hello**.",
                starter="print('TODO')\n", points=10)
    lab.add_lab("py-002", "Loops", statement="Sum 1..n.", starter="def total(n):\n    pass\n",
                points=20)


def tearDownModule():
    labtest.stop_lab()


class Accounts(unittest.TestCase):
    def ok(self, res):
        rc, obj, out, err = res
        self.assertEqual(rc, 0, describe(*res))
        self.assertIsNotNone(obj, "stdout is not one JSON object\n" + describe(*res))
        self.assertIs(obj.get("ok"), True, describe(*res))
        return obj

    def fails(self, res, code, rc=None):
        self.assertEqual(error_code(res[1]), code, describe(*res))
        if rc is not None:
            self.assertEqual(res[0], rc, describe(*res))
        else:
            self.assertNotEqual(res[0], 0, describe(*res))

    def session_refused(self, res):
        self.assertEqual(res[0], 4, describe(*res))
        self.assertIn(error_code(res[1]), labtest.SESSION_REFUSED, describe(*res))

    def test_register_then_whoami_with_token_file_0600(self):
        obj = self.ok(lab.register("amy", "amy-password", CODE, name="Amy Pond"))
        self.assertIn("amy", jfind(obj, "username"), obj)
        token = lab.token_path(lab.home("amy"))
        self.assertTrue(os.path.exists(token), "no token file at %s" % token)
        self.assertEqual(stat.S_IMODE(os.stat(token).st_mode), 0o600)
        with open(token) as f:
            secret = f.read().strip()
        # the token is a secret: never printed
        self.assertNotIn(secret, json.dumps(obj))
        who = self.ok(lab.cj("whoami", home=lab.home("amy")))
        self.assertIn("amy", jfind(who, "username"), who)
        self.assertIn("Amy Pond", jfind(who, "display_name"), who)
        self.assertIn("student", [str(r).lower() for r in jfind(who, "role")], who)
        self.assertEqual(lab.psql("SELECT m.role FROM memberships m JOIN users u ON u.id ="
                                  " m.user_id WHERE u.username = 'amy'"), "student")

    def test_login_and_resume_across_invocations(self):
        self.ok(lab.register("ben", "ben-password", CODE))
        home = lab.home("ben-laptop")
        self.ok(lab.login("ben", "ben-password", home=home))
        for _ in range(3):  # each run is a new process resuming the stored session
            who = self.ok(lab.cj("whoami", home=home))
            self.assertIn("ben", jfind(who, "username"))
        # the plain text form works too and says who we are
        rc, out, err = lab.client("whoami", home=home)
        self.assertEqual(rc, 0, err)
        self.assertIn("ben", out)
        self.assertEqual(lab.psql("SELECT count(*) FROM sessions s JOIN users u ON"
                                  " u.id = s.user_id WHERE u.username = 'ben'"), "2")

    def test_wrong_password_and_unknown_user(self):
        self.ok(lab.register("cat", "cat-password", CODE))
        home = lab.home("cat-guess")
        self.fails(lab.login("cat", "not-her-password", home=home), "unauthenticated")
        self.fails(lab.login("nobody.here", "whatever-pw", home=home), "unauthenticated")
        self.assertFalse(os.path.exists(lab.token_path(home)))

    def test_logout_kills_the_token(self):
        self.ok(lab.register("dan", "dan-password", CODE))
        home = lab.home("dan")
        with open(lab.token_path(home)) as f:
            old = f.read()
        self.ok(lab.cj("logout", home=home))
        self.assertFalse(os.path.exists(lab.token_path(home)), "token file kept after logout")
        self.fails(lab.cj("whoami", home=home), "not_logged_in", rc=4)
        # put the old token back: the server must refuse it
        with open(lab.token_path(home), "w") as f:
            f.write(old)
        os.chmod(lab.token_path(home), 0o600)
        self.session_refused(lab.cj("whoami", home=home))

    def test_commands_need_login(self):
        home = lab.home("stranger")
        self.fails(lab.cj("labs", home=home), "not_logged_in", rc=4)
        self.fails(lab.cj("whoami", home=home), "not_logged_in", rc=4)

    def test_labs_list_and_show(self):
        self.ok(lab.register("eve", "eve-password", CODE))
        home = lab.home("eve")
        labs = self.ok(lab.cj("labs", home=home))
        ids = jfind(labs, "id")
        self.assertIn("py-001", ids, labs)
        self.assertIn("py-002", ids, labs)
        self.assertIn("Hello, world", jfind(labs, "title"), labs)
        rc, out, err = lab.client("labs", home=home)
        self.assertEqual(rc, 0, err)
        self.assertIn("py-001", out)
        self.assertIn("Loops", out)
        self.assertNotIn("\x1b", out + err, "colour escapes despite NO_COLOR=1")
        shown = self.ok(lab.cj("show", "py-002", home=home))
        text = json.dumps(shown)
        self.assertIn("Sum 1..n.", text)
        self.assertIn("def total(n):", text)
        rc, out, err = lab.client("show", "py-001", home=home)
        self.assertEqual(rc, 0, err)
        self.assertIn("hello", out)
        self.fails(lab.cj("show", "py-999", home=home), "not_found", rc=1)

    def test_labctl_passwd_ends_sessions(self):
        self.ok(lab.register("fay", "fay-password", CODE))
        home = lab.home("fay")
        self.ok(lab.cj("whoami", home=home))
        lab.labctl_ok("user", "passwd", "fay", "--password-stdin", stdin="fay-new-password\n")
        self.session_refused(lab.cj("whoami", home=home))
        self.fails(lab.login("fay", "fay-password", home=home), "unauthenticated")
        self.ok(lab.login("fay", "fay-new-password", home=home))

    def test_disabled_user_cannot_log_in(self):
        self.ok(lab.register("gus", "gus-password", CODE))
        lab.labctl_ok("user", "disable", "gus")
        res = lab.login("gus", "gus-password", home=lab.home("gus-2"))
        self.assertIn(error_code(res[1]), ("unauthenticated", "forbidden"), describe(*res))

    def test_unicode_display_name_round_trips(self):
        name = "Zo\u00eb \u674e \U0001F40D"
        self.ok(lab.register("kai", "kai-password", CODE, name=name))
        who = self.ok(lab.cj("whoami", home=lab.home("kai")))
        self.assertIn(name, jfind(who, "display_name"), who)
        self.assertEqual(lab.psql("SELECT display_name FROM users WHERE username = 'kai'"), name)

    def test_register_rules(self):
        self.fails(lab.register("hal", "hal-password", "WRONGCODE"), "not_found", rc=1)
        self.ok(lab.register("ivy", "ivy-password", CODE))
        self.fails(lab.register("ivy", "ivy-password", CODE, home=lab.home("ivy-2")),
                   "conflict", rc=1)
        res = lab.register("jon", "short", CODE)
        self.assertIn(error_code(res[1]), ("bad_request", "usage"), describe(*res))
        self.assertEqual(lab.psql("SELECT count(*) FROM users WHERE username IN ('hal','jon')"),
                         "0")


class ServerLog(unittest.TestCase):
    """Runs after Accounts (alphabetical order of classes): checks what the server logged."""

    def test_log_is_key_value_and_has_no_secrets(self):
        text = lab.server_log()
        lines = [l for l in text.splitlines() if l and not l.startswith("----")]
        self.assertTrue(lines)
        for l in lines:
            self.assertRegex(l, r"^ts=\S+ lvl=(debug|info|warn|error) (prog=\S+ )?ev=[a-z_]+\.[a-z_]+")
        for secret in ("amy-password", "ben-password", "fay-new-password", "not-her-password",
                       CODE):
            self.assertNotIn(secret, text, "a secret is in the server log")
        tokens = []
        for home in lab.homes.values():
            try:
                with open(lab.token_path(home)) as f:
                    tokens.append(f.read().strip())
            except FileNotFoundError:
                pass
        self.assertTrue(tokens)
        for t in tokens:
            self.assertNotIn(t, text, "a session token is in the server log")
        self.assertTrue(lab.log_events("auth.registered"), "no ev=auth.registered line")


if __name__ == "__main__":
    unittest.main()
