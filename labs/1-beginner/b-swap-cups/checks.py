from labcheck import check, run_main


@check(weight=2)
def example_tea_milk_juice():
    "Cups: tea, milk, juice"
    return run_main(stdin="tea\nmilk\njuice\n")


@check(weight=3, visible=False)
def other_cups():
    "Other things in the cups (numbers, long names, the same thing twice)"
    cups = [("1", "2", "3"), ("hot chocolate", "water", "lemonade"), ("a", "a", "b"),
            ("coin", "nothing", "nothing"), ("x", "y", "x")]
    return [run_main(stdin=f"{a}\n{b}\n{c}\n") for a, b, c in cups]


@check(weight=1, visible=False)
def unusual_letters():
    "Cups with letters that are not in the English alphabet"
    return run_main(stdin="crème brûlée\nçay\n牛奶\n")
