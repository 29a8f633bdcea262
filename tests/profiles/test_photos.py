"""Profile photos: only real JPEG, PNG and WebP images, re-encoded clean, stored and served safely."""

from __future__ import annotations

import io
import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from PIL import ExifTags, Image
from sqlalchemy import delete
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

import app as app_package
from app.db import write_transaction
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.profiles import photos
from app.profiles.models import Bee
from app.profiles.photo_routes import photo_url
from tests.conftest import csrf_token_from, make_app
from tests.factories import PASSWORD, make_bee

RED, BLUE = (220, 0, 0), (0, 0, 220)


@pytest.fixture(autouse=True)
def empty_photo_dir(app):
    """The app (and its instance folder) lasts the session: each test starts with no photo files."""
    assert app.config["PHOTO_DIR"] is None  # the default: ``photos`` under the instance folder
    shutil.rmtree(photos.photo_dir(), ignore_errors=True)


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def jpeg_from_a_phone() -> bytes:
    """600×300 as stored, left half red and right half blue, with EXIF saying "rotate 90° clockwise"
    (so it shows 300×600, red on top), a camera model and a GPS position."""
    image = Image.new("RGB", (600, 300), BLUE)
    image.paste(RED, (0, 0, 300, 300))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Model] = "Beecam 3000"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (52.0, 22.0, 12.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (4.0, 53.0, 40.0),
    }
    return encoded(image, "JPEG", exif=exif.tobytes(), quality=95)


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_declaring(width: int, height: int) -> bytes:
    """A 1-bit PNG whose header declares ``width``×``height``, with a few bytes of pixel data:
    cheap to build, costly to decode if anything tried."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + png_chunk(b"IEND", b"")
    )


def stored(bee: Bee) -> dict[int, Path]:
    return {size: photos.photo_dir() / photos.file_name(bee.photo, size) for size in photos.SIZES}


def upload(client, data: bytes, filename: str = "me.jpg", mimetype: str = "image/jpeg"):
    """POST a file as a browser would (encoded here, in memory: the test client would spool a
    large body to a temporary file it never closes)."""
    boundary, body = encode_multipart(
        {"photo": FileStorage(io.BytesIO(data), filename, content_type=mimetype)}
    )
    return client.post(
        "/settings/photo", data=body, content_type=f'multipart/form-data; boundary="{boundary}"'
    )


def fresh(bee: Bee) -> Bee:
    return db.session.get(Bee, bee.id, populate_existing=True)


# The service


def test_a_phone_photo_is_turned_upright_cropped_resized_and_stripped_of_exif(app):
    source = jpeg_from_a_phone()
    with Image.open(io.BytesIO(source)) as original:  # the upload does carry what must go
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    bee = photos.save_photo(make_bee(), source)
    files = stored(bee)
    for size, path in files.items():
        with Image.open(path) as image:
            assert image.format == "WEBP"
            assert image.size == (size, size)
            assert not image.getexif()
            assert not image.info.get("exif")
            assert not image.info.get("xmp")
            assert not image.info.get("icc_profile")
        assert b"Beecam" not in path.read_bytes()
    with Image.open(files[400]) as image:
        red, _green, blue = image.convert("RGB").getpixel((300, 20))
        assert red > 150
        assert blue < 80
        red, _green, blue = image.convert("RGB").getpixel((100, 380))
        assert blue > 150
        assert red < 80


def test_png_with_alpha_is_flattened_on_white(app):
    image = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    image.paste((0, 128, 0, 255), (50, 50, 150, 150))
    bee = photos.save_photo(make_bee(), encoded(image, "PNG"))
    with Image.open(stored(bee)[400]) as result:
        assert result.mode == "RGB"
        assert all(channel > 245 for channel in result.getpixel((5, 5)))
        green = result.getpixel((200, 200))
        assert green[1] > 100
        assert green[0] < 40


@pytest.mark.parametrize(
    "data",
    [
        encoded(Image.new("RGB", (120, 90), RED), "WEBP"),
        encoded(Image.new("P", (64, 64), 3), "PNG"),
        encoded(Image.new("L", (64, 64), 90), "JPEG"),
        encoded(Image.new("CMYK", (64, 64), (0, 90, 90, 0)), "JPEG"),
        encoded(Image.new("I;16", (64, 64), 40000), "PNG"),
    ],
    ids=["webp", "palette-png", "grey-jpeg", "cmyk-jpeg", "16-bit-png"],
)
def test_every_kind_of_jpeg_png_and_webp_is_accepted(app, data):
    bee = photos.save_photo(make_bee(), io.BytesIO(data))
    assert all(path.is_file() for path in stored(bee).values())


# Pillow warns about broken EXIF; only the test suite turns warnings into errors.
@pytest.mark.filterwarnings("ignore:Corrupt EXIF data")
def test_a_jpeg_with_broken_exif_is_kept_as_stored(app):
    broken = b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\xff\xff" + b"\x00" * 10
    bee = photos.save_photo(make_bee(), encoded(Image.new("RGB", (40, 40), RED), "JPEG", exif=broken))
    with Image.open(stored(bee)[96]) as result:
        assert not result.getexif()


def test_a_16_bit_grey_keeps_its_shade(app):
    bee = photos.save_photo(make_bee(), encoded(Image.new("I;16", (64, 64), 32768), "PNG"))
    with Image.open(stored(bee)[96]) as result:
        assert 110 < result.getpixel((48, 48))[0] < 145  # half grey, not clipped to white


@pytest.mark.parametrize(
    "data",
    [
        encoded(Image.new("RGB", (32, 32), RED), "GIF"),
        encoded(Image.new("RGB", (32, 32), RED), "BMP"),
        encoded(Image.new("RGB", (32, 32), RED), "TIFF"),
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"<html><script>alert(1)</script></html>" + encoded(Image.new("RGB", (8, 8)), "PNG"),
        os.urandom(4096),
        jpeg_from_a_phone()[:1500],
        encoded(Image.new("RGB", (300, 300), RED), "PNG")[:-40],
        b"\x89PNG\r\n\x1a\n",
    ],
    ids=[
        "gif",
        "bmp",
        "tiff",
        "svg",
        "html-then-png",
        "random",
        "truncated-jpeg",
        "truncated-png",
        "magic-only",
    ],
)
def test_anything_else_is_refused_with_a_clear_message(app, data):
    with pytest.raises(ValidationError) as refused:
        photos.save_photo(make_bee(), data)
    assert refused.value.field == "photo"
    assert "JPEG, PNG or WebP" in refused.value.message
    assert not photos.photo_dir().exists() or not list(photos.photo_dir().iterdir())


def test_an_empty_file_is_refused(app):
    with pytest.raises(ValidationError, match="empty"):
        photos.save_photo(make_bee(), b"")


@pytest.mark.parametrize(
    "size",
    [(50_000, 50_000), (10_000, 10_000), (8_000, 6_000)],
    ids=["past-pillows-error", "past-pillows-warning", "past-our-ceiling"],
)
def test_decompression_bombs_are_refused_before_decoding(app, size):
    with pytest.raises(ValidationError, match="too many pixels") as refused:
        photos.save_photo(make_bee(), png_declaring(*size))
    assert refused.value.status == 422


def test_bytes_appended_to_an_image_are_not_stored(app):
    data = encoded(Image.new("RGB", (100, 100), RED), "JPEG") + b"<script>alert(1)</script>PK\x03\x04"
    bee = photos.save_photo(make_bee(), data)
    assert all(b"script" not in path.read_bytes() for path in stored(bee).values())


def test_a_file_over_the_limit_is_refused_as_too_large(app, monkeypatch):
    monkeypatch.setitem(app.config, "PHOTO_MAX_BYTES", 1024)
    with pytest.raises(photos.PhotoTooLarge) as refused:
        photos.save_photo(make_bee(), io.BytesIO(b"\xff\xd8" + b"x" * 2000))
    assert refused.value.status == 413


def test_a_new_photo_replaces_and_deletes_the_old_files(app):
    bee = photos.save_photo(make_bee(), encoded(Image.new("RGB", (50, 50), RED), "PNG"))
    old = stored(bee)
    bee = photos.save_photo(bee, encoded(Image.new("RGB", (50, 50), BLUE), "PNG"))
    assert all(not path.exists() for path in old.values())
    assert all(path.is_file() for path in stored(bee).values())
    assert sorted(p.name for p in photos.photo_dir().iterdir()) == sorted(
        p.name for p in stored(bee).values()
    )


def test_a_refused_upload_leaves_the_old_photo_in_place(app):
    bee = photos.save_photo(make_bee(), encoded(Image.new("RGB", (50, 50), RED), "PNG"))
    key, files = bee.photo, stored(bee)
    with pytest.raises(ValidationError):
        photos.save_photo(bee, b"GIF89a not really")
    assert fresh(bee).photo == key
    assert all(path.is_file() for path in files.values())
    assert len(list(photos.photo_dir().iterdir())) == len(photos.SIZES)


def test_when_the_database_write_fails_the_new_files_are_deleted(app):
    bee = make_bee()
    with write_transaction():
        db.session.execute(delete(Bee).where(Bee.id == bee.id))
    with pytest.raises(NotFound):
        photos.save_photo(bee, encoded(Image.new("RGB", (50, 50), RED), "PNG"))
    assert list(photos.photo_dir().iterdir()) == []


def test_remove_deletes_the_files_and_clears_the_photo(app):
    bee = photos.save_photo(make_bee(), encoded(Image.new("RGB", (50, 50), RED), "PNG"))
    files = stored(bee)
    assert photos.remove_photo(bee) is True
    assert fresh(bee).photo is None
    assert all(not path.exists() for path in files.values())
    assert photos.remove_photo(bee) is False


def test_files_live_under_the_instance_folder_not_app_static(app):
    photos.save_photo(make_bee(), encoded(Image.new("RGB", (50, 50), RED), "PNG"))
    folder = photos.photo_dir().resolve()
    static = (Path(app_package.__file__).parent / "static").resolve()
    assert folder.is_relative_to(Path(app.config["INSTANCE_DIR"]).resolve())
    assert not folder.is_relative_to(static)
    assert not list(static.rglob("*.webp"))


def test_photo_url_names_each_size_or_none(app):
    bee = make_bee()
    with app.test_request_context():
        assert photo_url(bee) is None
        bee = photos.save_photo(bee, encoded(Image.new("RGB", (50, 50), RED), "PNG"))
        assert photo_url(bee) == f"/photos/{bee.photo}-400.webp"
        assert photo_url(bee, 96) == f"/photos/{bee.photo}-96.webp"
        assert photo_url(bee, 123) is None
        assert photo_url(None) is None


# Through the pages


def test_upload_page_uploads_shows_and_serves_the_photo(app, client, login):
    bee = login(make_bee())
    page = client.get("/settings/photo").get_data(as_text=True)
    assert 'accept="image/jpeg,image/png,image/webp"' in page
    assert 'enctype="multipart/form-data"' in page
    response = upload(client, jpeg_from_a_phone())
    assert response.status_code == 302
    bee = fresh(bee)
    assert bee.photo
    page = client.get("/settings/photo").get_data(as_text=True)
    assert f"/photos/{bee.photo}-400.webp" in page
    with client.get(f"/photos/{bee.photo}-96.webp") as served:
        assert served.status_code == 200
        assert served.mimetype == "image/webp"
        assert served.headers["X-Content-Type-Options"] == "nosniff"
        assert served.headers["Content-Disposition"] == "inline"
        assert "immutable" in served.headers["Cache-Control"]
        assert "max-age=31536000" in served.headers["Cache-Control"]
        assert served.data == stored(bee)[96].read_bytes()


def test_file_names_and_types_do_not_matter_content_does(app, client, login):
    login(make_bee())
    png = encoded(Image.new("RGB", (60, 60), RED), "PNG")
    jpeg = encoded(Image.new("RGB", (60, 60), BLUE), "JPEG")
    gif = encoded(Image.new("RGB", (60, 60), RED), "GIF")
    assert upload(client, png, "renamed.jpg", "image/jpeg").status_code == 302
    assert upload(client, jpeg, "renamed.png", "image/png").status_code == 302
    refused = upload(client, gif, "sneaky.png", "image/png")
    assert refused.status_code == 422
    assert "JPEG, PNG or WebP" in refused.get_data(as_text=True)


@pytest.mark.parametrize(
    "data", [b"", os.urandom(2048), jpeg_from_a_phone()[:1200]], ids=["empty", "random", "truncated"]
)
def test_a_bad_file_re_shows_the_form_with_a_422(app, client, login, data):
    login(make_bee())
    response = upload(client, data)
    assert response.status_code == 422
    assert 'type="file"' in response.get_data(as_text=True)
    assert "invalid-feedback" in response.get_data(as_text=True)


def test_a_photo_larger_than_a_form_but_within_the_photo_limit_is_accepted(app, client, login):
    noise = Image.frombytes("RGB", (1000, 1000), os.urandom(3_000_000))
    data = encoded(noise, "PNG")
    assert len(data) > app.config["MAX_CONTENT_LENGTH"]
    bee = login(make_bee())
    assert upload(client, data, "noise.png", "image/png").status_code == 302
    assert fresh(bee).photo


def test_an_oversize_upload_gets_413_with_a_message(app, client, login):
    bee = login(make_bee())
    response = upload(client, b"\xff\xd8\xff" + b"\x00" * (app.config["PHOTO_MAX_BYTES"] + 100_000))
    assert response.status_code == 413
    assert "A photo can be up to 8 MB" in response.get_data(as_text=True)
    assert fresh(bee).photo is None


def test_remove_button_deletes_my_photo(app, client, login):
    bee = login(make_bee())
    upload(client, encoded(Image.new("RGB", (60, 60), RED), "PNG"))
    files = stored(fresh(bee))
    assert "Remove photo" in client.get("/settings/photo").get_data(as_text=True)
    response = client.post("/settings/photo/remove")
    assert response.status_code == 302
    assert fresh(bee).photo is None
    assert all(not path.exists() for path in files.values())
    assert client.get(f"/photos/{files[400].name}").status_code == 404
    assert "Remove photo" not in client.get("/settings/photo").get_data(as_text=True)


def test_my_uploads_and_removals_never_touch_another_bees_photo(app, client, login):
    other = photos.save_photo(make_bee(), encoded(Image.new("RGB", (50, 50), BLUE), "PNG"))
    key, files = other.photo, stored(other)
    me = login(make_bee())
    upload(client, encoded(Image.new("RGB", (50, 50), RED), "PNG"))
    client.post("/settings/photo/remove")
    upload(client, encoded(Image.new("RGB", (50, 50), RED), "PNG"))
    assert fresh(other).photo == key
    assert all(path.is_file() for path in files.values())
    assert fresh(me).photo not in (None, key)


def test_anonymous_visitors_are_sent_to_log_in(app, client):
    for response in (
        client.get("/settings/photo"),
        upload(client, encoded(Image.new("RGB", (50, 50), RED), "PNG")),
        client.post("/settings/photo/remove"),
    ):
        assert response.status_code == 302
        assert "/login" in response.headers["Location"]
    assert not photos.photo_dir().exists() or not list(photos.photo_dir().iterdir())


@pytest.mark.parametrize(
    "path",
    [
        "/photos/..%2F..%2Fconfig.py",
        "/photos/..%2Fsecret_key",
        "/photos/%2e%2e",
        "/photos/../secret_key",
        "/photos/AAAAAAAAAAAAAAAAAAAAAAAA-400.webp",
        "/photos/AAAAAAAAAAAAAAAAAAAAAAAA-400.png",
        "/photos/AAAAAAAAAAAAAAAAAAAAAAAA-123.webp",
        "/photos/secret_key",
    ],
)
def test_only_stored_photo_names_are_served(app, client, path):
    (Path(app.config["INSTANCE_DIR"]) / "photos").mkdir(exist_ok=True)
    assert client.get(path).status_code == 404


def test_temporary_and_hidden_files_are_not_served(app, client):
    bee = photos.save_photo(make_bee(), encoded(Image.new("RGB", (50, 50), RED), "PNG"))
    hidden = photos.photo_dir() / f".{bee.photo}-400.webp.abcd1234.tmp"
    hidden.write_bytes(b"half")
    assert client.get(f"/photos/{hidden.name}").status_code == 404
    with client.get(f"/photos/{bee.photo}-400.webp") as served:
        assert served.status_code == 200


def test_a_large_photo_passes_csrf_protection_with_its_token(app, tmp_path):
    """CSRF protection reads the form before the view runs: the photo limit must already hold."""
    checked = make_app(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path, WTF_CSRF_ENABLED=True)
    client = checked.test_client()
    bee = make_bee()
    token = csrf_token_from(client.get("/login").get_data(as_text=True))
    client.post("/login", data={"csrf_token": token, "login": bee.handle, "password": PASSWORD})
    token = csrf_token_from(client.get("/settings/photo").get_data(as_text=True))
    noise = encoded(Image.frombytes("RGB", (1000, 1000), os.urandom(3_000_000)), "PNG")
    boundary, body = encode_multipart(
        {"csrf_token": token, "photo": FileStorage(io.BytesIO(noise), "big.png", content_type="image/png")}
    )
    try:
        response = client.post(
            "/settings/photo", data=body, content_type=f'multipart/form-data; boundary="{boundary}"'
        )
        assert response.status_code == 302
        db.session.rollback()  # end this session's read, begun before the upload, to see it
        key = fresh(bee).photo
        assert key
        assert (tmp_path / "photos" / f"{key}-400.webp").is_file()
    finally:
        with checked.app_context():
            db.session.remove()
            db.engine.dispose()


def test_sending_the_form_without_a_file_asks_for_one(app, client, login):
    bee = login(make_bee())
    response = client.post("/settings/photo", data={}, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "Choose a photo to upload." in response.get_data(as_text=True)
    assert fresh(bee).photo is None
