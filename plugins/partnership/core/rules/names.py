"""Names of the files and folders under ``content/`` and ``theme/``: each must be a path every editor's computer can hold.

Partnerships edit on Windows and macOS as well as Linux, and the site's
addresses come from these names, so each of these is a located problem:

* a name Windows keeps for a device (``nul.md``, ``aux/``, ``com1.png``):
  such a file cannot be made or opened there;
* a character Windows does not allow in a name (``< > : " | ? *`` or a
  backslash), or a name ending in a dot or a space;
* a hidden control character (a line break in a name would also break
  every message that names the file);
* two names in one folder that differ only in capitals (``About.md`` beside
  ``about.md``), or only in how an accented letter is stored (``café.md``
  with é as one character beside ``café.md`` with e and an accent, Unicode's
  NFC and NFD): on Windows and macOS they are one file, so one would
  overwrite the other, and their addresses would clash.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from ..models.common import WINDOWS_RESERVED
from ..problems import Problems, quote
from ..text import control_problem, visible

_NOT_ON_WINDOWS = re.compile(r'[<>:"|?*\\]')


def name_problem(name: str) -> str | None:
    """Why one file or folder name cannot be kept, or None."""
    hidden = control_problem(name)
    if hidden:
        return f"the name {quote(visible(name))}: {hidden.removeprefix('this text ')}; rename it"
    stem = name.split(".", 1)[0].lower()
    if stem in WINDOWS_RESERVED:
        return (
            f"the name {quote(name)} is one Windows keeps for a device ({stem}), so this cannot be made or opened there; "
            f"rename it, like {quote(stem + '-page' + name[len(stem) :])}"
        )
    bad = _NOT_ON_WINDOWS.search(name)
    if bad:
        return f"the name {quote(name)} holds {quote(bad.group())}, which Windows does not allow in a name; rename it without it"
    if name.endswith((".", " ")):
        return f"the name {quote(name)} ends with a {'dot' if name.endswith('.') else 'space'}, which Windows drops; rename it"
    return None


def check_names(folder: Path, paths: Iterable[Path], display: str, problems: Problems) -> None:
    """A located problem for every name under ``folder`` (the files ``paths`` and their folders) that :func:`name_problem`
    refuses, and for every two that differ only in capitals; ``display`` is how ``folder`` is shown (``content``)."""
    seen: dict[str, str] = {}
    reported: set[str] = set()
    for path in paths:
        parts = path.relative_to(folder).parts
        for depth in range(1, len(parts) + 1):
            relative = "/".join(parts[:depth])
            if relative in reported:
                continue
            reported.add(relative)
            shown = f"{display}/{relative}"
            problem = name_problem(parts[depth - 1])
            if problem:
                problems.add(shown, 1, 1, problem)
            key = unicodedata.normalize("NFC", relative).casefold()
            other = seen.setdefault(key, relative)
            if other != relative:
                if other.casefold() == relative.casefold():
                    how = "only in capitals"
                elif unicodedata.normalize("NFC", other) == unicodedata.normalize("NFC", relative):
                    how = "only in how an accented letter is stored (as one character, or as a letter and an accent)"
                else:
                    how = "only in capitals and in how an accented letter is stored"
                problems.add(
                    shown,
                    1,
                    1,
                    f"this name differs from {visible(display + '/' + other)} {how}; on Windows and macOS they are one and the "
                    "same file, and their addresses on the site would clash: rename or merge one of them",
                )
