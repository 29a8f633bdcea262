"""Reading a LinkedIn export ZIP without trusting it: from memory, never to disk, only the
members asked for, each within caps on count, size (declared and actual) and compression ratio.
Member names are compared, never used as paths. Problems are ValidationErrors on the upload
form's field, :data:`FIELD`."""

from __future__ import annotations

import io
import re
import zipfile

from flask_babel import gettext as _

from app.errors import ValidationError
from app.i18n import ngettext

FIELD = "export"  # the upload form's field, which every error here belongs to
MAX_MEMBERS = 2_000
MAX_MEMBER_BYTES = 4 * 1024 * 1024  # uncompressed, per file read
MAX_RATIO = 100  # uncompressed to compressed, above which a big member is a zip bomb
RATIO_FREE_BYTES = 64 * 1024  # a small member may compress as well as it likes
CHUNK = 64 * 1024


def refuse(message: str) -> ValidationError:
    """A problem with the upload, said on its form field."""
    return ValidationError(FIELD, message)


def open_zip(raw: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
    except Exception:  # hostile bytes make zipfile raise many kinds of error: each means "not a ZIP"
        raise refuse(
            _("This file is not a ZIP archive, or it is damaged. Upload the ZIP file LinkedIn sent you.")
        ) from None
    if len(members) > MAX_MEMBERS:
        raise refuse(
            ngettext(
                "This ZIP holds more than %(num)s file: it is not a LinkedIn export.",
                "This ZIP holds more than %(num)s files: it is not a LinkedIn export.",
                MAX_MEMBERS,
            )
        )
    return archive


def wanted(archive: zipfile.ZipFile, known: dict) -> dict[str, zipfile.ZipInfo]:
    """The members whose file name is one we read, by that name in lower case.

    They may sit at the root or in one folder; deeper ones are ignored. One with
    an absolute or ``..`` name, a drive or a backslash refuses the whole ZIP.
    Member names are only compared, never used as paths.
    """
    found: dict[str, zipfile.ZipInfo] = {}
    for info in archive.infolist():
        name = info.filename
        base = re.split(r"[\\/]", name)[-1].casefold()
        if base not in known or info.is_dir():
            continue
        parts = name.split("/")
        if name.startswith("/") or "\\" in name or ":" in name or ".." in parts:
            raise refuse(_("This ZIP holds a file with an unsafe name: %(name)s", name=name[:100]))
        if len(parts) > 2:
            continue
        if base in found:
            raise refuse(_("This ZIP holds %(file)s twice.", file=known[base].shown))
        found[base] = info
    return found


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: str) -> bytes:
    """A member's bytes, read in chunks and stopped at the cap whatever its header claims."""
    if info.flag_bits & 0x1:
        raise refuse(_("%(file)s is encrypted. Upload the ZIP as LinkedIn sent it.", file=file))
    too_large = _(
        "%(file)s is too large once uncompressed (over %(mb)s MB).", file=file, mb=MAX_MEMBER_BYTES // 2**20
    )

    def inflated(size: int) -> bool:
        return size > RATIO_FREE_BYTES and size > MAX_RATIO * max(info.compress_size, 1)

    if info.file_size > MAX_MEMBER_BYTES or inflated(info.file_size):
        raise refuse(too_large)
    chunks, size = [], 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(CHUNK):
                size += len(chunk)
                if size > MAX_MEMBER_BYTES or inflated(size):
                    raise refuse(too_large)
                chunks.append(chunk)
    except ValidationError:
        raise
    except Exception:  # a bad CRC, a broken stream, an unknown compression method
        raise refuse(_("%(file)s is damaged inside the ZIP and cannot be read.", file=file)) from None
    return b"".join(chunks)
