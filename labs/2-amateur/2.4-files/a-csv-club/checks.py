import csv
import io

from labcheck import check, call, write_file, read_file

MEMBERS = "name,club,year\nAda,chess,9\nBo,music,10\nCy,chess,10\n"


def rows_of(path):
    text = read_file(path)
    if text is None:
        return None
    return list(csv.reader(io.StringIO(text)))


@check(weight=1)
def example_filter_rows(s):
    'filter_rows("members.csv", "chess.csv", "club", "chess"), then the rows of chess.csv'
    write_file("members.csv", MEMBERS)
    n = call(s.filter_rows, "members.csv", "chess.csv", "club", "chess")
    return [n, rows_of("chess.csv")]


@check(weight=1)
def example_column_values(s):
    'column_values("members.csv", "club")'
    write_file("members.csv", MEMBERS)
    return call(s.column_values, "members.csv", "club")


@check(weight=1)
def example_add_member(s):
    'add_member("members.csv", {"year": "9", "name": "Di", "club": "art"}), then the rows'
    write_file("members.csv", MEMBERS)
    call(s.add_member, "members.csv", {"year": "9", "name": "Di", "club": "art"})
    return rows_of("members.csv")


BIG = ("id,first,last,team,city\n"
       '1,Zoë,Ångström,red,"Paris, France"\n'
       '2,Li,Wu,blue,Oslo\n'
       '3,"Kim ""KJ""",Lee,red,Seoul\n'
       "4,Max,Mustermann,green,Berlin\n"
       '5,Ana,"de la Cruz",red,"Lima, Peru"\n'
       "6,Bo,Berg,blue,Oslo\n")


@check(weight=3, visible=False)
def filter_rows_more(s):
    "filter_rows with other columns and values (quotes and commas inside values, no match)"
    write_file("people.csv", BIG)
    out = []
    for i, (col, val) in enumerate([("team", "red"), ("city", "Oslo"), ("team", "purple"),
                                    ("city", "Paris, France"), ("first", "Kim \"KJ\""),
                                    ("id", "4")]):
        n = call(s.filter_rows, "people.csv", f"out{i}.csv", col, val)
        out.append([n, rows_of(f"out{i}.csv")])
    return [out, rows_of("people.csv")]


@check(weight=2, visible=False)
def column_values_more(s):
    "column_values with repeats, commas inside values and a file without rows"
    write_file("people.csv", BIG)
    write_file("empty.csv", "a,b\n")
    return [call(s.column_values, "people.csv", c) for c in ["team", "city", "first", "id"]] + [
        call(s.column_values, "empty.csv", "b")]


@check(weight=3, visible=False)
def add_member_more(s):
    "add_member several times, other columns, values with commas and quotes"
    write_file("people.csv", BIG)
    call(s.add_member, "people.csv",
         {"city": "Rome, Italy", "team": "blue", "last": "Rossi", "first": "Gio", "id": "7"})
    call(s.add_member, "people.csv",
         {"last": 'Say "hi"', "first": "Émile", "id": "8", "team": "red", "city": "Nice"})
    write_file("pets.csv", "pet,owner\n")
    call(s.add_member, "pets.csv", {"owner": "Ada", "pet": "cat"})
    call(s.add_member, "pets.csv", {"pet": "dog", "owner": "Bo"})
    return [rows_of("people.csv"), rows_of("pets.csv"),
            call(s.column_values, "people.csv", "team")]
