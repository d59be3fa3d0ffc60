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

SHOWN_CALLS = {"print": None, "set_title": 0, "set_xlabel": 0, "set_ylabel": 0, "suptitle": 0, "text": 2,
               "annotate": 0}  # the call's shown positional argument (None: all of them)
SHOWN_KEYWORDS = {"title", "xlabel", "ylabel", "label", "desc", "description"}
WORD = re.compile(r"[A-Za-z]{2,}")
FIELD = re.compile(r"\{\{|\}\}|\{(?:[^{}]|\{[^{}]*\})*\}")  # a {field} (one level of nesting) or {{ / }}


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
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        args = [k.value for k in call.keywords if k.arg in SHOWN_KEYWORDS]
        if name in SHOWN_CALLS:
            position = SHOWN_CALLS[name]
            args += call.args if position is None else call.args[position:position + 1]
        for arg in args:
            yield from _string_nodes(arg)


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
    """The message cut into `parts` chunks of about equal width, never inside a {field} or an escape."""
    atoms, i = [], 0
    while i < len(message):
        m = FIELD.match(message, i)
        step = m.end() - i if m else (2 if message[i] == "\\" else 1)
        atoms.append(message[i:i + step])
        i += step
    chunks, total, done = [], _width(message), 0
    current = ""
    for atom in atoms:
        target = total * (len(chunks) + 1) / parts  # cut where the chunk ends nearest its share
        if len(chunks) < parts - 1 and current and done + _width(current) + _width(atom) / 2 >= target:
            chunks.append(current)
            done += _width(current)
            current = ""
        current += atom
    chunks.append(current)
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
