def class_average(school, class_name):
    scores = []
    for student in school.get(class_name, []):
        scores.extend(student["scores"])
    if not scores:
        return None
    return round(sum(scores) / len(scores), 1)


def best_student(school):
    best = None
    best_avg = None
    for class_name, students in school.items():
        for student in students:
            scores = student["scores"]
            if scores:
                avg = sum(scores) / len(scores)
                if best_avg is None or avg > best_avg:
                    best, best_avg = (student["name"], class_name), avg
    return best


def add_score(school, class_name, name, score):
    for student in school.get(class_name, []):
        if student["name"] == name:
            student["scores"].append(score)
            return True
    return False


def all_above(school, minimum):
    names = []
    for students in school.values():
        for student in students:
            if all(s >= minimum for s in student["scores"]):
                names.append(student["name"])
    return sorted(names)
