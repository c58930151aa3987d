import csv
import io

from labcheck import check, cases, case, case_call, call, write_file, read_file

EXAMPLE = 'name,maths,science,art\nAda,90,85,70\n"Smith, Jo",60,75,95\n'


def rows_of(path):
    text = read_file(path)
    if text is None:
        return "no file " + path
    return list(csv.reader(io.StringIO(text, newline="")))


# Visible checks: the examples of README.md.


@check(weight=1, exact_types=True)
def example_read_grades(s):
    "read_grades reads the file of the README, with the marks as ints"
    write_file("grades.csv", EXAMPLE)
    return call(s.read_grades, "grades.csv")


@check(weight=1)
def example_averages(s):
    "averages gives each student's average, rounded to 1 decimal"
    write_file("grades.csv", EXAMPLE)
    return call(s.averages, "grades.csv")


@check(weight=1)
def example_write_report(s):
    "write_report writes the name, the average and the best subject of each student"
    write_file("grades.csv", EXAMPLE)
    case_call('write_report("grades.csv", "report.csv"); the rows of report.csv')
    call(s.write_report, "grades.csv", "report.csv")
    return rows_of("report.csv")


# Hidden checks: the same three functions on other files.

FILES = [
    case("name,maths\nSolo,77\n", about="one student with one subject"),
    case("name,history,music,pe,chemistry\nZoë,50,60,70,80\nÅsa,100,0,100,0\nLi,1,2,3,4\n",
         about="many subjects, names with accents"),
    case('name,maths,art\n"Kim ""KJ"" Lee",88,88\n"O\'Neil, Pat",0,1\nBo,100,99\n',
         about="names with quotes and commas inside"),
    case("name,english,maths,art\nTie,70,90,90\nLow,0,0,0\nOdd,33,33,34\n",
         about="two subjects share the best mark, marks of 0, averages to round"),
    case("name,maths,art\n", about="a file with only the header"),
    case("name,a,b\r\nWin,1,2\r\nDos,2,1\r\n", about="a file with Windows line endings"),
]


@check(weight=2, visible=False, exact_types=True)
@cases(*FILES)
def read_grades_more(s, text):
    "read_grades with other files; the marks are ints"
    write_file("g.csv", text)
    return call(s.read_grades, "g.csv")


@check(weight=2, visible=False)
@cases(*FILES)
def averages_more(s, text):
    "averages with other files (rounding, zeros, quotes in names, header only)"
    write_file("g.csv", text)
    return call(s.averages, "g.csv")


@check(weight=3, visible=False)
@cases(*FILES)
def write_report_more(s, text):
    "write_report with other files (ties for the best subject, quotes, header only)"
    write_file("g.csv", text)
    call(s.write_report, "g.csv", "r.csv")
    return rows_of("r.csv")
