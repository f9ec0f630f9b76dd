"""generator.read.yaml_source: safe reading that keeps text as typed and remembers positions."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest
from conftest import assert_clean_exit, run_check, write

from generator.check.load import load_kit
from generator.errors import Position
from generator.read.yaml_source import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    YamlDocument,
    YamlError,
    format_key_path,
    parse_yaml_bytes,
    read_yaml_file,
)


def parse(text: str | bytes) -> YamlDocument:
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    return parse_yaml_bytes(raw, path=Path("x.yml"), display="x.yml")


def parse_error(text: str | bytes) -> YamlError:
    with pytest.raises(YamlError) as caught:
        parse(text)
    return caught.value


def billion_laughs() -> str:
    """Nine levels of nine aliases each: 9**9 (387 million) values if expanded."""
    lines = ["name: Bomb", 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    names = "abcdefghij"
    for previous, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"




# --- plain values -------------------------------------------------------------------------

def test_reads_a_mapping_with_nested_lists_and_mappings():
    document = parse("name: Priya\nfields: [data-science, public-health]\n"
                     "outreach:\n  channel: email\n")
    assert document.data == {"name": "Priya", "fields": ["data-science", "public-health"],
                             "outreach": {"channel": "email"}}


@pytest.mark.parametrize("typed", [
    "NO", "no", "on", "off", "yes", "Y", "true", "False",  # YAML 1.1 booleans
    "10:30", "1:20:00",                                     # sexagesimal numbers
    "012", "0x1F", "0o17", "1e3", "1_000", "3.14", ".inf", ".NaN", "20",  # numbers
    "2026-11-18", "2026-12-02T15:00:00",                    # timestamps
])
def test_plain_scalars_stay_the_text_that_was_typed(typed):
    assert parse(f"value: {typed}\n").data == {"value": typed}


@pytest.mark.parametrize("typed", ["", "~", "null", "Null", "NULL"])
def test_unquoted_null_spellings_are_none(typed):
    assert parse(f"value: {typed}\n").data == {"value": None}


@pytest.mark.parametrize("typed", ['"null"', "'~'", '""'])
def test_quoted_null_spellings_stay_text(typed):
    assert parse(f"value: {typed}\n").data == {"value": typed[1:-1]}


def test_block_scalars_keep_their_lines():
    assert parse("notes: |\n  one\n  two\n").data == {"notes": "one\ntwo\n"}


def test_small_aliases_are_expanded():
    assert parse("a: &x [one, two]\nb: *x\n").data == {"a": ["one", "two"], "b": ["one", "two"]}


# --- positions ------------------------------------------------------------------------------

def test_positions_of_values_and_keys_are_one_based():
    document = parse("# comment\nname: Priya\nfields:\n  - data-science\n  - public-health\n")
    assert document.value_positions[()] == Position(2, 1)
    assert document.value_positions[("name",)] == Position(2, 7)
    assert document.key_positions[("name",)] == Position(2, 1)
    assert document.value_positions[("fields", 1)] == Position(5, 5)


def test_position_of_a_missing_key_is_where_its_mapping_starts():
    document = parse("name: X\noutreach:\n  channel: email\n")
    assert document.position(("outreach", "sent_on")) == Position(3, 3)
    assert document.position(("nothing", "here")) == Position(1, 1)


def test_diagnostic_carries_file_position_and_key_path():
    document = parse("name: X\nquestions:\n  - text: Why?\n")
    diagnostic = document.diagnostic(("questions", 0, "text"), "too short")
    assert diagnostic.format() == "x.yml:3:11: questions[0].text: too short"


@pytest.mark.parametrize(("loc", "shown"), [
    ((), ""),
    (("name",), "name"),
    (("outreach", "sent_on"), "outreach.sent_on"),
    (("questions", 2, "follow_ups", 0), "questions[2].follow_ups[0]"),
])
def test_format_key_path(loc, shown):
    assert format_key_path(loc) == shown


# --- encodings and line ends --------------------------------------------------------------

def test_utf8_byte_order_mark_is_accepted():
    document = parse(b"\xef\xbb\xbfname: Jos\xc3\xa9\ntitle: T\n")
    assert document.data == {"name": "José", "title": "T"}
    assert document.value_positions[("title",)] == Position(2, 8)


def test_crlf_line_endings_are_accepted_and_lines_counted():
    document = parse(b"name: X\r\nnotes: |\r\n  one\r\n  two\r\ntitle: T\r\n")
    assert document.data == {"name": "X", "notes": "one\ntwo\n", "title": "T"}
    assert document.value_positions[("title",)] == Position(5, 8)


def test_bytes_that_are_not_utf8_are_located_by_line_and_column():
    error = parse_error(b"name: X\ntitle: caf\xe9\n")
    assert error.diagnostic.format() == (
        "x.yml:2:11: file is not UTF-8 text (byte 0xe9 cannot be decoded); "
        "save it with UTF-8 encoding")


# --- what is refused ----------------------------------------------------------------------

def test_python_tags_are_refused_and_never_run(tmp_path):
    marker = tmp_path / "pwned"
    source = tmp_path / "evil.yml"
    source.write_text(f'name: X\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n',
                      encoding="utf-8")
    with pytest.raises(YamlError) as caught:
        read_yaml_file(source, "evil.yml")
    assert caught.value.diagnostic.code == "tag"
    assert caught.value.diagnostic.position == Position(2, 8)
    assert "'!!python/object/apply:os.system' is not allowed" in caught.value.diagnostic.message
    assert not marker.exists()


def test_python_tag_on_the_whole_document_is_refused_and_never_run(tmp_path):
    marker = tmp_path / "pwned"
    source = tmp_path / "evil.yml"
    source.write_text(f'!!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    with pytest.raises(YamlError):
        read_yaml_file(source, "evil.yml")
    assert not marker.exists()


@pytest.mark.parametrize("tagged", ["!!python/name:os.system", "!custom x", "!!binary aGk=",
                                    "!!set {a: null}", "!!omap [a: 1]"])
def test_any_tag_beyond_plain_yaml_is_refused(tagged):
    assert parse_error(f"name: X\nvalue: {tagged}\n").diagnostic.code == "tag"


def test_duplicate_keys_are_refused_with_both_lines():
    error = parse_error("name: X\ntitle: A\norganization: B\ntitle: C\n")
    assert error.diagnostic.position == Position(4, 1)
    assert error.diagnostic.message == "duplicate key 'title' (first set on line 2); keep one"


def test_duplicate_keys_in_a_nested_mapping_are_refused():
    error = parse_error("outreach:\n  sent_on: 2026-11-01\n  sent_on: 2026-11-02\n")
    assert error.diagnostic.position == Position(3, 3)
    assert error.diagnostic.code == "duplicate-key"


def test_tab_indentation_is_refused_with_its_line():
    error = parse_error("name: X\nfields:\n\t- data-science\n")
    assert error.diagnostic.format() == "x.yml:3:1: tab used for indentation; YAML needs spaces"


def test_tab_after_spaces_is_located_at_the_tab():
    assert parse_error("a:\n  b: 1\n  \tc: 2\n").diagnostic.position == Position(3, 3)


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n# and another\n"])
def test_empty_and_comment_only_files_are_refused(text):
    error = parse_error(text)
    assert error.diagnostic.code == "empty"
    assert error.diagnostic.message == "file is empty; expected keys such as 'name: ...'"


@pytest.mark.parametrize(("text", "found"), [
    ("- a\n- b\n", "found a list"),
    ("just some words\n", "found the text 'just some words'"),
    ("42\n", "found the text '42'"),
])
def test_a_document_that_is_not_a_mapping_is_refused(text, found):
    error = parse_error(text)
    assert error.diagnostic.code == "not-a-mapping"
    assert error.diagnostic.message.endswith(found)


def test_several_documents_are_refused():
    error = parse_error("name: X\n---\nname: Y\n")
    assert error.diagnostic.format() == (
        "x.yml:2:1: YAML syntax error: holds more than one YAML document ('---'); "
        "keep one entity per file")


def test_syntax_error_is_located():
    error = parse_error("name: X\nfields: [a, b\ntitle: T\n")
    assert error.diagnostic.code == "syntax"
    assert error.diagnostic.position == Position(3, 6)
    assert error.diagnostic.message.startswith("YAML syntax error: ")


def test_merge_keys_are_refused():
    error = parse_error("base: &b {title: T}\nother:\n  <<: *b\n")
    assert error.diagnostic.code == "merge-key"
    assert error.diagnostic.position == Position(3, 3)


def test_keys_must_be_plain_text():
    assert parse_error("? [a, b]\n: c\n").diagnostic.code == "key"


def test_billion_laughs_stops_quickly_with_an_error():
    started = time.monotonic()
    error = parse_error(billion_laughs())
    elapsed = time.monotonic() - started
    assert error.diagnostic.code == "alias-bomb"
    assert "aliases" in error.diagnostic.message
    assert elapsed < 5, f"took {elapsed:.1f}s"  # a generous bound; the point is the error


def test_recursive_alias_is_refused():
    assert parse_error("a: &a [*a]\n").diagnostic.code == "too-deep"


def test_nesting_beyond_the_limit_is_refused():
    depth = MAX_DEPTH + 10
    error = parse_error("a: " + "[" * depth + "]" * depth + "\n")
    assert error.diagnostic.code == "too-deep"
    assert error.diagnostic.message == f"nested more than {MAX_DEPTH} levels deep"


def test_very_deep_nesting_is_a_located_error_not_a_crash():
    depth = 5000  # 10 kB, far under the 1 MiB limit
    error = parse_error("name: X\ntitle: " + "[" * depth + "]" * depth + "\n")
    assert error.diagnostic.position.line == 2
    assert "nest" in error.diagnostic.message


def test_control_character_is_a_located_one_line_error():
    error = parse_error("name: X\ntitle: a\x07b\n")
    assert error.diagnostic.position == Position(2, 9)
    assert "\n" not in error.diagnostic.format()


def test_unclosed_quote_points_at_the_opening_quote():
    error = parse_error('name: X\ntitle: "Unclosed\norganization: Acme\nhow_we_met: At a fair\n')
    assert error.diagnostic.format() == (
        "x.yml:2:8: YAML syntax error: a quoted text starts here and is never closed")


def test_file_over_one_mebibyte_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.yml"
    big.write_bytes(b"name: X\nbackground: " + b"a" * MAX_FILE_BYTES + b"\n")
    with pytest.raises(YamlError) as caught:
        read_yaml_file(big, "big.yml")
    assert caught.value.diagnostic.format() == (
        f"big.yml:1:1: file is {MAX_FILE_BYTES + 21:,} bytes; prepkit reads files up to 1 MiB "
        "(1,048,576 bytes). Split it into several files or move long text elsewhere.")


def test_file_of_exactly_one_mebibyte_is_read(tmp_path):
    head = b"name: X\nbackground: "
    exact = tmp_path / "exact.yml"
    exact.write_bytes(head + b"a" * (MAX_FILE_BYTES - len(head) - 1) + b"\n")
    assert read_yaml_file(exact).data["name"] == "X"


def test_missing_file_is_a_diagnostic_not_an_oserror(tmp_path):
    with pytest.raises(YamlError) as caught:
        read_yaml_file(tmp_path / "gone.yml", "gone.yml")
    assert caught.value.diagnostic.code == "unreadable"
    assert caught.value.diagnostic.format().startswith("gone.yml:1:1: file cannot be read: ")


def test_display_name_defaults_to_the_path(tmp_path):
    source = tmp_path / "ok.yml"
    source.write_text("name: X\n", encoding="utf-8")
    document = read_yaml_file(source)
    assert document.display == str(source)
    assert document.path == source


# --- through `prepkit check` and the models -------------------------------------------------

YAML_11_CONTACT = """\
name: Norah Oneil
title: NO
organization: on
how_we_met: 10:30
phone: 012
fields: [data-science]
"""


def test_yaml_11_lookalikes_reach_the_model_as_typed(example_kit):
    write(example_kit, "content/contacts/norah-oneil.yml", YAML_11_CONTACT)
    assert_clean_exit(run_check(example_kit, "--strict"), 0)
    contact = load_kit(example_kit / "content").kit.contacts["norah-oneil"]
    assert (contact.title, contact.organization, contact.how_we_met, contact.phone) == (
        "NO", "on", "10:30", "012")


def test_python_tag_in_a_kit_file_is_an_error_and_never_runs(example_kit, tmp_path):
    marker = tmp_path / "pwned"
    write(example_kit, "content/contacts/evil.yml",
          f'name: Evil\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n')
    result = run_check(example_kit)
    assert_clean_exit(result, 1)
    assert "evil.yml:2:8: the tag '!!python/object/apply:os.system' is not allowed" in result.stdout
    assert not marker.exists()


def test_billion_laughs_in_a_kit_file_is_an_error(example_kit):
    write(example_kit, "content/contacts/bomb.yml", billion_laughs())
    started = time.monotonic()
    result = run_check(example_kit)
    assert time.monotonic() - started < 5
    assert_clean_exit(result, 1)
    assert "bomb.yml:2:8: expands to more than 100,000 values through aliases" in result.stdout


def test_bom_and_crlf_files_pass_check(example_kit):
    write(example_kit, "content/contacts/bo-marsh.yml",
          b"\xef\xbb\xbfname: Bo Marsh\r\ntitle: NO\r\nfields: [data-science]\r\n")
    assert_clean_exit(run_check(example_kit, "--strict"), 0)
    contact = load_kit(example_kit / "content").kit.contacts["bo-marsh"]
    assert (contact.name, contact.title) == ("Bo Marsh", "NO")


@pytest.mark.parametrize(("text", "expected"), [
    ("outreach:\n  sent_on: 20261118\n", "outreach.sent_on: '20261118' is not a date"),
    ("questions:\n  - text: Why?\n    priority: 1\n",
     "questions[0].priority: '1' is not one of must, nice"),
])
def test_numbers_are_not_dates_or_choices(example_kit, text, expected):
    write(example_kit, "content/interviews/new-chat.yml", "contact: sam-patel\n" + text)
    result = run_check(example_kit)
    assert_clean_exit(result, 1)
    assert expected in result.stdout
