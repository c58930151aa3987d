"""PostgreSQL restarts under a running labserver: requests fail as unavailable, then recover."""

import os
import shutil
import tempfile
import time
import unittest

import labtest
from labtest import RawClient, describe, error_code

lab = None


def setUpModule():
    global lab
    lab = labtest.get_lab("pg_restart")


def tearDownModule():
    labtest.stop_lab()


class PgRestart(unittest.TestCase):
    def test_restart_in_the_middle(self):
        code = lab.create_cohort("ops-1")
        lab.add_lab("py-001", "Hello")
        res = lab.register("pat", "pat-password", code)
        self.assertEqual(res[0], 0, describe(*res))
        home = lab.home("pat")
        raw = RawClient(lab.port)
        self.assertEqual(raw.login("pat", "pat-password").kind, "auth_ok")
        self.assertEqual(raw.list_labs().kind, "lab_list")
        pid = lab.server.pid
        mark = lab.log_mark()

        lab.stop_pg()
        try:
            env = raw.list_labs()
            self.assertEqual(env.kind, "error", env)
            self.assertEqual(env.error_code, "unavailable", env)
            self.assertGreater(env.body.get(3, 0), 0, "unavailable should carry retry_after_ms")
            rc, obj, out, err = res = lab.cj("labs", home=home)
            self.assertEqual(error_code(obj), "unavailable", describe(*res))
            self.assertEqual(rc, 1, describe(*res))
            # a database outage is not a reason to forget the session
            self.assertTrue(os.path.exists(lab.token_path(home)), "token deleted during outage")
            rc, obj, out, err = res = lab.cj("login", "pat", "--password-stdin", home=home,
                                             stdin="pat-password\n")
            self.assertEqual(error_code(obj), "unavailable", describe(*res))
            self.assertTrue(lab.server_alive(), "labserver died without its database")
        finally:
            lab.start_pg()

        # the server reconnects by itself: poll briefly for its backoff, no restart
        deadline, env, attempts = time.time() + 20, None, 0
        while time.time() < deadline:
            attempts += 1
            env = raw.list_labs()
            if env.kind == "lab_list":
                break
            self.assertEqual(env.error_code, "unavailable", env)
            time.sleep(0.25)
        self.assertEqual(env.kind, "lab_list", "no recovery within 20 s: %r" % env)
        labtest.log("recovered after %d request(s)" % attempts)
        self.assertEqual(lab.server.pid, pid)
        rc, obj, out, err = res = lab.cj("labs", home=home)
        self.assertEqual(rc, 0, describe(*res))
        rc, obj, out, err = res = lab.cj("whoami", home=home)
        self.assertEqual(rc, 0, describe(*res))
        raw.close()
        self.assertTrue(lab.log_events("db.disconnected", mark) or
                        any("ev=db." in l for l in lab.server_log()[mark:].splitlines()),
                        "no ev=db.* line about the outage in the server log")


if __name__ == "__main__":
    unittest.main()


class PgDurability(unittest.TestCase):
    """ops/run.sh's cluster keeps fsync on: a school that keeps the demo as its install must
    not lose data on a power cut. Only the tests (labtest sets LAB_PG_FSYNC=off) trade it."""

    def test_a_cluster_started_like_run_sh_keeps_fsync_on(self):
        d = tempfile.mkdtemp(prefix="pg-fsync-", dir=labtest.BUILD_DIR)
        port = labtest.free_port()
        env = {k: v for k, v in os.environ.items() if k != "LAB_PG_FSYNC"}
        try:
            labtest.run([labtest.PG_SH, "start", d, str(port)], env=env, timeout=120, check=True)
            rc, out, err = labtest.run(
                ["runuser", "-u", "postgres", "--", "psql", "-h", "127.0.0.1", "-p", str(port),
                 "-U", "lab", "-d", "lab", "-tAc", "SHOW fsync"], timeout=60)
            self.assertEqual((rc, out.strip()), (0, "on"), err)
        finally:
            labtest.run([labtest.PG_SH, "stop", d], env=env, timeout=120)
            shutil.rmtree(d, ignore_errors=True)

    def test_a_bad_fsync_setting_is_refused(self):
        d = tempfile.mkdtemp(prefix="pg-fsync-", dir=labtest.BUILD_DIR)
        try:
            env = dict(os.environ, LAB_PG_FSYNC="maybe")
            rc, _, err = labtest.run([labtest.PG_SH, "start", d, "1"], env=env, timeout=60)
            self.assertEqual(rc, 2)
            self.assertIn("LAB_PG_FSYNC must be on or off", err)
        finally:
            shutil.rmtree(d, ignore_errors=True)
