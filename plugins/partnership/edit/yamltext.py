"""YAML written by hand, the way the example files are: values quoted only when they must be, comments lined up."""

from __future__ import annotations

import yaml


def scalar(value: object) -> str:
    """One YAML value, quoted only when it needs to be."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000).strip()
    return text[:-4].strip() if text.endswith("\n...") or text.endswith(" ...") else text.removesuffix("...").strip()


def flow(values: list[str]) -> str:
    """``[a, b]``."""
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def align(line: str, column: int = 34) -> str:
    """Line trailing ``#`` comments up in one column (values containing '  #' are left alone)."""
    value, marker, comment = line.partition("  # ")
    if not marker or line.lstrip().startswith("#"):
        return line
    return f"{value.rstrip():<{column - 1}} # {comment.strip()}"


__all__ = ["align", "flow", "scalar"]
