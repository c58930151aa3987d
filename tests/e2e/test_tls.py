"""Certificate trust in labclient: pin on first use, refuse a changed certificate, --ca."""

import hashlib
import os
import ssl
import unittest

import labtest
from labtest import INSTRUCTOR, describe, error_code

lab = None


def setUpModule():
    global lab
    lab = labtest.get_lab("tls")


def tearDownModule():
    labtest.stop_lab()


def fingerprint(cert_path):
    with open(cert_path) as f:
        der = ssl.PEM_cert_to_DER_cert(f.read())
    return hashlib.sha256(der).hexdigest()


def flat(text):
    return text.replace(":", "").lower()


class Tls(unittest.TestCase):
    def test_pin_then_refuse_changed_cert_then_ca(self):
        home = lab.home("pinner")
        old_fp = fingerprint(lab.cert)
        # 1. first use pins, with a notice on stderr
        rc, obj, out, err = res = lab.login(*INSTRUCTOR, home=home)
        self.assertEqual(rc, 0, describe(*res))
        self.assertIn(old_fp, flat(err), "first use should announce the pinned fingerprint\n" +
                      describe(*res))
        known = os.path.join(home, ".config", "labclient", "known_servers")
        with open(known) as f:
            pins = f.read()
        self.assertIn("127.0.0.1:%d" % lab.port, pins)
        self.assertIn(old_fp, flat(pins))
        # 2. the second use is quiet and works
        rc, obj, out, err = res = lab.cj("whoami", home=home)
        self.assertEqual(rc, 0, describe(*res))
        self.assertNotIn(old_fp, flat(err), "pin notice repeated on the second run")

        # 3. same address, different self-signed certificate
        new_cert = os.path.join(lab.dir, "cert2.pem")
        new_key = os.path.join(lab.dir, "key2.pem")
        lab.make_cert(new_cert, new_key)
        new_fp = fingerprint(new_cert)
        self.assertNotEqual(old_fp, new_fp)
        lab.stop_server()
        lab.start_server(cert=new_cert, key=new_key)
        rc, obj, out, err = res = lab.cj("whoami", home=home)
        self.assertEqual(rc, 3, describe(*res))
        self.assertEqual(error_code(obj), "untrusted_certificate", describe(*res))
        text = flat(obj["error"].get("text", "") + " " + obj["error"].get("hint", "") + err)
        self.assertIn("fingerprint", text, describe(*res))
        self.assertTrue(new_fp in text or old_fp in text,
                        "the refusal should name the fingerprints\n" + describe(*res))
        with open(known) as f:
            self.assertIn(old_fp, flat(f.read()), "a refused certificate must not replace the pin")
        # the plain text form fails the same way
        rc, out, err = lab.client("whoami", home=home)
        self.assertEqual(rc, 3)
        self.assertIn("fingerprint", err.lower())

        # 4. --ca with the right certificate works (the session survived the restart)
        rc, obj, out, err = res = lab.cj("--ca", new_cert, "whoami", home=home)
        self.assertEqual(rc, 0, describe(*res))
        # ... and with the wrong one it does not
        rc, obj, out, err = res = lab.cj("--ca", os.path.join(lab.dir, "cert.pem"), "login",
                                         INSTRUCTOR[0], "--password-stdin",
                                         stdin=INSTRUCTOR[1] + "\n", home=lab.home("wrong-ca"))
        self.assertEqual(rc, 3, describe(*res))
        self.assertIn(error_code(obj), ("untrusted_certificate", "connect_failed"),
                      describe(*res))

        # 5. forget-server, then the new certificate is pinned on next use
        rc, out, err = lab.client("forget-server", "127.0.0.1:%d" % lab.port, home=home,
                                  server=False)
        self.assertEqual(rc, 0, out + err)
        rc, obj, out, err = res = lab.cj("whoami", home=home)
        self.assertEqual(rc, 0, describe(*res))
        self.assertIn(new_fp, flat(err), describe(*res))
        with open(known) as f:
            self.assertIn(new_fp, flat(f.read()))

    def test_plain_tcp_and_wrong_port(self):
        port = labtest.free_port()
        home = lab.home("nowhere")
        rc, obj, out, err = res = lab.cj("--server", "wss://127.0.0.1:%d" % port, "login",
                                         "nobody1", "--password-stdin", home=home,
                                         stdin="whatever-pw\n", server=False)
        self.assertEqual(rc, 3, describe(*res))
        self.assertEqual(error_code(obj), "connect_failed", describe(*res))


if __name__ == "__main__":
    unittest.main()
