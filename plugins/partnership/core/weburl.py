"""Addresses (URLs) read as a browser reads them: the one parser every rule about an address uses.

A browser does not read an address as it is written. It drops tabs and
line breaks anywhere in it (``java\\tscript:`` is ``javascript:``), strips
spaces and controls at its ends, reads a backslash as a slash in web
addresses (``/\\evil.example/x.png`` is ``//evil.example/x.png``, another
site), decodes a host's percent-escapes (``http://ex%41mple.org``), and takes
``https:page`` on an https page for a path. Python's ``urllib.parse``
follows an older standard (RFC 3986) and reads several of these otherwise,
so a rule built on it can pass what a browser then opens elsewhere.

This module parses with Ada (``ada-url``), an implementation of the WHATWG
URL Standard that browsers follow (it is the parser in Node.js), and
resolves every address against a page of a site that no real address can
name, so that what it reports is what a browser on the site would do:

* :attr:`Address.scheme` (``javascript``, ``https``, ``mailto``…);
* :attr:`Address.other_site`: whether it leads away from the site;
* :attr:`Address.disguised`: written like a path of the site (no scheme)
  but leading to another site (``//host``, ``/\\host``, ``\\\\host``);
* :attr:`Address.credentials`: a user name or password before the host,
  which makes an address show one site and open another
  (``https://www.example.org@evil.example/``).

Rules decide what to allow; :func:`parse` only tells them what it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ada_url import URL

SITE = "https://site.invalid/page/"
"""The page every address is resolved against: ``.invalid`` is reserved (RFC 2606), so no real address leads there."""
_SITE_HOST = "site.invalid"
WEB = frozenset({"http", "https"})


@dataclass(frozen=True)
class Address:
    """One address as written and as a browser reads it."""

    written: str
    scheme: str
    """As the browser reads it, lower case, without the colon; ``https`` for a path of the site, ``""`` when it cannot be read."""
    relative: bool
    """Written without a scheme of its own: a path, ``?query``, ``#fragment``, or ``//host…``."""
    host: str
    """The host it leads to (``site.invalid`` for the site itself); ``""`` for ``mailto:`` and the like."""
    credentials: bool
    href: str
    """The whole address as the browser reads it (``""`` when it cannot be read)."""

    @property
    def readable(self) -> bool:
        """False when a browser cannot read it at all (``http://exa mple.org``, ``https://[::1``)."""
        return bool(self.href)

    @property
    def other_site(self) -> bool:
        """True when a browser on the site would leave it: ``https://elsewhere``, ``//elsewhere``, ``/\\elsewhere``."""
        return self.scheme in WEB and self.host != _SITE_HOST

    @property
    def disguised(self) -> bool:
        """Written like a path of the site, but another site to a browser."""
        return self.relative and self.other_site


@lru_cache(maxsize=4096)
def parse(written: str) -> Address:
    """``written`` (an attribute's value as the HTML parser gives it, or a value from a data file) as a browser reads it."""
    relative = not URL.can_parse(written)
    try:
        url = URL(written, base=SITE)
    except ValueError:
        return Address(written, "", relative, "", False, "")
    scheme = url.protocol.removesuffix(":").lower()
    return Address(written, scheme, relative, url.hostname, bool(url.username or url.password), url.href)
