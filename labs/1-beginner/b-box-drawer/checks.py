import io
import sys

from labcheck import check, cases, case, call, run_main, tidy


class _Capped(io.StringIO):
    def write(self, text):
        if self.tell() + len(text) > 20000:
            raise RuntimeError("too much output")
        return io.StringIO.write(self, text)


def printed(fn, *args):
    """What fn(*args) prints (and the error type if it fails).  The call text is fn(args)."""
    old = sys.stdout
    buf = _Capped()
    sys.stdout = buf
    try:
        result = call(fn, *args)
    finally:
        sys.stdout = old
    text = tidy(buf.getvalue())
    if isinstance(result, dict) and "$raised" in result:
        return [text, result]
    return text


@check(weight=2)
def example_program():
    "your program draws a 4 x 2 box, an empty line and a 5 x 4 frame"
    return run_main()


@check(weight=1, visible=False)
@cases(case(1, about="the shortest line"), 3, case(10, about="a long line"))
def line_sizes(s, width):
    "line prints one line of # as wide as asked"
    return printed(s.line, width)


@check(weight=2, visible=False)
@cases(case(1, 1, about="the smallest box"), case(3, 1, about="a box one line high"),
       case(1, 4, about="a box one # wide"), (7, 3), (2, 5))
def box_sizes(s, width, height):
    "box draws full boxes of other sizes"
    return printed(s.box, width, height)


@check(weight=2, visible=False)
@cases(case(2, 2, about="the smallest frame: no lines between the first and the last"),
       case(2, 5, about="a frame too narrow for spaces inside"),
       case(6, 2, about="a wide frame only two lines high"), (8, 3), (3, 3))
def frame_sizes(s, width, height):
    "frame draws empty frames of other sizes"
    return printed(s.frame, width, height)


@check(weight=2, visible=False)
@cases(case("box", 3, 2, about="box calls line for every line"), ("box", 6, 4),
       case("frame", 4, 3, about="frame calls line for its first and last line"),
       ("frame", 9, 6))
def box_and_frame_call_line(s, name, width, height):
    "box and frame call your line function to print full lines"
    seen = []

    def spy(width):
        seen.append(width)

    s.line = spy                       # box and frame now call the spy instead of line
    printed(getattr(s, name), width, height)
    return seen                        # the widths they asked line to print
