# Tries float() first, so whole numbers come back as floats (42.0 instead of 42).
def safe_divide(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return None


def to_number(text):
    try:
        return float(text)
    except ValueError:
        try:
            return int(text)
        except ValueError:
            return None


def average_with_log(values, log):
    log.append("start")
    try:
        return sum(values) / len(values)
    finally:
        log.append("done")
