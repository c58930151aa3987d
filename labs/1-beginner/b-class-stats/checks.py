from labcheck import check, call, type_name


@check(weight=1)
def example_average_and_spread(s):
    "average([7, 8, 10]) and spread([7, 8, 10])"
    return [call(s.average, [7, 8, 10]), call(s.spread, [7, 8, 10])]


@check(weight=1)
def example_longest_name(s):
    'longest_name(["Ada", "Grace", "Alan", "Linus"])'
    return call(s.longest_name, ["Ada", "Grace", "Alan", "Linus"])


@check(weight=1)
def example_different_marks_and_distance(s):
    "different_marks([8, 6, 8, 10, 6]) and total_distance([3, -2, 5])"
    return [call(s.different_marks, [8, 6, 8, 10, 6]), call(s.total_distance, [3, -2, 5])]


LISTS = [[5], [10, 10], [1, 2], [-4, 0, 4], [9, 3, 7, 3, 9, 1], [0.5, 0.25], list(range(1, 101)),
         [100, 0, 50, 75, 25]]


@check(weight=2, visible=False)
def average_and_spread_more(s):
    "average and spread with one mark, equal marks, negative numbers and decimals"
    return [[call(s.average, list(x)) for x in LISTS], [call(s.spread, list(x)) for x in LISTS]]


@check(weight=2, visible=False)
def longest_name_more(s):
    "longest_name with one name, ties, the longest at the end, accents"
    cases = [["Bo"], ["Ann", "Bob", "Cid"], ["a", "bb", "ccc"], ["Zoë", "Li", "Ángel"],
             ["Maximilian", "Ed", "Christopher", "Bartholomew"], [""]]
    return [call(s.longest_name, list(c)) for c in cases]


@check(weight=2, visible=False)
def different_marks_more(s):
    "different_marks with one mark, all equal, negative numbers (and the result is a list)"
    results = [call(s.different_marks, list(x)) for x in LISTS + [[3, 3, 3], [-1, -5, -1, 2]]]
    return [results, type_name(results[0])]


@check(weight=2, visible=False)
def total_distance_more(s):
    "total_distance with only backwards steps, zeros and big steps"
    cases = [[0], [-1], [-3, -4], [2, -2, 2, -2], [1000000, -1000000], [7]]
    return [call(s.total_distance, list(c)) for c in cases]
