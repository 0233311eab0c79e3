"""Publishing a built site: ``site/`` is a complete site at every instant, old or new.

A build writes into a private folder beside the target (``.site-build-<pid>-…``)
and then swaps it with ``site/``:

* on Linux, with one ``renameat2(RENAME_EXCHANGE)`` call (through ctypes),
  which swaps the two names atomically: a reader, or a kill, sees the old
  site or the new one, never neither. The old site is then under the
  private name, and is deleted;
* elsewhere (or on a file system that cannot exchange), with two renames:
  ``site/`` → ``.site-old-<pid>-…``, then the new folder → ``site/``. A kill
  between the two leaves no ``site/`` for that instant; the next build puts
  the old site back before anything else (:func:`recover`).

:func:`recover` runs at the start of every build: it restores a stranded old
site, then deletes the leftovers of builds that were killed (their process
is gone), so folders never pile up beside ``site/``.

For tests only, ``PARTNERSHIP_TEST_KILL_AT=<stage>`` kills the build process
(SIGKILL, as the kernel or CI would) at a named stage (:data:`STAGES`), and
``PARTNERSHIP_TEST_NO_EXCHANGE=1`` forces the two-rename path.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import re
import shutil
import signal
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

KILL_AT = "PARTNERSHIP_TEST_KILL_AT"
NO_EXCHANGE = "PARTNERSHIP_TEST_NO_EXCHANGE"
STAGES = ("started", "built", "exchanged", "moved-old", "published")
"""Where a test may kill a build: after the private folder is made, after the site is built in it, after the
atomic exchange, between the two renames of the portable path, after the site is in place."""

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_LEFTOVER = re.compile(r"^\.(?P<name>.+)-(?P<kind>build|old)-(?:(?P<pid>\d+)-)?[^/]*$")


def stage(name: str) -> None:
    """A named point of the build: tests may have the process killed here."""
    if os.environ.get(KILL_AT) == name:
        sys.stdout.flush()
        os.kill(os.getpid(), signal.SIGKILL)


def target_problem(target: Path, sources: list[Path]) -> str | None:
    """Why the site cannot be published at ``target``, or None: a folder that is a site built before, or nothing yet.

    Publishing replaces the folder whole, so nothing that is not a built site may be there: a file or
    a link (someone's), one of the project's ``sources`` (``--site-dir data`` would swap the data away),
    a folder that holds them or lies inside them, or a folder of other files.
    """
    shown = target.name or str(target)
    if target.is_symlink():
        return f"{shown} is a link, not a folder; the site is published into a folder of that name: remove the link"
    if target.exists() and not target.is_dir():
        return f"{shown} is a file, not a folder; the site is published into a folder of that name: move or rename the file"
    real = target.resolve()
    for source in sources:
        source = source.resolve()
        if real == source or source.is_relative_to(real) or real.is_relative_to(source):
            return f"{shown} is (or holds, or lies inside) {source.name}/, which the site is built from; choose another folder for the site"
    if real.is_dir() and any(real.iterdir()) and not (real / "index.html").is_file():
        return f"{shown} holds files but no index.html, so it is not a site built before, and publishing would replace it; choose another folder"
    return None


def private_folder(target: Path) -> Path:
    """A new, empty folder beside ``target`` to build into, named after this process."""
    return Path(tempfile.mkdtemp(prefix=f".{target.name}-build-{os.getpid()}-", dir=target.parent))


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2``); False where that is not possible."""
    if not sys.platform.startswith("linux") or os.environ.get(NO_EXCHANGE):
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap(new: Path, target: Path) -> None:
    """Publish ``new`` as ``target``, so that no reader or kill ever finds half a site."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(new, 0o777 & ~umask)  # mkdtemp made it private; a published site is readable
    if not target.exists():
        os.rename(new, target)
        stage("published")
        return
    if _exchange(new, target):
        stage("exchanged")
        old = new  # the old site now has the private name
    else:
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-{os.getpid()}-", dir=target.parent))
        old.rmdir()
        os.rename(target, old)
        stage("moved-old")
        os.rename(new, target)
    stage("published")
    remove(old)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover(target: Path) -> list[str]:
    """Put back a site stranded by a killed build, and delete killed builds' folders. Returns what was done."""
    done: list[str] = []
    stranded: list[Path] = []
    stale: list[Path] = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            match = _LEFTOVER.match(entry.name)
            if not match or match["name"] != target.name or not entry.is_dir(follow_symlinks=False):
                continue
            pid = int(match["pid"]) if match["pid"] else None
            if pid is not None and pid != os.getpid() and _alive(pid):
                continue  # another build, still running
            (stranded if match["kind"] == "old" else stale).append(Path(entry.path))
    if not target.exists() and stranded:
        newest = max(stranded, key=lambda p: p.stat().st_mtime)
        os.rename(newest, target)
        stranded.remove(newest)
        done.append(f"put back the last published site from {newest.name} (a build had been stopped while publishing)")
    for leftover in stranded + stale:
        remove(leftover)
        done.append(f"deleted {leftover.name}, left by a build that was stopped")
    return done


def remove(folder: Path, workers: int = 4) -> None:
    """Delete a folder of thousands of files, several parts at a time.

    Deleting is mostly waiting on the file system, so threads overlap well:
    a previous site of 3,000 events goes in about half the time.
    """

    def remove_all(paths: list[str]) -> None:
        for path in paths:
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    os.unlink(path)

    parts: list[str] = []
    with contextlib.suppress(OSError):
        for top in os.scandir(folder):
            if top.is_dir(follow_symlinks=False):
                parts.extend(entry.path for entry in os.scandir(top.path))
            else:
                parts.append(top.path)
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(remove_all, [parts[i::workers] for i in range(workers)]))
    shutil.rmtree(folder, ignore_errors=True)
