# Turns the marks into floats instead of ints (the averages and the report are still right).
import csv


def read_grades(path):
    students = []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            student = {"name": row["name"]}
            for subject, mark in row.items():
                if subject != "name":
                    student[subject] = float(mark)
            students.append(student)
    return students


def averages(path):
    result = {}
    for student in read_grades(path):
        marks = [v for k, v in student.items() if k != "name"]
        result[student["name"]] = round(sum(marks) / len(marks), 1)
    return result


def write_report(in_path, out_path):
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "average", "best"])
        for student in read_grades(in_path):
            marks = {k: v for k, v in student.items() if k != "name"}
            average = round(sum(marks.values()) / len(marks), 1)
            writer.writerow([student["name"], average, max(marks, key=marks.get)])
