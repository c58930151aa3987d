# "done" is only logged when there is no error.
def safe_divide(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return None


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
    result = sum(values) / len(values)
    log.append("done")
    return result
