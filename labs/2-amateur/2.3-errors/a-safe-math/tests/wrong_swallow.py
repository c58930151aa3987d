# Catches everything: average_with_log returns None instead of letting the error through,
# and to_number gives up after int().
def safe_divide(a, b):
    try:
        return a / b
    except Exception:
        return None


def to_number(text):
    try:
        return int(text)
    except ValueError:
        return None


def average_with_log(values, log):
    log.append("start")
    try:
        return sum(values) / len(values)
    except Exception:
        return None
    finally:
        log.append("done")
