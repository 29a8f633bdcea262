"""JSON Resume: exports valid against the official schema, imports through a preview, round trips,
and hostile files refused with a clear message and nothing written."""

from __future__ import annotations

import codecs
import io
import json
import re
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from jsonschema import Draft7Validator, FormatChecker

from app.errors import PermissionDenied, ValidationError
from app.extensions import db
from app.profiles import imports
from app.profiles.data import CAPS, ProfileData
from app.profiles.jsonresume import resume_of
from app.profiles.jsonresume_import import parse_resume
from app.profiles.models import Bee
from app.profiles.record import replace_profile, snapshot
from tests.conftest import ON_CI
from tests.factories import full_profile_data, make_bee

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "@jsonresume" / "schema" / "schema.json"
IMPORT_URL = "/settings/data/import/resume"
EXPORT_URL = "/settings/data/resume.json"
PROFILE_URL = "https://apiary.example/@layla"


@pytest.fixture(scope="module")
def validator() -> Draft7Validator:
    """The official schema (npm ``@jsonresume/schema``), checking formats too."""
    if not SCHEMA_PATH.exists():
        message = f"{SCHEMA_PATH} is missing: run `make assets` (npm ci) first."
        if ON_CI:
            pytest.fail(message)
        pytest.skip(message)
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    checker = FormatChecker()

    @checker.checks("uri", raises=ValueError)
    def is_uri(value) -> bool:  # jsonschema checks "uri" only with an optional package installed
        parts = urlsplit(value) if isinstance(value, str) else None
        return parts is None or bool(parts.scheme and (parts.netloc or parts.path))

    return Draft7Validator(schema, format_checker=checker)


def errors_of(validator: Draft7Validator, document: dict) -> list[str]:
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(document)]


def encoded(resume: dict) -> bytes:
    return json.dumps(resume, ensure_ascii=False).encode("utf-8")


def upload(client, raw: bytes, name: str = "resume.json"):
    return client.post(IMPORT_URL, data={"file": (io.BytesIO(raw), name)}, content_type="multipart/form-data")


def upload_large(client, raw: bytes):
    """An upload whose body is built here, not by the test client (which spools a large body to a
    temporary file it leaves open)."""
    body = (
        b'--b\r\nContent-Disposition: form-data; name="file"; filename="resume.json"\r\n'
        b"Content-Type: application/json\r\n\r\n" + raw + b"\r\n--b--\r\n"
    )
    return client.post(IMPORT_URL, data=body, content_type="multipart/form-data; boundary=b")


def bee_with_full_profile(**overrides) -> Bee:
    bee = make_bee(**overrides)
    return replace_profile(bee, full_profile_data(bee.display_name))


# Export --------------------------------------------------------------------------------------


def test_export_of_a_full_profile_is_valid_against_the_official_schema(app, validator):
    resume = resume_of(None, full_profile_data(), PROFILE_URL)
    assert errors_of(validator, resume) == []
    assert resume["basics"]["name"] == "Layla Haddad"
    assert resume["basics"]["url"] == PROFILE_URL
    assert resume["basics"]["location"] == {"city": "Amman, Jordan"}
    assert "email" not in resume["basics"]
    assert resume["work"][0] == {
        "name": "Al-Manara News",
        "position": "Data editor",
        "location": "Amman",
        "startDate": "2021-09",
        "summary": "Leads the data desk.",
    }
    assert resume["work"][1]["endDate"] == "2021-08"
    assert resume["skills"][0] == {"name": "Python", "level": "advanced", "x-apiary": {"years": 6}}
    hobbies = [each["name"] for each in resume["interests"] if each.get("x-apiary") == {"kind": "hobby"}]
    assert hobbies == ["Trail running", "ריצת שטח"]
    assert resume["meta"]["canonical"] == PROFILE_URL


def test_export_of_an_empty_profile_is_valid_too(app, validator):
    resume = resume_of(None, ProfileData("Noor"), "https://apiary.example/@noor")
    assert errors_of(validator, resume) == []
    assert resume["work"] == []
    assert resume["basics"]["label"] == ""


def test_the_validator_does_catch_what_the_schema_refuses(app, validator):
    resume = resume_of(None, full_profile_data(), PROFILE_URL)
    resume["work"][0]["startDate"] = "September 2021"
    resume["basics"]["url"] = "not a uri"
    assert len(errors_of(validator, resume)) == 2


def test_download_is_my_profile_as_readable_utf8_json(app, client, login, validator):
    bee = login(bee_with_full_profile(handle="layla", display_name="ليلى حداد"))
    response = client.get(EXPORT_URL)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"] == 'attachment; filename="layla-resume.json"'
    assert "ليلى حداد".encode() in response.data  # not \u escapes
    resume = json.loads(response.data.decode("utf-8"))
    assert errors_of(validator, resume) == []
    assert resume["basics"]["url"] == "http://localhost/@layla"
    data, fields = parse_resume(response.data)
    assert data == snapshot(bee)
    assert fields == {*ProfileData.__dataclass_fields__}


def test_download_needs_a_login(app, client):
    response = client.get(EXPORT_URL)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


# Round trip ----------------------------------------------------------------------------------


def test_a_full_profile_exported_and_imported_into_a_fresh_account_is_the_same_profile(app):
    original = full_profile_data()
    raw = encoded(resume_of(None, original, PROFILE_URL))
    fresh = make_bee(display_name="Someone Else")
    data, fields = parse_resume(raw, current_name=fresh.display_name)
    replace_profile(fresh, data, fields)
    assert snapshot(fresh) == original


def test_an_export_imported_again_empties_what_was_emptied(app):
    bee = bee_with_full_profile()
    raw = encoded(resume_of(bee, ProfileData(bee.display_name), PROFILE_URL))
    data, fields = parse_resume(raw, current_name=bee.display_name)
    replace_profile(bee, data, fields)
    after = snapshot(bee)
    assert (after.positions, after.skills, after.interests, after.headline) == ((), (), (), "")
    # hobbies and causes are replaced only when the file marks some as such
    assert after.hobbies == full_profile_data().hobbies


# Import from elsewhere -----------------------------------------------------------------------

HANDWRITTEN = {
    "basics": {
        "name": "  מרים   כהן ",
        "label": "مهندسة برمجيات",
        "email": "miriam@example.org",
        "phone": "+972 50 000 0000",
        "url": "https://miriam.example",
        "summary": "Backend engineer.\r\n\r\nאוהבת מפות.",
        "location": {
            "address": "1 Secret Street",
            "postalCode": "61000",
            "city": "Tel Aviv",
            "countryCode": "IL",
        },
        "profiles": [{"network": "GitHub", "username": "miriam", "url": "https://github.com/miriam"}],
    },
    "work": [
        {
            "name": "شركة الأفق",
            "position": "Engineer",
            "startDate": "2019",
            "summary": "Built the API.",
            "highlights": ["Cut latency by half", "  Mentored two  juniors "],
            "unknownKey": {"ignored": True},
        },
        {"company": "Old Co", "position": "Intern", "startDate": "2017-06-15", "endDate": "2018-12-31"},
    ],
    "education": [{"institution": "הטכניון", "studyType": "BSc", "courses": ["Algorithms"]}],
    "skills": [{"name": "Go", "level": "Master", "keywords": ["grpc"]}, {"name": "SQL", "level": "Wizard"}],
    "languages": [{"language": "עברית", "fluency": "Native"}, {"language": "العربية"}],
    "interests": [{"name": "Cartography", "keywords": ["maps"]}],
    "volunteer": [{"organization": "Not imported"}],
}


def test_a_handwritten_resume_with_partial_dates_and_missing_sections_is_read(app):
    data, fields = parse_resume(encoded(HANDWRITTEN), current_name="Miriam")
    assert fields == {
        "display_name",
        "headline",
        "statement",
        "location",
        "links",
        "positions",
        "education",
        "skills",
        "languages",
        "interests",
    }
    assert data.display_name == "מרים כהן"
    assert data.headline == "مهندسة برمجيات"
    assert data.statement == "Backend engineer.\n\nאוהבת מפות."
    assert data.location == "Tel Aviv, IL"  # no street address, no postcode
    assert [(link.label, link.url) for link in data.links] == [("GitHub", "https://github.com/miriam")]
    first, second = data.positions
    assert (first.organization, first.start_on, first.end_on) == ("شركة الأفق", date(2019, 1, 1), None)
    assert first.description == "Built the API.\n\n- Cut latency by half\n- Mentored two juniors"
    assert (second.organization, second.start_on) == ("Old Co", date(2017, 6, 1))
    assert second.end_on == date(2018, 12, 1)
    assert data.education[0].description == "- Algorithms"
    assert [(skill.name, skill.level, skill.years) for skill in data.skills] == [
        ("Go", "expert", None),
        ("SQL", None, None),
    ]
    assert [(lang.name, lang.fluency) for lang in data.languages] == [("עברית", "Native"), ("العربية", "")]
    assert data.interests == ("Cartography",)


def test_without_a_name_the_bee_keeps_theirs(app):
    data, fields = parse_resume(b'{"basics": {"label": "Poet"}}', current_name="Noor")
    assert data.display_name == "Noor"
    assert fields == {"headline"}


def test_a_byte_order_mark_is_fine(app):
    data, _fields = parse_resume(codecs.BOM_UTF8 + encoded(HANDWRITTEN), current_name="x")
    assert data.display_name == "מרים כהן"


# The preview, and applying it -----------------------------------------------------------------


@pytest.fixture
def preview_client(app, client):
    return client


def log_in(client, bee: Bee) -> Bee:
    response = client.post("/login", data={"login": bee.handle, "password": "correct horse battery"})
    assert response.status_code == 302
    return bee


def token_from(html: str) -> str:
    match = re.search(r'name="token" value="([^"]+)"', html)
    assert match, "no token on the preview page"
    return match.group(1)


def test_upload_shows_a_preview_and_writes_nothing_until_applied(preview_client):
    bee = log_in(preview_client, bee_with_full_profile())
    before = snapshot(bee)
    response = preview_client.post(
        IMPORT_URL,
        data={"file": (io.BytesIO(codecs.BOM_UTF8 + encoded(HANDWRITTEN)), "resume.json")},
        content_type="multipart/form-data",
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200, html
    assert 'action="/settings/data/import/apply"' in html
    assert 'name="csrf_token"' in html
    shown_texts = (
        "מרים כהן",
        "شركة الأفق",
        "Cut latency by half",
        "Tel Aviv, IL",
        "Jan 2019</time> – now",
        "הטכניון",
    )
    for shown in shown_texts:
        assert shown in html
    assert "1 Secret Street" not in html
    assert "Certifications" not in html  # not in the file: not replaced, not shown
    assert snapshot(bee) == before

    imports.apply(bee, token_from(html))
    after = snapshot(bee)
    assert after.display_name == "מרים כהן"
    assert [position.organization for position in after.positions] == ["شركة الأفق", "Old Co"]
    assert after.certifications == before.certifications  # sections the file lacks stay
    assert after.samples == before.samples
    assert after.hobbies == before.hobbies
    assert after.causes == before.causes


def test_an_export_previews_every_section(preview_client):
    bee = log_in(preview_client, bee_with_full_profile())
    exported = preview_client.get(EXPORT_URL).data
    fresh_client = preview_client.application.test_client()
    fresh = log_in(fresh_client, make_bee())
    html = upload(fresh_client, exported).get_data(as_text=True)
    for shown in ("Data editor", "University of Jordan", "Water in Amman", "Trail running", "Press freedom"):
        assert shown in html
    imports.apply(fresh, token_from(html))
    assert snapshot(fresh) == snapshot(bee)


def test_another_bee_cannot_apply_my_preview_and_a_changed_or_stale_one_is_refused(preview_client):
    bee = log_in(preview_client, make_bee())
    other = make_bee()
    token = token_from(upload(preview_client, encoded(HANDWRITTEN)).get_data(as_text=True))
    other_before = snapshot(other)
    with pytest.raises(PermissionDenied, match="another account"):
        imports.apply(other, token)
    assert snapshot(other) == other_before
    tampered = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    with pytest.raises(ValidationError, match="cannot be read"):
        imports.unseal(bee, tampered)

    class Earlier(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - imports.MAX_AGE_S - 60

    secret = preview_client.application.secret_key
    payload = URLSafeTimedSerializer(secret, salt=imports.SALT).loads(token)
    stale = URLSafeTimedSerializer(secret, salt=imports.SALT, signer=Earlier).dumps(payload)
    with pytest.raises(ValidationError, match="more than an hour old"):
        imports.unseal(bee, stale)
    assert snapshot(bee).positions == ()


# Hostile files -------------------------------------------------------------------------------


def _deep(levels: int) -> bytes:
    return b'{"basics": ' + b"[" * levels + b"]" * levels + b"}"


def _entries(section: str, count: int, entry: dict) -> bytes:
    return encoded({section: [entry] * count})


_POSITION = {"name": "Acme", "position": "Engineer", "startDate": "2020-01"}
HOSTILE = {
    "malformed": (b'{"basics": {"name": "x",}}', "not valid JSON"),
    "truncated": (encoded(resume_of(None, full_profile_data(), PROFILE_URL))[:700], "not valid JSON"),
    "empty": (b"  \n", "The file is empty"),
    "array at top": (b'[{"basics": {}}]', "one object"),
    "string at top": (b'"resume"', "one object"),
    "10,000 deep": (_deep(10_000), "too deeply"),
    "50 deep": (_deep(50), "too deeply"),
    "NaN": (b'{"skills": [{"name": "x", "x-apiary": {"years": NaN}}]}', "NaN"),
    "Infinity": (b'{"basics": {"name": -Infinity}}', "-Infinity"),
    "huge number": (
        b'{"skills": [{"name": "x", "x-apiary": {"years": 1' + b"0" * 5000 + b"}}]}",
        "too long",
    ),
    "huge statement": (encoded({"basics": {"summary": "ن" * 200_000}}), "basics.summary: Keep this under"),
    "huge name": (encoded({"basics": {"name": "x" * 100_000}}), "basics.name: Keep your name under"),
    "huge description": (
        encoded({"work": [{**_POSITION, "summary": "w " * 5_000}]}),
        "work, entry 1 (summary): Keep this under",
    ),
    "UTF-16 with BOM": (encoded(HANDWRITTEN).decode().encode("utf-16"), "UTF-16 or UTF-32"),
    "UTF-16 without BOM": (encoded(HANDWRITTEN).decode().encode("utf-16-le"), "looks like UTF-16"),
    "Latin-1": ('{"basics": {"name": "José"}}'.encode("latin-1"), "not UTF-8 text (byte 25 cannot be read)"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    "number for a string": (
        encoded({"work": [{**_POSITION, "name": 5}]}),
        "work, entry 1 (name): Enter text here.",
    ),
    "number for a name": (encoded({"basics": {"name": 7}}), "basics.name: Enter text here."),
    "number for a date": (
        encoded({"work": [{**_POSITION, "startDate": 2020}]}),
        "work, entry 1 (startDate): Enter the month",
    ),
    "string for a list": (encoded({"work": "Engineer at Acme"}), "work: expected a list"),
    "string for an entry": (encoded({"skills": ["Python"]}), "skills, entry 1: expected an object"),
    "string for basics": (encoded({"basics": "me"}), "basics: expected an object"),
    "javascript: link": (
        encoded({"basics": {"profiles": [{"network": "x", "url": "javascript:alert(1)"}]}}),
        "basics.profiles, entry 1 (url): Enter a full address",
    ),
    "javascript: project": (
        encoded({"projects": [{"name": "x", "url": "JavaScript:alert(1)//https://a.example"}]}),
        "projects, entry 1 (url): Enter a full address",
    ),
    "data: certificate": (
        encoded({"certificates": [{"name": "x", "url": "data:text/html,<b>"}]}),
        "certificates, entry 1 (url): Enter a full address",
    ),
    "end before start": (
        encoded({"work": [_POSITION, {**_POSITION, "startDate": "2020-05", "endDate": "2019-12-31"}]}),
        "work, entry 2 (endDate): The end month is before the start month.",
    ),
    "month 13": (encoded({"education": [{"institution": "x", "endDate": "2020-13"}]}), "education, entry 1"),
    "no start": (encoded({"work": [{"name": "Acme", "position": "x"}]}), "work, entry 1 (startDate)"),
    "unknown level kept out, bad years refused": (
        encoded({"skills": [{"name": "x", "level": "Wizard", "x-apiary": {"years": 500}}]}),
        "skills, entry 1 (years): Enter between 0 and 70 years.",
    ),
    "too many positions": (
        _entries("work", CAPS["positions"] + 1, _POSITION),
        "work: Keep this list to 60 entries.",
    ),
    "too many links": (
        encoded({"basics": {"profiles": [{"url": f"https://{n}.example"} for n in range(21)]}}),
        "basics.profiles: Keep this list to 20 entries.",
    ),
    "too many hobbies": (
        encoded({"interests": [{"name": f"h{n}", "x-apiary": {"kind": "hobby"}} for n in range(31)]}),
        "interests: Keep this list to 30 entries.",
    ),
    "too many links in the statement": (
        encoded({"basics": {"summary": "[a](b) " * 501}}),
        "basics.summary: Use at most",
    ),
}


@pytest.mark.parametrize(("raw", "message"), HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_file_is_refused_with_a_clear_message_and_nothing_changes(app, client, login, raw, message):
    bee = login(bee_with_full_profile())
    before = snapshot(bee)
    response = upload(client, raw)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    shown = re.findall(r'invalid-feedback d-block">([^<]*)<', html)
    assert len(shown) == 1
    assert message in shown[0].replace("&#39;", "'").replace("&#34;", '"')
    assert 'type="file"' in html  # the form, shown again
    db.session.expire_all()
    assert snapshot(db.session.get(Bee, bee.id)) == before


def test_an_upload_over_the_limit_is_413_and_changes_nothing(app, client, login):
    bee = login(bee_with_full_profile())
    before = snapshot(bee)
    raw = b'{"basics": {"summary": "' + b"x" * (app.config["IMPORT_MAX_BYTES"] + 100_000) + b'"}}'
    response = upload_large(client, raw)
    assert response.status_code == 413
    html = response.get_data(as_text=True)
    assert "The file is larger than 16 MB." in html
    assert 'type="file"' in html
    assert snapshot(bee) == before


def test_a_file_larger_than_a_form_but_within_the_import_limit_is_read(app, client, login):
    login(make_bee())
    raw = encoded({"padding": "a" * (3 * app.config["MAX_CONTENT_LENGTH"] // 2), "work": "x"})
    response = upload_large(client, raw)
    assert response.status_code == 422  # read, and refused for what it says, not for its size
    assert "work: expected a list" in response.get_data(as_text=True)


def test_no_file_is_422(app, client, login):
    login(make_bee())
    response = client.post(IMPORT_URL, data={}, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "Choose a JSON Resume file" in response.get_data(as_text=True)


def test_the_upload_page_needs_a_login_and_shows_the_form(app, client, login):
    assert client.get(IMPORT_URL).status_code == 302
    login(make_bee())
    response = client.get(IMPORT_URL)
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.get_data(as_text=True)


def test_null_sections_are_left_as_they_are(app):
    data, fields = parse_resume(
        b'{"basics": {"name": null, "label": null}, "work": null, "skills": []}', current_name="Noor"
    )
    assert fields == {"skills"}
    assert data.skills == ()


def test_the_schemas_own_sample_resume_imports_and_exports_valid_again(app, validator):
    """The sample the schema's package ships: a file written by someone else, in full."""
    sample = SCHEMA_PATH.with_name("sample.resume.json").read_bytes()
    data, fields = parse_resume(sample, current_name="unused")
    assert data.display_name == json.loads(sample)["basics"]["name"]
    assert {"positions", "education", "skills", "languages", "interests", "links", "samples"} <= fields
    bee = make_bee()
    replace_profile(bee, data, fields)
    assert errors_of(validator, resume_of(bee, snapshot(bee), PROFILE_URL)) == []
