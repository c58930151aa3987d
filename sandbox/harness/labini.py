"""Reader and validator for a lab's lab.ini (the grammar is specified in labs/README.md).

The C side parses the same file with inih; this module is the executable form of the rules,
so that labs/README.md, verify_labs.py and the harness agree.  Every message starts with
"lab.ini line N:" when the problem is on a line, and names the key.
"""

import os
import re

MAX_FILE = 8192
MAX_LINE = 200

# section -> key -> (required, kind, default, lo, hi)
SCHEMA = {
    "lab": {
        "id": (True, "id", None, None, None),
        "title": (True, "text", None, 1, 100),
        "section": (True, "subsection", None, None, None),
        "roadmap": (True, "items", None, None, None),
        "points": (True, "int", None, 1, 1000),
        "checks": (False, "choice", "functions", ("functions", "unittest"), None),
        "student_module": (False, "ident", "solution", None, None),
    },
    "limits": {
        "cpu_ms": (False, "int", 2000, 100, 60000),
        "wall_ms": (False, "int", 5000, 100, 120000),
        "memory_mb": (False, "int", 256, 32, 4096),
        "output_kb": (False, "int", 64, 1, 4096),
        "processes": (False, "int", 16, 2, 256),
    },
    "requires": {
        "modules": (False, "modules", "", None, None),
    },
}

# The lab id rule of common/fields.h (FIELD_LAB_ID), mirrored: change both together.
_ID = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}\Z")
_KEY = re.compile(r"[a-z_]+\Z")
_SUB = re.compile(r"[0-9]+\.[0-9]+\Z")
_ITEM = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+\Z")
_INT = re.compile(r"(0|[1-9][0-9]{0,8})\Z")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}\Z")
_MOD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*\Z")


class IniError(Exception):
    pass


class Parsed(dict):
    """{section: {key: raw value string}}, and .lines {(section, key): line number}."""

    def __init__(self):
        dict.__init__(self)
        self.lines = {}


def _err(n, text):
    return IniError(f"lab.ini line {n}: {text}" if n else f"lab.ini: {text}")


def parse(data):
    """bytes -> Parsed; raises IniError with "lab.ini line N: ..."."""
    if len(data) > MAX_FILE:
        raise IniError(f"lab.ini: the file is larger than {MAX_FILE} bytes")
    if data.startswith(b"\xef\xbb\xbf"):
        raise _err(1, "remove the UTF-8 byte order mark")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise IniError(f"lab.ini: not valid UTF-8 ({e})") from None
    out = Parsed()
    section = None
    for n, raw in enumerate(text.split("\n"), 1):
        if raw.endswith("\r"):
            raw = raw[:-1]
        if len(raw.encode("utf-8")) > MAX_LINE:
            raise _err(n, f"longer than {MAX_LINE} bytes")
        if any(ord(c) < 32 and c != "\t" for c in raw) or "\x7f" in raw:
            raise _err(n, "control character")
        line = raw.rstrip(" \t")
        if not line:
            continue
        if line[0] in " \t":
            what = "a space" if line[0] == " " else "a tab"
            body = line.lstrip(" \t")
            if "=" in body and body[0] not in ";#[":
                raise IniError(f"lab.ini line {n} starts with {what}: keys must start at the "
                               "beginning of the line")
            raise IniError(f"lab.ini line {n} starts with {what}: lines must start at the "
                           "beginning of the line")
        if line[0] in ";#":
            continue
        if line[0] == "[":
            m = re.fullmatch(r"\[([a-z]+)\](?:[ \t]+;.*)?", line)
            if not m:
                raise _err(n, "a section header looks like [lab]")
            section = m.group(1)
            if section not in SCHEMA:
                raise _err(n, f"unknown section [{section}]")
            if section in out:
                raise _err(n, f"section [{section}] appears twice")
            out[section] = {}
            continue
        if "=" not in line:
            raise _err(n, "expected 'key = value'")
        key, value = line.split("=", 1)
        key = key.rstrip(" \t")
        if not _KEY.match(key):
            raise _err(n, f"key {key!r} must be lowercase letters and _")
        # inline comment: ';' preceded by a space or tab (inih's rule); ';' is not allowed
        # anywhere else in a value
        m = re.search(r"[ \t];", value)
        if m:
            value = value[:m.start()]
        value = value.strip(" \t")
        if ";" in value:
            raise _err(n, f"key {key!r}: ';' is not allowed in a value")
        if section is None:
            raise _err(n, f"key {key!r} before any [section]")
        if key not in SCHEMA[section]:
            raise _err(n, f"unknown key {key!r} in [{section}]")
        if key in out[section]:
            raise _err(n, f"key {key!r} appears twice in [{section}] "
                          f"(first on line {out.lines[(section, key)]})")
        out[section][key] = value
        out.lines[(section, key)] = n
    return out


def validate(raw, roadmap_items=None, roadmap_sections=None):
    """Check types and ranges; return typed values {section: {key: value}} with defaults.

    roadmap_items / roadmap_sections: sets of known IDs (None skips that check)."""
    if "lab" not in raw:
        raise IniError("lab.ini: missing section [lab]")
    lines = getattr(raw, "lines", {})
    res = {}
    for sec, keys in SCHEMA.items():
        given = raw.get(sec, {})
        res[sec] = {}
        for key, (required, kind, default, lo, hi) in keys.items():
            if key not in given:
                if required:
                    raise IniError(f"lab.ini: key {key!r} is missing in [{sec}]")
                res[sec][key] = default if kind != "modules" else []
                continue
            v = given[key]
            n = lines.get((sec, key), 0)

            def bad(text):
                return _err(n, f"key {key!r} {text}")
            if kind == "int":
                if not _INT.match(v):
                    raise bad(f"= {v!r}: write a whole number like 2000")
                iv = int(v)
                if not lo <= iv <= hi:
                    raise bad(f"= {iv}: must be between {lo} and {hi}")
                res[sec][key] = iv
            elif kind == "id":
                if not _ID.match(v):
                    raise bad(f"= {v!r}: 1-64 of a-z 0-9 _ . -, starting with a-z or 0-9")
                res[sec][key] = v
            elif kind == "text":
                if not lo <= len(v) <= hi:
                    raise bad(f": {lo}-{hi} characters")
                res[sec][key] = v
            elif kind == "choice":
                if v not in lo:
                    raise bad(f"= {v!r}: must be " + " or ".join(lo))
                res[sec][key] = v
            elif kind == "ident":
                if not _IDENT.match(v):
                    raise bad(f"= {v!r}: a Python module name such as leap "
                              "(letters, digits and _)")
                res[sec][key] = v
            elif kind == "subsection":
                if not _SUB.match(v):
                    raise bad(f"= {v!r}: a roadmap subsection like 1.2")
                if roadmap_sections is not None and v not in roadmap_sections:
                    raise bad(f"= {v}: no such subsection in roadmap.md")
                res[sec][key] = v
            elif kind == "items":
                items = [x.strip(" \t") for x in v.split(",")]
                if not v or any(not _ITEM.match(x) for x in items):
                    raise bad(f"= {v!r}: comma-separated item IDs like 1.2.3, 1.2.4")
                if len(set(items)) != len(items):
                    raise bad(": an item is listed twice")
                if roadmap_items is not None:
                    unknown = [x for x in items if x not in roadmap_items]
                    if unknown:
                        raise bad(f": not in roadmap.md: {', '.join(unknown)}")
                res[sec][key] = items
            elif kind == "modules":
                mods = [x.strip(" \t") for x in v.split(",")] if v else []
                if any(not _MOD.match(x) for x in mods):
                    raise bad(f"= {v!r}: comma-separated module names")
                res[sec][key] = mods
    lim = res["limits"]
    if lim["wall_ms"] < lim["cpu_ms"]:
        n = lines.get(("limits", "wall_ms"), 0) or lines.get(("limits", "cpu_ms"), 0)
        raise _err(n, f"key 'wall_ms' = {lim['wall_ms']}: must be at least cpu_ms "
                      f"({lim['cpu_ms']})")
    return res


def load(path, roadmap_items=None, roadmap_sections=None, check_folder=True):
    """Read and validate path.  check_folder: the id must equal the name of the folder that
    holds lab.ini."""
    with open(path, "rb") as f:
        data = f.read(MAX_FILE + 1)
    raw = parse(data)
    res = validate(raw, roadmap_items, roadmap_sections)
    folder = os.path.basename(os.path.dirname(os.path.abspath(path)))
    if check_folder and res["lab"]["id"] != folder:
        n = raw.lines.get(("lab", "id"), 0)
        raise _err(n, f"key 'id' = {res['lab']['id']!r} must equal the lab's folder name "
                      f"{folder!r}")
    return res


def read_roadmap(path):
    """(items, subsections) found in roadmap.md: `S.s.b` bullets and `### S.s` headings."""
    items, subs = set(), set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"- `([0-9]+\.[0-9]+\.[0-9]+)`", line)
            if m:
                items.add(m.group(1))
            m = re.match(r"### ([0-9]+\.[0-9]+) ", line)
            if m:
                subs.add(m.group(1))
    return items, subs
