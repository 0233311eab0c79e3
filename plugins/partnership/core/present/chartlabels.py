"""Where a chart's labels go, so that none covers a point, a line or another label.

Plain geometry in the chart's own coordinates (points, y upwards, as
matplotlib's display space is when the figure is drawn at 72 dots per
inch, which is also the SVG's unit). :class:`Board` holds what is already
on the chart (markers, line segments, placed labels) and the area labels
must stay in; :meth:`Board.place` tries a label's candidate positions in
order of preference and keeps the first that touches nothing. When none is
clear it returns None, and the chart makes more room and tries again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

GAP = 1.5
"""Clear space kept around every label, in points."""


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle: left, bottom, right, top."""

    x0: float
    y0: float
    x1: float
    y1: float

    def grown(self, by: float) -> Box:
        return Box(self.x0 - by, self.y0 - by, self.x1 + by, self.y1 + by)

    def overlaps(self, other: Box) -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def inside(self, other: Box) -> bool:
        return self.x0 >= other.x0 and self.y0 >= other.y0 and self.x1 <= other.x1 and self.y1 <= other.y1

    def crosses(self, a: tuple[float, float], b: tuple[float, float]) -> bool:
        """Whether the segment from ``a`` to ``b`` passes through this box (Liang–Barsky clipping)."""
        (ax, ay), (bx, by) = a, b
        dx, dy = bx - ax, by - ay
        low, high = 0.0, 1.0
        for p, q in ((-dx, ax - self.x0), (dx, self.x1 - ax), (-dy, ay - self.y0), (dy, self.y1 - ay)):
            if p == 0:
                if q < 0:
                    return False
                continue
            t = q / p
            if p < 0:
                low = max(low, t)
            else:
                high = min(high, t)
            if low > high:
                return False
        return True


def marker_box(x: float, y: float, size: float) -> Box:
    """The box a marker of ``size`` points drawn at (x, y) covers."""
    half = size / 2 + 1
    return Box(x - half, y - half, x + half, y + half)


@dataclass
class Board:
    """What a chart already shows, and where its labels may go."""

    area: Box
    """Labels stay inside this box (the plotting area)."""
    markers: list[Box] = field(default_factory=list)
    segments: list[tuple[tuple[float, float], tuple[float, float]]] = field(default_factory=list)
    """Lines that a label should not cross: the data lines."""
    soft_segments: list[tuple[tuple[float, float], tuple[float, float]]] = field(default_factory=list)
    """Lines a label avoids if it can: the target line (a data label may cross it when nothing else is free)."""
    labels: list[Box] = field(default_factory=list)

    def line(self, points: Sequence[tuple[float, float]], soft: bool = False) -> None:
        """A polyline drawn on the chart (consecutive points joined)."""
        target = self.soft_segments if soft else self.segments
        target.extend(pairwise(points))

    def clear(self, box: Box, strict: bool = True) -> bool:
        """Whether ``box`` (with its clear space) is inside the area and touches nothing placed."""
        padded = box.grown(GAP)
        if not box.inside(self.area):
            return False
        if any(padded.overlaps(other) for other in (*self.markers, *self.labels)):
            return False
        segments = (*self.segments, *self.soft_segments) if strict else self.segments
        return not any(padded.crosses(a, b) for a, b in segments)

    def covered(self, box: Box) -> int:
        """How many things ``box`` touches or leaves the area by (0 when it is clear)."""
        padded = box.grown(GAP)
        count = 0 if box.inside(self.area) else 1
        count += sum(padded.overlaps(other) for other in (*self.markers, *self.labels))
        return count + sum(padded.crosses(a, b) for a, b in (*self.segments, *self.soft_segments))

    def least_covering(self, candidates: Iterable[Box]) -> Box | None:
        """The candidate that touches least (then kept as placed): the last resort when none is clear."""
        best = min(candidates, key=self.covered, default=None)
        if best is not None:
            self.labels.append(best)
        return best

    def place(self, candidates: Iterable[Box], soft_ok: bool = False) -> Box | None:
        """The first candidate that is clear (then kept as placed); with ``soft_ok`` a second pass may cross the target line."""
        candidates = list(candidates)
        passes = (True, False) if soft_ok else (True,)
        for strict in passes:
            for box in candidates:
                if self.clear(box, strict):
                    self.labels.append(box)
                    return box
        return None


def around(x: float, y: float, width: float, height: float, distances: Sequence[float] = (6, 12, 20, 30, 42)) -> list[Box]:
    """Positions for a label of ``width`` × ``height`` beside the point (x, y), nearest and rightwards first.

    First to the right, level with the point or a little above or below it
    (labels of lines ending close together stack there), then all round at
    growing distances.
    """
    boxes = [Box(x + 6, y - height / 2 + shift, x + 6 + width, y + height / 2 + shift) for shift in (0, 5, -5, 10, -10, 15, -15)]
    for d in distances:
        half = height / 2
        for left, bottom in (
            (x + d, y - half),  # right
            (x + d * 0.7, y + d * 0.7),  # upper right
            (x + d * 0.7, y - d * 0.7 - height),  # lower right
            (x - width / 2, y + d),  # above
            (x - width / 2, y - d - height),  # below
            (x - d * 0.7 - width, y + d * 0.7),  # upper left
            (x - d * 0.7 - width, y - d * 0.7 - height),  # lower left
            (x - d - width, y - half),  # left
        ):
            boxes.append(Box(left, bottom, left + width, bottom + height))
    return boxes


def along(y: float, x0: float, x1: float, width: float, height: float, step: float = 8) -> list[Box]:
    """Positions for a label of a horizontal line at height ``y`` from ``x0`` to ``x1``: just above or below it, right end first."""
    boxes = []
    lefts = []
    left = x1 - width - 2
    while left >= x0 + 2:
        lefts.append(left)
        left -= step
    for left in lefts:
        for bottom in (y + 3, y - 3 - height):
            boxes.append(Box(left, bottom, left + width, bottom + height))
    return boxes
