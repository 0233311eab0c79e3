"""Zip archives that come out the same, byte for byte, from the same data.

Word and Excel files are zip archives, and the libraries that write them date
every entry with the clock; so does a plain zip. Here every entry is dated
with the instant given instead: the toolkit's, when its data last changed
(:attr:`~..present.siteviews.SiteViews.toolkit_dated`), so that building
twice, at any hour, gives identical downloads: nothing changes on the
published site unless the data did.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile


def _stamp(when: dt.datetime) -> tuple[int, int, int, int, int, int]:
    return max(when.replace(tzinfo=None), dt.datetime(1980, 1, 1)).timetuple()[:6]  # zip dates start in 1980


def archive(files: dict[str, bytes], when: dt.datetime) -> bytes:
    """A zip of ``files`` ({name in the archive: content}), in their order, every entry dated ``when``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=_stamp(when))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, content)
    return buffer.getvalue()


def restamp(data: bytes, when: dt.datetime) -> bytes:
    """The same archive (entries, order, contents) with every entry dated ``when``."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return archive({info.filename: source.read(info) for info in source.infolist()}, when)
