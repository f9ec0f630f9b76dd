"""Limits against a kit that would slow every page down: text lengths and list sizes are
located errors in plain English, and the JSON Schemas carry the same limits."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import assert_clean_exit, diagnostic_lines, run_check, write

from generator.authoring.schema import schema_texts
from generator.model import Contact, Interview
from generator.model.types import (
    MAX_ITEMS,
    MAX_LINE_LENGTH,
    MAX_NAME_LENGTH,
    MAX_TEXT_LENGTH,
)


@pytest.fixture(autouse=True)
def _in_kit(example_kit: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(example_kit)


def lines_for(kit: Path, relative: str, text: str) -> list[str]:
    write(kit, relative, text)
    result = run_check(kit)
    assert_clean_exit(result, 1)
    return diagnostic_lines(result)


def test_a_name_over_the_limit_is_one_plain_error(example_kit):
    lines = lines_for(example_kit, "content/contacts/long.yml", f"name: {'x' * 108_000}\n")
    assert lines == [
        "content/contacts/long.yml:1:7: name: is 108,000 characters long; the limit for a "
        f"name, title or id is {MAX_NAME_LENGTH}: shorten it"]


def test_free_text_is_generous_but_limited(example_kit):
    fine = "a" * MAX_TEXT_LENGTH
    write(example_kit, "content/contacts/fine.yml", f"name: Fine\nbackground: {fine}\n")
    lines = lines_for(example_kit, "content/contacts/long.yml",
                      f"name: Long\nbackground: {'a' * (MAX_TEXT_LENGTH + 1)}\n")
    assert lines == [
        "content/contacts/long.yml:2:13: background: is 20,001 characters long; the limit for "
        "free text is 20,000: shorten it"]


def test_a_question_over_the_line_limit_is_located(example_kit):
    lines = lines_for(example_kit, "content/questions/long.yml",
                      f"title: Long\nquestions:\n  - text: {'q' * (MAX_LINE_LENGTH + 5)}\n")
    assert lines == [
        "content/questions/long.yml:3:11: questions[0].text: is 2,005 characters long; the "
        "limit for a one-line text is 2,000: shorten it"]


def test_a_list_over_the_limit_is_located(example_kit):
    questions = "".join(f"  - text: Question {n}?\n" for n in range(MAX_ITEMS + 1))
    lines = lines_for(example_kit, "content/questions/many.yml",
                      f"title: Many\nquestions:\n{questions}")
    assert lines == ["content/questions/many.yml:3:3: questions: has 501 entries; the limit is "
                     "500: split or shorten the list"]


def test_every_text_field_of_the_models_has_a_limit():
    for model in (Contact, Interview):
        schema = model.model_json_schema()
        text = json.dumps(schema)
        assert '"maxLength"' in text and '"maxItems"' in text


def test_the_committed_schemas_carry_the_limits(repo_root):
    contact = json.loads((repo_root / "schemas/contact.schema.json").read_text(encoding="utf-8"))
    properties = contact["properties"]
    name = properties["name"]
    assert name.get("maxLength") == MAX_NAME_LENGTH
    background = properties["background"]["anyOf"][0]
    assert background["maxLength"] == MAX_TEXT_LENGTH
    assert properties["fields"]["maxItems"] == MAX_ITEMS


def test_check_on_a_kit_at_the_limits_finishes(example_kit, capsys):
    """A kit of 1 MiB files at the text limits: check completes (the figure is printed)."""
    for number in range(20):
        notes = "\n".join(f"- {'n' * 190}" for _ in range(100))
        write(example_kit, f"content/contacts/big-{number}.yml",
              f"name: {'N' * MAX_NAME_LENGTH}\nbackground: |\n"
              + "".join(f"  {line}\n" for line in notes.splitlines()))
    started = time.perf_counter()
    result = run_check(example_kit)
    elapsed = time.perf_counter() - started
    assert_clean_exit(result, 0)
    with capsys.disabled():
        print(f"\ncheck of a kit with 20 contacts at the limits: {elapsed:.2f} s")


def test_the_committed_schemas_are_up_to_date(repo_root):
    for name, text in schema_texts().items():
        assert (repo_root / "schemas" / name).read_text(encoding="utf-8") == text, name


def test_a_huge_wrong_value_is_quoted_short(example_kit):
    lines = lines_for(example_kit, "content/interviews/huge.yml",
                      f"contact: priya-natarajan\nthank_you_sent_on: '{'9' * 100_000}'\n"
                      f"scheduled:\n  at: 2026-12-02T10:00\n  duration_minutes: '{'9' * 5000}'\n"
                      f"{'k' * 1000}: 1\n")
    assert all(len(line) < 600 for line in lines), [len(line) for line in lines]
    assert any("(100,000 characters) is not a date" in line for line in lines)
    assert any("is far too large" in line for line in lines)
