# Splits lines at commas by hand: breaks on names with commas; fixed subjects.
def read_grades(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    header = lines[0].split(",")
    result = []
    for line in lines[1:]:
        parts = line.split(",")
        d = {"name": parts[0]}
        for i in range(1, len(header)):
            d[header[i]] = int(parts[i]) if parts[i].strip().isdigit() else parts[i]
        result.append(d)
    return result


def averages(path):
    out = {}
    for s in read_grades(path):
        marks = [v for k, v in s.items() if k != "name" and isinstance(v, int)]
        out[s["name"]] = round(sum(marks) / len(marks), 1)
    return out


def write_report(in_path, out_path):
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("name,average,best\n")
        for s in read_grades(in_path):
            marks = {k: v for k, v in s.items() if k != "name" and isinstance(v, int)}
            avg = round(sum(marks.values()) / len(marks), 1)
            f.write(f"{s['name']},{avg},{max(marks, key=marks.get)}\n")
