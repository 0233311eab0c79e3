"""The browser editor at ``/admin/``: Decap CMS, configured from the data contract.

* :mod:`.forms` turns the JSON Schema of each kind of data file (made from the
  models by :mod:`partnership.core.models.schema`, the same source as ``schema/``)
  into the CMS's form fields: selects for closed sets and for references
  (career stages, partners, framework items by name), hints from the models'
  descriptions, dates and times in the contract's form;
* :mod:`.collections` groups them into the CMS's collections (one per kind of
  data file, each saved where the contract puts it) and adds a backend: the
  local one of ``python3 build.py edit``, or GitHub with the editorial
  workflow for the published site;
* :mod:`.admin` writes ``site/admin/``: the page, its own
  Content-Security-Policy, the configuration and the CMS's bundle, copied from
  the locked npm install (never a CDN).

See docs/editing.md for why Decap CMS, and how editors sign in.
"""
