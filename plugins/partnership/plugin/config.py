"""Options of the ``partnership`` plugin in mkdocs.yml.

plugins:
  - partnership:
      data_dir: data        # relative to mkdocs.yml
      pdf: true             # write report PDFs (the slowest step)
      downloads: true       # write the toolkit's Word, Excel and PDF files
      cache_dir: .cache     # PDFs, Word, Excel and zip files kept between builds ("" for none)
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class PartnershipConfig(base.Config):
    data_dir = c.Type(str, default="data")
    """The data folder, relative to mkdocs.yml."""
    pdf = c.Type(bool, default=True)
    """Write report PDFs. ``serve`` turns this off for fast previews unless asked."""
    downloads = c.Type(bool, default=True)
    """Write the PCF toolkit's Word, Excel and PDF files."""
    cache_dir = c.Type(str, default=".cache")
    """Where heavy files are kept between builds, relative to mkdocs.yml; empty to make every file every time."""
