"""The last step of the flow: one build of the site, driven by a site generator.

* :mod:`.sitebuild`: :class:`SiteBuild`, the whole interface a site generator
  needs (docs/engines.md): the pages, the files beside them, the charts;
* :mod:`.addresses`: every address the site makes, and the hand-written
  files that would take one.
"""

from .sitebuild import SiteBuild

__all__ = ["SiteBuild"]
