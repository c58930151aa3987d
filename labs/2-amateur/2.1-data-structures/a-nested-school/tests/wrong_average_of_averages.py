# Averages the students' averages, and returns a list instead of a tuple.
def class_average(school, class_name):
    avgs = [sum(st["scores"]) / len(st["scores"]) for st in school.get(class_name, []) if st["scores"]]
    return round(sum(avgs) / len(avgs), 1) if avgs else None


def best_student(school):
    best = None
    best_avg = -1
    for cls, students in school.items():
        for st in students:
            if st["scores"]:
                avg = sum(st["scores"]) / len(st["scores"])
                if avg > best_avg:
                    best, best_avg = [st["name"], cls], avg
    return best


def add_score(school, class_name, name, score):
    for st in school.get(class_name, []):
        if st["name"] == name:
            st["scores"] = st["scores"] + [score]
            return True
    return False


def all_above(school, minimum):
    return sorted(st["name"] for sts in school.values() for st in sts
                  if all(x >= minimum for x in st["scores"]))
