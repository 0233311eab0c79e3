"""Safe YAML loading that remembers where every value was written.

PyYAML's safe loader composes a tree of nodes that carry their marks
(line and column); this module turns that tree into plain Python values
(dicts, lists, strings, numbers, dates) and a :class:`SourceMap` from each
value's path, such as ``("sessions", 0, "end")``, to its position. Later
rules ask the map where a value is, so that every message can name the
file, line and column.

It also refuses what PyYAML would accept silently:

* duplicate keys (PyYAML keeps the last one without a word);
* tags that build objects (``!!python/object``) or any other custom tag;
* mapping keys that are lists or mappings;
* text holding control characters (:mod:`..text`), or longer than :data:`MAX_TEXT`;
* more than :data:`MAX_DEPTH` levels of nesting, more than
  :data:`MAX_ALIASES` aliases (``*name``), or more than :data:`MAX_VALUES`
  values once aliases are expanded (a "billion laughs" file of a few lines
  would otherwise grow to gigabytes). The depth and aliases are counted from
  the parser's events before any tree is built: libyaml builds the tree
  recursively, and a file of a hundred thousand ``[`` would crash it.

Mapping keys are always strings: ``2019: 5`` gives the key ``"2019"``.

A file that cannot be parsed is one problem of level ``syntax``, placed
where the mistake most likely is and shown with the lines around it
(:mod:`.yamlerrors`); such problems are listed before all others, since
other problems may only follow from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..clock import written_date_problem
from ..problems import Problems, quote
from ..text import control_problem
from .kept import allow
from .yamlerrors import code_frame, diagnose

Path = tuple[str | int, ...]

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"
YAML_SUFFIXES = (".yml", ".yaml")
"""The endings a YAML data file may have."""

MAX_DEPTH = 50
"""Levels of nesting a data file may have (the deepest real file has six)."""
MAX_ALIASES = 100
"""Aliases (``*name``) a file may use; the example data uses none."""
MAX_VALUES = 100_000
"""Values a file may hold with its aliases expanded (the largest real file holds about a thousand)."""
MAX_TEXT = 32_767
"""Characters one text value may have: what an Excel cell holds (the toolkit's workbooks carry the descriptors)."""
_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)")
"""Numbers as the data contract writes them: decimal digits, a point, perhaps an exponent. YAML 1.1 also reads 6:00 as
360 (base 60), 0x19 and 031 as 25 and 2_5 as 25: each of those is a problem, not a number. (.inf and .nan are read, and
each field's rule says it must be an ordinary number.)"""

#: libyaml's safe loader when PyYAML was built with it (fifteen times faster);
#: both compose the same nodes with the same marks.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader) if yaml.__with_libyaml__ else yaml.SafeLoader


class Mark(NamedTuple):
    """A position in a file; both count from 1."""

    line: int
    column: int


@dataclass
class SourceMap:
    """Where each value of one file was written.

    ``values`` maps a path to the start of its value; ``keys`` maps the path
    of a mapping entry to the start of its key, which is where a message
    about an unexpected or misspelt field belongs.
    """

    path: str
    values: dict[Path, Mark] = field(default_factory=dict)
    keys: dict[Path, Mark] = field(default_factory=dict)
    broken: set[Path] = field(default_factory=set)
    """Paths whose value could not be read at all (already reported; validation skips them)."""

    def at(self, path: Path) -> Mark:
        """The position of the value at ``path``, or of its nearest known parent."""
        for end in range(len(path), -1, -1):
            mark = self.values.get(tuple(path[:end]))
            if mark is not None:
                return mark
        return Mark(1, 1)

    def key_at(self, path: Path) -> Mark:
        """The position of the key at ``path``, or of its value when it has no key."""
        return self.keys.get(tuple(path)) or self.at(path)

    def has(self, path: Path) -> bool:
        return tuple(path) in self.values

    def alias(self, written: Path, meant: Path) -> None:
        """Let ``meant`` (and everything under it) be found where ``written`` is: a misspelt field read as the one meant."""
        size = len(written)
        for places in (self.values, self.keys):
            for path, mark in list(places.items()):
                if path[:size] == written:
                    places.setdefault((*meant, *path[size:]), mark)
        self.broken |= {(*meant, *path[size:]) for path in self.broken if path[:size] == written}


@dataclass
class Document:
    """One parsed file: its plain data and where each part of it was written."""

    data: Any
    where: SourceMap


class _Position(Protocol):
    """A position as PyYAML's marks hold it (Python or C parser), from 0."""

    line: int
    column: int


def _mark(node_mark: _Position) -> Mark:
    return Mark(node_mark.line + 1, node_mark.column + 1)


def field_label(path: Sequence[str | int]) -> str:
    """``['sessions', 1, 'end']`` → ``sessions[2].end`` (counting from 1).

    A position in a list of plain values is left out (``audience``, not
    ``audience[2]``): the column already points at the value.
    """
    if path and isinstance(path[-1], int):
        path = path[:-1]
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + part
    return text


class _Converter:
    """Turns a composed node tree into plain data plus a :class:`SourceMap`."""

    def __init__(self, loader: yaml.SafeLoader, where: SourceMap, problems: Problems):
        self.loader = loader
        self.where = where
        self.problems = problems
        self._active: set[int] = set()

    def problem(self, mark: Mark, message: str, path: Path | None = None) -> None:
        self.problems.add(self.where.path, mark.line, mark.column, message)
        if path is not None:
            self.where.broken.add(path)

    def convert(self, node: Node, path: Path, depth: int = 0) -> Any:
        mark = _mark(node.start_mark)
        self.where.values.setdefault(path, mark)
        if depth > MAX_DEPTH or id(node) in self._active:
            self.problem(mark, "this value is nested too deeply or refers to itself; write it out in full", path)
            return None
        if node.tag not in _STANDARD_TAGS and node.tag != _MERGE_TAG:
            self.problem(mark, f"YAML tags such as {quote(node.tag)} are not allowed; write plain text, numbers, lists and fields", path)
            return None
        self._active.add(id(node))
        try:
            if isinstance(node, MappingNode):
                return self._mapping(node, path, depth)
            if isinstance(node, SequenceNode):
                return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
            return self._scalar(cast(ScalarNode, node), mark, path)
        finally:
            self._active.discard(id(node))

    def _scalar(self, node: ScalarNode, mark: Mark, path: Path | None = None) -> Any:
        if node.tag == _STR_TAG:
            self._text(node.value, mark)
            return node.value  # what the constructor would return, without its bookkeeping
        try:
            value = self.loader.construct_object(node, deep=True)
            if node.tag in _NUMBER_TAGS and not (_PLAIN_INT if node.tag == _INT_TAG else _PLAIN_FLOAT).fullmatch(node.value):
                self.problem(mark, _number_form_problem(node.value, value, path), path)
            return value
        except (yaml.YAMLError, ValueError, OverflowError) as error:
            if node.tag == "tag:yaml.org,2002:timestamp":
                named = f"{field_label(path)}: " if path and field_label(path) else ""
                reason = written_date_problem(node.value) or "not a date; write it year first, like 2027-04-14"
                self.problem(mark, f"{named}{quote(node.value)} is {reason}", path)
            elif node.tag == "tag:yaml.org,2002:int":
                self.problem(
                    mark, f"{quote(node.value)} is too long to be a number ({len(node.value):,} digits); write an ordinary number", path
                )
            else:
                self.problem(mark, f"{quote(node.value)} could not be read: {error}", path)
            return node.value

    def _text(self, value: str, mark: Mark) -> None:
        """Text no output can carry is a problem here, whatever field it is in (see core/text.py and :data:`MAX_TEXT`)."""
        problem = control_problem(value) if value else None
        if problem:
            self.problem(mark, problem)
        if len(value) > MAX_TEXT:
            self.problem(
                mark,
                f"this text is {len(value):,} characters long, more than the {MAX_TEXT:,} a spreadsheet cell holds "
                "(the site's Excel and CSV downloads would cut it); shorten it",
            )

    def _entries(self, node: MappingNode, path: Path, depth: int) -> Iterator[tuple[ScalarNode, Node]]:
        """The entries of a mapping, with ``<<`` merge keys expanded in place."""
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                merged = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
                for source in merged:
                    if isinstance(source, MappingNode):
                        yield from self._entries(source, path, depth + 1)
                    else:
                        self.problem(_mark(source.start_mark), "'<<' can only merge a mapping of fields")
                continue
            yield key_node, value_node

    def _mapping(self, node: MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Mark] = {}
        for key_node, value_node in self._entries(node, path, depth):
            key_mark = _mark(key_node.start_mark)
            if not isinstance(key_node, ScalarNode):
                self.problem(key_mark, "a field name must be a single word or phrase, not a list or mapping")
                continue
            raw_key = self._scalar(key_node, key_mark)
            key = "null" if raw_key is None else str(raw_key).lower() if isinstance(raw_key, bool) else str(raw_key)
            if key in first_seen:
                before = first_seen[key]
                self.problem(
                    key_mark,
                    f"{quote(key)} is written twice in the same place (first on line {before.line}); keep one and delete the other",
                )
                continue
            first_seen[key] = key_mark
            child = (*path, key)
            self.where.keys[child] = key_mark
            result[key] = self.convert(value_node, child, depth + 1)
        return result


_INT_TAG = "tag:yaml.org,2002:int"
_NUMBER_TAGS = {_INT_TAG, "tag:yaml.org,2002:float"}


def _number_form_problem(written: str, value: object, path: Path | None) -> str:
    named = f"{field_label(path)}: " if path and field_label(path) else ""
    if ":" in written:
        why = "YAML reads numbers with colons in base 60, as minutes and seconds"
        instead = "write the number plainly, like 6, or a time as text in quotes, like '9:30'"
    elif written.lstrip("+-").lower().startswith(("0x", "0o", "0b")) or re.fullmatch(r"[-+]?0[0-9_]+", written):
        why = "YAML reads a number starting 0x, 0b or 0 in another base"
        instead = "write it in ordinary decimal digits, without leading zeros"
    elif "_" in written:
        why = "YAML drops the underscores"
        instead = "write the digits alone, like 25 (or 2500)"
    else:
        why = "it is not an ordinary number"
        instead = "write an ordinary number, like 25 or 6.5"
    shown = value if isinstance(value, int) and not isinstance(value, bool) else repr(value)
    return f"{named}{quote(written)} would be read as {shown} ({why}); {instead}"


def load_yaml(text: str, display_path: str, problems: Problems) -> Document | None:
    """Parse one YAML file safely.

    Returns None when the file cannot be parsed at all (the reason is added
    to ``problems``); otherwise a :class:`Document`, possibly with problems
    about parts of it added too.
    """
    where = SourceMap(display_path)
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        loader = _LOADER(text)
    except yaml.reader.ReaderError as error:
        _reader_problem(text, error, display_path, problems)
        return None
    try:
        try:
            if _too_deep_or_aliased(text, display_path, problems):
                return None
            node = loader.get_single_node()
        except yaml.reader.ReaderError as error:
            _reader_problem(text, error, display_path, problems)
            return None
        except yaml.MarkedYAMLError as error:
            found = diagnose(text, error)
            frame = code_frame(text, found.line, found.column)
            problems.add(display_path, found.line, found.column, found.message, level="syntax", frame=frame)
            return None
        except yaml.YAMLError as error:
            problems.add(display_path, 1, 1, f"this is not valid YAML: {error}", level="syntax")
            return None
        if node is None:
            return Document(None, where)
        expanded = _expanded_size(node, {})
        if expanded > MAX_VALUES:
            problems.add(
                display_path,
                1,
                1,
                f"this file holds more than {MAX_VALUES:,} values once its aliases (*name) are expanded, "
                f"more than a file may have; write the values out, or split the file",
                level="syntax",
            )
            return None
        data = _Converter(loader, where, problems).convert(node, ())
        return Document(data, where)
    finally:
        loader.dispose()


def _too_deep_or_aliased(text: str, display_path: str, problems: Problems) -> bool:
    """True (with a located problem) when the file nests deeper than MAX_DEPTH or uses more than MAX_ALIASES aliases.

    Reads the parser's events, which libyaml makes without recursion; a file
    that is not valid YAML is left to the loader, which explains the error.
    """
    depth = aliases = 0
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            message = None
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    message = f"this value is nested more than {MAX_DEPTH} levels deep; a data file may nest at most {MAX_DEPTH} levels"
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES:
                    message = f"this file uses more than {MAX_ALIASES} aliases (*name); a file may use at most {MAX_ALIASES}: write the values out"
            if message:
                mark = _mark(event.start_mark) if event.start_mark else Mark(1, 1)
                problems.add(display_path, mark.line, mark.column, message, level="syntax")
                return True
    except yaml.YAMLError:
        return False
    return False


def _expanded_size(node: Node, sizes: dict[int, int]) -> int:
    """How many values ``node`` holds with every alias expanded (each shared node counted once per use)."""
    known = sizes.get(id(node))
    if known is not None:
        return known
    sizes[id(node)] = 1  # a node that contains itself counts once here; the converter reports the loop
    total = 1
    if isinstance(node, SequenceNode):
        total += sum(_expanded_size(child, sizes) for child in node.value)
    elif isinstance(node, MappingNode):
        total += sum(_expanded_size(key, sizes) + _expanded_size(value, sizes) for key, value in node.value)
    total = min(total, MAX_VALUES * 10)  # enough to say "too many" without counting to a billion
    sizes[id(node)] = total
    return total


def _reader_problem(text: str, error: yaml.reader.ReaderError, display_path: str, problems: Problems) -> None:
    """A character YAML refuses (a control character, usually pasted in by accident)."""
    position = getattr(error, "position", 0) or 0
    before = text[:position]
    line = before.count("\n") + 1
    column = position - (before.rfind("\n") + 1) + 1
    character = getattr(error, "character", 0)
    code = character if isinstance(character, int) else ord(str(character)[:1] or "\0")
    problems.add(
        display_path,
        line,
        column,
        f"this file holds a hidden control character (#x{code:04x}) that YAML does not allow; "
        "delete it (it often comes from copying text out of another program)",
        level="syntax",
        frame=code_frame(text, line, column),
    )


allow(Mark, SourceMap, Document)  # what a parsed file is kept as (.cache/parsed/)
