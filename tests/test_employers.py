"""Target employers: files, cross-checks, the link suggestion, and `prepkit new employer`."""

from __future__ import annotations

from pathlib import Path

from conftest import assert_clean_exit, diagnostic_lines, run_check, run_prepkit, write


def test_an_unknown_employer_is_a_located_error_with_a_suggestion(example_kit: Path) -> None:
    contact = example_kit / "content/contacts/kevin-ng.yml"
    contact.write_text(contact.read_text(encoding="utf-8").replace(
        "employer: state-department-of-health", "employer: state-departmnt-of-health"),
        encoding="utf-8")
    result = run_check(example_kit)
    assert_clean_exit(result, 1)
    line = next(line for line in diagnostic_lines(result) if "no employer has the id" in line)
    assert line.split(":")[0].endswith("content/contacts/kevin-ng.yml") and ":5:" in line
    assert "no employer has the id 'state-departmnt-of-health'; did you mean " \
           "'state-department-of-health'?" in line


def test_bad_scores_and_flags_are_plain_errors(example_kit: Path) -> None:
    write(example_kit, "content/employers/bad.yml",
          "name: Bad\nmotivation: 4\npostings: two\nadvocacy: yes\n")
    result = run_check(example_kit)
    assert_clean_exit(result, 1)
    lines = "\n".join(diagnostic_lines(result))
    assert "bad.yml:2:" in lines and "'4' is not a score; write 0, 1, 2 or 3" in lines
    assert "bad.yml:3:" in lines and "'two' is not a score" in lines
    assert "bad.yml:4:" in lines and "'yes' is not true or false" in lines


def test_check_suggests_linking_a_contact_at_a_target_employer(example_kit: Path) -> None:
    contact = example_kit / "content/contacts/kevin-ng.yml"
    contact.write_text(contact.read_text(encoding="utf-8").replace(
        "employer: state-department-of-health\n", ""), encoding="utf-8")
    result = run_check(example_kit)
    assert_clean_exit(result, 0)
    warning = next(line for line in diagnostic_lines(result) if "link" in line)
    assert warning.split(":")[0].endswith("content/contacts/kevin-ng.yml") and ":4:" in warning
    assert "add 'employer: state-department-of-health' to link them" in warning
    assert_clean_exit(run_check(example_kit, "--strict"), 1)


def test_new_employer_writes_a_file_that_checks(example_kit: Path) -> None:
    config = str(example_kit / "mkdocs.yml")
    result = run_prepkit("new", "employer", "lakeside-clinic", "--name", "Lakeside: Clinic",
                         "--motivation", "2", "--postings", "3", "-f", config)
    assert_clean_exit(result, 0)
    text = (example_kit / "content/employers/lakeside-clinic.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/employer.schema.json")
    assert 'name: "Lakeside: Clinic"' in text and "motivation: 2" in text
    assert_clean_exit(run_check(example_kit, "--strict"), 0)
    again = run_prepkit("new", "employer", "lakeside-clinic", "--name", "X", "-f", config)
    assert_clean_exit(again, 1)
    bad = run_prepkit("new", "employer", "other", "--name", "X", "--motivation", "9", "-f",
                      config)
    assert_clean_exit(bad, 1)
    assert "--motivation: '9' is not a score" in bad.output


def test_new_contact_links_an_employer(example_kit: Path) -> None:
    config = str(example_kit / "mkdocs.yml")
    result = run_prepkit("new", "contact", "lee-park", "--name", "Lee Park", "--organization",
                         "Acme Health", "--employer", "acme-health", "-f", config)
    assert_clean_exit(result, 0)
    text = (example_kit / "content/contacts/lee-park.yml").read_text(encoding="utf-8")
    assert "\nemployer: acme-health\n" in text
    assert_clean_exit(run_check(example_kit, "--strict"), 0)
    wrong = run_prepkit("new", "contact", "kim-ro", "--name", "Kim Ro", "--employer",
                        "acme-helth", "-f", config)
    assert_clean_exit(wrong, 1)
    assert "--employer: no employer has the id 'acme-helth'; did you mean 'acme-health'?" in \
        wrong.output
