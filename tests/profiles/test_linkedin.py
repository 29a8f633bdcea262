"""Importing a LinkedIn data export ZIP: a preview first, then all of it or nothing.

The ZIPs are built here in memory, in the shape LinkedIn writes them: its
headers, CRLF line endings, quoted values holding commas and new lines, a byte
order mark or none, Connections.csv with its "Notes:" lines, files we ignore.
"""

from __future__ import annotations

import io
import random
import re
import string
import struct
import zipfile
from dataclasses import replace
from datetime import date

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from app.errors import PermissionDenied, ValidationError
from app.extensions import db
from app.profiles import imports, record
from app.profiles.data import (
    CertificationData,
    EducationData,
    Language,
    Link,
    PositionData,
    ProfileData,
    SampleData,
    SkillData,
)
from app.profiles.linkedin import parse_export
from app.profiles.models import Bee
from tests.conftest import csrf_token_from, make_app
from tests.factories import make_bee

URL = "/settings/data/import/linkedin"
BOM = "\ufeff"

PROFILE = (
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
    "Geo Location,Twitter Handles,Websites,Instant Messengers\r\n"
    'ليلى,حداد,,"12 Rainbow St, Amman",,"Data journalist, محررة بيانات",'
    '"I turn public data into stories, with maps.\r\nأكتب عن الخط العربي أيضًا.",'
    'Media,,"Amman, Jordan",[layla],'
    '"[PERSONAL:https://layla.example.org],[COMPANY:https://acme.example/about]",\r\n'
)
POSITIONS = (
    "Company Name,Title,Description,Location,Started On,Finished On\r\n"
    'Al-Manara News,Data editor,"Leads the data desk, and the maps.\r\nTrains reporters.",'
    '"Amman, Jordan",Sep 2021,\r\n'
    "صحيفة الغد,محررة أخبار,Covered cities.,,Jan 2016,Aug 2021\r\n"
    'הארץ,כתבת,,"תל אביב",2014,2015\r\n'
)
EDUCATION = (
    "School Name,Start Date,End Date,Notes,Degree Name,Activities\r\n"
    "University of Jordan,2012,2016,Thesis on maps.,BA Journalism,Debate club\r\n"
    "האוניברסיטה העברית,2017,2018,,MA,\r\n"
)
SKILLS = "Name\r\nPython\r\nD3.js\r\nتحرير\r\nעריכה\r\n\r\npython\r\n"
CERTIFICATIONS = (
    "Name,Url,Authority,Started On,Finished On,License Number\r\n"
    "Data Journalism,https://cert.example/123,Tech Press Institute,May 2019,,ABC-1\r\n"
)
LANGUAGES = (
    "Name,Proficiency\r\nالعربية,Native or bilingual proficiency\r\nEnglish,Full professional proficiency\r\n"
)
CONNECTIONS = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing."\r\n'
    "\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "נועה,כהן,https://www.linkedin.com/in/noa,,Acme,Engineer,03 Mar 2020\r\n"
)
FULL = {
    "Profile.csv": PROFILE,
    "Positions.csv": POSITIONS,
    "Education.csv": EDUCATION,
    "Skills.csv": SKILLS,
    "Certifications.csv": CERTIFICATIONS,
    "Languages.csv": LANGUAGES,
    "Connections.csv": CONNECTIONS,
    "messages.csv": "CONVERSATION ID,FROM,TO,DATE,CONTENT\r\n1,a,b,2020-01-01,hello\r\n",
    "Rich_Media.csv": "Date/Time,Media Link\r\n",
}
BEFORE = ProfileData(
    display_name="Before Name",
    headline="Old headline",
    statement="Old statement.",
    location="Haifa",
    interests=("Chess",),
    links=(Link("Old", "https://old.example"),),
    positions=(PositionData("Old job", "Old org", date(2010, 1, 1), date(2011, 1, 1)),),
    skills=(SkillData("Cobol", 20, "expert"),),
    samples=(SampleData("A map", "https://maps.example/1"),),
)
EXPECTED = replace(
    BEFORE,
    display_name="ليلى حداد",
    headline="Data journalist, محررة بيانات",
    statement="I turn public data into stories, with maps.\nأكتب عن الخط العربي أيضًا.",
    location="Amman, Jordan",
    links=(
        Link("layla.example.org", "https://layla.example.org"),
        Link("acme.example", "https://acme.example/about"),
    ),
    positions=(
        PositionData(
            "Data editor",
            "Al-Manara News",
            date(2021, 9, 1),
            None,
            "Amman, Jordan",
            "Leads the data desk, and the maps.\nTrains reporters.",
        ),
        PositionData("محررة أخبار", "صحيفة الغد", date(2016, 1, 1), date(2021, 8, 1), "", "Covered cities."),
        PositionData("כתבת", "הארץ", date(2014, 1, 1), date(2015, 1, 1), "תל אביב", ""),
    ),
    education=(
        EducationData(
            "University of Jordan",
            "BA Journalism",
            "",
            date(2012, 1, 1),
            date(2016, 1, 1),
            "Thesis on maps.\n\nDebate club",
        ),
        EducationData("האוניברסיטה העברית", "MA", "", date(2017, 1, 1), date(2018, 1, 1), ""),
    ),
    skills=(SkillData("Python"), SkillData("D3.js"), SkillData("تحرير"), SkillData("עריכה")),
    certifications=(
        CertificationData(
            "Data Journalism", "Tech Press Institute", date(2019, 5, 1), "https://cert.example/123"
        ),
    ),
    languages=(
        Language("العربية", "Native or bilingual proficiency"),
        Language("English", "Full professional proficiency"),
    ),
)


def export(files: dict, folder: str = "", bom: bool = True) -> bytes:
    """A ZIP of ``files`` (text is written as UTF-8, with a byte order mark unless told)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            if isinstance(content, str):
                content = ((BOM if bom else "") + content).encode()
            archive.writestr(folder + name, content)
    return buffer.getvalue()


@pytest.fixture
def importer(app, client, login):
    """A logged-in bee whose profile is BEFORE."""
    bee = login(make_bee(handle="layla"))
    record.replace_profile(bee, BEFORE)
    return bee


def upload(client, raw: bytes, name: str = "Basic_LinkedInDataExport.zip", **fields):
    """POST the upload form, its body built in memory (the test client spools a large one to a
    temporary file it never closes)."""
    boundary, body = encode_multipart(
        {**fields, "export": FileStorage(io.BytesIO(raw), name, content_type="application/zip")}
    )
    return client.post(URL, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def token_from(html: str) -> str:
    match = re.search(r'name="token" value="([^"]+)"', html)
    assert match, "no token on the preview"
    return match.group(1)


def error_of(html: str) -> str:
    """The message beside the file field, unescaped."""
    found = re.findall(r'class="invalid-feedback d-block" role="alert">([^<]*)<', html)
    return " ".join(found).replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&")


def profile_of(bee) -> ProfileData:
    db.session.expire_all()
    return record.snapshot(db.session.get(Bee, bee.id))


# What an export brings ---------------------------------------------------------------------------


@pytest.mark.parametrize(("bom", "folder"), [(True, ""), (False, "Basic_LinkedInDataExport_09-01-2024/")])
def test_a_full_export_previews_then_applies_exactly(app, client, importer, bom, folder):
    response = upload(client, export(FULL, folder=folder, bom=bom))
    html = response.get_data(as_text=True)
    assert response.status_code == 200, html
    for shown in (
        "ليلى حداد",
        "Data editor",
        "صحيفة الغد",
        "הארץ",
        "האוניברסיטה העברית",
        "עריכה",
        "Debate club",
    ):
        assert shown in html
    assert "Skills.csv: 1 empty row skipped." in html
    assert "Skills.csv: 1 repeated skill left out." in html
    assert "Replaces the 1 entry you have now." in html
    assert 'action="/settings/data/import/apply"' in html
    assert "Chess" not in html  # interests are not carried
    assert profile_of(importer) == BEFORE  # a preview writes nothing
    imports.apply(importer, token_from(html))
    assert profile_of(importer) == EXPECTED


def test_the_parser_names_only_the_fields_whose_files_exist(app):
    data, fields, notes = parse_export(export({"Skills.csv": SKILLS}), keep_name="Noa")
    assert fields == {"skills"}
    assert data.display_name == "Noa"
    assert [skill.name for skill in data.skills] == ["Python", "D3.js", "تحرير", "עריכה"]
    assert notes == ["Skills.csv: 1 empty row skipped.", "Skills.csv: 1 repeated skill left out."]


def test_only_skills_replaces_only_skills(app, client, importer):
    html = upload(client, export({"skills.CSV": "Name\nRust\nGo\n"}, bom=False)).get_data(as_text=True)
    imports.apply(importer, token_from(html))
    assert profile_of(importer) == replace(BEFORE, skills=(SkillData("Rust"), SkillData("Go")))


def test_a_hebrew_name_without_bom_keeps_the_rest(app, client, importer):
    profile = (
        "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
        "Geo Location,Twitter Handles,Websites,Instant Messengers\n"
        "נועה,כהן,,,,מהנדסת נתונים,,,,,,,\n"
    )
    html = upload(client, export({"Profile.csv": profile}, bom=False)).get_data(as_text=True)
    assert "נועה כהן" in html
    imports.apply(importer, token_from(html))
    # An empty summary, place or website list leaves the bee's own alone.
    assert profile_of(importer) == replace(BEFORE, display_name="נועה כהן", headline="מהנדסת נתונים")


def test_utf16_with_a_byte_order_mark_is_read(app):
    raw = export({"Skills.csv": "Name\r\nتحرير\r\n".encode("utf-16")})
    assert parse_export(raw)[0].skills == (SkillData("تحرير"),)


def test_an_empty_positions_file_empties_positions(app, client, importer):
    html = upload(client, export({"Positions.csv": POSITIONS.splitlines()[0]})).get_data(as_text=True)
    assert "Replaces the 1 entry you have now." in html
    imports.apply(importer, token_from(html))
    assert profile_of(importer) == replace(BEFORE, positions=())


def test_another_bee_cannot_apply_my_token(app, client, importer):
    html = upload(client, export(FULL)).get_data(as_text=True)
    other = make_bee(display_name="Other")
    record.replace_profile(other, BEFORE)
    with pytest.raises(PermissionDenied, match="another account"):
        imports.apply(other, token_from(html))
    assert profile_of(other) == BEFORE
    assert profile_of(importer) == BEFORE


def test_the_upload_page_needs_a_login_and_explains_the_export(app, client, login):
    assert client.get(URL).status_code == 302
    login(make_bee())
    page = client.get(URL).get_data(as_text=True)
    assert "Get a copy of your data" in page
    assert 'accept=".zip,application/zip"' in page
    assert upload(client, b"", name="").status_code == 422


# Hostile files -----------------------------------------------------------------------------------


def _patched(raw: bytes, local_offset: int, central_offset: int, value: int, size: str = "<I") -> bytes:
    """The ZIP with one field of its first member changed in both headers (a lying header)."""
    raw = bytearray(raw)
    struct.pack_into(size, raw, local_offset, value)
    central = raw.index(b"PK\x01\x02")
    struct.pack_into(size, raw, central + central_offset, value)
    return bytes(raw)


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("Positions.csv", b"\0" * (50 * 2**20))
    return buffer.getvalue()


def _lying_bomb() -> bytes:
    """5 MB of zeros whose headers claim 1,000 bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Skills.csv", b"Name\r\n" + b"a" * (5 * 2**20))
    return _patched(buffer.getvalue(), 22, 24, 1_000)


def _encrypted() -> bytes:
    raw = export({"Skills.csv": SKILLS})
    return _patched(raw, 6, 8, 0x1, "<H")


def _damaged() -> bytes:
    raw = bytearray(export({"Skills.csv": _skills(500)}))
    raw[100:130] = b"\xff" * 30  # inside the compressed stream
    return bytes(raw)


def _noise(size: int) -> str:
    """Letters that do not compress much, unlike a run of one letter."""
    return "".join(random.Random(size).choices(string.ascii_letters, k=size))


def _skills(count: int) -> str:
    return "Name\r\n" + "".join(f"Skill {n}\r\n" for n in range(count))


def _position(started: str, finished: str = "", description: str = "") -> str:
    return POSITIONS.splitlines()[0] + f"\r\nAcme,Engineer,{description},,{started},{finished}\r\n"


HOSTILE = {
    "not a zip": (b"PK not really a zip at all", "not a ZIP archive"),
    "a text file": (b"Name\nPython\n", "not a ZIP archive"),
    "a truncated zip": (export(FULL)[:200], "not a ZIP archive"),
    "a damaged member": (_damaged(), "Skills.csv is damaged"),
    "a zip bomb": (_bomb(), "Positions.csv is too large once uncompressed"),
    "a bomb whose headers lie": (_lying_bomb(), "Skills.csv is damaged"),
    "an encrypted member": (_encrypted(), "Skills.csv is encrypted"),
    "a climbing name": (
        export({"../../etc/Positions.csv": POSITIONS}),
        "unsafe name: ../../etc/Positions.csv",
    ),
    "an absolute name": (export({"/abs/Skills.csv": SKILLS}), "unsafe name: /abs/Skills.csv"),
    "a drive name": (export({"C:\\x\\Skills.csv": SKILLS}), "unsafe name"),
    "only a deep folder": (export({"a/b/Skills.csv": SKILLS}), "none of the files we read"),
    "a file twice": (export({"Skills.csv": SKILLS, "x/skills.csv": SKILLS}), "holds Skills.csv twice"),
    "no known file": (export({"messages.csv": "a,b\r\n"}), "none of the files we read"),
    "latin-1": (export({"Skills.csv": "Name\r\nCafé\r\n".encode("latin-1")}), "Skills.csv is not UTF-8"),
    "utf-16 without bom": (
        export({"Skills.csv": "Name\r\nPython\r\n".encode("utf-16-le")}),
        "Skills.csv holds NUL characters",
    ),
    "a nul byte": (export({"Skills.csv": "Name\r\nPy\x00thon\r\n"}), "Skills.csv holds NUL characters"),
    "an unterminated quote": (export({"Skills.csv": 'Name\r\n"Python\r\n'}), "not well-formed CSV"),
    "a stray quote": (export({"Skills.csv": 'Name\r\n"Python"x\r\n'}), "not well-formed CSV"),
    "too many values": (export({"Skills.csv": "Name\r\nPython,Go\r\n"}), "Skills.csv, row 2: more values"),
    "a 1 MB field": (
        export({"Positions.csv": _position("Jan 2020", description=_noise(2**20))}),
        "Positions.csv: a value is far too long",
    ),
    "a long description": (
        export({"Positions.csv": _position("Jan 2020", description="x" * 3_000)}),
        "Positions.csv, row 2, Description: Keep this under 2,000 characters.",
    ),
    "headers missing": (export({"Positions.csv": "Company,Job\r\nAcme,Engineer\r\n"}), "lacks the headers"),
    "a month that is not": (
        export({"Positions.csv": _position("Smarch 2020")}),
        "Positions.csv, row 2, Started On: “Smarch 2020” is not a month",
    ),
    "an end before its start": (
        export({"Positions.csv": _position("Mar 2020", "Jan 2019")}),
        "Positions.csv, row 2, Finished On: The end month is before the start month.",
    ),
    "no start": (export({"Positions.csv": _position("")}), "Positions.csv, row 2, Started On:"),
    "a school without a name": (
        export({"Education.csv": "School Name,Start Date\r\n,2010\r\n"}),
        "Education.csv, row 2, School Name:",
    ),
    "10,000 skills": (export({"Skills.csv": _skills(10_000)}), "Skills.csv has more than 1,000 rows."),
    "150 skills": (export({"Skills.csv": _skills(150)}), "Skills.csv: Keep this list to 100 entries."),
    "a script link": (
        export({"Profile.csv": PROFILE.replace("https://layla.example.org", "javascript:alert(1)")}),
        "Profile.csv, row 2, Websites: Enter a full address",
    ),
    "a huge headline": (
        export({"Profile.csv": PROFILE.replace("Data journalist", "x" * 500)}),
        "Profile.csv: Keep this under",
    ),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_file_is_refused_and_changes_nothing(app, client, importer, case):
    raw, message = HOSTILE[case]
    response = upload(client, raw)
    html = response.get_data(as_text=True)
    assert response.status_code == 422, html
    assert message in error_of(html)
    assert 'name="token"' not in html
    assert profile_of(importer) == BEFORE


def test_a_hostile_file_fails_in_the_parser_too(app):
    with pytest.raises(ValidationError) as raised:
        parse_export(HOSTILE["a zip bomb"][0])
    assert raised.value.field == "export"


def test_a_zip_of_too_many_files_is_refused(app):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(2_001):
            archive.writestr(f"f{number}.txt", "")
    with pytest.raises(ValidationError, match="more than 2,000 files"):
        parse_export(buffer.getvalue())


def test_an_upload_over_the_import_limit_is_a_413(app, client, importer, monkeypatch):
    monkeypatch.setitem(app.config, "IMPORT_MAX_BYTES", 2**20)
    big = export({**FULL, "Rich_Media.bin": random.Random(7).randbytes(1_200_000)})
    response = upload(client, big)
    assert response.status_code == 413
    assert "The file is larger than 1 MB." in response.get_data(as_text=True)
    assert profile_of(importer) == BEFORE


def test_an_export_larger_than_a_form_passes_with_its_csrf_token(app, tmp_path):
    """The per-request limit is raised before the CSRF check reads the body; the check still runs."""
    checked = make_app(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path, WTF_CSRF_ENABLED=True)
    client = checked.test_client()
    make_bee(handle="bigfile")
    page = client.get("/login").get_data(as_text=True)
    login = {"csrf_token": csrf_token_from(page), "login": "bigfile", "password": "correct horse battery"}
    assert client.post("/login", data=login).status_code == 302
    noise = random.Random(7).randbytes(3 * 2**20)  # does not compress
    big = export({"Skills.csv": SKILLS, "Rich_Media.bin": noise})
    assert len(big) > checked.config["MAX_CONTENT_LENGTH"]
    assert upload(client, big).status_code == 400
    response = upload(client, big, csrf_token=csrf_token_from(client.get(URL).get_data(as_text=True)))
    with checked.app_context():
        db.session.remove()
        db.engine.dispose()
    assert response.status_code == 200
    assert "D3.js" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("written", "month"),
    [
        ("Sep 2021", date(2021, 9, 1)),
        ("September 2021", date(2021, 9, 1)),
        ("sept. 2021", date(2021, 9, 1)),
        ("2021-09", date(2021, 9, 1)),
        ("09/2021", date(2021, 9, 1)),
        ("2019", date(2019, 1, 1)),
    ],
)
def test_months_as_linkedin_or_numbers_write_them(app, written, month):
    data, _fields, _notes = parse_export(export({"Positions.csv": _position(written)}))
    assert data.positions[0].start_on == month


@pytest.mark.parametrize("written", ["Smarch 2020", "13/2020", "2020-00", "1850", "Sep"])
def test_months_that_are_not_are_refused(app, written):
    with pytest.raises(ValidationError, match="Started On"):
        parse_export(export({"Positions.csv": _position(written)}))


def test_markup_in_an_export_is_shown_as_text(app, client, importer):
    raw = export({"Positions.csv": _position("Jan 2020", description="<script>alert(1)</script>")})
    html = upload(client, raw).get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html


def test_a_linkedin_headline_longer_than_apiarys_is_shortened_not_refused(app, client, importer):
    long_headline = "Data journalist " + "and maps person " * 12  # LinkedIn allows 220 characters
    profile = f'First Name,Last Name,Headline\r\nLayla,"{"Haddad " * 10}",{long_headline}\r\n'
    response = upload(client, export({"Profile.csv": profile}))
    html = response.get_data(as_text=True)
    assert response.status_code == 200, html
    assert "your headline is longer than Apiary allows; it is shortened." in html
    assert "your name is longer than Apiary allows; it is shortened." in html
    imports.apply(importer, token_from(html))
    after = profile_of(importer)
    assert len(after.headline) <= 120
    assert after.headline.endswith("…")
    assert after.headline.startswith("Data journalist and maps person")
    assert len(after.display_name) <= 50
