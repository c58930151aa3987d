import csv


def filter_rows(in_path, out_path, column, value):
    with open(in_path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    i = header.index(column)
    keep = [r for r in body if r[i] == value]
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in keep:
            w.writerow(r)
    return len(keep)


def column_values(path, column):
    values = []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row[column] not in values:
                values.append(row[column])
    values.sort()
    return values


def add_member(path, member):
    with open(path, newline="", encoding="utf-8") as f:
        header = csv.DictReader(f).fieldnames
    with open(path, "a", newline="", encoding="utf-8") as f:
        csv.writer(f).writerow([member[c] for c in header])
