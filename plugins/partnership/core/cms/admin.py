"""``site/admin/``: the browser editor's page, its configuration and the CMS's bundle.

The page is out of the site's navigation, search and sitemap (it is no page
of the site generator's: the build writes it beside them), says ``noindex``,
and carries a Content-Security-Policy of its own: scripts and styles from the
site itself only, and connections to the site and, for the GitHub backend,
GitHub's API and the partnership's OAuth proxy (nothing else, and nothing at
all before someone signs in).

The bundle is Decap CMS's, and the YAML library the formats use, copied from
the npm install that ``python3 build.py`` makes from
``plugins/partnership/core/cms/npm/package-lock.json``.
"""

from __future__ import annotations

import html
import json
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..present import urls

ASSETS = Path(__file__).parent / "assets"
NPM = Path(__file__).parent / "npm"
"""package.json and package-lock.json of the CMS's npm install."""

INSTALL = "cms"
"""Where ``python3 build.py`` installs the CMS from npm: inside the virtual environment (.venv/cms/), beside the Python packages, never committed."""

ADMIN = urls.editor_file("").rstrip("/")
"""The editor's folder in the site: /admin/."""

PAGE = "index.html"
CONFIG = "config.json"
ASSET_NAMES = ("admin.js", "formats.js", "manual-init.js", "admin.css")
"""The editor's own files (beside the page and its configuration), copied from ``assets/``."""

GITHUB_API = "https://api.github.com"
GITHUB_AVATARS = "https://avatars.githubusercontent.com"


def policy(config: Mapping[str, Any]) -> str:
    """The page's Content-Security-Policy: what the CMS needs with ``config``'s backend, and no more.

    Decap CMS styles its components with inline ``<style>`` elements
    (emotion), hence ``'unsafe-inline'`` for styles only; and it checks its
    configuration with Ajv, which compiles each JSON Schema into a function
    (``new Function``), hence ``'unsafe-eval'``: both for this page only,
    whose scripts are all files of the site (no inline script runs).
    """
    backend = config["backend"]
    connect = ["'self'"]
    images = ["'self'", "data:", "blob:"]
    if backend["name"] == "github":
        connect.append(GITHUB_API)
        images.append(GITHUB_AVATARS)
        auth = backend.get("base_url")
        if auth:
            parts = urlsplit(auth)
            connect.append(f"{parts.scheme}://{parts.netloc}")
    directives = {
        "default-src": ["'none'"],
        "script-src": ["'self'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": images,
        "font-src": ["'self'", "data:"],
        "connect-src": connect,
        "manifest-src": ["'self'"],
        "base-uri": ["'self'"],
        "form-action": ["'none'"],
        "object-src": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def admin_page(config: Mapping[str, Any], site_name: str) -> bytes:
    """The editor's index.html."""
    page = (ASSETS / "index.html").read_text(encoding="utf-8")
    page = page.replace("{{ policy }}", html.escape(policy(config), quote=False)).replace("{{ site_name }}", html.escape(site_name))
    return page.encode("utf-8")


def bundle_files(node_modules: Path) -> dict[str, Path]:
    """The files of the CMS's bundle the page loads, by their path under /admin/: Decap CMS and its chunks, the YAML library."""
    dist = node_modules / "decap-cms" / "dist"
    found: dict[str, Path] = {}
    for path in sorted(dist.glob("*decap-cms.js")):
        found[path.name] = path
    for path in sorted(dist.glob("*.wasm")):
        found[path.name] = path
    for path in sorted((node_modules / "yaml" / "browser" / "dist").glob("*")):
        found[f"yaml/{path.name}"] = path
    return found


def node_modules() -> Path:
    """The CMS's npm install, in the virtual environment this runs in (``.venv/cms/node_modules``)."""
    return Path(sys.prefix) / INSTALL / "node_modules"


def installed(node_modules: Path) -> bool:
    """Whether the npm install has the CMS's bundle."""
    return (node_modules / "decap-cms" / "dist" / "decap-cms.js").is_file() and (
        node_modules / "yaml" / "browser" / "dist" / "index.js"
    ).is_file()


def published_files() -> tuple[str, ...]:
    """The names under /admin/ of the files a published build writes (:func:`write_admin`): none when the npm install is missing.

    The build's manifest lists them (:func:`partnership.core.present.manifest.manifest`), so that the rule for
    hand-written files at the site's addresses covers the editor's too, before anything is built.
    """
    modules = node_modules()
    if not installed(modules):
        return ()
    return (PAGE, CONFIG, *ASSET_NAMES, *bundle_files(modules))


def write_admin(site_dir: Path, config: Mapping[str, Any], site_name: str, node_modules: Path) -> list[str]:
    """Write /admin/ into ``site_dir``; the paths written, under the site."""
    folder = site_dir / ADMIN
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, bytes | Path] = {
        PAGE: admin_page(config, site_name),
        CONFIG: (json.dumps(config, indent=1, ensure_ascii=False) + "\n").encode("utf-8"),
    }
    for name in ASSET_NAMES:
        written[name] = ASSETS / name
    written.update(bundle_files(node_modules))
    for name, content in written.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, target)
        else:
            target.write_bytes(content)
    return [urls.editor_file(name) for name in written]
