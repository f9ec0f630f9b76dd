"""Every bad value is one clear line: --today, PREPKIT_TODAY, SOURCE_DATE_EPOCH, URLs, control
characters, email addresses; and ids suggested from names with accents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import assert_clean_exit, diagnostic_lines, run_check, run_prepkit, write

from generator.clock import parse_today
from generator.errors import PrepkitError
from generator.model import Contact
from generator.read.content import suggested_id


@pytest.fixture(autouse=True)
def _no_date_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PREPKIT_TODAY", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


# --- today ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "message"), [
    ("20261125", "--today: '20261125' is not a date; write it as YYYY-MM-DD, like 2026-11-25"),
    (" 2026-11-25x", "--today: ' 2026-11-25x' is not a date; write it as YYYY-MM-DD, like "
                     "2026-11-25"),
    ("2026-11-25 ", "--today: '2026-11-25 ' is not a date; write it as YYYY-MM-DD, like "
                    "2026-11-25"),
    ("2026-02-30", "--today: '2026-02-30' is not a real calendar date; write it as YYYY-MM-DD, "
                   "like 2026-11-25"),
    ("9999-12-31", "--today: '9999-12-31' is out of range; prepkit works with dates from "
                   "1970-01-01 to 9998-12-31"),
    ("0001-01-01", "--today: '0001-01-01' is out of range; prepkit works with dates from "
                   "1970-01-01 to 9998-12-31"),
])
def test_a_bad_today_is_one_clear_error(text, message):
    with pytest.raises(PrepkitError) as caught:
        parse_today(text)
    assert caught.value.message == message


def test_the_range_ends_are_accepted():
    assert parse_today("1970-01-01") == date(1970, 1, 1)
    assert parse_today("9998-12-31") == date(9998, 12, 31)


@pytest.mark.parametrize("text", ["9999-12-31", "20261125", "0001-01-01"])
def test_a_bad_today_exits_2_with_one_line(example_kit, text):
    result = run_prepkit("status", "-f", str(example_kit / "mkdocs.yml"), "--today", text)
    assert_clean_exit(result, 2)
    assert len(result.output.strip().splitlines()) == 1, result.output


@pytest.mark.parametrize("text", ["9998-12-31", "1970-01-01"])
def test_the_last_and_first_days_do_not_overflow(example_kit, text):
    result = run_prepkit("status", "-f", str(example_kit / "mkdocs.yml"), "--today", text)
    assert_clean_exit(result, 0)


def test_prepkit_today_follows_the_same_rules(monkeypatch):
    monkeypatch.setenv("PREPKIT_TODAY", "2026-11-25x")
    with pytest.raises(PrepkitError, match=r"^PREPKIT_TODAY: '2026-11-25x' is not a date"):
        parse_today(None)
    monkeypatch.setenv("PREPKIT_TODAY", "2026-11-25")
    assert parse_today(None) == date(2026, 11, 25)
    assert parse_today("2026-11-26") == date(2026, 11, 26)  # --today wins


@pytest.mark.parametrize(("epoch", "expected"), [
    ("0", date(1970, 1, 1)), ("1764028800", date(2025, 11, 25)), ("", None)])
def test_source_date_epoch(monkeypatch, epoch, expected):
    """An empty SOURCE_DATE_EPOCH is unset, as reproducible-build tools treat it."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert parse_today(None) == expected


@pytest.mark.parametrize(("epoch", "message"), [
    ("-1", "SOURCE_DATE_EPOCH: '-1' is not a number of seconds since 1970-01-01 (digits only, "
           "like 1764028800); unset it or fix it"),
    ("1e9", "SOURCE_DATE_EPOCH: '1e9' is not a number of seconds"),
    (" 5", "SOURCE_DATE_EPOCH: ' 5' is not a number of seconds"),
    ("9" * 40, f"SOURCE_DATE_EPOCH: '{'9' * 40}' is out of range; it must be at most "
               "253370764799 (the end of 9998-12-31)"),
    ("253370764800", "SOURCE_DATE_EPOCH: '253370764800' is out of range"),
])
def test_a_bad_source_date_epoch_is_one_clear_error(monkeypatch, epoch, message):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    with pytest.raises(PrepkitError) as caught:
        parse_today(None)
    assert caught.value.message.startswith(message)


# --- values in the content --------------------------------------------------------------------

@pytest.fixture
def in_kit(example_kit: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(example_kit)
    return example_kit


@pytest.mark.parametrize(("typed", "kept"), [
    ('https://example.com/a"b', "https://example.com/a%22b"),
    ("https://example.com/a<b>'c'", "https://example.com/a%3Cb%3E%27c%27"),
    ("https://example.com/path?q=a b", None),
    ("https://exämple.com/ä", "https://xn--exmple-cua.com/%C3%A4"),
    ("https://example.com/50%", "https://example.com/50%25"),
    ("https://example.com/a%20b", "https://example.com/a%20b"),
])
def test_urls_are_percent_encoded(typed, kept):
    data = {"name": "A", "linkedin": typed}
    if kept is None:
        with pytest.raises(ValueError, match="is not a web address"):
            Contact.model_validate(data)
    else:
        assert Contact.model_validate(data).linkedin == kept


@pytest.mark.parametrize("typed", ["javascript:alert(1)", "ftp://example.com/", "https://"])
def test_only_http_and_https_urls(typed):
    with pytest.raises(ValueError, match="is not a web address"):
        Contact.model_validate({"name": "A", "linkedin": typed})


@pytest.mark.parametrize(("escaped", "shown"), [
    ("\\0", "U+0000 (NUL)"), ("\\a", "U+0007 (BEL)"), ("\\v", "U+000B (VT)"),
    ("\\e", "U+001B (ESC)"), ("\\x7f", "U+007F (DEL)"), ("\\x9b", "U+009B"),
])
def test_a_control_character_is_a_located_error(in_kit, escaped, shown):
    write(in_kit, "content/contacts/ctl.yml",
          f'name: "A{escaped}B"\nbackground: "x{escaped}y"\n')
    result = run_check(in_kit)
    assert_clean_exit(result, 1)
    lines = diagnostic_lines(result)
    assert len(lines) == 2
    assert lines[0].startswith(f"content/contacts/ctl.yml:1:7: name: contains the control "
                               f"character {shown}")
    assert lines[1].startswith("content/contacts/ctl.yml:2:13: background: contains the control "
                               f"character {shown}")


def test_line_breaks_only_in_multi_line_text(in_kit):
    write(in_kit, "content/contacts/lines.yml",
          'name: "A\\nB"\nbackground: "one\\ntwo\\tthree"\nprivate_notes: |\n  a\n  b\n')
    result = run_check(in_kit)
    assert_clean_exit(result, 1)
    assert diagnostic_lines(result) == [
        "content/contacts/lines.yml:1:7: name: must be one line; it contains a line break"]


@pytest.mark.parametrize("address", ["o'brien@example.com", "a+tag@example.co.uk",
                                     "first.last@sub.example.org", "x_y-z@example.io",
                                     "josé@exämple.de"])
def test_valid_email_addresses_are_accepted(address):
    assert Contact.model_validate({"name": "A", "email": address}).email == address


@pytest.mark.parametrize("address", ["a<b@example.com", "a>b@example.com", '"a"@example.com',
                                     "a b@example.com", "a,b@example.com", "a;b@example.com",
                                     "a@localhost", "a..b@example.com", ".a@example.com",
                                     "a@-example.com", "a@example..com", "a@b@example.com"])
def test_invalid_email_addresses_are_refused(address):
    with pytest.raises(ValueError, match="is not an email address"):
        Contact.model_validate({"name": "A", "email": address})


@pytest.mark.parametrize(("name", "slug"), [
    ("josé", "jose"), ("Müller", "muller"), ("Łódź", "lodz"), ("Søren Ærø", "soren-aero"),
    ("Straße", "strasse"), ("Œuvre", "oeuvre"), ("Đorđe", "dorde"), ("Þór", "thor"),
    ("Zoë Ñúñez", "zoe-nunez"), ("ﬁle", "file"), ("你好", "my-item"),
])
def test_suggested_ids_are_transliterated(name, slug):
    assert suggested_id(name) == slug


def test_prepkit_new_suggests_a_transliterated_id(example_kit):
    result = run_prepkit("new", "contact", "José Müller", "-f", str(example_kit / "mkdocs.yml"))
    assert result.exit_code != 0
    assert "'jose-muller'" in result.output


def test_a_file_name_with_accents_gets_a_transliterated_suggestion(in_kit):
    write(in_kit, "content/contacts/Łódź.yml", "name: A\n")
    result = run_check(in_kit)
    assert_clean_exit(result, 1)
    assert "rename it to 'lodz.yml'" in result.output
