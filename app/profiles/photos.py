"""Profile photos: recognised by content, re-encoded clean, stored under random names.

An upload is never stored or served as sent. Pillow opens it with only the
JPEG, PNG and WebP decoders allowed (the file's name and the browser's type
count for nothing), checks its size in pixels before decoding, verifies it,
then decodes it again for real. The picture is turned upright (EXIF
orientation), brought to sRGB, flattened on white, cropped to a centred square
and re-encoded as WebP at the sizes pages show; the new files are built from
pixels alone, so EXIF, GPS, XMP, comments and anything appended to the file
are gone. WebP rather than JPEG: a third smaller at the same look, and every
browser Apiary supports shows it.

Files live in the photo directory (``PHOTO_DIR``, else ``instance/photos``),
outside ``app/static``, named ``<key>-<size>.webp`` with a random key that
``Bee.photo`` holds. New files are written (temporary name, then rename)
before the database changes; the old ones are deleted only after the commit.
"""

from __future__ import annotations

import io
import os
import re
import secrets
from pathlib import Path
from typing import BinaryIO

from flask import current_app
from flask_babel import gettext as _
from PIL import Image, ImageCms, ImageOps

from app.db import after_write, write_transaction
from app.errors import ValidationError
from app.profiles.models import Bee
from app.profiles.services import lock_live_bees

SIZES = (400, 96)  # the profile page; avatars in lists
MAX_PIXELS = 40_000_000  # a 40-megapixel camera's frame; more is refused before decoding
FORMATS = ("JPEG", "PNG", "WEBP")
QUALITY = 82
KEY = re.compile(r"[A-Za-z0-9_-]{24}")  # secrets.token_urlsafe(18)
FILE_NAME = re.compile(rf"{KEY.pattern}-(?:{'|'.join(map(str, SIZES))})\.webp")
MIMETYPE = "image/webp"


class PhotoTooLarge(ValidationError):
    """The upload has more bytes than ``PHOTO_MAX_BYTES``."""

    status = 413


def too_large_message() -> str:
    """What a bee is told when the file is over the limit."""
    megabytes = current_app.config["PHOTO_MAX_BYTES"] // (1024 * 1024)
    return _("A photo can be up to %(num)s MB. Choose a smaller file.", num=megabytes)


def photo_dir() -> Path:
    """Where photo files live: ``PHOTO_DIR``, else ``photos`` under the instance folder."""
    configured = current_app.config["PHOTO_DIR"]
    return Path(configured) if configured else Path(current_app.config["INSTANCE_DIR"]) / "photos"


def file_name(key: str, size: int) -> str:
    """The name of a photo's file at one size."""
    return f"{key}-{size}.webp"


def stored_file(name: str) -> Path | None:
    """The path of a stored photo file, or None when ``name`` is not one of ours or is gone."""
    if not FILE_NAME.fullmatch(name):
        return None
    path = photo_dir() / name
    return path if path.is_file() else None


def save_photo(bee: Bee, upload: bytes | BinaryIO) -> Bee:
    """Make ``upload`` the bee's photo, replacing (and deleting) any earlier one."""
    squares = _decode(_read(upload))
    key = secrets.token_urlsafe(18)
    try:
        _write_files(key, squares)
        with write_transaction():
            (bee,) = lock_live_bees(bee)
            old, bee.photo = bee.photo, key
            if old:
                after_write(lambda: delete_files(old))
    except BaseException:
        delete_files(key)
        raise
    return bee


def remove_photo(bee: Bee) -> bool:
    """Remove the bee's photo and delete its files; False when there was none."""
    with write_transaction():
        (bee,) = lock_live_bees(bee)
        old, bee.photo = bee.photo, None
        if old:
            after_write(lambda: delete_files(old))
    return old is not None


def _read(upload: bytes | BinaryIO) -> bytes:
    """The upload's bytes, refusing an empty file or one over the limit."""
    limit = current_app.config["PHOTO_MAX_BYTES"]
    data = upload if isinstance(upload, bytes) else upload.read(limit + 1)
    if not data:
        raise ValidationError("photo", _("That file is empty. Choose a JPEG, PNG or WebP photo."))
    if len(data) > limit:
        raise PhotoTooLarge("photo", too_large_message())
    return data


def _too_many_pixels() -> ValidationError:
    megapixels = MAX_PIXELS // 1_000_000
    message = _("That image has too many pixels. Choose one under %(num)s megapixels.", num=megapixels)
    return ValidationError("photo", message)


def _check_pixels(size: tuple[int, int]) -> None:
    """Refuse a picture too big to decode, from the size its header declares."""
    width, height = size
    if width * height > MAX_PIXELS:
        raise _too_many_pixels()


def _decode(data: bytes) -> dict[int, bytes]:
    """Open ``data`` as a JPEG, PNG or WebP image and render it at each size, or say why not."""
    try:
        with Image.open(io.BytesIO(data), formats=FORMATS) as probe:
            _check_pixels(probe.size)
            probe.verify()
        image = Image.open(io.BytesIO(data), formats=FORMATS)
        _check_pixels(image.size)
        image.draft("RGB", (2 * SIZES[0], 2 * SIZES[0]))  # a JPEG decodes at a reduced scale
        image.load()
        return _render(_upright(image))
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels() from error  # Pillow's own ceilings, higher than ours
    except Exception as error:  # Pillow's parsers raise many kinds of error on hostile input
        message = _("That file is not a JPEG, PNG or WebP image we can read. Choose another photo.")
        raise ValidationError("photo", message) from error


def _upright(image: Image.Image) -> Image.Image:
    """The picture turned as its EXIF orientation says; as stored when the EXIF is broken."""
    try:
        return ImageOps.exif_transpose(image)
    except Exception:  # Pillow warns, or raises, on corrupt EXIF in many ways
        return image


def _render(image: Image.Image) -> dict[int, bytes]:
    """The (upright) photo in sRGB, on white, as a centred square WebP at each size."""
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "F"):  # 16-bit grey: scale, do not clip
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    has_alpha = image.has_transparency_data
    image = _to_srgb(image.convert("RGBA" if has_alpha else "RGB"))
    if has_alpha:
        background = Image.new("RGBA", image.size, "white")
        background.alpha_composite(image)
        image = background
    square = ImageOps.fit(image.convert("RGB"), (SIZES[0], SIZES[0]), Image.Resampling.LANCZOS)
    rendered = {}
    for size in SIZES:
        pixels = square if size == SIZES[0] else square.resize((size, size), Image.Resampling.LANCZOS)
        clean = Image.frombytes("RGB", pixels.size, pixels.tobytes())  # pixels only: no metadata
        buffer = io.BytesIO()
        clean.save(buffer, "WEBP", quality=QUALITY, method=6)
        rendered[size] = buffer.getvalue()
    return rendered


def _to_srgb(image: Image.Image) -> Image.Image:
    """Convert from the file's colour profile (a phone's Display P3, say) to sRGB."""
    icc = image.info.get("icc_profile")
    if not icc:
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=image.mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # a broken or mismatched profile: keep the colours as they are


def _write_files(key: str, rendered: dict[int, bytes]) -> None:
    """Write each size under a temporary name, then rename it into place."""
    folder = photo_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for size, data in rendered.items():
        target = folder / file_name(key, size)
        temporary = folder / f".{target.name}.{secrets.token_hex(4)}.tmp"
        try:
            temporary.write_bytes(data)
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)


def delete_files(key: str) -> None:
    """Delete every size of a photo (only a key of the form this module makes)."""
    if not KEY.fullmatch(key):
        return
    for size in SIZES:
        (photo_dir() / file_name(key, size)).unlink(missing_ok=True)
