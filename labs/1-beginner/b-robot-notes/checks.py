import ast
import io
import tokenize

from labcheck import case, case_call, cases, check, run_main, source_text

# The lesson is comments, so two checks read the student's file itself (README, "What to
# do", says what is required); the other checks run the program.


def _comments():
    """The text of every # comment in the student's file (without the #)."""
    found = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source_text()).readline):
            if tok.type == tokenize.COMMENT and not (tok.start[0] == 1 and tok.string.startswith("#!")):
                found.append(tok.string.lstrip("#").strip())
    except (tokenize.TokenError, SyntaxError):
        pass
    return found


def _top_comment_lines():
    try:
        doc = ast.get_docstring(ast.parse(source_text()))
    except (SyntaxError, ValueError):
        return 0
    if doc is None:
        return 0
    return len([line for line in doc.splitlines() if line.strip()])


@check(weight=2)
def example_3_by_4():
    "For width 3 and height 4 the program prints the area and the perimeter, and nothing else"
    return run_main(stdin="3\n4\n")


@check(weight=2)
@cases(case("debug", about="both DEBUG lines are switched off with a # in front"),
       case("explain", about="a # comment of your own that explains a line of code"))
def has_a_hash_comment(what):
    "Your file has the # comments the README asks for"
    notes = _comments()
    if what == "debug":
        case_call("the two DEBUG lines are still in your file, as # comments")
        return sum("DEBUG" in c for c in notes) >= 2
    case_call("a # comment that is not a DEBUG line")
    return any(c and "DEBUG" not in c for c in notes)


@check(weight=1)
def has_a_multi_line_comment():
    "The file starts with a multi-line comment (three quotes) of at least two lines"
    case_call("the comment between three quotes at the very top of your file")
    return _top_comment_lines() >= 2


@check(weight=3, visible=False)
@cases(case(5, 5, about="a square"),
       case(1, 100, about="a long thin rectangle"),
       case(0, 7, about="a rectangle with width 0"),
       case(12, 3, about="a rectangle wider than it is high"),
       case(1000, 2500, about="a very big rectangle"))
def other_rectangles(width, height):
    "The program prints the area and the perimeter of other rectangles"
    return run_main(stdin=f"{width}\n{height}\n")
