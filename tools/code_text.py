"""The words a chapter's code cells show the learner, and the same code with those words in another language.

Code cells are shared by both editions of a chapter, but what they print and draw is read: `print(…)`,
figure titles, axis labels, legends, progress-bar and slider descriptions. The Chinese edition gets the
same code with those string literals translated from the course's gettext catalog (`tools/i18n.py`
extracts them; `tools/build_notebooks.py` substitutes them), so a Chinese learner's code draws Chinese
labels — the code's logic, names, numbers and `{fields}` stay as they are.

    shown_strings(code)               -> [message, …] in the order they appear
    translate_code(code, gettext)     -> the code with every shown string replaced by gettext(message)

A message is the literal's text as written between its quotes (for an implicit concatenation
"a " f"{b}", the pieces joined, braces of plain pieces doubled when another piece is an f-string); its
translation goes back in the same pieces, on the same lines, split where no `{field}` is cut.
"""
import ast
import re
from collections import Counter

SHOWN_CALLS = {"print": None, "set_title": 0, "set_xlabel": 0, "set_ylabel": 0, "suptitle": 0, "text": 2,
               "annotate": 0}  # the call's shown positional argument (None: all of them)
SHOWN_KEYWORDS = {"title", "xlabel", "ylabel", "label", "desc", "description"}
WORD = re.compile(r"[A-Za-z]{2,}")
FIELD = re.compile(r"\{\{|\}\}|\{(?:[^{}]|\{[^{}]*\})*\}")  # a {field} (one level of nesting) or {{ / }}


QUOTED = re.compile(r"'[^'\\]*'|\"[^\"\\]*\"")


def fields(message):
    """The message's {fields}, sorted, with the words of string literals inside them blanked: a
    translation keeps every field's code and format spec, and may translate a field's own words
    (`{'minimum' if c > 0 else 'maximum'}`)."""
    return sorted(QUOTED.sub("''", field) for field in FIELD.findall(message))


def _parsable(code):
    """The code with IPython's %magic and !shell lines commented out (same lines, same columns)."""
    return "\n".join("#" + line[1:] if line.lstrip().startswith(("%", "!")) else line for line in code.split("\n"))


def _string_nodes(node):
    """The string literals that make up an argument: itself, both sides of + and of `a if c else b`,
    and the template of "…".format(…)."""
    if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        yield node
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        yield from _string_nodes(node.left)
        yield from _string_nodes(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _string_nodes(node.body)
        yield from _string_nodes(node.orelse)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        yield from _string_nodes(node.func.value)


def _shown_nodes(tree):
    """The string literals the cell shows: arguments of print and of figure calls, and the words such an
    argument takes from the same cell — `kind = "minimum" if c > 0 else "maximum"` or a function's
    `return "passes" if … else "fails"`, when `{kind}` or `{verdict(e)}` is in a shown f-string."""
    shown, names, shown_args = [], set(), []
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        args = [k.value for k in call.keywords if k.arg in SHOWN_KEYWORDS]
        if name in SHOWN_CALLS:
            position = SHOWN_CALLS[name]
            args += call.args if position is None else call.args[position:position + 1]
        shown_args += args
        for arg in args:
            shown += list(_string_nodes(arg))
            names |= {n.id for n in ast.walk(arg) if isinstance(n, ast.Name)}
            names |= {n.func.id for n in ast.walk(arg) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    shown += _loop_labels(tree, shown_args)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] in ([n] for n in names):
            shown += list(_words_only(node.value))
        elif isinstance(node, ast.FunctionDef) and node.name in names:
            shown += [s for r in ast.walk(node) if isinstance(r, ast.Return) and r.value for s in _words_only(r.value)]
    return shown


def _loop_labels(tree, shown_args):
    """The strings a loop hands to a name that the cell only shows: `for name, f in [("bowl", …), …]:
    print(f"{name}: …")`. A name also used otherwise (a key: `ACTIVATIONS[name]`) keeps its strings."""
    def shown_directly(node):  # `name` or `{name:8s}`, not `{f(name)}`: a name that is only displayed
        if isinstance(node, ast.Name):
            return [node.id]
        if isinstance(node, ast.JoinedStr):
            return [v.value.id for v in node.values if isinstance(v, ast.FormattedValue) and isinstance(v.value, ast.Name)]
        if isinstance(node, (ast.BinOp, ast.IfExp)):
            return [n for child in ast.iter_child_nodes(node) for n in shown_directly(child)]
        return []

    in_shown = Counter(name for arg in shown_args for name in shown_directly(arg))
    everywhere = Counter(n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load))
    labels = {name for name, count in in_shown.items() if count == everywhere[name]}
    found = []
    for loop in ast.walk(tree):
        if not isinstance(loop, (ast.For, ast.comprehension)):
            continue
        target, items = loop.target, loop.iter
        if isinstance(items, ast.Call) and isinstance(items.func, ast.Attribute) and items.func.attr == "items" \
                and isinstance(items.func.value, ast.Dict):  # for key, value in {…}.items()
            pairs = items.func.value
            items = ast.List(elts=[ast.Tuple(elts=[k, v]) for k, v in zip(pairs.keys, pairs.values)])
        if not isinstance(items, (ast.List, ast.Tuple)):
            continue
        for element in items.elts:
            if isinstance(target, ast.Name):
                parts = [(target, element)]
            elif isinstance(target, ast.Tuple) and isinstance(element, (ast.Tuple, ast.List)) \
                    and len(element.elts) == len(target.elts):
                parts = list(zip(target.elts, element.elts))
            else:
                continue
            found += [value for name, value in parts if isinstance(name, ast.Name) and name.id in labels
                      and isinstance(value, (ast.Constant, ast.JoinedStr)) and isinstance(getattr(value, "value", ""), str)]
    return found


def _words_only(node):
    """The literals of a value made of nothing but strings and conditions (a label, never a key)."""
    if isinstance(node, ast.IfExp):
        return list(_words_only(node.body)) + list(_words_only(node.orelse))
    return [node] if isinstance(node, (ast.Constant, ast.JoinedStr)) and not isinstance(getattr(node, "value", ""), (int, float, complex, bytes, type(None))) else []


def _pieces(segment):
    """[(prefix, quote, body)] of the literals in a string node's source, or None when it is not made of
    one-line literals (triple quotes, raw or byte strings are left alone)."""
    pieces, i = [], 0
    while i < len(segment):
        if segment[i] in " \t\n\\(":
            i += 1
            continue
        if segment[i] == "#":
            i = segment.find("\n", i) if "\n" in segment[i:] else len(segment)
            continue
        m = re.match(r"([fF]?)(['\"])", segment[i:])
        if not m or segment[i + m.end():].startswith(m[2] * 2):
            return None
        j = i + m.end()
        while j < len(segment) and segment[j] != m[2]:
            j += 2 if segment[j] == "\\" else 1
        if j >= len(segment):
            return None
        pieces.append((m[1], m[2], segment[i + m.end():j]))
        i = j + 1
    return pieces or None


def _message(pieces):
    fstring = any(prefix for prefix, _, _ in pieces)
    return "".join(body.replace("{", "{{").replace("}", "}}") if fstring and not prefix else body
                   for prefix, _, body in pieces)


def _is_words(message):
    return bool(WORD.search(FIELD.sub("", message)))


def _found(code):
    """[(node, pieces, message)] of every shown string of the code that has words to translate."""
    parsable = _parsable(code)
    found, seen = [], set()
    for node in _shown_nodes(ast.parse(parsable)):
        key = (node.lineno, node.col_offset)
        segment = ast.get_source_segment(parsable, node)
        pieces = _pieces(segment) if segment and key not in seen else None
        seen.add(key)
        if pieces and _is_words(_message(pieces)):
            found.append((node, pieces, _message(pieces)))
    return found


def shown_strings(code):
    """The messages of the strings a code cell prints or draws, in the order they appear."""
    return [message for _, _, message in sorted(_found(code), key=lambda f: (f[0].lineno, f[0].col_offset))]


def _width(text):
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def _split(message, parts):
    """The message cut into `parts` chunks of about equal width, never inside a {field} or an escape, and
    where it can be after a space or a punctuation mark (a Chinese word is not cut in two)."""
    atoms, i = [], 0
    while i < len(message):
        m = FIELD.match(message, i)
        step = m.end() - i if m else (2 if message[i] == "\\" else 1)
        atoms.append(message[i:i + step])
        i += step
    ends, width = [], 0  # (width so far, a good place to cut?) after each atom
    for k, atom in enumerate(atoms):
        width += _width(atom)
        nxt = atoms[k + 1] if k + 1 < len(atoms) else ""
        ends.append((width, atom[-1] in " ，。：；、）)=,;:" or atom.startswith("{") or nxt.startswith("{")))
    cuts, total = [], width
    for n in range(1, parts):
        target = total * n / parts
        choices = [k for k in range(len(atoms) - 1) if not cuts or k > cuts[-1]]
        good = [k for k in choices if ends[k][1]]
        if good:  # else the rest stays whole in this chunk and the later pieces are empty
            cuts.append(min(good, key=lambda k: abs(ends[k][0] - target)))
    chunks, start = [], 0
    for k in cuts:
        chunks.append("".join(atoms[start:k + 1]))
        start = k + 1
    chunks.append("".join(atoms[start:]))
    return chunks + [""] * (parts - len(chunks))


def translate_code(code, gettext):
    """The code with every shown string's message replaced by gettext(message), piece by piece in place."""
    found = _found(code)
    if not found:
        return code
    lines = code.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line.encode("utf-8")) + 1)
    data = code.encode("utf-8")
    edits = []
    for node, pieces, message in found:
        translated = gettext(message)
        if translated == message:
            continue
        fstring = any(prefix for prefix, _, _ in pieces)
        start = offsets[node.lineno - 1] + node.col_offset
        end = offsets[node.end_lineno - 1] + node.end_col_offset
        segment = data[start:end].decode("utf-8")
        chunks = _split(translated, len(pieces))
        out, i = [], 0
        for (prefix, quote, body), chunk in zip(pieces, chunks):
            literal = f"{prefix}{quote}{body}{quote}"
            j = segment.index(literal, i)
            out.append(segment[i:j] + ("f" if fstring else "") + quote + chunk + quote)
            i = j + len(literal)
        out.append(segment[i:])
        edits.append((start, end, "".join(out)))
    for start, end, text in sorted(edits, reverse=True):
        data = data[:start] + text.encode("utf-8") + data[end:]
    return data.decode("utf-8")
