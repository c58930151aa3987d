import csv
import io

from labcheck import check, call, write_file, read_file

EXAMPLE = 'name,maths,science,art\nAda,90,85,70\n"Smith, Jo",60,75,95\n'


def rows_of(path):
    text = read_file(path)
    if text is None:
        return None
    return list(csv.reader(io.StringIO(text)))


@check(weight=1)
def example_read_grades(s):
    'read_grades("grades.csv") for the file in the README'
    write_file("grades.csv", EXAMPLE)
    return call(s.read_grades, "grades.csv")


@check(weight=1)
def example_averages(s):
    'averages("grades.csv") for the file in the README'
    write_file("grades.csv", EXAMPLE)
    return call(s.averages, "grades.csv")


@check(weight=1)
def example_write_report(s):
    'write_report("grades.csv", "report.csv"), then the rows of report.csv'
    write_file("grades.csv", EXAMPLE)
    call(s.write_report, "grades.csv", "report.csv")
    return rows_of("report.csv")


FILES = [
    "name,maths\nSolo,77\n",
    "name,history,music,pe,chemistry\nZoë,50,60,70,80\nÅsa,100,0,100,0\nLi,1,2,3,4\n",
    'name,maths,art\n"Kim ""KJ"" Lee",88,88\n"O\'Neil, Pat",0,1\nBo,100,99\n',
    "name,english,maths,art\nTie,70,90,90\nLow,0,0,0\nOdd,33,33,34\n",
    "name,maths,art\n",
    "name,a,b\r\nWin,1,2\r\nDos,2,1\r\n",
]


@check(weight=2, visible=False)
def read_grades_more(s):
    "read_grades with other files (one subject, many subjects, quotes, accents, header only)"
    out = []
    for i, text in enumerate(FILES):
        write_file(f"g{i}.csv", text)
        out.append(call(s.read_grades, f"g{i}.csv"))
    return out


@check(weight=2, visible=False)
def averages_more(s):
    "averages with other files (rounding, zeros, quotes in names, header only)"
    out = []
    for i, text in enumerate(FILES):
        write_file(f"g{i}.csv", text)
        out.append(call(s.averages, f"g{i}.csv"))
    return out


@check(weight=3, visible=False)
def write_report_more(s):
    "write_report with other files (ties for the best subject, quotes, header only)"
    out = []
    for i, text in enumerate(FILES):
        write_file(f"g{i}.csv", text)
        call(s.write_report, f"g{i}.csv", f"r{i}.csv")
        out.append(rows_of(f"r{i}.csv"))
    return out
