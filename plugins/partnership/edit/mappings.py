"""Adding ``"spelling": id`` lines to ``data/import.yml`` without disturbing the rest of it.

The file is edited as text, not loaded and dumped again, so that its
comments, order and layout stay exactly as the editor left them: the new
lines go at the end of the top-level ``organisations:`` (or ``events:``)
block, with the same indentation as the lines already there.
"""

from __future__ import annotations

import json
import re


def mapping_line(name: str, target: str, indent: str = "  ") -> str:
    """``  "Riverside Childrens Services": riverside-children``: a name in double quotes (valid YAML whatever it holds)."""
    return f"{indent}{json.dumps(name, ensure_ascii=False)}: {target}"


def add_mappings(text: str, section: str, entries: dict[str, str]) -> str:
    """``text`` with ``entries`` (spelling → id) added at the end of its top-level ``section:`` (made if missing)."""
    if not entries:
        return text
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if re.fullmatch(rf"{re.escape(section)}:\s*(\{{\s*\}})?\s*(#.*)?", line)), None)
    if start is None:
        body = [mapping_line(name, target) for name, target in entries.items()]
        return text.rstrip("\n") + f"\n\n{section}:\n" + "\n".join(body) + "\n"
    lines[start] = re.sub(r":\s*\{\s*\}", ":", lines[start], count=1)
    last, indent = start, None
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if not line.strip():
            continue
        if not line[:1].isspace():
            break  # the next top-level key, or a comment that belongs to it
        if indent is None and not line.lstrip().startswith("#"):
            indent = line[: len(line) - len(line.lstrip())]
        last = index
    added = [mapping_line(name, target, indent or "  ") for name, target in entries.items()]
    lines[last + 1 : last + 1] = added
    return "\n".join(lines) + "\n"
