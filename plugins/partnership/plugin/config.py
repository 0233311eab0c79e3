"""Options of the ``partnership`` plugin in mkdocs.yml.

plugins:
  - partnership:
      data_dir: data        # relative to mkdocs.yml
      pdf: true             # write report PDFs (the slowest step)
      downloads: true       # write the toolkit's Word, Excel and PDF files
      cache_dir: .cache     # PDFs, Word, Excel and zip files kept between builds ("" for none)
      cms_repo: ""          # the GitHub repository the editor at /admin/ saves to (owner/name);
                            # empty: GITHUB_REPOSITORY, which GitHub Actions sets
      cms_branch: main      # the branch the site is published from
      cms_auth_url: ""      # the OAuth proxy's address for signing in (docs/editing.md);
                            # empty: the CMS_AUTH_URL environment variable
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
    cms_repo = c.Type(str, default="")
    """The GitHub repository (owner/name) the browser editor saves to; empty: the GITHUB_REPOSITORY environment variable."""
    cms_branch = c.Type(str, default="main")
    """The branch the site is published from: the editor's pull requests go into it."""
    cms_auth_url = c.Type(str, default="")
    """The address of the OAuth proxy editors sign in through (docs/editing.md); empty: the CMS_AUTH_URL environment variable."""
