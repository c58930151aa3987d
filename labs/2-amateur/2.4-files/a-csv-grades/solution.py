import csv


def read_grades(path):
    students = []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            student = {"name": row["name"]}
            for subject, mark in row.items():
                if subject != "name":
                    student[subject] = int(mark)
            students.append(student)
    return students


def _marks(student):
    return {k: v for k, v in student.items() if k != "name"}


def averages(path):
    result = {}
    for student in read_grades(path):
        marks = _marks(student)
        result[student["name"]] = round(sum(marks.values()) / len(marks), 1)
    return result


def write_report(in_path, out_path):
    students = read_grades(in_path)
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "average", "best"])
        for student in students:
            marks = _marks(student)
            average = round(sum(marks.values()) / len(marks), 1)
            best = max(marks, key=marks.get)
            writer.writerow([student["name"], average, best])
