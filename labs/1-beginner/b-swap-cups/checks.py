from labcheck import case, cases, check, run_main


@check(weight=2)
def example_tea_milk_juice():
    "The cups tea, milk and juice: before, after the swap and after the rotation"
    return run_main(stdin="tea\nmilk\njuice\n")


@check(weight=3, visible=False)
@cases(case("1", "2", "3", about="numbers in the cups"),
       case("hot chocolate", "water", "lemonade", about="names with spaces in them"),
       case("a", "a", "b", about="the same thing in the left and the middle cup"),
       case("coin", "nothing", "nothing", about="the same thing in the middle and the right cup"),
       case("x", "y", "x", about="the same thing in the left and the right cup"))
def other_cups(left, middle, right):
    "Other things in the cups: swapping and rotating still work"
    return run_main(stdin=f"{left}\n{middle}\n{right}\n")


@check(weight=1, visible=False)
def unusual_letters():
    "Cups with letters that are not in the English alphabet"
    return run_main(stdin="crème brûlée\nçay\n牛奶\n")
