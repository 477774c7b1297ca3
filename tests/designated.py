#!/usr/bin/env python3
"""tests/designated.py -- initializers of structs with more than three fields
that name none of them, in the C files given (sim/, tests/): clang's AST
(clang -Xclang -ast-dump=json) gives every initializer list of a struct
type with the values it sets; one that sets four or more and whose source
has no `.field =` is printed as FILE:LINE: TYPE: TEXT.  Arrays of structs are
judged by their elements.  Usage: designated.py CFLAGS... -- FILE.c..."""
import json
import re
import subprocess
import sys


def lists(node):
    """Every InitListExpr of a struct type under node."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, dict):
            if n.get("kind") == "InitListExpr":
                t = n.get("type", {})
                q = t.get("desugaredQualType", t.get("qualType", ""))
                if re.match(r"(const )?struct ", q) and not q.endswith("]"):
                    yield n, q
            stack.extend(n.values())
        elif isinstance(n, list):
            stack.extend(n)


def check(path, flags):
    out = subprocess.run(["clang", *flags, "-fsyntax-only", "-Xclang", "-ast-dump=json", path],
                         capture_output=True, text=True)
    if out.returncode:
        print(f"{path}: clang failed: {out.stderr.strip()[:300]}")
        return 1
    src, bad = open(path).read(), 0
    for n, q in lists(json.loads(out.stdout)):
        b, e = n.get("range", {}).get("begin", {}), n.get("range", {}).get("end", {})
        if "offset" not in b or "offset" not in e or "includedFrom" in b or "spellingLoc" in b:
            continue  # in a header or a macro: judged where it is written
        text = src[b["offset"]:e["offset"] + 1]
        values = [x for x in n.get("inner", []) if x.get("kind") != "ImplicitValueInitExpr"]
        if len(values) > 3 and text.startswith("{") and not re.search(r"(^|[{,\s])\.\w+\s*=", text):
            line = src.count("\n", 0, b["offset"]) + 1
            print(f"{path}:{line}: {q}: {' '.join(text.split())[:100]}")
            bad += 1
    return bad


if __name__ == "__main__":
    args = sys.argv[1:]
    cut = args.index("--")
    flags, files = args[:cut], args[cut + 1:]
    sys.exit(1 if sum(check(f, flags) for f in files) else 0)
