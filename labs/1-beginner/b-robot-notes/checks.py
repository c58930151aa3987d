import ast

from labcheck import check, run_main, source_has_comment, source_text


def _top_comment_lines():
    try:
        doc = ast.get_docstring(ast.parse(source_text()))
    except SyntaxError:
        return 0
    if doc is None:
        return 0
    return len([line for line in doc.splitlines() if line.strip()])


@check(weight=2)
def example_3_by_4():
    "Width 3, height 4"
    return run_main(stdin="3\n4\n")


@check(weight=1)
def has_a_hash_comment():
    "Your program has at least one # comment"
    return source_has_comment()


@check(weight=1)
def has_a_multi_line_comment():
    "The file starts with a multi-line comment of at least two lines"
    return _top_comment_lines() >= 2


@check(weight=3, visible=False)
def other_rectangles():
    "Other rectangles (a square, a thin one, zero, big numbers)"
    sizes = [(5, 5), (1, 100), (0, 7), (12, 3), (1000, 2500)]
    return [run_main(stdin=f"{w}\n{h}\n") for w, h in sizes]
