"""Put a new release in place of the old one so that a complete release exists at every instant.

The release is a plain folder: git tracks its files and the wheel ships them,
so it cannot be a symbolic link swapped by rename. The new one is written
beside it, and then:

1. :func:`locked` takes an ``flock`` on the folder that holds the release (the
   folder itself, so no lock file shows in ``git status``); a second build into
   the same folder stops at once with a clear message;
2. :func:`clean_leftovers` removes what interrupted builds left
   (``.release-tmp-*``, ``.release-old-*``), first putting back a complete old
   release if an interrupted fallback switch left none;
3. :func:`sync_tree` flushes every file and folder of the new release to disk;
4. :func:`switch` swaps the two folders in one atomic step:
   ``renameat2(RENAME_EXCHANGE)`` on Linux, ``renamex_np(RENAME_SWAP)`` on
   macOS, so the name ``release`` always holds one complete release, old or
   new; the old one, now under the temporary name, is then deleted. Where the
   system or file system has no exchange, the old release is renamed to
   ``.release-old-*`` and the new one renamed in; a crash between those two
   renames is repaired by step 2 of the next build.

An exchange was chosen over keeping ``release`` as a symbolic link (which git
and the wheel would carry as a link) and over two plain renames (which leave a
moment with no release at all).
"""

from __future__ import annotations

import ctypes
import errno
import os
import secrets
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from usiraq.builders.errors import RefusedError, display_path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # linux/fs.h
_RENAME_SWAP = 2  # macOS sys/stdio.h
_NO_EXCHANGE = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV}


def staging_prefix(out: Path) -> str:
    """The name prefix of the folder a new release is written into."""
    return f".{out.name}-tmp-"


def retired_prefix(out: Path) -> str:
    """The name prefix of an old release moved aside by the fallback switch."""
    return f".{out.name}-old-"


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder holding ``out`` for the block.

    Raises:
        RefusedError: another build holds the lock.

    """
    try:
        import fcntl
    except ImportError:  # no flock on this system: builds are not serialised
        yield
        return
    handle = os.open(out.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RefusedError(
                f"{display_path(out)}: another usiraq build is writing this release right now; "
                "run again when it has finished"
            ) from None
        yield
    finally:
        os.close(handle)


def clean_leftovers(out: Path) -> list[Path]:
    """Remove what interrupted builds left beside ``out``; put back a moved-aside release if ``out`` is missing.

    Only folders named with this module's prefixes are touched. Returns the leftovers removed.
    """
    retired = sorted(_ours(out, retired_prefix(out)))
    if retired and not os.path.lexists(out):
        retired.pop().rename(out)
        sync_folder(out.parent)
    leftovers = retired + sorted(_ours(out, staging_prefix(out)))
    for folder in leftovers:
        shutil.rmtree(folder, ignore_errors=True)
    return leftovers


def _ours(out: Path, prefix: str) -> Iterator[Path]:
    for path in out.parent.glob(f"{prefix}*"):
        if path.is_dir() and not path.is_symlink():
            yield path


def new_staging(out: Path) -> Path:
    """A new empty folder beside ``out`` to write a release into (mode 0755, as the release is)."""
    staging = out.parent / f"{staging_prefix(out)}{secrets.token_hex(6)}"
    staging.mkdir(mode=0o755)
    staging.chmod(0o755)  # whatever the umask
    return staging


def sync_tree(folder: Path) -> None:
    """``fsync`` every file and folder under ``folder``, and ``folder`` itself."""
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file():
            _fsync(path, os.O_RDONLY)
        elif path.is_dir():
            sync_folder(path)
    sync_folder(folder)


def sync_folder(folder: Path) -> None:
    """``fsync`` a folder, so the names in it (renames, new files) are on disk."""
    if sys.platform != "win32":
        _fsync(folder, os.O_RDONLY)


def _fsync(path: Path, flags: int) -> None:
    handle = os.open(path, flags)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def switch(staging: Path, out: Path) -> None:
    """Put the complete release ``staging`` at ``out``; afterwards ``staging`` holds the old release, if any."""
    if not os.path.lexists(out):
        staging.rename(out)
    elif not exchange(staging, out):
        _switch_by_renames(staging, out)
    sync_folder(out.parent)


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step; False where the system or file system cannot.

    Raises:
        OSError: the exchange was possible but failed.

    """
    call = _exchange_call()
    if call is None:
        return False
    if call(os.fsencode(first), os.fsencode(second)) == 0:
        return True
    code = ctypes.get_errno()
    if code in _NO_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def _exchange_call() -> Callable[[bytes, bytes], int] | None:
    """``(a, b) -> int`` swapping two paths through the C library, or None."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        function = libc.renameat2
        return lambda a, b: function(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE)
    if sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        function = libc.renamex_np
        return lambda a, b: function(a, b, _RENAME_SWAP)
    return None


def _switch_by_renames(staging: Path, out: Path) -> None:
    """Move ``out`` aside, then ``staging`` in; put ``out`` back if the second rename fails."""
    retired = out.parent / f"{retired_prefix(out)}{secrets.token_hex(6)}"
    out.rename(retired)
    try:
        staging.rename(out)
    except BaseException:
        retired.rename(out)
        raise
    retired.rename(staging)
