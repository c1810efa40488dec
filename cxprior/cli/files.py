"""Files the commands write: checked before any work, replaced only once complete, and every
failure said with the user's own path and folder (never the temporary file written first).

    error: --json: cannot write out/result.json: the folder out does not exist
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from cxprior.cli.arguments import UsageError, usage_error
from cxprior.i18n import tr


def folder_of(target: str | os.PathLike[str]) -> Path:
    """The folder a file goes to, as the user wrote it ("." for a bare file name)."""
    parent = Path(target).parent
    return parent if str(parent) else Path(".")


def _problem(argument: str | None, path: str, key: str, lang: str, **params: object) -> UsageError:
    message = tr(key, lang, path=path, folder=str(folder_of(path)), **params)
    return usage_error(argument, message, lang) if argument else UsageError(message)


def check_output(argument: str, target: str | os.PathLike[str] | None, lang: str) -> None:
    """Refuse now, before reading or solving anything, a file that could not be written: its
    folder missing or not a folder, or the target itself a folder. `-` (standard output) and
    None (not asked for) pass."""
    if target is None or str(target) == "-":
        return
    path = str(target)
    folder = folder_of(path)
    if Path(path).is_dir():
        raise _problem(argument, path, "cli.file.is_folder", lang)
    if not folder.exists():
        raise _problem(argument, path, "cli.file.no_folder", lang)
    if not folder.is_dir():
        raise _problem(argument, path, "cli.file.not_a_folder", lang)


def _failure(error: OSError, path: str, argument: str | None, lang: str) -> UsageError:
    code = error.errno
    if code == errno.ENOENT:
        return _problem(argument, path, "cli.file.no_folder", lang)
    if code == errno.ENOTDIR:
        return _problem(argument, path, "cli.file.not_a_folder", lang)
    if code == errno.EISDIR or Path(path).is_dir():
        return _problem(argument, path, "cli.file.is_folder", lang)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _problem(argument, path, "cli.file.denied", lang)
    if code in (errno.ENOSPC, errno.EDQUOT):
        return _problem(argument, path, "cli.file.full", lang)
    reason = error.strerror or type(error).__name__
    return _problem(argument, path, "cli.file.failed", lang, reason=reason)


def write_atomically(
    path: str | os.PathLike[str], data: bytes, *, argument: str | None = None, lang: str = "en"
) -> None:
    """Write through a temporary file in the same folder, so a crash never leaves half a file
    behind; a failure raises UsageError naming `path` (and `argument`, the option that gave it)."""
    target = str(path)
    if os.path.exists(target) and not os.path.isfile(target) and not os.path.isdir(target):
        # a device or a pipe (/dev/null, /dev/stdout) is written to as it is: replacing it by a
        # file would, as root, turn the machine's /dev/null into an ordinary file
        try:
            with open(target, "wb") as out:
                out.write(data)
        except OSError as error:
            raise _failure(error, target, argument, lang) from None
        return
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{Path(target).name}.", suffix=".part", dir=folder_of(target)
        )
    except OSError as error:
        raise _failure(error, target, argument, lang) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _failure(error, target, argument, lang) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
