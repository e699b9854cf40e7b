"""Reads a ground-truth CSV and JSON Lines file with Python's csv and json modules only (no options)
and checks: no duplicate column or key, no column lost, integers parse as int, arrays as lists of the
right element type, the mask keeps its length, and both files hold the same values.
Usage: read_labels.py COLUMNS.json FILE.csv FILE.jsonl   (prints "ok N rows" or the errors)"""
import csv
import json
import sys

spec = json.load(open(sys.argv[1]))
names = [c[0] for c in spec["columns"]]
types = dict((c[0], c[1]) for c in spec["columns"])
errors = []


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate keys %s" % keys)
    return dict(pairs)


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def check_array(name, v, where):
    t = types[name]
    if not isinstance(v, list):
        errors.append("%s: %s is not a list" % (where, v))
        return
    for e in v:
        ok = is_int(e) if t == "INT_ARRAY" else isinstance(e, str) if t == "STRING_ARRAY" else (
            isinstance(e, (int, float)) and not isinstance(e, bool))
        if not ok:
            errors.append("%s: element %r of %s" % (where, e, t))
    if name == spec["mask"] and len(v) != spec["maskLength"]:
        errors.append("%s: mask length %d, expected %d" % (where, len(v), spec["maskLength"]))


with open(sys.argv[2], newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    csv_rows = list(reader)
if len(set(header)) != len(header):
    errors.append("CSV header has duplicate columns: %s" % header)
if header != names:
    errors.append("CSV header %s, expected %s" % (header, names))

csv_values = []
for r, row in enumerate(csv_rows):
    if len(row) != len(header):
        errors.append("CSV row %d has %d fields for %d columns" % (r, len(row), len(header)))
        continue
    values = {}
    for name, text in zip(header, row):
        where = "CSV row %d column %s (%r)" % (r, name, text)
        t = types.get(name)
        try:
            if text == "":
                values[name] = None
            elif t in ("INT", "LONG"):
                values[name] = int(text)  # raises on "3.0"
            elif t == "DOUBLE":
                values[name] = float(text)
            elif t == "BOOLEAN":
                if text not in ("true", "false"):
                    errors.append(where + ": not true/false")
                values[name] = text == "true"
            elif t == "STRING":
                values[name] = text
            else:
                values[name] = json.loads(text)
                check_array(name, values[name], where)
        except ValueError as e:
            errors.append("%s: %s" % (where, e))
    csv_values.append(values)

json_rows = []
with open(sys.argv[3]) as f:
    for r, line in enumerate(f):
        try:
            obj = json.loads(line, object_pairs_hook=no_duplicates)
        except ValueError as e:
            errors.append("JSONL row %d: %s" % (r, e))
            continue
        if list(obj.keys()) != names:
            errors.append("JSONL row %d keys %s, expected %s" % (r, list(obj.keys()), names))
        for name, v in obj.items():
            where = "JSONL row %d column %s (%r)" % (r, name, v)
            t = types.get(name)
            if v is None:
                continue
            if t in ("INT", "LONG") and not is_int(v):
                errors.append(where + ": not an int")
            elif t == "DOUBLE" and not (isinstance(v, (int, float)) and not isinstance(v, bool)):
                errors.append(where + ": not a number")
            elif t == "BOOLEAN" and not isinstance(v, bool):
                errors.append(where + ": not a bool")
            elif t == "STRING" and not isinstance(v, str):
                errors.append(where + ": not a string")
            elif t.endswith("_ARRAY"):
                check_array(name, v, where)
        json_rows.append(obj)

if len(json_rows) != spec["rows"] or len(csv_values) != spec["rows"]:
    errors.append("rows: %d JSONL, %d CSV, expected %d" % (len(json_rows), len(csv_values), spec["rows"]))
for r, (a, b) in enumerate(zip(csv_values, json_rows)):
    for name in names:
        if a.get(name) != b.get(name):
            errors.append("row %d column %s: CSV %r, JSONL %r" % (r, name, a.get(name), b.get(name)))

if errors:
    print("errors:")
    for e in errors[:20]:
        print(e)
    sys.exit(1)
print("ok %d rows, %d columns" % (len(json_rows), len(names)))
