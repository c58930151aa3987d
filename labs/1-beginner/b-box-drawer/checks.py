import io
import sys

from labcheck import check, call, run_main, tidy


class _Capped(io.StringIO):
    def write(self, text):
        if self.tell() + len(text) > 20000:
            raise RuntimeError("too much output")
        return io.StringIO.write(self, text)


def printed(fn, *args):
    """What fn(*args) prints (and the error type if it fails)."""
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
    "What your program prints (a 4 x 2 box, an empty line, a 5 x 4 frame)"
    return run_main()


@check(weight=1, visible=False)
def line_sizes(s):
    "line with widths 1, 3 and 10"
    return [printed(s.line, w) for w in (1, 3, 10)]


@check(weight=2, visible=False)
def box_sizes(s):
    "box with other sizes (1 x 1, thin, tall, wide)"
    return [printed(s.box, w, h) for w, h in [(1, 1), (3, 1), (1, 4), (7, 3), (2, 5)]]


@check(weight=2, visible=False)
def frame_sizes(s):
    "frame with other sizes (2 x 2, 2 x 5, 6 x 2, 8 x 3, 3 x 3)"
    return [printed(s.frame, w, h) for w, h in [(2, 2), (2, 5), (6, 2), (8, 3), (3, 3)]]


@check(weight=2, visible=False)
def box_and_frame_call_line(s):
    "box and frame call your line function (which widths do they give it?)"
    seen = []

    def spy(width):
        seen.append(width)

    s.line = spy
    calls = []
    for fn, args in [(s.box, (3, 2)), (s.box, (6, 4)), (s.frame, (4, 3)), (s.frame, (9, 6))]:
        seen.clear()
        printed(fn, *args)
        calls.append(list(seen))
    return calls
