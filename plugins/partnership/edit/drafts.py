"""Unfinished answers, kept in ``data/drafts/`` until ``new event --resume`` finishes them.

``new event`` never ends with answers thrown away: stopped by Ctrl+C, by the
end of its input, by the terminal closing, by a refusal at the end, or by a
rule it cannot satisfy, it saves what was answered here (asking first when
someone is there to answer). A draft is a plain YAML file of the answers;
the data's loader leaves the folder alone, so it is never published and
never breaks ``check`` or a build, and ``check`` says which drafts wait.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from ..core.models.common import slugify
from .files import write_whole

FOLDER = "drafts"
"""The folder of ``data/`` that holds drafts."""


def folder(data_dir: Path) -> Path:
    return data_dir / FOLDER


def waiting(data_dir: Path) -> list[Path]:
    """Every draft in ``data/drafts/``, oldest first."""
    where = folder(data_dir)
    if not where.is_dir():
        return []
    return sorted((p for p in where.glob("*.yml") if p.is_file()), key=lambda p: (p.stat().st_mtime, p.name))


def save(data_dir: Path, kind: str, answers: dict[str, Any], saved: dt.datetime, path: Path | None = None) -> Path:
    """Write ``answers`` as a draft (over ``path`` when resuming one); the draft's path."""
    title = str(answers.get("title") or "untitled")
    target = path or folder(data_dir) / f"{kind}-{slugify(title)[:40].strip('-') or 'untitled'}-{saved:%Y%m%d-%H%M%S}.yml"
    header = (
        f"# An unfinished new {kind}, saved by 'python3 build.py new {kind}' on {saved:%d %B %Y at %H:%M}.\n"
        f"# Finish it with: python3 build.py new {kind} --resume\n"
        "# Drafts are never published; delete this file to throw the answers away.\n"
    )
    body = yaml.safe_dump(
        {"kind": kind, "saved": saved.strftime("%Y-%m-%dT%H:%M"), "answers": answers}, sort_keys=False, allow_unicode=True
    )
    write_whole(target, header + body)
    return target


def load(path: Path) -> tuple[str, dict[str, Any]]:
    """A draft's kind and answers; ValueError when the file is not a draft."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ValueError(f"{path.name} cannot be read as a draft ({error.__class__.__name__}); delete it or fix it") from None
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict) or not isinstance(data.get("kind"), str):
        raise ValueError(f"{path.name} is not a draft written by 'new' (it needs kind: and answers:)")
    return data["kind"], data["answers"]


def note(data_dir: Path) -> str | None:
    """What ``check`` says about the drafts waiting, or None when there are none."""
    found = waiting(data_dir)
    if not found:
        return None
    names = ", ".join(p.name for p in found)
    count = f"{len(found)} unfinished draft{'s' if len(found) != 1 else ''}"
    return f"{count} in {data_dir.name}/{FOLDER}/ ({names}): never published; finish with python3 build.py new event --resume"


__all__ = ["FOLDER", "load", "note", "save", "waiting"]
