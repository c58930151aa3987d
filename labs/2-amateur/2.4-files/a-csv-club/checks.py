import ast
import csv
import io

from labcheck import check, cases, case, case_call, call, write_file, read_file, source_text

MEMBERS = "name,club,year\nAda,chess,9\nBo,music,10\nCy,chess,10\n"


def rows_of(path):
    text = read_file(path)
    if text is None:
        return "no file " + path
    return list(csv.reader(io.StringIO(text, newline="")))


def open_modes():
    """The file modes written as texts in the student's open(...) calls, e.g. {"r", "a"}."""
    try:
        tree = ast.parse(source_text())
    except SyntaxError:
        return set()
    modes = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if not ((isinstance(f, ast.Name) and f.id == "open")
                or (isinstance(f, ast.Attribute) and f.attr == "open")):
            continue
        texts = list(node.args[:2]) + [k.value for k in node.keywords if k.arg == "mode"]
        for t in texts:
            if (isinstance(t, ast.Constant) and isinstance(t.value, str) and t.value
                    and set(t.value) <= set("rwaxbt+")):
                modes.add(t.value.replace("t", ""))
    return modes


# Visible checks: the examples of README.md.


@check(weight=1)
def example_filter_rows(s):
    "filter_rows keeps the chess players and says how many there are"
    write_file("members.csv", MEMBERS)
    case_call('filter_rows("members.csv", "chess.csv", "club", "chess"); the rows of chess.csv')
    n = call(s.filter_rows, "members.csv", "chess.csv", "club", "chess")
    return {"returned": n, "chess.csv": rows_of("chess.csv")}


@check(weight=1)
def example_column_values(s):
    "column_values lists each club once, sorted"
    write_file("members.csv", MEMBERS)
    return call(s.column_values, "members.csv", "club")


@check(weight=2)
@cases(case("rows", about="the rows after adding Di"),
       case("mode", about='the file is opened in append mode "a"'))
def example_add_member(s, what):
    'add_member adds Di at the end, in the order of the header, with mode "a"'
    if what == "mode":
        case_call('your code has open(..., "a")')
        return any(m.replace("+", "") == "a" for m in open_modes())
    write_file("members.csv", MEMBERS)
    case_call('add_member("members.csv", {"year": "9", "name": "Di", "club": "art"}); '
              "the rows of members.csv")
    call(s.add_member, "members.csv", {"year": "9", "name": "Di", "club": "art"})
    return rows_of("members.csv")


# Hidden checks: other files, values with commas and quotes, appending more than once.

BIG = ("id,first,last,team,city\n"
       '1,Zoë,Ångström,red,"Paris, France"\n'
       '2,Li,Wu,blue,Oslo\n'
       '3,"Kim ""KJ""",Lee,red,Seoul\n'
       "4,Max,Mustermann,green,Berlin\n"
       '5,Ana,"de la Cruz",red,"Lima, Peru"\n'
       "6,Bo,Berg,blue,Oslo\n")


@check(weight=3, visible=False)
@cases(case("team", "red", about="several rows match"),
       case("city", "Oslo", about="another column"),
       case("team", "purple", about="no row matches"),
       case("city", "Paris, France", about="a value with a comma inside"),
       case("first", 'Kim "KJ"', about="a value with quotes inside"),
       case("id", "4", about="the first column"),
       case("id", "", about="an empty value"),
       case("team", "blue", "input", about="the file it reads does not change"))
def filter_rows_more(s, column, value, observe="output"):
    "filter_rows with other columns and values (quotes and commas inside values, no match)"
    write_file("people.csv", BIG)
    n = call(s.filter_rows, "people.csv", "out.csv", column, value)
    if observe == "input":
        return read_file("people.csv")
    return [n, rows_of("out.csv")]


@check(weight=2, visible=False)
@cases(case("people.csv", "team", about="values that repeat"),
       case("people.csv", "city", about="values with commas inside"),
       case("people.csv", "first", about="accents and quotes"),
       case("people.csv", "id", about="numbers, which stay texts"),
       case("empty.csv", "b", about="a file with only a header"))
def column_values_more(s, path, column):
    "column_values with repeats, commas inside values and a file without rows"
    write_file("people.csv", BIG)
    write_file("empty.csv", "a,b\n")
    return call(s.column_values, path, column)


def add_two_people(s):
    write_file("people.csv", BIG)
    call(s.add_member, "people.csv",
         {"city": "Rome, Italy", "team": "blue", "last": "Rossi", "first": "Gio", "id": "7"})
    call(s.add_member, "people.csv",
         {"last": 'Say "hi"', "first": "Émile", "id": "8", "team": "red", "city": "Nice"})
    return rows_of("people.csv")


def add_to_header_only(s):
    write_file("pets.csv", "pet,owner\n")
    call(s.add_member, "pets.csv", {"owner": "Ada", "pet": "cat"})
    call(s.add_member, "pets.csv", {"pet": "dog", "owner": "Bo"})
    return rows_of("pets.csv")


def add_then_column_values(s):
    write_file("people.csv", BIG)
    call(s.add_member, "people.csv",
         {"city": "Rome", "team": "yellow", "last": "Rossi", "first": "Gio", "id": "7"})
    return call(s.column_values, "people.csv", "team")


def earlier_lines_untouched(s):
    # Lines written by another program, with quotes the csv module would not write.  Appending
    # keeps them exactly; reading everything and writing it again changes them.
    old = 'name,club,year\n"Ada",chess,9\nBo,"music",10\n'
    write_file("club.csv", old)
    call(s.add_member, "club.csv", {"club": "art", "name": "Di", "year": "9"})
    call(s.add_member, "club.csv", {"year": "8", "club": "chess", "name": "Ed"})
    text = read_file("club.csv")
    return [text if text is None else text[:len(old)], rows_of("club.csv")]


@check(weight=3, visible=False)
@cases(case(add_two_people, about="two members, values with commas and quotes"),
       case(add_to_header_only, about="a file with only a header, other columns"),
       case(add_then_column_values, about="column_values sees the new member"),
       case(earlier_lines_untouched, about="the lines already in the file stay exactly as they were"))
def add_member_more(s, scenario):
    "add_member several times, other columns, values with commas and quotes"
    return scenario(s)
