"""Hostile and wrong input over the wire.

Every case asserts the specific error AND that a well-behaved client that
was already connected (KEEPER, a raw websocket kept open for the whole file)
is still served afterwards.
"""

import os
import secrets
import socket
import time
import unittest

import labtest
from labtest import INSTRUCTOR, HandshakeError, RawClient, describe, error_code, pb

lab = None
KEEPER = None
CODE = None
OTHER_COHORT = "other-cohort"


def setUpModule():
    global lab, KEEPER, CODE
    lab = labtest.get_lab("bad_input")
    CODE = lab.create_cohort("sec-1")
    lab.create_cohort(OTHER_COHORT)
    lab.add_lab("py-001", "Hello")
    res = lab.register("keeper", "keeper-password", CODE)
    if res[0] != 0:
        raise RuntimeError("cannot register the keeper: " + describe(*res))
    KEEPER = RawClient(lab.port)
    env = KEEPER.login("keeper", "keeper-password")
    if env.kind != "auth_ok":
        raise RuntimeError("keeper login: %r" % env)


def tearDownModule():
    if KEEPER:
        KEEPER.close()
    labtest.stop_lab()


def student(name):
    """A raw client logged in as a fresh student of sec-1."""
    res = lab.register(name, name + "-password", CODE)
    assert res[0] == 0, describe(*res)
    c = RawClient(lab.port)
    env = c.login(name, name + "-password")
    assert env.kind == "auth_ok", env
    return c


class BadInput(unittest.TestCase):
    def tearDown(self):
        # the point of every case: the server survived and still serves others
        self.assertTrue(lab.server_alive(), "labserver died; log tail:\n" +
                        lab.server_log()[-3000:])
        env = KEEPER.list_labs()
        self.assertEqual(env.kind, "lab_list", "keeper not served: %r" % env)
        self.assertIn(b"py-001", env.body.raw)
        env = KEEPER.cohort_list()
        self.assertEqual(env.kind, "cohort_list", "keeper not served: %r" % env)

    def assertError(self, env, code):
        self.assertEqual(env.kind, "error", "expected error %s, got %r" % (code, env))
        self.assertEqual(env.error_code, code, env)
        self.assertTrue(env.error_text, "error without a text")

    # -- frames ---------------------------------------------------------------------------------

    def test_frame_that_is_not_an_envelope(self):
        mark = lab.log_mark()
        c = RawClient(lab.port)
        c.send_frame(2, b"\xff\xff\xff\xff\x0f garbage")
        try:
            env = c.recv_env()
            self.assertError(env, "bad_request")
        except labtest.Closed as e:
            self.fail("server closed (%s) instead of answering bad_request" % e.code)
        finally:
            c.close()
        self.assertTrue(lab.wait_log("ws.bad_frame", mark), "no ev=ws.bad_frame in the log")

    def test_explicit_default_fields_are_valid_protobuf(self):
        # proto3 encoders may write a field that holds its default value (0): parsers must
        # accept it. Hello{min_minor: 0, max_minor: 0} written out explicitly:
        c = RawClient(lab.port, hello=False)
        hello = bytes([0x08, 0x00, 0x10, 0x00]) + labtest.pb((3, "explicit/1"))
        c.send_frame(2, labtest.envelope("hello", hello, id=1))
        try:
            env = c.recv_env(timeout=5)
        except (TimeoutError, OSError):
            self.fail("no answer at all to a Hello with explicit zero fields")
        except labtest.Closed as e:
            self.fail("closed (%s) on a Hello with explicit zero fields" % e.code)
        finally:
            c.close()
        self.assertEqual(env.kind, "hello_ok", env)

    def test_envelope_without_body(self):
        c = RawClient(lab.port)
        c.send_frame(2, pb((1, 77)))
        env = c.recv_env()
        self.assertError(env, "bad_request")
        c.close()

    def test_oversized_frame_closes_1009(self):
        c = RawClient(lab.port)
        body = pb((1, "x" * (labtest.MAX_FRAME + 100)))
        try:
            c.send_frame(2, labtest.envelope("get_lab_req", body, id=5))
        except OSError:
            pass  # the server may close before reading it all
        self.assertEqual(c.expect_close(), 1009)
        c.close()

    def test_oversized_fragmented_message_closes_1009(self):
        c = RawClient(lab.port)
        chunk = b"\x00" * 16384
        try:
            c.send_frame(2, chunk, fin=False)
            for _ in range(labtest.MAX_FRAME // len(chunk) + 1):
                c.send_frame(0, chunk, fin=False)
            c.send_frame(0, chunk, fin=True)
        except OSError:
            pass
        self.assertEqual(c.expect_close(), 1009)
        c.close()

    def test_text_frame(self):
        c = RawClient(lab.port)
        c.send_frame(1, b'{"hello": "json"}')
        try:
            env = c.recv_env()
            self.assertError(env, "bad_request")
        except labtest.Closed as e:
            self.assertEqual(e.code, 1003, "text frame: expected bad_request or close 1003")
        c.close()

    def test_wrong_subprotocol_is_refused(self):
        with self.assertRaises(HandshakeError):
            c = labtest.WS(lab.port, subprotocol="lab.v9")
            # some servers accept the socket but pick no protocol: that is a refusal too
            if c.protocol != "lab.v1":
                c.close()
                raise HandshakeError(101, "no subprotocol agreed")
            c.close()

    def test_request_before_hello(self):
        c = RawClient(lab.port, hello=False)
        try:
            env = c.request("list_labs_req")
            self.assertEqual(env.kind, "error", env)
            self.assertIn(env.error_code, ("bad_request", "version_mismatch",
                                           "unauthenticated"), env)
        except labtest.Closed:
            pass  # closing the connection is an acceptable answer too
        c.close()

    # -- authentication and authorisation -------------------------------------------------------

    def test_request_before_login(self):
        c = RawClient(lab.port)
        self.assertError(c.list_labs(), "unauthenticated")
        self.assertError(c.cohort_list(), "unauthenticated")
        self.assertError(c.get_lab("py-001"), "unauthenticated")
        c.close()

    def test_student_asks_for_instructor_operation(self):
        c = student("stu.op")
        self.assertError(c.cohort_create("stolen-cohort"), "forbidden")
        self.assertEqual(lab.psql("SELECT count(*) FROM cohorts WHERE name = 'stolen-cohort'"),
                         "0")
        res = lab.cj("cohort", "create", "stolen-2", home=lab.home("stu.op"))
        self.assertEqual(error_code(res[1]), "forbidden", describe(*res))
        self.assertEqual(res[0], 1)
        c.close()

    def test_student_asks_for_other_cohort_roster(self):
        c = student("stu.ro")
        self.assertError(c.roster(OTHER_COHORT), "forbidden")
        self.assertError(c.roster("sec-1"), "forbidden")
        c.close()

    def test_wrong_join_code(self):
        c = student("stu.jc")
        self.assertError(c.cohort_join("NOPE2345"), "not_found")
        env = c.cohort_join("' OR '1'='1")
        self.assertIn(env.error_code, ("not_found", "bad_request"), env)
        c.close()

    def test_duplicate_username(self):
        c = RawClient(lab.port)
        self.assertError(c.register("keeper", "another-password", CODE), "conflict")
        c.close()

    def test_forged_token(self):
        c = RawClient(lab.port)
        self.assertError(c.resume(secrets.token_hex(32)), "unauthenticated")
        self.assertError(c.list_labs(), "unauthenticated")
        c.close()
        c = RawClient(lab.port)
        self.assertError(c.resume("' OR 1=1 --"), "unauthenticated")
        c.close()
        home = lab.home("forger")
        os.makedirs(os.path.dirname(lab.token_path(home)), mode=0o700, exist_ok=True)
        with open(lab.token_path(home), "w") as f:
            f.write(secrets.token_hex(32) + "\n")
        os.chmod(lab.token_path(home), 0o600)
        res = lab.cj("whoami", home=home)
        self.assertIn(error_code(res[1]), labtest.SESSION_REFUSED, describe(*res))
        self.assertEqual(res[0], 4, describe(*res))

    def test_expired_token(self):
        res = lab.register("stu.exp", "stu.exp-password", CODE)
        self.assertEqual(res[0], 0, describe(*res))
        home = lab.home("stu.exp")
        with open(lab.token_path(home)) as f:
            token = f.read().strip()
        lab.psql("UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id ="
                 " (SELECT id FROM users WHERE username = 'stu.exp')")
        c = RawClient(lab.port)
        self.assertError(c.resume(token), "unauthenticated")
        c.close()
        res = lab.cj("whoami", home=home)
        self.assertIn(error_code(res[1]), labtest.SESSION_REFUSED, describe(*res))
        self.assertEqual(res[0], 4, describe(*res))

    def test_wrong_password_on_the_wire(self):
        c = RawClient(lab.port)
        self.assertError(c.login("keeper", "wrong-password"), "unauthenticated")
        env = c.login("", "")
        self.assertIn(env.error_code, ("unauthenticated", "bad_request"), env)
        c.close()

    # -- SQL meta-characters --------------------------------------------------------------------

    def test_sql_in_username_is_refused_by_validation(self):
        c = RawClient(lab.port)
        for name in ("x'; DROP TABLE users;--", "a\\b", "bob\"", "Robert'); DROP TABLE x;--"):
            self.assertError(c.register(name, "valid-password-1", CODE), "bad_request")
            env = c.login(name, "valid-password-1")
            self.assertIn(env.error_code, ("unauthenticated", "bad_request"), env)
        c.close()
        self.assertEqual(lab.psql("SELECT to_regclass('users') IS NOT NULL"), "t")
        self.assertEqual(lab.psql("SELECT count(*) FROM users WHERE username LIKE '%''%'"), "0")

    def test_quotes_and_backslashes_are_plain_data(self):
        name = "O'Brien \"Bobby\" \\ ; DROP TABLE users;--"
        password = "p'a\"ss\\w;--rd"
        c = RawClient(lab.port)
        env = c.register("quote.kid", password, CODE, name)
        self.assertEqual(env.kind, "auth_ok", env)
        user = env.body.sub(2)
        self.assertEqual(user.str(3), name)
        c.close()
        self.assertEqual(lab.psql("SELECT display_name FROM users WHERE username = 'quote.kid'"),
                         name)
        c = RawClient(lab.port)
        self.assertEqual(c.login("quote.kid", password).kind, "auth_ok")
        # cohort names and lab ids with quotes: validation or not found, never an SQL error
        self.assertIn(c.roster("x'; DROP TABLE cohorts;--").error_code,
                      ("not_found", "bad_request", "forbidden"))
        self.assertIn(c.get_lab("py-001'; DROP TABLE labs;--").error_code,
                      ("not_found", "bad_request"))
        self.assertIn(c.get_lab("py\\001").error_code, ("not_found", "bad_request"))
        c.close()
        t = RawClient(lab.port)
        self.assertEqual(t.login(*INSTRUCTOR).kind, "auth_ok")
        self.assertEqual(t.cohort_create("x'; DROP TABLE cohorts;--").error_code, "bad_request")
        t.close()
        res = lab.login("quote.kid", password)
        self.assertEqual(res[0], 0, describe(*res))
        res = lab.cj("show", "py-001'; DROP TABLE labs;--", home=lab.home("quote.kid"))
        self.assertIn(error_code(res[1]), ("not_found", "bad_request", "usage"), describe(*res))
        for table in ("users", "cohorts", "labs", "sessions"):
            self.assertEqual(lab.psql("SELECT to_regclass('%s') IS NOT NULL" % table), "t", table)
        self.assertEqual(lab.psql("SELECT count(*) FROM labs"), "1")
        self.assertNotIn("lvl=error", "\n".join(l for l in lab.server_log().splitlines()
                                                 if "syntax" in l))

    # -- connection limits ----------------------------------------------------------------------

    def test_per_ip_connection_cap(self):
        mark = lab.log_mark()
        opened, refusal = [], None
        try:
            for _ in range(labtest.CONNS_PER_IP + 4):
                try:
                    opened.append(RawClient(lab.port, timeout=5))
                except HandshakeError as e:
                    refusal = "handshake: %s" % e.text
                    break
                except labtest.Closed as e:
                    refusal = "closed: %s" % e.code
                    break
                except RuntimeError as e:  # hello answered with an error
                    refusal = str(e)
                    break
                except OSError as e:
                    refusal = "socket: %s" % e
                    break
            self.assertIsNotNone(refusal, "opened %d connections from one IP with"
                                 " limits.conns_per_ip=%d" % (len(opened) + 1,
                                                                labtest.CONNS_PER_IP))
            # the keeper holds one slot
            self.assertLessEqual(len(opened) + 1, labtest.CONNS_PER_IP, refusal)
            self.assertTrue(lab.wait_log("conn.refused", mark), "no ev=conn.refused in the log")
        finally:
            for c in opened:
                c.close()
        # slots come back after the connections close
        deadline = time.time() + 5
        while True:
            try:
                c = RawClient(lab.port, timeout=5)
                c.close()
                break
            except (HandshakeError, labtest.Closed, RuntimeError, OSError):
                if time.time() > deadline:
                    raise
                time.sleep(0.2)

    def test_half_open_connection_does_not_block_others(self):
        s = socket.create_connection(("127.0.0.1", lab.port))
        s.sendall(b"\x16\x03\x01")  # the start of a TLS record, then silence
        try:
            env = KEEPER.list_labs()
            self.assertEqual(env.kind, "lab_list")
        finally:
            s.close()


if __name__ == "__main__":
    unittest.main()
