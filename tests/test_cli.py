"""The `prepkit` command line: init, check, schema, --version and help; the shipped example."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from conftest import assert_clean_exit, diagnostic_lines, run_check, run_prepkit, write

from generator import __version__
from generator.authoring.schema import SCHEMA_MODELS, schema_texts
from generator.check.load import load_kit
from generator.cli import cli
from generator.derive.relations import Stage, stage_of
from generator.model.types import Relationship

TODAY = datetime(2026, 11, 25, 12, 0)
SCHEMA_FILES = ["contact.schema.json", "employer.schema.json", "field.schema.json",
                "interview.schema.json", "kit.schema.json", "question-set.schema.json"]
SCHEMA_OF_FOLDER = {"contacts": "contact", "fields": "field", "questions": "question-set",
                    "interviews": "interview", "employers": "employer"}


def snapshot(folder: Path) -> dict[str, tuple[bytes, int] | None]:
    """Every file's bytes and mtime, and every folder, under `folder`."""
    return {str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns)
            if path.is_file() else None for path in sorted(folder.rglob("*"))}


def summary(result) -> str:
    return result.stderr.strip().splitlines()[-1]


# --- help and version -----------------------------------------------------------------------

def test_version():
    result = run_prepkit("--version")
    assert_clean_exit(result, 0)
    assert result.stdout == f"prepkit, version {__version__}\n"


@pytest.mark.parametrize("command", [[], *([name] for name in sorted(cli.commands))])
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_every_help_text_has_an_example(command, flag):
    result = run_prepkit(*command, flag)
    assert_clean_exit(result, 0)
    assert "Example" in result.stdout
    assert "prepkit " in result.stdout.split("Example", 1)[1]


def test_the_commands_are_init_check_and_schema():
    assert {"init", "check", "schema"} <= set(cli.commands)


# --- init -----------------------------------------------------------------------------------

def test_init_creates_a_kit(tmp_path, repo_root):
    target = tmp_path / "my-kit"
    result = run_prepkit("init", str(target))
    assert_clean_exit(result, 0)
    assert (target / "mkdocs.yml").read_bytes() == (repo_root / "mkdocs.yml").read_bytes()
    assert (target / "content/kit.yml").read_bytes() == (repo_root / "content/kit.yml").read_bytes()
    assert (target / "site_overrides").is_dir()
    assert sorted(path.name for path in (target / "schemas").iterdir()) == SCHEMA_FILES
    assert "site/" in (target / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "prepkit check" in result.stdout


def test_init_copies_the_whole_example_content(tmp_path, repo_root):
    target = tmp_path / "my-kit"
    assert_clean_exit(run_prepkit("init", str(target)), 0)
    copied = {path: data for path, (data, _) in _files(target / "content").items()}
    original = {path: data for path, (data, _) in _files(repo_root / "content").items()}
    assert copied == original


def _files(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {name: entry for name, entry in snapshot(folder).items() if entry is not None}


def test_init_then_check_passes(tmp_path):
    target = tmp_path / "fresh"
    assert_clean_exit(run_prepkit("init", str(target)), 0)
    result = run_check(target, "--strict")
    assert_clean_exit(result, 0)
    assert summary(result).endswith(": 0 errors, 0 warnings")


def test_init_into_an_existing_empty_folder(tmp_path):
    target = tmp_path / "empty"
    target.mkdir()
    assert_clean_exit(run_prepkit("init", str(target)), 0)
    assert (target / "content/kit.yml").is_file()


def test_init_refuses_a_folder_that_is_not_empty(tmp_path):
    target = tmp_path / "busy"
    target.mkdir()
    mine = target / "notes.txt"
    mine.write_text("my own notes\n", encoding="utf-8")
    before = snapshot(target)
    result = run_prepkit("init", str(target))
    assert_clean_exit(result, 1)
    assert snapshot(target) == before
    assert f"{target}: already exists and is not empty" in result.stderr


def test_init_refuses_a_path_that_is_a_file(tmp_path):
    target = tmp_path / "a-file"
    target.write_text("keep me\n", encoding="utf-8")
    result = run_prepkit("init", str(target))
    assert_clean_exit(result, 2)  # click's usage error
    assert "is a file" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me\n"


# --- check ----------------------------------------------------------------------------------

def test_check_of_the_clean_example_prints_only_the_summary(example_kit):
    result = run_check(example_kit)
    assert_clean_exit(result, 0)
    assert result.stdout == ""
    assert re.fullmatch(r"checked \d+ files: 0 errors, 0 warnings", summary(result))


def test_check_reads_mkdocs_yml_in_the_working_folder_by_default(example_kit, monkeypatch):
    monkeypatch.chdir(example_kit)
    write(example_kit, "content/contacts/new-person.yml", "name: X\nrelationship: boss\n")
    result = run_prepkit("check")
    assert_clean_exit(result, 1)
    assert diagnostic_lines(result)[0].startswith("content/contacts/new-person.yml:2:15: ")


def files_checked(result) -> int:
    return int(re.match(r"checked (\d+) files?:", summary(result)).group(1))


def test_check_exit_codes_and_summary_for_errors(example_kit):
    clean = files_checked(run_check(example_kit))
    write(example_kit, "content/contacts/a-one.yml", "name: A\nrelationship: boss\n")
    write(example_kit, "content/contacts/b-two.yml", "name: B\nemail: nope\n")
    result = run_check(example_kit)
    assert_clean_exit(result, 1)
    assert len(diagnostic_lines(result)) == 2
    assert summary(result) == f"checked {clean + 2} files: 2 errors, 0 warnings"
    assert "checked" not in result.stdout  # the summary goes to stderr only


def test_check_warnings_exit_zero_unless_strict(example_kit):
    write(example_kit, "content/fields/law.yml", "name: Law\n")
    relaxed = run_check(example_kit)
    assert_clean_exit(relaxed, 0)
    assert ": warning: " in relaxed.stdout
    assert summary(relaxed).endswith(": 0 errors, 1 warning")
    strict = run_check(example_kit, "--strict")
    assert_clean_exit(strict, 1)
    assert ": warning: " not in strict.stdout
    assert summary(strict).endswith(": 1 error, 0 warnings")


def test_check_without_mkdocs_yml_is_a_clean_error(tmp_path):
    result = run_check(tmp_path)
    assert_clean_exit(result, 1)
    assert result.stderr == (
        f"{tmp_path / 'mkdocs.yml'}: not found. Run prepkit from a kit folder, pass -f "
        "path/to/mkdocs.yml, or create a kit with 'prepkit init DIR'.\n")


def test_check_with_a_broken_mkdocs_yml_is_a_clean_error(example_kit):
    write(example_kit, "mkdocs.yml", "site_name: [unclosed\n")
    result = run_check(example_kit)
    assert_clean_exit(result, 1)
    assert result.stderr.startswith(f"{example_kit / 'mkdocs.yml'}: cannot be read as YAML: ")


def test_check_with_a_content_dir_that_is_not_a_name_is_a_clean_error(example_kit):
    write(example_kit, "mkdocs.yml", "site_name: X\nplugins:\n  - prepkit:\n      content_dir: 3\n")
    result = run_check(example_kit)
    assert_clean_exit(result, 1)
    assert "the prepkit plugin's content_dir must be a folder name" in result.stderr


@pytest.mark.parametrize("plugins", [
    "plugins: [search, {prepkit: {content_dir: notes}}]\n",
    "plugins:\n  search: {}\n  prepkit:\n    content_dir: notes\n",
])
def test_check_honours_the_plugins_content_dir(example_kit, monkeypatch, plugins):
    (example_kit / "content").rename(example_kit / "notes")
    write(example_kit, "other.yml", "site_name: Other\n" + plugins)
    write(example_kit, "notes/contacts/new-person.yml", "name: X\nrelationship: boss\n")
    monkeypatch.chdir(example_kit)
    result = run_prepkit("check", "-f", "other.yml")
    assert_clean_exit(result, 1)
    assert [line.split(": ", 1)[0] for line in diagnostic_lines(result)] == [
        "notes/contacts/new-person.yml:2:15"]


def test_check_reads_mkdocs_yml_with_python_tags_without_running_them(example_kit, tmp_path):
    marker = tmp_path / "pwned"
    write(example_kit, "mkdocs.yml",
          "site_name: X\n"
          "markdown_extensions:\n"
          "  - pymdownx.emoji:\n"
          "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
          f"  - boom: !!python/object/apply:os.system [\"touch {marker}\"]\n"
          "plugins: [prepkit]\n")
    assert_clean_exit(run_check(example_kit, "--strict"), 0)
    assert not marker.exists()


def test_check_never_writes_into_the_kit(example_kit, monkeypatch):
    write(example_kit, "content/contacts/a-one.yml", "name: A\nrelationship: boss\n")
    (example_kit / "content/stray").mkdir()
    before = snapshot(example_kit)
    monkeypatch.chdir(example_kit)
    for args in (["check"], ["check", "--strict"], ["check", "-f", "mkdocs.yml"]):
        assert_clean_exit(run_prepkit(*args), 1)
    assert snapshot(example_kit) == before


def test_no_command_writes_inside_content(example_kit, tmp_path, monkeypatch):
    before = snapshot(example_kit / "content")
    monkeypatch.chdir(example_kit)
    assert_clean_exit(run_prepkit("check", "--strict"), 0)
    assert_clean_exit(run_prepkit("schema"), 0)
    assert_clean_exit(run_prepkit("schema", "--out", str(tmp_path / "out")), 0)
    assert_clean_exit(run_prepkit("init", str(tmp_path / "another")), 0)
    for name in ["check", "schema", "init"]:
        assert_clean_exit(run_prepkit(name, "--help"), 0)
    assert snapshot(example_kit / "content") == before


# --- schema ---------------------------------------------------------------------------------

def test_schema_writes_one_file_per_kind(tmp_path):
    out = tmp_path / "out"
    result = run_prepkit("schema", "--out", str(out))
    assert_clean_exit(result, 0)
    assert sorted(path.name for path in out.iterdir()) == SCHEMA_FILES
    for name, text in schema_texts().items():
        assert (out / name).read_text(encoding="utf-8") == text
        assert f"wrote {out / name}" in result.stdout.splitlines()


def test_schema_leaves_unchanged_files_alone(tmp_path):
    out = tmp_path / "out"
    assert_clean_exit(run_prepkit("schema", "--out", str(out)), 0)
    before = snapshot(out)
    assert_clean_exit(run_prepkit("schema", "--out", str(out)), 0)
    assert snapshot(out) == before


def test_schema_replaces_a_stale_file(tmp_path):
    out = tmp_path / "out"
    write(tmp_path, "out/kit.schema.json", "{}\n")
    assert_clean_exit(run_prepkit("schema", "--out", str(out)), 0)
    assert (out / "kit.schema.json").read_text(encoding="utf-8") == schema_texts()[
        "kit.schema.json"]


def test_committed_schemas_are_up_to_date(repo_root):
    committed = {path.name: path.read_bytes() for path in (repo_root / "schemas").iterdir()}
    generated = {name: text.encode("utf-8") for name, text in schema_texts().items()}
    assert committed == generated, "run 'prepkit schema' and commit schemas/"


@pytest.mark.parametrize("name", sorted(SCHEMA_MODELS))
def test_schemas_describe_each_kind_and_its_parts(name):
    schema = json.loads(schema_texts()[f"{name}.schema.json"])
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    assert schema["description"].startswith("content/")
    for definition in schema.get("$defs", {}).values():
        assert definition["description"]
    described = [key for key, spec in schema["properties"].items() if "description" in spec]
    assert len(described) >= len(schema["properties"]) // 2


def _undescribed_keys(schema: dict) -> list[str]:
    """Keys an editor would offer without any help text."""
    found = []
    for where, part in [("", schema), *schema.get("$defs", {}).items()]:
        for key, spec in part.get("properties", {}).items():
            refs = [spec, *spec.get("anyOf", [])]
            if "description" not in spec and not any("$ref" in ref for ref in refs):
                found.append(f"{where}.{key}" if where else key)
    return found


def test_every_key_in_the_schemas_has_a_description():
    missing = {name: _undescribed_keys(json.loads(text)) for name, text in schema_texts().items()}
    assert missing == {name: [] for name in schema_texts()}


class _EditorLoader(yaml.SafeLoader):
    """Roughly what an editor's YAML 1.2 language server sees: dates stay strings."""


_EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers
            if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _content_files(repo_root: Path) -> list[Path]:
    return sorted((repo_root / "content").rglob("*.yml"))


def test_every_content_file_validates_against_its_schema(repo_root):
    jsonschema = pytest.importorskip("jsonschema")
    for path in _content_files(repo_root):
        kind = "kit" if path.name == "kit.yml" else SCHEMA_OF_FOLDER[path.parent.name]
        schema = json.loads((repo_root / "schemas" / f"{kind}.schema.json").read_text("utf-8"))
        data = yaml.load(path.read_text(encoding="utf-8"), _EditorLoader)
        jsonschema.Draft202012Validator(schema).validate(data)


# --- the shipped example --------------------------------------------------------------------

def test_example_passes_strict_check(example_kit):
    result = run_check(example_kit, "--strict")
    assert_clean_exit(result, 0)
    assert result.stdout == ""
    assert summary(result).endswith(": 0 errors, 0 warnings")


@pytest.fixture(scope="module")
def shipped():
    repo = Path(__file__).resolve().parent.parent
    result = load_kit(repo / "content")
    assert result.kit is not None, [d.format() for d in result.diagnostics]
    return result.kit


def test_example_fields_have_research_sources(shipped):
    assert len(shipped.fields) >= 3
    for field_id, career_field in shipped.fields.items():
        assert career_field.research, field_id
        assert all(source.url for source in career_field.research), field_id


def test_example_contacts_cover_every_relationship(shipped):
    assert len(shipped.contacts) >= 7
    assert {contact.relationship for contact in shipped.contacts.values()} == set(
        Relationship.__args__)


def test_example_question_sets(shipped):
    assert len(shipped.question_sets) >= 3
    assert any(question_set.kind == "post-offer"
               for question_set in shipped.question_sets.values())
    wanted = {
        "start": re.compile(r"get your start.*industry", re.IGNORECASE),
        "culture": re.compile(r"\bculture\b", re.IGNORECASE),
        "dei": re.compile(r"diversity, equity,? and inclusion|\bDEI\b", re.IGNORECASE),
        "projects": re.compile(r"biggest projects", re.IGNORECASE),
    }
    holding_all = [set_id for set_id, question_set in shipped.question_sets.items()
                   if all(any(pattern.search(q.text) for q in question_set.questions)
                          for pattern in wanted.values())]
    assert holding_all, "no question set holds the four example questions"


def test_example_interviews_cover_every_stage(shipped):
    interviews = list(shipped.interviews.values())
    assert len(interviews) >= 6
    stages = {stage_of(interview, TODAY) for interview in interviews}
    assert {Stage.PLANNED, Stage.REQUESTED, Stage.SCHEDULED, Stage.HELD, Stage.THANKED,
            Stage.DECLINED} <= stages
    assert any(interview.kind == "post-offer" for interview in interviews)
    held = [interview for interview in interviews if stage_of(interview, TODAY) is Stage.HELD]
    assert any(interview.notes and interview.takeaways for interview in held)


def _example_text_files(repo_root: Path) -> list[Path]:
    files = [path for path in (repo_root / "content").rglob("*") if path.is_file()]
    return sorted([*files, repo_root / "mkdocs.yml"])


EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
PHONE = re.compile(r"\+\d[\d\s().-]{6,}\d|\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")


def test_example_uses_only_reserved_emails_and_phone_numbers(repo_root):
    emails, phones = [], []
    for path in _example_text_files(repo_root):
        text = path.read_text(encoding="utf-8")
        emails += [(path.name, match) for match in EMAIL.findall(text)]
        phones += [(path.name, match) for match in PHONE.findall(text)]
    assert emails and phones, "the scan found nothing: the patterns are broken"
    assert [(name, domain) for name, domain in emails
            if domain not in ("example.com", "example.org", "example.edu")] == []
    assert [(name, phone) for name, phone in phones
            if not re.search(r"(^|\D)555\D?01\d\d$", phone)] == []


def test_example_phone_fields_are_555_numbers(shipped):
    phones = [contact.phone for contact in shipped.contacts.values() if contact.phone]
    phones.append(shipped.settings.owner.phone)
    assert phones
    assert all(re.fullmatch(r"\+1 555 01\d\d", phone) for phone in phones), phones


@pytest.mark.parametrize("path", _content_files(Path(__file__).resolve().parent.parent),
                         ids=lambda path: f"{path.parent.name}/{path.name}")
def test_example_file_starts_with_its_schema(path, repo_root):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    target = (path.parent / first.removeprefix(prefix)).resolve()
    assert target.is_file()
    assert target.parent == (repo_root / "schemas").resolve()
    kind = "kit" if path.name == "kit.yml" else SCHEMA_OF_FOLDER[path.parent.name]
    assert target.name == f"{kind}.schema.json"
