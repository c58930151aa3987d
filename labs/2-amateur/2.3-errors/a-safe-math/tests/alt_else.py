def safe_divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError:
        result = None
    return result


def to_number(text):
    for convert in (int, float):
        try:
            return convert(text)
        except ValueError:
            pass
    return None


def average_with_log(values, log):
    log.append("start")
    try:
        total = sum(values)
        result = total / len(values)
    finally:
        log.append("done")
    return result
