from labcheck import check, cases, case, call, case_call, source_text


@check(weight=1)
@cases("hello", "Hello2024!")
def example_points(s, password):
    "points gives one point for each rule the password follows"
    return call(s.points, password)


@check(weight=1)
@cases("hello", "Hello2024!")
def example_strength(s, password):
    "strength says weak, medium or strong"
    return call(s.strength, password)


PASSWORDS = [case("", about="an empty password"), case("a", about="one small letter"),
             case("A", about="one capital letter"), case("7", about="one digit"),
             case("!", about="one other character"),
             case("abcdefg", about="7 small letters: one too short"),
             case("abcdefgh", about="exactly 8 small letters"),
             case("ABCDEFGH", about="exactly 8 capital letters"),
             case("12345678", about="exactly 8 digits"), case("        ", about="8 spaces"),
             case("Abc1!", about="a short password with every kind of character"),
             case("Abcdefg1", about="8 characters, letters and a digit"),
             case("abcdefg!1", about="no capital letter"),
             case("ABC def 123", about="spaces between the letters"),
             case("Zoë2024", about="a small letter with an accent"),
             case("ÖLFARBE!", about="a capital letter with an accent"),
             case("x" * 50, about="a very long password of one letter"),
             ("Pass word",), ("Hello2024!",), ("a1!B",)]


@check(weight=3, visible=False)
@cases(*PASSWORDS)
def points_more(s, password):
    "points for many other passwords"
    return call(s.points, password)


@check(weight=2, visible=False)
@cases(*PASSWORDS)
def strength_more(s, password):
    "strength for many other passwords, with 0 to 5 points"
    return call(s.strength, password)


@check(weight=1)
@cases(case("loop", about="a for or while loop goes through the characters"),
       case("logic", about="and, or or not combine true and false"))
def uses_a_loop_and_logic(what):
    "your code uses a loop and a logical operator (and, or, not), as the README asks"
    import ast
    tree = ast.parse(source_text())
    if what == "loop":
        case_call("looking for a for or while loop in your code")
        return any(isinstance(node, (ast.For, ast.While)) for node in ast.walk(tree))
    case_call("looking for and, or or not in your code")
    return any(isinstance(node, ast.BoolOp) or
               (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not))
               for node in ast.walk(tree))
