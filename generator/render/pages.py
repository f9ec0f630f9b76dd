"""Render every page of the guide site as Markdown: {uri: text}, a pure function of the kit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from generator.audience import Audience
from generator.derive.agenda import agenda_warnings, plan_agenda
from generator.derive.checklists import checklists_for
from generator.derive.employers import conversation_order, ranked_targets
from generator.derive.followups import FollowUp, Urgency, follow_ups_for, open_follow_ups
from generator.derive.insights import all_points, by_field_and_topic, heard_before
from generator.derive.keep_in_touch import losing_touch
from generator.derive.outreach_stats import pipeline_stats
from generator.derive.referrals import updates_owed
from generator.derive.relations import STAGE_ORDER, Relations, Stage
from generator.derive.response_types import ResponseType, response_types
from generator.emails import EmailDrafts
from generator.kit import Kit
from generator.model import Interview
from generator.render.chart import bar_chart
from generator.render.guide_page import guide_page
from generator.render.markdown import Md, environment

# Built-in guide pages in reading order: (slug, title). A user's content/guide/<slug>.md
# replaces the page of the same slug.
GUIDE_PAGES: tuple[tuple[str, str], ...] = (
    ("research-fields", "1. Research career fields"),
    ("identify-people", "2. Identify people"),
    ("prepare-questions", "3. Prepare questions"),
    ("make-contact", "4. Make contact"),
    ("conduct", "5. Conduct the conversation"),
    ("follow-up", "6. Follow up"),
    ("post-offer", "After an offer"),
)
TOPIC_ORDER = ("trends", "insights", "advice", "resources", "assignments")


@dataclass(frozen=True)
class RenderOptions:
    today: date
    audience: Audience = Audience.PRIVATE
    packets: bool = False  # link each prep page to packets/<interview id>.pdf


@dataclass(frozen=True)
class Page:
    uri: str
    text: str
    in_nav: bool


class _Links:
    """Relative links between generated pages, from the page being rendered."""

    def __init__(self, uri: str) -> None:
        self.root = "../" * uri.count("/")

    def to(self, path: str) -> Md:
        return Md(self.root + path)

    def item(self, folder: str, item_id: str) -> Md:
        return Md(f"{self.root}{folder}/{item_id}.md")


@dataclass(frozen=True)
class PageJob:
    """One page, known by its address before its text is rendered (by calling the job)."""

    uri: str
    in_nav: bool
    text: Callable[[], str]

    def __call__(self) -> Page:
        return Page(self.uri, self.text(), self.in_nav)


def page_jobs(kit: Kit, relations: Relations, emails: EmailDrafts,
              options: RenderOptions) -> list[PageJob]:
    """One call per page of the site, in a stable order, each rendering its page: the work
    can be shared out (each call is independent of the others)."""
    return _Renderer(kit, relations, emails, options).jobs()


class _Renderer:
    def __init__(self, kit: Kit, relations: Relations, emails: EmailDrafts,
                 options: RenderOptions) -> None:
        self.kit = kit
        self.rel = relations
        self.options = options
        self.env = environment()
        self.pending = open_follow_ups(kit, relations)
        self.emails = emails
        # How people answered is a judgement about them: derived for private sites only.
        self.responses: dict[str, ResponseType] = response_types(kit, options.today) \
            if options.audience is Audience.PRIVATE else {}

    def render(self, uri: str, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(
            kit=self.kit, rel=self.rel, links=_Links(uri), today=self.options.today,
            guide_pages=GUIDE_PAGES, stages=STAGE_ORDER,
            contact_of=self.contact_of, latest_stage=self.latest_stage,
            email_anchor=self.emails.anchor_for, responses=self.responses,
            draft_anchor=self.draft_anchor, due_now=self.due_now, **context)

    def job(self, uri: str, template: str, *, in_nav: bool, **context: Any) -> PageJob:
        return PageJob(uri, in_nav, partial(self.render, uri, template, **context))

    def jobs(self) -> list[PageJob]:
        # A page whose context takes work computes it when its job runs, in whichever
        # process that is; the others bind their context now.
        kit, job = self.kit, self.job
        jobs = [PageJob("index.md", True, lambda: self.render(
            "index.md", "home.md.j2", dashboard=self.dashboard()))]
        jobs += [job(f"guide/{slug}.md", f"guide/{slug}.md.j2", in_nav=True, title=title)
                 for slug, title in GUIDE_PAGES if slug not in kit.guide_texts]
        jobs += [PageJob(f"guide/{slug}.md", True, partial(_guide_page_text, slug, source))
                 for slug, source in kit.guide_texts.items()]
        jobs.append(job("fields/index.md", "fields_index.md.j2", in_nav=True))
        jobs += [job(f"fields/{item.id}.md", "field.md.j2", in_nav=False, field=item)
                 for item in kit.fields.values()]
        jobs.append(PageJob("employers.md", True, lambda: self.render(
            "employers.md", "employers.md.j2", targets=ranked_targets(kit, self.rel))))
        jobs.append(job("contacts/index.md", "contacts_index.md.j2", in_nav=True))
        jobs += [job(f"contacts/{item.id}.md", "contact.md.j2", in_nav=False, contact=item)
                 for item in kit.contacts.values()]
        jobs.append(job("questions/index.md", "questions_index.md.j2", in_nav=True))
        jobs += [job(f"questions/{item.id}.md", "question_set.md.j2", in_nav=False,
                     question_set=item, by_topic=_group_by_topic(item.questions))
                 for item in kit.question_sets.values()]
        jobs.append(PageJob("interviews/index.md", True, lambda: self.render(
            "interviews/index.md", "interviews_index.md.j2", by_stage=self.interviews_by_stage())))
        jobs += [PageJob(f"interviews/{item.id}.md", False, partial(self.interview_page, item))
                 for item in kit.interviews.values()]
        jobs.append(PageJob("follow-ups.md", True, lambda: self.render(
            "follow-ups.md", "follow_ups.md.j2", buckets=self.buckets())))
        jobs.append(PageJob("emails.md", True, lambda: self.render(
            "emails.md", "emails.md.j2", samples=self.emails.samples(),
            greetings=self.emails.greetings())))
        jobs.append(PageJob("pipeline.md", True, self.pipeline_page))
        jobs.append(PageJob("insights.md", True, self.insights_page))
        jobs.append(PageJob("tags.md", True, lambda: self.render(
            "tags.md", "tags.md.j2", tags=self.tag_index())))
        return jobs

    def tag_index(self) -> list[tuple[str, list[tuple[str, Md]]]]:
        """Each tag with the pages that carry it (title, link), made here rather than by a
        theme plugin, so every engine shows the same page."""
        found: dict[str, list[tuple[str, Md]]] = {}
        links = _Links("tags.md")
        for item in self.kit.fields.values():
            for tag in item.tags:
                found.setdefault(tag, []).append((item.name, links.item("fields", item.id)))
        for interview in self.kit.interviews.values():
            stage = self.rel.interviews[interview.id].stage.label
            found.setdefault(stage, []).append(
                (f"Conversation with {self.contact_of(interview).name}",
                 links.item("interviews", interview.id)))
        for slug, source in self.kit.guide_texts.items():
            page = guide_page(slug, source)
            for tag in page.tags:
                found.setdefault(tag, []).append((page.title, links.to(f"guide/{slug}.md")))
        return sorted(((tag, sorted(pages)) for tag, pages in found.items()),
                      key=lambda pair: pair[0].casefold())

    def interview_page(self, interview: Interview) -> str:
        facts = self.rel.interviews[interview.id]
        follow_ups = follow_ups_for(self.kit, interview, facts.stage, self.options.today)
        contact = self.kit.contacts[interview.contact]
        plan = plan_agenda(self.kit, interview)
        heard = heard_before(self.kit, self.rel, interview)  # none in the public view
        return self.render(f"interviews/{interview.id}.md", "interview.md.j2",
                           interview=interview, facts=facts, follow_ups=follow_ups,
                           due=[item for item in follow_ups if not item.done and not item.lapsed],
                           plan=plan, agenda_warnings=agenda_warnings(self.kit, plan),
                           checklists=checklists_for(interview, facts.stage,
                                                     contact.organization, facts.duration,
                                                     follow_ups),
                           emails=self.emails.for_interview(interview, follow_ups),
                           packet=self.packet_link(interview), heard=heard)

    def pipeline_page(self) -> str:
        stats = pipeline_stats(self.kit, self.rel, self.options.today)
        chart = bar_chart("Outreach and meetings per week", ("Outreach sent", "Meetings"),
                          [f"{week.start:%d %b}" for week in stats.weeks],
                          [(week.outreach, week.meetings) for week in stats.weeks])
        return self.render("pipeline.md", "pipeline.md.j2", stats=stats, chart=Md(chart))

    def insights_page(self) -> str:
        # Takeaways are private: the public view holds none.
        groups = by_field_and_topic(
            self.kit, all_points(self.kit, self.rel))
        return self.render("insights.md", "insights.md.j2", groups=groups)

    def due_now(self, interview_id: str) -> list[FollowUp]:
        """An interview's follow-ups due today or overdue."""
        return [item for item in self.pending if item.interview_id == interview_id
                and item.due <= self.options.today]

    def draft_anchor(self, interview_id: str, action: str) -> str | None:
        """The anchor of the draft for `action` on an interview's page, if it shows one."""
        interview = self.kit.interviews.get(interview_id)
        if interview is None:
            return None
        return next((kind.anchor for kind in self.emails.kinds_for(interview)
                     if kind.name == action), None)

    def packet_link(self, interview: Interview) -> Md | None:
        if not self.options.packets:
            return None
        return _Links(f"interviews/{interview.id}.md").to(f"packets/{interview.id}.pdf")

    def contact_of(self, interview: Interview) -> Any:
        return self.kit.contacts[interview.contact]

    def latest_stage(self, contact_id: str) -> Stage | None:
        ids = self.rel.interviews_with.get(contact_id, [])
        if not ids:
            return None
        latest = max(ids, key=lambda i: conversation_order(self.kit.interviews[i]))
        return self.rel.interviews[latest].stage

    def interviews_by_stage(self) -> list[tuple[Stage, list[Interview]]]:
        grouped: dict[Stage, list[Interview]] = {}
        for interview in self.kit.interviews.values():
            grouped.setdefault(self.rel.interviews[interview.id].stage, []).append(interview)
        return [(stage, sorted(grouped[stage], key=conversation_order))
                for stage in STAGE_ORDER if stage in grouped]

    def buckets(self) -> list[tuple[Urgency, list[FollowUp]]]:
        today = self.options.today
        return [(urgency, [item for item in self.pending if item.urgency(today) is urgency])
                for urgency in Urgency]

    def dashboard(self) -> dict[str, Any]:
        upcoming = sorted(
            (interview for interview in self.kit.interviews.values()
             if self.rel.interviews[interview.id].stage is Stage.SCHEDULED),
            key=conversation_order)
        counts = dict.fromkeys(STAGE_ORDER, 0)
        for facts in self.rel.interviews.values():
            counts[facts.stage] += 1
        today = self.options.today
        due = [item for item in self.pending if item.urgency(today) is not Urgency.UPCOMING]
        return {"upcoming": upcoming[:10], "counts": counts, "due": due[:15],
                "more_due": max(0, len(due) - 15),
                "losing_touch": losing_touch(self.kit, today),
                "updates_owed": updates_owed(self.kit, self.rel)}



def _group_by_topic(questions: list[Any]) -> list[tuple[str, list[Any]]]:
    groups: dict[str, list[Any]] = {}
    for question in questions:
        groups.setdefault(question.topic or "", []).append(question)
    order = [*TOPIC_ORDER, ""]
    return [(topic, groups[topic]) for topic in order if topic in groups]


def _guide_page_text(slug: str, source: str) -> str:
    return guide_page(slug, source).text
