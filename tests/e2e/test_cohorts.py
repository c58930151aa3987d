"""Cohorts through labclient: instructor creates, students join by code, rosters are private."""

import json
import unittest

import labtest
from labtest import INSTRUCTOR, describe, error_code, jfind

lab = None
T_HOME = None


def setUpModule():
    global lab, T_HOME
    lab = labtest.get_lab("cohorts")
    T_HOME = lab.home("teacher")
    res = lab.login(*INSTRUCTOR, home=T_HOME)
    if res[0] != 0:
        raise RuntimeError("instructor login failed: " + describe(*res))


def tearDownModule():
    labtest.stop_lab()


class Cohorts(unittest.TestCase):
    def ok(self, res):
        self.assertEqual(res[0], 0, describe(*res))
        self.assertIsNotNone(res[1], "stdout is not one JSON object\n" + describe(*res))
        self.assertIs(res[1].get("ok"), True, describe(*res))
        return res[1]

    def fails(self, res, code, rc=1):
        self.assertEqual(error_code(res[1]), code, describe(*res))
        self.assertEqual(res[0], rc, describe(*res))

    def create(self, name):
        obj = self.ok(lab.cj("cohort", "create", name, home=T_HOME))
        codes = [c for c in jfind(obj, "join_code") if c]
        self.assertEqual(len(codes), 1, obj)
        return codes[0]

    def test_instructor_creates_student_joins_roster(self):
        code = self.create("bio-1")
        self.assertEqual(lab.psql("SELECT join_code FROM cohorts WHERE name = 'bio-1'"), code)
        self.ok(lab.register("kim", "kim-password", code, name="Kim K"))
        roster = self.ok(lab.cj("cohort", "roster", "bio-1", home=T_HOME))
        names = jfind(roster, "username")
        self.assertIn("kim", names, roster)
        self.assertIn(INSTRUCTOR[0], names, roster)
        self.assertIn("Kim K", jfind(roster, "display_name"), roster)
        rc, out, err = lab.client("cohort", "roster", "bio-1", home=T_HOME)
        self.assertEqual(rc, 0, err)
        self.assertIn("kim", out)
        # labctl sees the same membership
        shown = json.loads(lab.labctl_ok("--json", "cohort", "show", "bio-1"))
        self.assertIn("kim", [m["username"] for m in shown["members"]])

    def test_student_lists_joins_but_cannot_see_rosters_or_create(self):
        code_a = self.create("chem-a")
        code_b = self.create("chem-b")
        self.ok(lab.register("lou", "lou-password", code_a))
        home = lab.home("lou")
        listed = self.ok(lab.cj("cohort", "list", home=home))
        self.assertEqual(jfind(listed, "name"), ["chem-a"], listed)
        # the join code is only for instructors
        self.assertNotIn(code_a, json.dumps(listed))
        self.fails(lab.cj("cohort", "roster", "chem-a", home=home), "forbidden")
        self.fails(lab.cj("cohort", "roster", "chem-b", home=home), "forbidden")
        self.fails(lab.cj("cohort", "create", "lou-cohort", home=home), "forbidden")
        self.assertEqual(lab.psql("SELECT count(*) FROM cohorts WHERE name = 'lou-cohort'"), "0")
        self.ok(lab.cj("cohort", "join", code_b, home=home))
        listed = self.ok(lab.cj("cohort", "list", home=home))
        self.assertEqual(sorted(jfind(listed, "name")), ["chem-a", "chem-b"], listed)

    def test_wrong_code_duplicate_and_instructor_list(self):
        code = self.create("phys-1")
        self.ok(lab.register("max", "max-password", code))
        home = lab.home("max")
        self.fails(lab.cj("cohort", "join", "ZZZZZZZZ", home=home), "not_found")
        self.fails(lab.cj("cohort", "create", "phys-1", home=T_HOME), "conflict")
        listed = self.ok(lab.cj("cohort", "list", home=T_HOME))
        self.assertIn("phys-1", jfind(listed, "name"), listed)
        self.assertIn(code, jfind(listed, "join_code"), listed)
        rc, out, err = lab.client("cohort", "list", home=T_HOME)
        self.assertEqual(rc, 0, err)
        self.assertIn("phys-1", out)

    def test_text_create_prints_join_code(self):
        rc, out, err = lab.client("cohort", "create", "art-1", home=T_HOME)
        self.assertEqual(rc, 0, out + err)
        code = lab.psql("SELECT join_code FROM cohorts WHERE name = 'art-1'")
        self.assertTrue(code)
        self.assertIn(code, out)

    def test_labctl_cohort_code_works_for_register(self):
        code = lab.create_cohort("hist-1")
        self.ok(lab.register("ned", "ned-password", code))
        listed = json.loads(lab.labctl_ok("--json", "cohort", "list"))
        row = [c for c in listed["cohorts"] if c["name"] == "hist-1"][0]
        self.assertEqual(row["students"], 1)
        self.assertEqual(row["owner"], INSTRUCTOR[0])

    def test_cohort_create_is_audited(self):
        self.create("geo-1")
        entries = json.loads(lab.labctl_ok("--json", "audit", "--limit", "500"))["entries"]
        self.assertIn(("cohort.create", "geo-1"), [(e["action"], e["target"]) for e in entries])


if __name__ == "__main__":
    unittest.main()
