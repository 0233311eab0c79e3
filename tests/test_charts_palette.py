"""Chart colours: every line stands 3:1 from the page and from the line next to it (WCAG 1.4.11)."""

from partnership.core.present.charts import SERIES, TARGET_COLOUR
from partnership.core.present.colours import contrast


def test_series_colours_contrast() -> None:
    colours = [colour for colour, _, _ in SERIES]
    for index, colour in enumerate(colours):
        assert contrast(colour, "#ffffff") >= 3, colour
        following = colours[(index + 1) % len(colours)]
        assert contrast(colour, following) >= 3, (colour, following)
    markers = [marker for _, marker, _ in SERIES]
    assert len(set(markers)) == len(markers), "each line has its own marker, so colour is never the only difference"
    assert contrast(TARGET_COLOUR, "#ffffff") >= 4.5
