# Avoids the division by zero with if instead of catching it: the answers are right, but the
# lab is about try / except.
def safe_divide(a, b):
    if b == 0:
        return None
    return a / b


def to_number(text):
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return None


def average_with_log(values, log):
    log.append("start")
    try:
        return sum(values) / len(values)
    finally:
        log.append("done")
