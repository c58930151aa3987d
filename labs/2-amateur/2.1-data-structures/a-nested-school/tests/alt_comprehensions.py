def class_average(school, class_name):
    scores = [x for st in school.get(class_name, []) for x in st["scores"]]
    return round(sum(scores) / len(scores), 1) if scores else None


def best_student(school):
    candidates = [(sum(st["scores"]) / len(st["scores"]), -i, st["name"], cls)
                  for i, (cls, st) in enumerate((c, st) for c, sts in school.items() for st in sts)
                  if st["scores"]]
    if not candidates:
        return None
    avg, _, name, cls = max(candidates)
    return (name, cls)


def add_score(school, class_name, name, score):
    if class_name not in school:
        return False
    matches = [st for st in school[class_name] if st["name"] == name]
    if not matches:
        return False
    matches[0]["scores"].append(score)
    return True


def all_above(school, minimum):
    return sorted(st["name"] for sts in school.values() for st in sts
                  if min(st["scores"], default=minimum) >= minimum)
