import csv


def read_grades(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    result = []
    for row in rows[1:]:
        d = {header[0]: row[0]}
        for i in range(1, len(header)):
            d[header[i]] = int(row[i])
        result.append(d)
    return result


def averages(path):
    out = {}
    for s in read_grades(path):
        marks = [v for k, v in s.items() if k != "name"]
        out[s["name"]] = round(sum(marks) / len(marks), 1)
    return out


def write_report(in_path, out_path):
    avgs = averages(in_path)
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["name", "average", "best"], lineterminator="\n")
        w.writeheader()
        for s in read_grades(in_path):
            best_subject, best_mark = None, None
            for k, v in s.items():
                if k != "name" and (best_mark is None or v > best_mark):
                    best_subject, best_mark = k, v
            w.writerow({"name": s["name"], "average": avgs[s["name"]], "best": best_subject})
