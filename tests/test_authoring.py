"""Authoring a kit: `prepkit new`, `check --format`, and what `init` sets up for git and GitHub.

Every test works on real files in a temporary folder and runs the real command line.
"""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from conftest import REPO_ROOT, assert_clean_exit, diagnostic_lines, run_check, run_prepkit, write
from hypothesis import given
from hypothesis import strategies as st

from generator.authoring.scaffold import KINDS, scalar
from generator.check.load import load_kit
from generator.check.report import as_workflow_command, escape_data, escape_property
from generator.cli import cli
from generator.errors import Diagnostic, Position, Severity
from generator.model import CareerField, Contact, Interview, QuestionSet
from generator.read.yaml_source import parse_yaml_bytes, read_yaml_file

# --- helpers --------------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time under `folder`."""
    return {str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A kit made by `prepkit init`, with the working folder inside it."""
    target = tmp_path / "my-kit"
    assert_clean_exit(run_prepkit("init", str(target)), 0)
    monkeypatch.chdir(target)
    return target


def new(*args: str, stdin: str | None = None) -> Result:
    """`prepkit new ARGS...` in-process; CliRunner's standard input is never a terminal."""
    return CliRunner().invoke(cli, ["new", *args], input=stdin, prog_name="prepkit")


def check(kit_dir: Path, *args: str, exit_code: int) -> Result:
    result = run_check(kit_dir, *args)
    assert_clean_exit(result, exit_code)
    return result


def summary(result: Result) -> str:
    return result.stderr.strip().splitlines()[-1]


def data_of(path: Path) -> dict[str, Any]:
    """A content file as prepkit itself reads it."""
    return read_yaml_file(path).data


def assert_refused(result: Result, before: dict[str, tuple[bytes, int]], kit_dir: Path,
                   *messages: str) -> None:
    """Exit 1, every message shown, and not one byte of content/ changed."""
    assert_clean_exit(result, 1)
    for message in messages:
        assert message in result.stderr, result.stderr
    assert snapshot(kit_dir / "content") == before


# --- the loop from the issue: init, new, new, check ------------------------------------------

def test_init_new_contact_new_interview_then_check_passes(kit: Path) -> None:
    created = new("contact", "jane-doe", "--name", "Jane Doe")
    assert_clean_exit(created, 0)
    assert "Created content/contacts/jane-doe.yml" in created.stdout
    assert_clean_exit(new("interview", "jane-doe-2027-01", "--contact", "jane-doe"), 0)

    assert summary(check(kit, exit_code=0)).endswith(": 0 errors, 0 warnings")
    assert_clean_exit(run_check(kit, "--strict"), 0)
    interview = data_of(kit / "content/interviews/jane-doe-2027-01.yml")
    assert interview["contact"] == "jane-doe"
    assert interview["question_sets"] == ["getting-started"]  # so it has questions
    assert data_of(kit / "content/contacts/jane-doe.yml")["name"] == "Jane Doe"


def test_a_second_new_with_the_same_id_changes_nothing(kit: Path) -> None:
    assert_clean_exit(new("contact", "jane-doe", "--name", "Jane Doe"), 0)
    path = kit / "content/contacts/jane-doe.yml"
    path.write_text(path.read_text(encoding="utf-8") + "# my own edit\n", encoding="utf-8")
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    before = snapshot(kit / "content")

    again = new("contact", "jane-doe", "--name", "Someone Else")
    assert_refused(again, before, kit, "content/contacts/jane-doe.yml: a contact with the id "
                   "'jane-doe' already exists; nothing was written")
    assert path.stat().st_mtime_ns == 1_000_000_000
    assert path.read_text(encoding="utf-8").endswith("# my own edit\n")


def test_an_id_taken_by_a_yaml_file_is_refused_too(kit: Path) -> None:
    write(kit, "content/fields/robotics.yaml", "name: Robotics\n")
    before = snapshot(kit / "content")
    result = new("field", "robotics", "--name", "Robotics")
    assert_refused(result, before, kit, "content/fields/robotics.yaml: a career field with the "
                   "id 'robotics' already exists")
    assert not (kit / "content/fields/robotics.yml").exists()


# --- what each kind of new file holds ---------------------------------------------------------

NEW_FILES = [
    pytest.param(["contact", "sam-lee", "--name", "Sam Lee", "--title", "Data Engineer",
                  "--organization", "Acme Health", "--relationship", "alumni",
                  "--fields", "data-science,ux-research", "--fields", "data-science"],
                 "contacts/sam-lee.yml", Contact,  # Acme Health is a target employer: link it
                 {"name": "Sam Lee", "title": "Data Engineer", "organization": "Acme Health",
                  "relationship": "alumni", "fields": ["data-science", "ux-research"]}, 1,
                 id="contact"),
    pytest.param(["field", "robotics", "--name", "Robotics"], "fields/robotics.yml",
                 CareerField, {"name": "Robotics"}, 1, id="field"),  # nobody works in it yet
    pytest.param(["questions", "day-to-day", "--title", "The day-to-day work", "--kind",
                  "post-offer"], "questions/day-to-day.yml", QuestionSet,
                 {"title": "The day-to-day work", "kind": "post-offer"}, 0, id="questions"),
    pytest.param(["interview", "priya-2027", "--contact", "priya-natarajan", "--field",
                  "public-health", "--sets", "tiara", "--sets", "health-data", "--at",
                  "2027-01-15 10:30", "--duration", "30"], "interviews/priya-2027.yml",
                 Interview, {"contact": "priya-natarajan", "field": "public-health",
                             "question_sets": ["tiara", "health-data"],
                             "scheduled": {"at": "2027-01-15T10:30", "duration_minutes": "30",
                                           "medium": "video"}}, 0, id="interview"),
]


@pytest.mark.parametrize(("args", "relative", "model", "expected", "warnings"), NEW_FILES)
def test_new_writes_a_valid_commented_file_and_nothing_else(
        kit: Path, args: list[str], relative: str, model: type[Any], expected: dict[str, Any],
        warnings: int) -> None:
    before = snapshot(kit / "content")
    assert_clean_exit(new(*args), 0)

    after = snapshot(kit / "content")
    assert set(after) - set(before) == {relative}
    assert {name: after[name] for name in before} == before  # no other file touched
    path = kit / "content" / relative
    lines = path.read_text(encoding="utf-8").splitlines()
    schema = KINDS[args[0]].schema
    assert lines[0] == f"# yaml-language-server: $schema=../../schemas/{schema}.schema.json"
    assert (kit / "schemas" / f"{schema}.schema.json").is_file()

    data = data_of(path)
    assert {key: data[key] for key in expected} == expected
    for key in model.model_fields:  # every key is there, used or commented out, explained
        at = next(i for i, line in enumerate(lines) if re.match(rf"(# )?{key}:", line))
        assert lines[at - 1].startswith("# ") and not re.match(r"# \w+:", lines[at - 1])
    assert summary(check(kit, exit_code=0)).endswith(
        f": 0 errors, {warnings} warning{'' if warnings == 1 else 's'}")


def test_a_new_question_set_has_one_real_question_to_edit(kit: Path) -> None:
    assert_clean_exit(new("questions", "culture", "--title", "Culture"), 0)
    data = data_of(kit / "content/questions/culture.yml")
    assert data["kind"] == "exploratory"
    [question] = data["questions"]
    assert question["text"] == "How did you get your start in this field?"
    assert not re.search(r"TODO|\.\.\.|<|FIXME", json.dumps(question))
    assert QuestionSet.model_validate(data).questions[0].priority == "must"


def test_an_interview_without_getting_started_lists_no_sets(kit: Path) -> None:
    (kit / "content/questions/getting-started.yml").unlink()
    assert_clean_exit(new("interview", "tia-2027", "--contact", "tia-rivera"), 0)
    data = data_of(kit / "content/interviews/tia-2027.yml")
    assert "question_sets" not in data and "scheduled" not in data
    text = (kit / "content/interviews/tia-2027.yml").read_text(encoding="utf-8")
    assert "# question_sets: [health-data]" in text  # an example from the kit's own sets


TRICKY_NAMES = ["Null", "yes", "012", "O'Brien: \"Ace\" #1", "Zoë Ñúñez", "- dash", "2027-01-15",
                "Dr. Jane Doe, PhD", "a\\b", "100%", "{{ 6*7 }}", "[x]", "tab\there"]


@pytest.mark.parametrize("name", TRICKY_NAMES)
def test_names_are_written_so_that_they_read_back_exactly(kit: Path, name: str) -> None:
    assert_clean_exit(new("contact", "tricky", "--name", name), 0)
    path = kit / "content/contacts/tricky.yml"
    assert data_of(path)["name"] == name
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["name"] == name
    assert summary(check(kit, exit_code=0)).endswith(": 0 errors, 0 warnings")


@given(st.text(st.characters(exclude_categories=["Cs"]), max_size=40))
def test_scalar_reads_back_as_the_same_text_in_any_yaml_reader(text: str) -> None:
    line = f"name: {scalar(text)}\n".encode()
    assert parse_yaml_bytes(line, path=Path("x.yml"), display="x.yml").data["name"] == text
    assert yaml.safe_load(line)["name"] == text


# --- mistakes: each refused with a plain message, nothing written ----------------------------

MISTAKES = [
    pytest.param(["contact", "Jane Doe", "--name", "Jane Doe"],
                 ["'Jane Doe' is not an id; ids are lowercase letters, digits and single "
                  "hyphens, like 'jane-doe'"], id="bad-id"),
    pytest.param(["contact", "jane-doe", "--name", "Jane Doe", "--fields", "data-scince",
                  "--relationship", "buddy"],
                 ["--fields: no career field has the id 'data-scince'; did you mean "
                  "'data-science'?",
                  "--relationship: 'buddy' is not one of former-employer, professor, gsi, "
                  "friend, family, alumni, colleague, referral, other",
                  "content/contacts/jane-doe.yml was not written."], id="contact-values"),
    pytest.param(["contact", "jane-doe", "--name", "  "], ["--name: must not be empty"],
                 id="blank-name"),
    pytest.param(["interview", "x-2027", "--contact", "priya-natarajn", "--field", "ux-reserch",
                  "--sets", "tiara,ux-methds"],
                 ["--contact: no contact has the id 'priya-natarajn'; did you mean "
                  "'priya-natarajan'?",
                  "--field: no career field has the id 'ux-reserch'; did you mean "
                  "'ux-research'?",
                  "--sets: no question set has the id 'ux-methds'; did you mean "
                  "'ux-methods'?"], id="interview-references"),
    pytest.param(["interview", "x-2027", "--contact", "kevin-ng", "--at", "2027-02-30T10:00",
                  "--duration", "half an hour"],
                 ["--at: '2027-02-30T10:00' is not a real date and time",
                  "--duration: 'half an hour' is not a whole number; write digits only, "
                  "like 20"], id="interview-time"),
    pytest.param(["interview", "x-2027", "--contact", "kevin-ng", "--at", "tomorrow 3pm"],
                 ["--at: 'tomorrow 3pm' is not a date and time; write it as YYYY-MM-DDTHH:MM"],
                 id="interview-at-form"),
    pytest.param(["interview", "x-2027", "--contact", "kevin-ng", "--duration", "20"],
                 ["--duration: needs --at"], id="duration-without-at"),
    pytest.param(["questions", "qs", "--title", "Q", "--kind", "post-ofer"],
                 ["--kind: 'post-ofer' is not one of exploratory, post-offer; did you mean "
                  "'post-offer'?"], id="questions-kind"),
]


@pytest.mark.parametrize(("args", "messages"), MISTAKES)
def test_mistakes_are_reported_and_nothing_is_written(kit: Path, args: list[str],
                                                      messages: list[str]) -> None:
    before = snapshot(kit / "content")
    assert_refused(new(*args), before, kit, *messages)


@pytest.mark.parametrize(("args", "message"), [
    (["contact", "jane-doe"], '--name is missing: a contact needs a name. Pass it, like '
                              '--name "Jane Doe"'),
    (["field", "robotics"], "--name is missing: a career field needs a name"),
    (["questions", "culture"], "--title is missing: a question set needs a title"),
    (["interview", "tia-rivera-2027"], "--contact is missing: an interview needs the id of the "
                                       "contact you are talking to. Pass it, like --contact "
                                       "tia-rivera"),
])
def test_without_a_terminal_a_missing_value_is_an_error_not_a_prompt(
        kit: Path, args: list[str], message: str) -> None:
    before = snapshot(kit / "content")
    result = new(*args, stdin="An Answer\n")  # input is there, but it is not a terminal
    assert_refused(result, before, kit, message, "prepkit asks for it only in a terminal")
    assert "An Answer" not in result.output


def test_an_interview_in_a_kit_without_contacts_says_to_create_one(kit: Path) -> None:
    shutil.rmtree(kit / "content/contacts")
    before = snapshot(kit / "content")
    assert_refused(new("interview", "first"), before, kit, "the kit has no contacts yet; create "
                   "one first with 'prepkit new contact ID --name ...'")


def test_an_unknown_kind_gets_a_suggestion(kit: Path) -> None:
    result = new("contacts", "jane-doe")
    assert_clean_exit(result, 1)
    assert "'contacts' is not a kind of file; did you mean 'contact'? The kinds are contact, " \
           "field, employer, questions, interview." in result.stderr


def test_new_finds_the_kit_with_config_file(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    assert_clean_exit(run_prepkit("init", str(target)), 0)
    result = new("field", "robotics", "--name", "Robotics", "-f", str(target / "mkdocs.yml"))
    assert_clean_exit(result, 0)
    assert (target / "content/fields/robotics.yml").is_file()
    missing = new("field", "robotics", "--name", "Robotics", "-f", str(tmp_path / "mkdocs.yml"))
    assert_clean_exit(missing, 1)
    assert "mkdocs.yml: not found" in missing.stderr


def test_a_content_dir_that_is_missing_is_reported(kit: Path) -> None:
    shutil.rmtree(kit / "content")
    result = new("field", "robotics", "--name", "Robotics")
    assert_clean_exit(result, 1)
    assert "content: content folder not found" in result.stderr


@pytest.mark.parametrize("kind", [[], ["contact"], ["field"], ["questions"], ["interview"]])
def test_every_new_help_text_has_an_example(kind: list[str]) -> None:
    result = run_prepkit("new", *kind, "--help")
    assert_clean_exit(result, 0)
    assert "prepkit new " in result.stdout.split("Example", 1)[1]


# --- prompts, only in a terminal -------------------------------------------------------------

def run_in_terminal(kit_dir: Path, args: list[str], typed: str) -> subprocess.CompletedProcess[str]:
    """Run `prepkit ARGS` with a real pseudo-terminal as standard input, typing `typed`."""
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", *args], cwd=kit_dir, stdin=follower,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        os.close(follower)
        os.write(leader, typed.encode())
        out, err = process.communicate(timeout=120)
    finally:
        os.close(leader)
    return subprocess.CompletedProcess(args, process.returncode, out, err)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_in_a_terminal_a_missing_name_is_asked_for(kit: Path) -> None:
    done = run_in_terminal(kit, ["new", "contact", "jane-doe"], "Jane Q. Doe\n")
    assert done.returncode == 0, done.stderr
    assert "Their full name [Jane Doe]:" in done.stdout
    assert data_of(kit / "content/contacts/jane-doe.yml")["name"] == "Jane Q. Doe"


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_in_a_terminal_a_wrong_contact_is_asked_for_again(kit: Path) -> None:
    done = run_in_terminal(kit, ["new", "interview", "coffee-chat"], "kevin-n\nkevin-ng\n")
    assert done.returncode == 0, done.stderr
    assert "no contact has the id 'kevin-n'; did you mean 'kevin-ng'?" in done.stdout + done.stderr
    assert data_of(kit / "content/interviews/coffee-chat.yml")["contact"] == "kevin-ng"


# --- check --format ---------------------------------------------------------------------------

def break_two_files(kit_dir: Path) -> None:
    write(kit_dir, "content/contacts/jane-doe.yml", "name: Jane Doe\nrelationship: buddy\n")
    write(kit_dir, "content/interviews/jane-2027.yml", "contact: jane-do\n")


def test_text_format_is_the_default_and_unchanged(kit: Path) -> None:
    break_two_files(kit)
    plain, text = run_check(kit), run_check(kit, "--format", "text")
    assert_clean_exit(plain, 1)
    assert (text.stdout, text.stderr, text.exit_code) == (plain.stdout, plain.stderr, 1)
    assert diagnostic_lines(plain) == [
        "content/contacts/jane-doe.yml:2:15: relationship: 'buddy' is not one of "
        "former-employer, professor, gsi, friend, family, alumni, colleague, referral, other",
        "content/interviews/jane-2027.yml:1:10: contact: no contact has the id 'jane-do'; "
        "did you mean 'jane-doe'?"]


def test_json_format_is_one_document_matching_the_text_lines(kit: Path) -> None:
    break_two_files(kit)
    text = run_check(kit)
    result = check(kit, "--format", "json", exit_code=1)
    report = json.loads(result.stdout)
    files = int(re.search(r"checked (\d+) files", text.stderr).group(1))  # type: ignore[union-attr]
    assert (report["files_checked"], report["errors"], report["warnings"]) == (files, 2, 0)
    first = report["diagnostics"][0]
    assert first == {"file": "content/contacts/jane-doe.yml", "line": 2, "column": 15,
                     "severity": "error", "code": "literal_error", "key": "relationship",
                     "message": "'buddy' is not one of former-employer, professor, gsi, friend, "
                                "family, alumni, colleague, referral, other"}
    rebuilt = [Diagnostic(d["file"], Position(d["line"], d["column"]), d["message"],
                          d["key"] or "", Severity(d["severity"]), d["code"]).format()
               for d in report["diagnostics"]]
    assert rebuilt == diagnostic_lines(text)


def test_json_warnings_exit_0_unless_strict(kit: Path) -> None:
    assert_clean_exit(new("field", "robotics", "--name", "Robotics"), 0)
    lenient = json.loads(check(kit, "--format", "json", exit_code=0).stdout)
    assert (lenient["errors"], lenient["warnings"]) == (0, 1)
    assert lenient["diagnostics"][0]["severity"] == "warning"
    assert lenient["diagnostics"][0]["code"] == "empty-field"
    strict = json.loads(check(kit, "--format", "json", "--strict", exit_code=1).stdout)
    assert (strict["errors"], strict["warnings"]) == (1, 0)


def test_json_of_a_clean_kit_and_of_a_missing_config(kit: Path, tmp_path: Path) -> None:
    clean = json.loads(check(kit, "--format", "json", exit_code=0).stdout)
    assert clean["errors"] == clean["warnings"] == 0 and clean["diagnostics"] == []
    assert clean["files_checked"] == load_kit(kit / "content").files_read
    result = run_prepkit("check", "--format", "json", "-f", str(tmp_path / "none.yml"))
    assert_clean_exit(result, 1)
    [problem] = json.loads(result.stdout)["diagnostics"]
    assert problem["code"] == "no-config" and problem["message"].startswith("not found")


def test_github_format_prints_workflow_commands(kit: Path) -> None:
    break_two_files(kit)
    result = check(kit, "--format", "github", exit_code=1)
    assert diagnostic_lines(result) == [
        "::error file=content/contacts/jane-doe.yml,line=2,col=15,title=prepkit "
        "(literal_error)::relationship: 'buddy' is not one of former-employer, professor, gsi, "
        "friend, family, alumni, colleague, referral, other",
        "::error file=content/interviews/jane-2027.yml,line=1,col=10,title=prepkit "
        "(reference)::contact: no contact has the id 'jane-do'; did you mean 'jane-doe'?"]


def test_github_warnings_are_warnings_unless_strict(kit: Path) -> None:
    assert_clean_exit(new("field", "robotics", "--name", "Robotics"), 0)
    [line] = diagnostic_lines(check(kit, "--format", "github", exit_code=0))
    assert line.startswith("::warning file=content/fields/robotics.yml,line=")
    assert ",title=prepkit (empty-field)::name: nobody in your contacts" in line
    [strict] = diagnostic_lines(check(kit, "--format", "github", "--strict", exit_code=1))
    assert strict.startswith("::error file=content/fields/robotics.yml,")


def test_github_escaping_follows_the_actions_rules() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    command = as_workflow_command(Diagnostic(
        "content/a,b:c.yml", Position(3, 4), "line one\nline two: 50%", "notes",
        Severity.WARNING, "odd"))
    assert command == ("::warning file=content/a%2Cb%3Ac.yml,line=3,col=4,title=prepkit (odd)"
                       "::notes: line one%0Aline two: 50%25")


def test_an_unknown_format_is_a_usage_error(kit: Path) -> None:
    result = run_check(kit, "--format", "xml")
    assert_clean_exit(result, 2)
    assert "'xml' is not one of 'text', 'json', 'github'" in result.stderr


# --- init: pre-commit, requirements and the publish workflow ---------------------------------

def hook_files_pattern(hook: dict[str, Any]) -> re.Pattern[str]:
    return re.compile(hook["files"])


def test_init_writes_a_local_pre_commit_hook(kit: Path) -> None:
    text = (kit / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "pre-commit install" in text and "offline" in text  # the comment explains
    [repo] = yaml.safe_load(text)["repos"]
    assert repo["repo"] == "local"
    [hook] = repo["hooks"]
    assert hook["id"] == "prepkit-check"
    assert hook["entry"] == "prepkit check --strict"
    assert (hook["language"], hook["pass_filenames"]) == ("system", False)
    pattern = hook_files_pattern(hook)
    for name in ("content/contacts/a.yml", "content/kit.yaml", "content/guide/plan.md"):
        assert pattern.search(name)
    assert not pattern.search("site/index.html")


def test_the_repository_offers_the_hook_to_pre_commit(repo_root: Path) -> None:
    [hook] = yaml.safe_load((repo_root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "prepkit-check"
    assert hook["entry"] == "prepkit check --strict"
    assert (hook["language"], hook["pass_filenames"]) == ("python", False)
    assert hook_files_pattern(hook).search("content/contacts/a.yml")
    pyproject = (repo_root / "pyproject.toml").read_text(encoding="utf-8")
    assert 'prepkit = "generator.cli:main"' in pyproject  # what `language: python` installs


def pre_commit_tool() -> str:
    found = shutil.which("pre-commit") or shutil.which("pre-commit",
                                                       path=str(Path(sys.executable).parent))
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("pre-commit is part of the test extra and must be installed in CI")
        pytest.skip("pre-commit is not installed; the files' structure is tested above")
    return found


def test_pre_commit_accepts_both_files(kit: Path, repo_root: Path) -> None:
    pre_commit = pre_commit_tool()
    for command, path in (("validate-config", kit / ".pre-commit-config.yaml"),
                          ("validate-manifest", repo_root / ".pre-commit-hooks.yaml")):
        done = subprocess.run([pre_commit, command, str(path)], capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_pre_commit_hook_stops_a_commit_with_a_mistake(kit: Path, tmp_path: Path) -> None:
    """A real git repository and a real `pre-commit run`: offline, since the hook is local."""
    pre_commit = pre_commit_tool()
    tools = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}",
           "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PREPKIT_TODAY": "2026-11-25"}

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, cwd=kit, env=env, capture_output=True, text=True,
                              timeout=300)

    assert run("git", "init", "-q").returncode == 0
    assert run("git", "add", "-A").returncode == 0
    passed = run(pre_commit, "run", "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "prepkit check" in passed.stdout and "Passed" in passed.stdout
    write(kit, "content/contacts/jane-doe.yml", "name: Jane Doe\nrelationship: cousin\n")
    assert run("git", "add", "-A").returncode == 0
    failed = run(pre_commit, "run", "--all-files")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "content/contacts/jane-doe.yml:2:15: relationship:" in failed.stdout


def test_init_writes_requirements_and_ignores_the_private_build(kit: Path) -> None:
    requirements = (kit / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in requirements if not line.startswith("#")] == [
        f"prepkit-interviews~={__import__('generator').__version__}"]
    ignored = (kit / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {"site/", "site-private/", "private-packets/", ".prepkit-cache/"} <= set(ignored)


def workflow(kit_dir: Path) -> dict[str, Any]:
    # prepkit's own reader keeps `on` as the text "on" (PyYAML would make it True).
    return read_yaml_file(kit_dir / ".github/workflows/publish.yml").data


def step_index(steps: list[dict[str, Any]], predicate: Any) -> int:
    return next(i for i, step in enumerate(steps) if predicate(step))


def test_init_writes_a_workflow_that_publishes_only_the_public_site(kit: Path) -> None:
    flow = workflow(kit)
    assert flow["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in flow["on"]
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    steps = build["steps"]
    python = steps[step_index(steps, lambda s: "setup-python" in s.get("uses", ""))]
    assert python["with"]["python-version"] == "3.11"
    install = step_index(steps, lambda s: "pip install -r requirements.txt" in s.get("run", ""))
    checks = step_index(steps, lambda s: "prepkit check --strict" in s.get("run", ""))
    public = step_index(steps, lambda s: "prepkit build --public" in s.get("run", ""))
    assert install < checks < public  # nothing is built from a kit with problems
    site_dir = steps[public]["run"].split("--site-dir ")[1].split()[0]
    pages = steps[step_index(steps, lambda s: s.get("uses", "").startswith(
        "actions/upload-pages-artifact@"))]
    assert pages["with"]["path"] == site_dir
    assert public < steps.index(pages)
    packets = steps[step_index(steps, lambda s: s.get("uses", "").startswith(
        "actions/upload-artifact@"))]
    assert packets["with"]["if-no-files-found"] == "ignore"
    printing = step_index(steps, lambda s: "prepkit packets" in s.get("run", ""))
    assert "--public" not in steps[printing]["run"]  # the packets are for the kit's owner
    assert packets["with"]["path"] == steps[printing]["run"].split("--out ")[1].split()[0]
    assert not packets["with"]["path"].startswith(site_dir)  # not in the public site
    assert ".prepkit-cache" not in packets["with"]["path"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_the_workflow_s_commands_build_what_it_uploads(kit: Path) -> None:
    """Every `run:` step but the installs, as the runner would run them, in a kit with one
    more interview: the public site and the private packets end up where the uploads look."""
    assert_clean_exit(new("contact", "jane-doe", "--name", "Jane Doe"), 0)
    assert_clean_exit(new("interview", "jane-doe-2027-01", "--contact", "jane-doe"), 0)
    steps = workflow(kit)["jobs"]["build"]["steps"]
    commands = [step["run"] for step in steps if "run" in step
                and "install" not in step["run"]]
    assert len(commands) == 3
    tools = Path(sys.executable).parent  # where `prepkit` is installed beside this Python
    env = {**os.environ, "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}"}
    for command in commands:
        done = subprocess.run(command, shell=True, cwd=kit, env=env, capture_output=True,
                              text=True, timeout=600)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
    uploads = [step["with"]["path"] for step in steps
               if step.get("uses", "").startswith(("actions/upload-pages-artifact@",
                                                   "actions/upload-artifact@"))]
    public_site, packets = (kit / path for path in uploads)
    assert (public_site / "index.html").is_file()
    interviews = {path.stem for path in (kit / "content/interviews").glob("*.yml")}
    assert "jane-doe-2027-01" in interviews
    assert {path.stem for path in packets.glob("*.pdf")} == interviews
    assert not list(public_site.rglob("*.pdf"))


def test_the_workflow_passes_actionlint_when_available(kit: Path) -> None:
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        pytest.skip("actionlint is not installed; the workflow's structure is tested above")
    done = subprocess.run([actionlint, ".github/workflows/publish.yml"], cwd=kit,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_init_still_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    target = tmp_path / "repo"
    write(target, ".github/workflows/publish.yml", "name: mine\n")
    before = snapshot(target)
    result = run_prepkit("init", str(target))
    assert_clean_exit(result, 1)
    assert snapshot(target) == before
    assert not (target / ".pre-commit-config.yaml").exists()


# --- the guide page about editing -------------------------------------------------------------

def test_the_example_kit_explains_editing(repo_root: Path) -> None:
    text = (repo_root / "content/guide/editing-your-kit.md").read_text(encoding="utf-8")
    assert text.startswith("# Editing your kit\n")
    for topic in ("YAML** extension by Red Hat", "$schema=", "prepkit new", "prepkit check",
                  "--strict", "pre-commit install", "publish.yml", "prepkit build --public",
                  "packets"):
        assert topic in text, topic
    assert "<" not in text and ">" not in text  # plain Markdown, no raw HTML


def test_the_check_lines_quoted_in_the_guide_are_real(kit: Path) -> None:
    """The guide quotes what `prepkit check` prints; reproduce the same mistakes."""
    guide = (REPO_ROOT / "content/guide/editing-your-kit.md").read_text(encoding="utf-8")
    quoted = [line.strip() for line in guide.splitlines() if line.startswith("    content/")]
    for args in (["contact", "jane-doe", "--name", "Jane Doe", "--relationship", "alumni",
                  "--fields", "data-science"],
                 ["field", "data-engineering", "--name", "Data Engineering"],
                 ["interview", "jane-doe-2027-01", "--contact", "jane-doe", "--at",
                  "2027-01-15T10:00", "--duration", "20"]):
        assert_clean_exit(new(*args), 0)
    warning = diagnostic_lines(check(kit, exit_code=0))
    assert quoted[-1] in warning
    for relative, old, wrong in (("contacts/jane-doe.yml", "relationship: alumni", "buddy"),
                                 ("interviews/jane-doe-2027-01.yml", "contact: jane-doe",
                                  "jane-do")):
        path = kit / "content" / relative
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(old, old.split(": ")[0] + ": " + wrong), encoding="utf-8")
    errors = check(kit, exit_code=1)
    assert quoted[:-1] == diagnostic_lines(errors)
    assert f"    {summary(errors)}" in guide


def test_the_guide_page_builds_into_the_site(kit: Path) -> None:
    from generator.engines.mkdocs_build import build_site

    build_site(kit / "mkdocs.yml", site_dir=kit / "site", today=date(2026, 11, 25), strict=True,
               verbose=False)
    html = (kit / "site/guide/editing-your-kit/index.html").read_text(encoding="utf-8")
    assert "Editing your kit" in html
    assert "<pre><code>prepkit new contact jane-doe" in html
