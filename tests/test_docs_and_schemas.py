"""What editors, `check` and the README say must agree with what prepkit does.

- The JSON Schemas editors use accept and reject the same samples as `prepkit check`.
- The README's command table names every command and option of `prepkit --help`, and no
  other; "Your own kit" mentions every command.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import jsonschema
import pytest
import yaml
from conftest import write

from generator.authoring.schema import schema_texts
from generator.check.load import load_kit
from generator.cli import cli

README = Path(__file__).resolve().parent.parent / "README.md"
KIT = "title: Parity\nowner: {name: Alex Rivera}\n"
# (file, its YAML): each sample is checked alone, in a kit with nothing else that could fail.
SAMPLES: list[tuple[str, str, bool]] = [
    ("contacts/sam.yml", "name: Sam\nemail: sam@example.com\n", True),
    ("contacts/sam.yml", "name: Sam\nemail: not-an-email\n", False),
    ("contacts/sam.yml", "name: Sam\nemail: a@b\n", False),
    ("contacts/sam.yml", "name: Sam\nemail: two words@example.com\n", False),
    ("contacts/sam.yml", "name: Sam\nlinkedin: https://www.linkedin.com/in/sam\n", True),
    ("contacts/sam.yml", "name: Sam\nlinkedin: javascript:alert(1)\n", False),
    ("contacts/sam.yml", "name: Sam\nlinkedin: ftp://example.com/sam\n", False),
    ("contacts/sam.yml", "name: Sam\nphone: 5550100\n", True),
    ("contacts/sam.yml", "name: Sam\nphone: \"+1 555 0100\"\n", True),
    ("contacts/sam.yml", "name: Sam\nrelationship: alumnii\n", False),
    ("contacts/sam.yml", "name: Sam\npreferred_name: Sammy\nhonorific: Dr.\n", True),
    ("kit.yml", KIT + "locale: en-GB\n", True),
    ("kit.yml", KIT + "locale: not a locale\n", False),
    ("kit.yml", KIT + "rules: {must_ask_limit: 3, opening_minutes: 0}\n", True),
]
SCHEMA_OF = {"contacts": "contact", "kit.yml": "kit"}


def _schema_for(path: str) -> dict[str, object]:
    name = SCHEMA_OF[path.split("/")[0]]
    return json.loads(schema_texts()[f"{name}.schema.json"])  # type: ignore[no-any-return]


@pytest.mark.parametrize(("path", "text", "valid"), SAMPLES,
                         ids=[f"{path}:{text.strip()[-30:]}" for path, text, _ in SAMPLES])
def test_the_schema_and_check_give_the_same_verdict(tmp_path: Path, path: str, text: str,
                                                    valid: bool) -> None:
    write(tmp_path, "content/kit.yml", text if path == "kit.yml" else KIT)
    if path != "kit.yml":
        write(tmp_path, f"content/{path}", text)
    errors = [d for d in load_kit(tmp_path / "content").diagnostics
              if d.severity.value == "error"]
    # Editors read YAML with the core schema: `5550100` is a number there.
    data = yaml.safe_load(text)
    schema_errors = list(jsonschema.Draft202012Validator(
        _schema_for(path), format_checker=jsonschema.FormatChecker()).iter_errors(data))
    assert (not errors) is valid, [d.format() for d in errors]
    assert (not schema_errors) is valid, [error.message for error in schema_errors]


def test_an_enum_typo_gets_the_nearest_value(tmp_path: Path) -> None:
    write(tmp_path, "content/kit.yml", KIT)
    write(tmp_path, "content/contacts/sam.yml", "name: Sam\nrelationship: alumnii\n")
    [problem] = load_kit(tmp_path / "content").diagnostics
    assert problem.message.endswith("; did you mean 'alumni'?")


def _readme_rows() -> dict[str, str]:
    rows = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        found = re.match(r"\| `prepkit (\w+)[^`]*` \|", line)
        if found:  # a group's subcommands (import linkedin, import vcard) share one entry
            rows[found.group(1)] = rows.get(found.group(1), "") + line.split("|")[1]
    return rows


def _options(command: click.Command) -> set[str]:
    # `import` has a row per subcommand; `new`'s options are listed under the table.
    if isinstance(command, click.Group) and command.name == "import":
        return set().union(*(_options(sub) for sub in command.commands.values()))
    return {name for param in command.params if isinstance(param, click.Option)
            for name in param.opts if name.startswith("--") and name != "--help"}


def test_the_readme_table_names_every_command_and_no_other() -> None:
    assert set(_readme_rows()) == set(cli.commands)


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_the_readme_row_names_every_option_of_the_command_and_no_other(name: str) -> None:
    row = _readme_rows()[name]
    documented = set(re.findall(r"--[a-z][a-z-]*", row))
    assert documented == _options(cli.commands[name])


def test_your_own_kit_lists_every_command() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Your own kit", 1)[1].split("\n## ", 1)[0]
    assert {name for name in cli.commands if f"prepkit {name}" not in section} == set()
