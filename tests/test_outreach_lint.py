"""Outreach lint: each warning, with what to change, on the rendered draft, user templates too."""

from __future__ import annotations

from pathlib import Path

from conftest import assert_clean_exit, diagnostic_lines, run_check, write

SAM = "content/interviews/sam-patel-city-data-office.yml"


def lint_lines(kit: Path) -> list[str]:
    result = run_check(kit)
    assert_clean_exit(result, 0)
    return [line for line in diagnostic_lines(result) if "outreach email" in line]


def test_the_shipped_template_passes_for_the_example_kit(example_kit: Path) -> None:
    assert lint_lines(example_kit) == []
    assert_clean_exit(run_check(example_kit, "--strict"), 0)


def test_each_rule_on_a_user_template(example_kit: Path) -> None:
    write(example_kit, "site_overrides/emails/outreach.txt.j2",
          "Subject: Hello\n\n{{ greeting }}\n\nI am a student and I am looking for a job. "
          "I would like my career to grow and I think my skills fit.\n\n"
          "I will follow up next week.\n\n{{ closing }}\n")
    lines = lint_lines(example_kit)
    text = "\n".join(lines)
    assert lines and all(SAM in line or "content/interviews/tia-rivera" in line
                         for line in lines)
    assert "does not say what connects you in its first sentence" in text
    assert "does not end with a question" in text
    assert "mentions 'job'" in text
    assert "more about you (7 I/me/my) than about them (0 you/your)" in text


def test_the_word_limit_is_a_kit_setting(example_kit: Path) -> None:
    kit_yml = example_kit / "content/kit.yml"
    kit_yml.write_text(kit_yml.read_text(encoding="utf-8").replace(
        "outreach_word_limit: 75", "outreach_word_limit: 30"), encoding="utf-8")
    text = "\n".join(lint_lines(example_kit))
    assert "keep it to 30 (rules.outreach_word_limit)" in text
