"""Keepalive: a client that answers pings stays connected; one that goes silent is hung up on,
and the server keeps serving the others."""

import time
import unittest

import labtest
from labtest import Closed

lab = None


def setUpModule():
    global lab
    lab = labtest.get_lab("keepalive", extra_cfg={"ws.ping_s": "1", "ws.hangup_s": "2"})


def tearDownModule():
    labtest.stop_lab()


class Keepalive(unittest.TestCase):
    def test_silent_client_is_hung_up_and_live_one_stays(self):
        live = labtest.RawClient(lab.port)
        self.assertEqual(live.login(*labtest.INSTRUCTOR).kind, "auth_ok")
        silent = labtest.RawClient(lab.port)
        mark = lab.log_mark()
        # The live client reads (and so answers pings) for longer than the hangup time.
        deadline = time.time() + 5
        while time.time() < deadline:
            try:
                live.recv_env(timeout=0.5)
            except (TimeoutError, OSError) as e:
                if isinstance(e, Closed):
                    raise
        env = live.request("list_labs_req")
        self.assertEqual(env.kind, "lab_list", env)
        # The silent client never read, so never answered: the server must have closed it.
        with self.assertRaises(Closed):
            for _ in range(50):
                silent.recv_env(timeout=0.2)
        self.assertTrue(lab.wait_log("conn.closed", mark, timeout=5), lab.server_log()[-2000:])
        live.close()
        self.assertTrue(lab.server_alive())


if __name__ == "__main__":
    unittest.main()
