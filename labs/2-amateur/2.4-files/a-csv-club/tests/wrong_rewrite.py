# add_member reads the whole file and writes everything again with mode "w" instead of
# appending: the rows look right, but the lines already there are rewritten.
import csv


def filter_rows(in_path, out_path, column, value):
    with open(in_path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames
        rows = [row for row in reader if row[column] == value]
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def column_values(path, column):
    with open(path, newline="", encoding="utf-8") as f:
        return sorted({row[column] for row in csv.DictReader(f)})


def add_member(path, member):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    rows.append([member[c] for c in rows[0]])
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
