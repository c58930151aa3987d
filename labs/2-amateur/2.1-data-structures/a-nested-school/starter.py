def class_average(school, class_name):
    students = school[class_name]
    return None


def best_student(school):
    return None


def add_score(school, class_name, name, score):
    return False


def all_above(school, minimum):
    return []
