import csv


def read_grades(path):
    # csv.DictReader gives every value as a string: turn the marks into ints
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def averages(path):
    return {}


def write_report(in_path, out_path):
    pass
