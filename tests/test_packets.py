"""Printed prep packets: real PDFs laid out by Typst into tmp_path, read back with pypdf."""

from __future__ import annotations

import importlib.util
import io
import os
import pty
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from types import ModuleType

import pypdf
import pytest
from click.testing import CliRunner, Result
from conftest import REPO_ROOT, assert_clean_exit, write
from site_support import Element, mkdocs_env, read_page

from generator.check.load import load_kit
from generator.cli import cli
from generator.cli.packets import packets
from generator.derive.relations import Relations, Stage, relate
from generator.errors import PrepkitError
from generator.kit import Kit
from generator.packets import pdf, write_booklet, write_packets

TODAY = date(2026, 11, 25)
HELD_WITH_NOTES = "jordan-lee-cs-to-ux"
SCHEDULED = "priya-natarajan-health-data-science"
HOSTILE_IMAGE = '<img src="http://127.0.0.1:9/x.png">'


# --- helpers --------------------------------------------------------------------------------

def loaded(kit_dir: Path) -> tuple[Kit, Relations]:
    result = load_kit(kit_dir / "content")
    assert result.kit is not None, [d.format() for d in result.diagnostics]
    return result.kit, relate(result.kit, datetime.combine(TODAY, datetime.min.time()))


def read_pdf(path: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(path.read_bytes()))


def page_texts(path: Path) -> list[str]:
    return [flat(page.extract_text()) for page in read_pdf(path).pages]


def flat(text: str) -> str:
    """Text with runs of whitespace made one space, as a PDF's line breaks fall anywhere."""
    return re.sub(r"\s+", " ", text).strip()


def squeezed(text: str) -> str:
    """Letters and digits only, lowercased: for finding a value however it was laid out."""
    return re.sub(r"[\W_]+", "", text).casefold()


def run_packets(kit_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(packets, ["-f", str(kit_dir / "mkdocs.yml"),
                                        "--today", TODAY.isoformat(), *args],
                              prog_name="prepkit packets")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def synthetic_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synthetic", REPO_ROOT / "bench/synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def example_packets(tmp_path_factory: pytest.TempPathFactory) -> tuple[Kit, Relations, Path]:
    """Every interview of the shipped example kit, printed once for this module."""
    out_dir = tmp_path_factory.mktemp("packets")
    kit, relations = loaded(REPO_ROOT)
    written = write_packets(kit, relations, out_dir=out_dir, today=TODAY, public=False)
    assert sorted(path.name for path in written) == sorted(f"{i}.pdf" for i in kit.interviews)
    return kit, relations, out_dir


# --- content --------------------------------------------------------------------------------

def test_every_example_packet_names_the_person_and_fits_a_few_pages(example_packets):
    kit, _, out_dir = example_packets
    for interview_id, interview in kit.interviews.items():
        texts = page_texts(out_dir / f"{interview_id}.pdf")
        name = kit.contacts[interview.contact].name
        # two pages to prepare with, then the lined notes page
        assert 2 <= len(texts) <= 3, (interview_id, len(texts))
        assert f"Conversation with {name}" in texts[0]
        assert "At a glance" in texts[0]
        # the footer of every page carries the person's name and the page number
        for number, text in enumerate(texts, start=1):
            assert name in text and f"Page {number} of {len(texts)}" in text
        assert f"Notes: conversation with {name}" in texts[-1]


def test_every_agenda_question_is_printed_whole_on_one_page(example_packets):
    _, relations, out_dir = example_packets
    for interview_id, facts in relations.interviews.items():
        texts = page_texts(out_dir / f"{interview_id}.pdf")
        assert facts.agenda, interview_id
        for item in facts.agenda:
            question = flat(item.question.text)
            assert any(question in text for text in texts), (interview_id, question)


def test_the_agenda_shows_the_time_budget_and_warns_when_must_ask_does_not_fit(tmp_path,
                                                                                 example_kit):
    interview = example_kit / "content/interviews" / f"{SCHEDULED}.yml"
    text = interview.read_text(encoding="utf-8")
    write(example_kit, f"content/interviews/{SCHEDULED}.yml",
          text.replace("duration_minutes: 20", "duration_minutes: 10"))
    result = run_packets(example_kit, "--interview", SCHEDULED, "--out", str(tmp_path / "out"))
    assert_clean_exit(result, 0)
    whole = " ".join(page_texts(tmp_path / "out" / f"{SCHEDULED}.pdf"))
    # As on the prep page: 2 minutes to open and 2 to close leave 6 for questions.
    assert "Must-ask questions take 9 of the 6 minutes for questions (10 agreed, 2 to open, " \
           "2 to close)" in whole
    assert "The must-ask questions do not fit" in whole
    assert "Extra, if time allows".upper() in whole.upper()


def test_a_scheduled_packet_shows_when_where_checklists_and_the_thank_you_date(example_packets):
    _, _, out_dir = example_packets
    whole = " ".join(page_texts(out_dir / f"{SCHEDULED}.pdf"))
    assert "Wednesday 2 December 2026, 15:00–15:20 (CST, America/Chicago)" in whole
    assert "20 minutes (agreed)" in whole
    assert "https://meet.example.com/priya-alex" in whole
    assert "Thank-you note due Friday 4 December 2026" in whole
    for heading in ("Before", "During", "After", "Confirm the day before",
                    "Field research in brief: Data Science",
                    "https://www.bls.gov/ooh/math/data-scientists.htm"):
        assert heading in whole


def test_the_held_interview_packet_holds_its_notes_and_takeaways(example_packets):
    kit, _, out_dir = example_packets
    interview = kit.interviews[HELD_WITH_NOTES]
    whole = squeezed(" ".join(page_texts(out_dir / f"{HELD_WITH_NOTES}.pdf")))
    assert squeezed("Notes from the conversation") in whole
    assert squeezed("volunteering to run usability tests") in whole
    for takeaway in interview.takeaway_texts:
        assert squeezed(takeaway) in whole
    assert squeezed("Thank-you note sent Friday 6 November 2026") in whole


def test_the_thank_you_draft_is_printed_until_the_note_is_sent(example_packets):
    _, _, out_dir = example_packets
    scheduled = page_texts(out_dir / f"{SCHEDULED}.pdf")
    assert "Thank-you note: a draft to finish after the conversation, due Friday 4 December " \
           "2026" in scheduled[-1]
    assert "Hello Priya," in scheduled[-1] and "Subject: Thank you for your time" in scheduled[-1]
    thanked = " ".join(page_texts(out_dir / f"{HELD_WITH_NOTES}.pdf"))
    assert "a draft to finish" not in thanked


def test_the_kit_s_own_thank_you_template_is_used(tmp_path, example_kit):
    write(example_kit, "site_overrides/emails/thank-you.txt.j2",
          "Subject: Many thanks\n\nDear {{ contact.first_name }}, thank you!\n")
    result = run_packets(example_kit, "--interview", SCHEDULED, "--out", str(tmp_path / "out"))
    assert_clean_exit(result, 0)
    last = page_texts(tmp_path / "out" / f"{SCHEDULED}.pdf")[-1]
    assert "Subject: Many thanks" in last and "Dear Priya, thank you!" in last


def test_paper_size_follows_kit_yml(tmp_path, example_kit):
    letter_dir, a4_dir = tmp_path / "letter", tmp_path / "a4"
    assert_clean_exit(run_packets(example_kit, "--interview", SCHEDULED,
                                  "--out", str(letter_dir)), 0)
    kit_yml = example_kit / "content/kit.yml"
    write(example_kit, "content/kit.yml", kit_yml.read_text(encoding="utf-8") + "paper: a4\n")
    assert_clean_exit(run_packets(example_kit, "--interview", SCHEDULED, "--out", str(a4_dir)), 0)
    for folder, size in ((letter_dir, (612, 792)), (a4_dir, (595, 842))):
        for page in read_pdf(folder / f"{SCHEDULED}.pdf").pages:
            assert (round(page.mediabox.width), round(page.mediabox.height)) == size


# --- privacy and safety ---------------------------------------------------------------------

def private_values(kit: Kit) -> list[str]:
    """Every private value in the kit, as plain-text fragments long enough to be telling."""
    values: list[str] = []
    owner = kit.settings.owner
    values += [value for value in (owner.email, owner.phone) if value]
    for contact in kit.contacts.values():
        values += [value for value in (contact.email, contact.phone, contact.linkedin,
                                       contact.private_notes) if value]
    for interview in kit.interviews.values():
        values += interview.takeaway_texts
        if interview.notes:
            values += [line.strip(" -*") for line in interview.notes.splitlines()]
        if interview.scheduled and interview.scheduled.location:
            values.append(interview.scheduled.location)
    return [value for value in values if len(squeezed(value)) >= 8]


def test_a_public_packet_holds_none_of_the_private_values(tmp_path, example_kit):
    result = run_packets(example_kit, "--public", "--out", str(tmp_path / "out"))
    assert_clean_exit(result, 0)
    kit, _ = loaded(example_kit)
    secrets = private_values(kit)
    assert len(secrets) > 30  # the example kit has plenty to leak
    for interview_id in kit.interviews:
        whole = squeezed(" ".join(page_texts(tmp_path / "out" / f"{interview_id}.pdf")))
        assert "conversationwith" in whole
        for secret in secrets:
            assert squeezed(secret) not in whole, (interview_id, secret)


def test_kit_yml_publish_public_makes_every_packet_public(tmp_path, example_kit):
    kit_yml = example_kit / "content/kit.yml"
    write(example_kit, "content/kit.yml",
          kit_yml.read_text(encoding="utf-8") + "publish: public\n")
    assert_clean_exit(run_packets(example_kit, "--interview", SCHEDULED,
                                  "--out", str(tmp_path / "out")), 0)
    whole = squeezed(" ".join(page_texts(tmp_path / "out" / f"{SCHEDULED}.pdf")))
    assert squeezed("priya@example.com") not in whole
    assert squeezed("Prefers morning calls") not in whole


def test_public_contacts_hidden_leaves_the_person_out(tmp_path, example_kit):
    kit_yml = example_kit / "content/kit.yml"
    write(example_kit, "content/kit.yml",
          kit_yml.read_text(encoding="utf-8") + "public_contacts: hidden\n")
    # The public view holds no people and so no conversations, as on the public site.
    result = run_packets(example_kit, "--public", "--interview", SCHEDULED,
                         "--out", str(tmp_path / "out"))
    assert_clean_exit(result, 1)
    assert "is left out of public output (public_contacts: hidden" in result.output
    assert_clean_exit(run_packets(example_kit, "--public", "--out", str(tmp_path / "out")), 0)
    assert list((tmp_path / "out").glob("*.pdf")) == []


@pytest.fixture
def listening_socket() -> Iterator[tuple[int, list[object]]]:
    """A TCP port on this machine that records every connection made to it."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    accepted: list[object] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            accepted.append(connection)
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], accepted
    stop.set()
    thread.join()
    server.close()


def test_typst_never_connects_for_anything_in_the_kit(tmp_path, example_kit,
                                                     listening_socket):
    port, accepted = listening_socket
    address = f"http://127.0.0.1:{port}/x"
    contact = example_kit / "content/contacts/priya-natarajan.yml"
    text = contact.read_text(encoding="utf-8").replace(
        "background: |\n", f"background: |\n  [a link]({address}) "
        f"#import \"@preview/cetz:0.3.0\" #image(\"{address}.png\")\n")
    write(example_kit, "content/contacts/priya-natarajan.yml", text)
    result = run_packets(example_kit, "--interview", SCHEDULED, "--out", str(tmp_path / "out"))
    assert_clean_exit(result, 0)
    whole = " ".join(page_texts(tmp_path / "out" / f"{SCHEDULED}.pdf"))
    assert f'#import "@preview/cetz:0.3.0" #image("{address}.png")' in whole
    assert accepted == []


def test_markup_in_yaml_text_is_printed_as_typed(tmp_path, example_kit, listening_socket):
    port, accepted = listening_socket
    hostile = f'<img src="http://127.0.0.1:{port}/x.png">'
    contact = example_kit / "content/contacts/priya-natarajan.yml"
    text = contact.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^how_we_met: .*$",
                  f"how_we_met: '{hostile} {{{{ 6*7 }}}} Led my team'", text)
    text = text.replace("background: |\n", f"background: |\n  {HOSTILE_IMAGE} *kept* "
                        "[link](javascript:alert(1)) <script>x()</script>\n")
    write(example_kit, "content/contacts/priya-natarajan.yml", text)
    result = run_packets(example_kit, "--interview", SCHEDULED, "--out", str(tmp_path / "out"))
    assert_clean_exit(result, 0)
    whole = " ".join(page_texts(tmp_path / "out" / f"{SCHEDULED}.pdf"))
    assert hostile in whole
    assert HOSTILE_IMAGE in whole
    assert "{{ 6*7 }} Led my team" in whole  # text from YAML is never a template
    assert "<script>x()</script>" in whole
    assert accepted == []
    links = [annotation.get_object().get("/A", {}).get("/URI")
             for page in read_pdf(tmp_path / "out" / f"{SCHEDULED}.pdf").pages
             for annotation in page.get("/Annots", []) or []]
    assert all(str(uri).startswith(("https://", "http://")) for uri in links if uri)


def test_a_missing_typst_package_is_a_plain_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "typst", None)  # what a failed import looks like
    pdf._engine.cache_clear()
    try:
        with pytest.raises(PrepkitError, match=re.escape(
                "printed packets need the `typst` package")):
            pdf.data_to_pdf({}, today=TODAY)
    finally:
        pdf._engine.cache_clear()


# --- booklet --------------------------------------------------------------------------------

def test_the_booklet_has_a_contents_page_of_the_upcoming_conversations(tmp_path, example_kit):
    result = run_packets(example_kit, "--booklet", "--out", str(tmp_path / "out"))
    assert_clean_exit(result, 0)
    assert result.output.strip() == f"Wrote {tmp_path / 'out' / 'booklet.pdf'}"
    kit, relations = loaded(example_kit)
    upcoming = sorted((i for i in kit.interviews.values()
                       if relations.interviews[i.id].stage is Stage.SCHEDULED),
                      key=lambda i: i.scheduled.at if i.scheduled else datetime.max)
    assert len(upcoming) == 3
    texts = page_texts(tmp_path / "out" / "booklet.pdf")
    contents = texts[0]
    assert "Contents" in contents and "Upcoming conversations" in contents
    names = [kit.contacts[interview.contact].name for interview in upcoming]
    positions = [contents.index(name) for name in names]
    assert positions == sorted(positions)  # in date order
    for interview in kit.interviews.values():
        if interview not in upcoming:
            assert kit.contacts[interview.contact].name not in contents
    # each contents entry's page number is the page where that packet starts
    for name in names:
        page = int(re.search(rf"{re.escape(name)}\W*page (\d+)", contents).group(1))
        assert texts[page - 1].count(f"Conversation with {name}") == 1
        assert f"Conversation with {name}" not in texts[page - 2]


def test_a_booklet_with_nothing_upcoming_is_a_plain_error(tmp_path, example_kit):
    result = run_packets(example_kit, "--booklet", "--today", "2027-06-01",
                         "--out", str(tmp_path / "out"))
    assert_clean_exit(result, 1)
    assert "no conversation is scheduled after 2027-06-01" in result.output


# --- command line ---------------------------------------------------------------------------

def test_packets_go_beside_mkdocs_yml_and_content_is_untouched(example_kit):
    """Never into the site folder, whose audience may be another: private-packets/."""
    before = snapshot(example_kit / "content")
    result = run_packets(example_kit)
    assert_clean_exit(result, 0)
    written = sorted((example_kit / "private-packets").glob("*.pdf"))
    assert [path.stem for path in written] == sorted(
        path.stem for path in (example_kit / "content/interviews").glob("*.yml"))
    assert f"Wrote {len(written)} packets to" in result.output
    assert snapshot(example_kit / "content") == before


def test_a_progress_bar_shows_in_a_terminal_only(tmp_path, example_kit):
    ids = ["--interview", SCHEDULED, "--interview", HELD_WITH_NOTES, "--interview",
           "sam-patel-city-data-office", "--interview", "tia-rivera-county-epidemiology"]
    args = ["-f", str(example_kit / "mkdocs.yml"), "--today", TODAY.isoformat(), *ids]
    piped = CliRunner().invoke(packets, [*args, "--out", str(tmp_path / "piped")])
    assert_clean_exit(piped, 0)
    assert "Printing packets" not in piped.output
    assert piped.output == f"Wrote 4 packets to {tmp_path / 'piped'}\n"
    # the same command with its stderr on a pseudo-terminal
    leader, follower = pty.openpty()
    script = "import sys; from generator.cli.packets import packets; packets.main(sys.argv[1:])"
    with subprocess.Popen([sys.executable, "-c", script, *args, "--out", str(tmp_path / "tty")],
                          stdout=subprocess.PIPE, stderr=follower, cwd=REPO_ROOT) as child:
        os.close(follower)
        stdout, _ = child.communicate(timeout=300)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed with the child
                break
            if not chunk:
                break
            shown += chunk
    os.close(leader)
    assert child.returncode == 0, shown
    assert b"Printing packets" in shown
    assert stdout.decode() == f"Wrote 4 packets to {tmp_path / 'tty'}\n"


def test_an_unchanged_packet_is_not_rewritten(tmp_path, example_kit):
    assert_clean_exit(run_packets(example_kit, "--interview", SCHEDULED, "--out",
                                  str(tmp_path / "out")), 0)
    target = tmp_path / "out" / f"{SCHEDULED}.pdf"
    first = target.stat().st_mtime_ns
    assert_clean_exit(run_packets(example_kit, "--interview", SCHEDULED, "--out",
                                  str(tmp_path / "out")), 0)
    assert target.stat().st_mtime_ns == first


def test_a_packet_is_printed_again_only_when_its_source_changed(tmp_path, example_kit):
    out_dir = tmp_path / "out"
    args = ["--interview", SCHEDULED, "--out", str(out_dir)]
    assert_clean_exit(run_packets(example_kit, *args), 0)
    target = out_dir / f"{SCHEDULED}.pdf"
    printed = target.read_bytes()
    # the file identifier at its end records what it was made from; the rest is left alone
    target.write_bytes(b"%PDF-1.7 kept as it is" + printed[22:])
    assert_clean_exit(run_packets(example_kit, *args), 0)
    assert target.read_bytes().startswith(b"%PDF-1.7 kept as it is")
    interview = example_kit / "content/interviews" / f"{SCHEDULED}.yml"
    write(example_kit, f"content/interviews/{SCHEDULED}.yml", interview.read_text(
        encoding="utf-8").replace("day-to-day of a data scientist", "daily work of a data person"))
    assert_clean_exit(run_packets(example_kit, *args), 0)
    assert target.read_bytes() != printed
    assert "daily work of a data person" in " ".join(page_texts(target))


def test_an_unknown_interview_id_suggests_the_right_one(tmp_path, example_kit):
    out_dir = tmp_path / "out"
    result = run_packets(example_kit, "--interview", "priya-natarajan", "--out", str(out_dir))
    assert_clean_exit(result, 1)
    assert "--interview 'priya-natarajan'" in result.output
    assert f"did you mean '{SCHEDULED}'?" in result.output
    assert not out_dir.exists()


@pytest.mark.parametrize("args, message, code", [
    (["--today", "2026-13-01"], "is not a real calendar date; write it as YYYY-MM-DD", 2),
    (["--out", "content/packets"], "refusing to write the packets inside the content folder",
     2),
])
def test_user_mistakes_are_plain_errors(example_kit, monkeypatch, args, message, code):
    monkeypatch.chdir(example_kit)
    result = run_packets(example_kit, *args)
    assert_clean_exit(result, code)
    assert message in result.output
    assert not (example_kit / "content/packets").exists()


def test_a_kit_with_errors_prints_nothing(tmp_path, example_kit):
    write(example_kit, "content/interviews/broken.yml", "contact: nobody-here\n")
    out_dir = tmp_path / "out"
    result = run_packets(example_kit, "--out", str(out_dir))
    assert_clean_exit(result, 1)
    assert "broken.yml" in result.output
    assert not out_dir.exists()


def test_a_missing_mkdocs_yml_is_a_plain_error(tmp_path):
    result = run_packets(tmp_path)
    assert_clean_exit(result, 1)
    assert "mkdocs.yml: not found" in result.output


def test_the_command_is_documented_with_an_example():
    result = CliRunner().invoke(packets, ["--help"], prog_name="prepkit packets")
    assert_clean_exit(result, 0)
    assert "Example" in result.output and "prepkit packets --booklet" in result.output


# --- many packets ---------------------------------------------------------------------------

def test_many_packets_print_the_same_twice_and_report_progress(tmp_path):
    synthetic_module().write_kit(tmp_path / "kit", interviews=7, seed=3)
    kit, relations = loaded(tmp_path / "kit")
    seen: list[tuple[int, int]] = []
    first = write_packets(kit, relations, out_dir=tmp_path / "first", today=TODAY,
                          public=False, jobs=1)
    second = write_packets(kit, relations, out_dir=tmp_path / "second", today=TODAY,
                           public=False, jobs=2,
                           progress=lambda done, total: seen.append((done, total)))
    assert [path.name for path in first] == [path.name for path in second]
    assert len(first) == 7
    for one, other in zip(first, second, strict=True):
        assert one.read_bytes() == other.read_bytes()
    assert seen == [(done, 7) for done in range(1, 8)]
    for path in first:
        assert 1 <= len(read_pdf(path).pages) <= 5


def test_packets_printed_from_threads_at_once_are_the_same(tmp_path):
    """Like `mkdocs serve`, whose rebuilds run while other threads are running."""
    kit, relations = loaded(REPO_ROOT)
    ids = list(kit.interviews)[:5]
    folders = [tmp_path / f"thread-{number}" for number in range(3)]
    threads = [threading.Thread(target=write_packets, args=(kit, relations), kwargs={
        "out_dir": folder, "today": TODAY, "public": False, "interview_ids": ids})
        for folder in folders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    serial = write_packets(kit, relations, out_dir=tmp_path / "serial", today=TODAY,
                           public=False, interview_ids=ids)
    for folder in folders:
        assert [(folder / path.name).read_bytes() for path in serial] == \
            [path.read_bytes() for path in serial]


def test_write_booklet_takes_named_interviews_in_date_order(tmp_path):
    kit, relations = loaded(REPO_ROOT)
    ids = [SCHEDULED, HELD_WITH_NOTES]
    path = write_booklet(kit, relations, out_dir=tmp_path, today=TODAY, public=False,
                         interview_ids=ids)
    contents = page_texts(path)[0]
    assert contents.index("Jordan Lee") < contents.index("Priya Natarajan")


# --- packets in the site: prepkit build --packets ----------------------------------------------

def run_build(kit_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["build", "-f", str(kit_dir / "mkdocs.yml"), "--strict",
                                    "--today", TODAY.isoformat(), *args])


def packet_button(site: Path, interview_id: str) -> Element | None:
    found = read_page(site, f"interviews/{interview_id}/").find_all("a", class_="prepkit-packet")
    return found[0] if found else None


def test_build_packets_puts_every_packet_in_the_site_behind_a_button(example_kit):
    before = snapshot(example_kit / "content")
    result = run_build(example_kit, "--packets")
    assert_clean_exit(result, 0)
    site = example_kit / "site"
    assert result.output == f"Built the site and packets in {site}\n"
    kit, _ = loaded(example_kit)
    assert sorted(path.stem for path in (site / "packets").glob("*.pdf")) == sorted(
        kit.interviews)
    for interview_id, interview in kit.interviews.items():
        button = packet_button(site, interview_id)
        assert button is not None, interview_id
        assert button.text == "Download the printed packet (PDF)"
        assert button.attrs["download"] == f"{interview_id}.pdf"
        page_dir = site / "interviews" / interview_id
        target = (page_dir / button.attrs["href"]).resolve()
        assert target == (site / "packets" / f"{interview_id}.pdf").resolve()
        texts = page_texts(target)
        assert 2 <= len(texts) <= 4, (interview_id, len(texts))
        assert kit.contacts[interview.contact].name in texts[0]
    assert snapshot(example_kit / "content") == before


def test_a_build_without_packets_has_neither_packets_nor_buttons(example_kit):
    assert_clean_exit(run_build(example_kit), 0)
    site = example_kit / "site"
    assert not (site / "packets").exists()
    assert packet_button(site, SCHEDULED) is None
    # and a build with packets followed by one without takes them away again
    assert_clean_exit(run_build(example_kit, "--packets"), 0)
    assert_clean_exit(run_build(example_kit), 0)
    assert not (site / "packets").exists()
    assert packet_button(site, SCHEDULED) is None


def test_a_public_build_carries_public_packets(example_kit):
    assert_clean_exit(run_build(example_kit, "--packets", "--public"), 0)
    kit, _ = loaded(example_kit)
    secrets = private_values(kit)
    for interview_id in kit.interviews:
        whole = squeezed(" ".join(page_texts(example_kit / f"site/packets/{interview_id}.pdf")))
        assert "conversationwith" in whole
        for secret in secrets:
            assert squeezed(secret) not in whole, (interview_id, secret)


def test_a_rebuild_prints_only_changed_packets_and_drops_removed_ones(example_kit):
    assert_clean_exit(run_build(example_kit, "--packets"), 0)
    cache = example_kit / ".prepkit-cache/packets-private"
    printed = {path.name: path.stat().st_mtime_ns for path in cache.glob("*.pdf")}
    assert len(printed) == 10
    interview = example_kit / "content/interviews" / f"{SCHEDULED}.yml"
    write(example_kit, f"content/interviews/{SCHEDULED}.yml", interview.read_text(
        encoding="utf-8").replace("day-to-day of a data scientist", "daily work of a data person"))
    (example_kit / "content/interviews/sam-patel-city-data-office.yml").unlink()
    assert_clean_exit(run_build(example_kit, "--packets"), 0)
    after = {path.name: path.stat().st_mtime_ns for path in cache.glob("*.pdf")}
    changed = {name for name in after if after[name] != printed[name]}
    assert changed == {f"{SCHEDULED}.pdf"}
    assert set(printed) - set(after) == {"sam-patel-city-data-office.pdf"}
    site_packets = example_kit / "site/packets"
    assert not (site_packets / "sam-patel-city-data-office.pdf").exists()
    assert "daily work of a data person" in " ".join(page_texts(site_packets /
                                                                f"{SCHEDULED}.pdf"))


def test_packets_true_in_mkdocs_yml_works_with_plain_mkdocs_build(example_kit):
    config = example_kit / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      content_dir: content\n" in text
    config.write_text(text.replace("      content_dir: content\n",
                                   "      content_dir: content\n      packets: true\n"),
                      encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
                   cwd=example_kit, env=mkdocs_env(), check=True, timeout=300)
    site = example_kit / "site"
    assert (site / f"packets/{SCHEDULED}.pdf").read_bytes().startswith(b"%PDF-")
    assert packet_button(site, SCHEDULED) is not None


def test_a_packet_that_cannot_print_stops_the_build_plainly(example_kit, monkeypatch):
    monkeypatch.setitem(sys.modules, "typst", None)  # what a failed import looks like
    pdf._engine.cache_clear()
    run_build(example_kit)
    (example_kit / "site/keep.txt").write_text("the last good site", encoding="utf-8")
    try:
        result = run_build(example_kit, "--packets")
    finally:
        pdf._engine.cache_clear()
    assert_clean_exit(result, 1)
    assert "printed packets need the `typst` package" in result.output
    assert (example_kit / "site/keep.txt").read_text(encoding="utf-8") == "the last good site"
