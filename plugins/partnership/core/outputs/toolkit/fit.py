"""How wide a word is when printed, so that no column of a form is narrower than its longest word.

Word, LibreOffice and Excel break a word letter by letter ("Professionalis-m")
when it is wider than its column. The forms are set in Arial; LibreOffice on
a machine without Arial uses a wider font in its place (DejaVu Sans), so a
word is measured with Arial's widths (Helvetica's, to which Arial is matched
metric for metric: Adobe's core font metrics, in thousandths of an em) and
then given :data:`SPARE` more room.
"""

from __future__ import annotations

from collections.abc import Iterable

_REGULAR = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        (
            *(556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722),
            *(500, 500, 500),
            *(667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944),
            *(667, 667, 611),
            *(556,) * 10,
        ),
        strict=True,
    )
)
_BOLD = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        (
            *(556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778),
            *(556, 556, 500),
            *(722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944),
            *(667, 667, 611),
            *(556,) * 10,
        ),
        strict=True,
    )
)
_PUNCTUATION = {"'": 191, "’": 222, "-": 333, "(": 333, ")": 333, ",": 278, ".": 278, ":": 278, ";": 278, "/": 278, "?": 556}
SPARE = 1.25
"""How much wider than Arial a word may print (DejaVu Sans, LibreOffice's usual stand-in, is up to a fifth wider)."""
CM_PER_POINT = 2.54 / 72


def word_width_cm(word: str, size: float, *, bold: bool = False) -> float:
    """The printed width of ``word`` at ``size`` points, in cm, with room for a wider stand-in font."""
    widths = _BOLD if bold else _REGULAR
    thousandths = sum(widths.get(char, _PUNCTUATION.get(char, 722)) for char in word)
    return thousandths / 1000 * size * CM_PER_POINT * SPARE


def longest_word_cm(texts: Iterable[str], size: float, *, bold: bool = False) -> float:
    """The width of the widest word in ``texts`` (0 for none). A hyphenated word may break at its hyphen, so its parts count."""
    words = (part for text in texts for word in text.split() for part in word.split("-"))
    return max((word_width_cm(word, size, bold=bold) for word in words if word), default=0.0)


def fit_widths(widths: list[float], needs: list[float]) -> list[float]:
    """``widths`` (summing to the space there is) with every column at least its ``need``, taking the room from the others.

    The room comes from the columns with the most to spare, in proportion to
    what each can give. When the needs add up to more than the space, each
    column gets its share of the space by need (some words will then break:
    there is no room to avoid it).
    """
    total = sum(widths)
    if sum(needs) >= total:
        return [total * need / sum(needs) for need in needs]
    fitted = list(widths)
    for _ in range(len(widths)):
        short = sum(max(0.0, need - width) for width, need in zip(fitted, needs, strict=True))
        if short <= 1e-9:
            break
        spare = [max(0.0, width - need) for width, need in zip(fitted, needs, strict=True)]
        room = sum(spare)
        fitted = [max(width, need) - short * give / room for width, need, give in zip(fitted, needs, spare, strict=True)]
    return fitted
