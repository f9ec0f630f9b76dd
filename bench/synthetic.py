"""Write a large, valid synthetic prepkit kit, for benchmarks and scale tests.

Usage:
    python bench/synthetic.py OUT_DIR --interviews N [--contacts N] [--seed S]

OUT_DIR gets `mkdocs.yml` and `site_overrides/` like the example kit's, and `content/` with
kit.yml, N interviews,
N contacts (or --contacts), max(3, N // 20) career fields and 20 question sets. Interviews are
spread over every stage relative to 2026-11-25 (planned, requested, scheduled, held, thanked,
post-offer and declined), and each interview's must-ask questions fit its length, so
`prepkit check --strict -f OUT_DIR/mkdocs.yml` passes. The same seed gives the same files.

Tests can load this file by path and call `write_kit(out_dir, interviews, contacts, seed)`.
This module uses only the standard library; it does not import `generator`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

# "Now" for every stage: meetings before it were held, meetings after it are scheduled.
TODAY = date(2026, 11, 25)
QUESTION_SET_COUNT = 20
DEFAULT_DURATION = 20  # kit.yml rules.default_duration_minutes
OPENING_AND_CLOSE = 4  # rules.opening_minutes + rules.closing_minutes, 2 each by default
MUST_ASK_LIMIT = 4  # rules.must_ask_limit
MINUTES_PER_QUESTION = 3  # kit.yml rules.minutes_per_question
# Marks an output folder as written by this script, so a rerun may replace its content/.
MARKER = ".prepkit-synthetic"

# The example kit's own site settings, so a synthetic kit builds exactly like a real one.
REPO_MKDOCS_YML = Path(__file__).resolve().parent.parent / "mkdocs.yml"


def _mkdocs_yml(title: str) -> str:
    lines = REPO_MKDOCS_YML.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(f"site_name: {title}\n" if line.startswith("site_name:") else line
                   for line in lines)


# --------------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------------

FIRST_NAMES = [
    "Aaliyah", "Aarav", "Abena", "Adrian", "Aisha", "Alejandro", "Amara", "Andre", "Anika",
    "Ben", "Bianca", "Carlos", "Chen", "Chloe", "Daniel", "Dana", "Deepa", "Diego", "Elena",
    "Emeka", "Emily", "Farah", "Felix", "Grace", "Hana", "Hassan", "Helen", "Ines", "Isaac",
    "Jamal", "Jasmine", "Javier", "Jin", "Jordan", "Julia", "Kai", "Kavya", "Kenji", "Kevin",
    "Lena", "Leo", "Lucia", "Luis", "Malik", "Marcus", "Maria", "Maya", "Mei", "Miguel",
    "Nadia", "Naomi", "Nikhil", "Noah", "Olivia", "Omar", "Priya", "Rachel", "Rafael", "Rosa",
    "Sam", "Sara", "Sofia", "Tariq", "Tia", "Tomas", "Uma", "Victor", "Wei", "Yara", "Yusuf",
    "Zara", "Zoe",
]
LAST_NAMES = [
    "Abbott", "Adeyemi", "Alvarez", "Anderson", "Bauer", "Bianchi", "Brooks", "Castillo",
    "Chen", "Cohen", "Costa", "Das", "Dubois", "Edwards", "Fernandez", "Fischer", "Garcia",
    "Goldberg", "Gupta", "Haddad", "Hansen", "Hughes", "Ibrahim", "Ito", "Jensen", "Johnson",
    "Kaur", "Kim", "Kowalski", "Kumar", "Larsen", "Lee", "Lopez", "Mahmoud", "Martin",
    "Mendoza", "Moreau", "Morales", "Murphy", "Nakamura", "Natarajan", "Ng", "Novak", "Nwosu",
    "Okafor", "Olsen", "Ortiz", "Park", "Patel", "Petrov", "Quinn", "Ramos", "Reyes", "Rivera",
    "Rossi", "Santos", "Schmidt", "Shah", "Silva", "Singh", "Sullivan", "Tanaka", "Thompson",
    "Tran", "Varga", "Walker", "Wang", "Weber", "Williams", "Yamamoto", "Young", "Zhang",
]

# (name, typical roles, tags). More fields than these reuse them with a sector attached.
FIELD_SPECS: list[tuple[str, list[str], list[str]]] = [
    ("Data Science", ["Data analyst", "Data scientist", "Analytics engineer",
                      "Machine learning engineer"], ["analytics", "python", "sql"]),
    ("Public Health", ["Epidemiologist", "Health educator", "Program evaluator",
                       "Health informatics analyst"], ["health", "policy", "community"]),
    ("UX Research", ["UX researcher", "Research operations specialist", "Usability analyst",
                     "Research lead"], ["design", "interviews", "usability"]),
    ("Software Engineering", ["Software engineer", "Backend developer", "Frontend developer",
                              "Site reliability engineer"], ["code", "systems", "web"]),
    ("Cybersecurity", ["Security analyst", "Penetration tester", "Security engineer",
                       "Incident responder"], ["security", "networks", "risk"]),
    ("Product Management", ["Product manager", "Associate product manager", "Product owner",
                            "Product analyst"], ["product", "strategy", "roadmaps"]),
    ("Urban Planning", ["Urban planner", "GIS analyst", "Zoning specialist",
                        "Community development officer"], ["cities", "gis", "housing"]),
    ("Environmental Consulting", ["Environmental scientist", "Sustainability analyst",
                                  "Environmental engineer", "Compliance specialist"],
     ["climate", "environment", "compliance"]),
    ("Clinical Research", ["Clinical research coordinator", "Clinical data manager",
                           "Regulatory affairs specialist", "Research associate"],
     ["trials", "medicine", "regulation"]),
    ("Health Policy", ["Policy analyst", "Health economist", "Legislative aide",
                       "Program manager"], ["policy", "health", "government"]),
    ("Biostatistics", ["Biostatistician", "Statistical programmer", "Research statistician",
                       "Data manager"], ["statistics", "r", "health"]),
    ("Financial Analysis", ["Financial analyst", "Credit analyst", "FP&A analyst",
                            "Investment associate"], ["finance", "excel", "modeling"]),
    ("Actuarial Science", ["Actuarial analyst", "Pricing actuary", "Risk analyst",
                           "Reserving analyst"], ["insurance", "risk", "statistics"]),
    ("Supply Chain Management", ["Supply chain analyst", "Logistics coordinator",
                                 "Procurement specialist", "Operations planner"],
     ["logistics", "operations", "forecasting"]),
    ("Marketing Analytics", ["Marketing analyst", "Growth analyst", "CRM specialist",
                             "Insights manager"], ["marketing", "experiments", "customers"]),
    ("Education Technology", ["Instructional designer", "Learning engineer",
                              "Edtech product specialist", "Curriculum developer"],
     ["education", "learning", "technology"]),
    ("Data Journalism", ["Data reporter", "Graphics editor", "News applications developer",
                         "Research editor"], ["journalism", "visualization", "media"]),
    ("Renewable Energy", ["Energy analyst", "Solar project developer", "Grid engineer",
                          "Energy policy associate"], ["energy", "climate", "engineering"]),
    ("Nonprofit Management", ["Program coordinator", "Development associate",
                              "Operations manager", "Grants manager"],
     ["nonprofit", "fundraising", "community"]),
    ("Museums and Archives", ["Digital archivist", "Collections manager",
                              "Museum educator", "Exhibit designer"],
     ["culture", "archives", "history"]),
    ("Technical Writing", ["Technical writer", "Documentation engineer",
                           "Content designer", "API documentation specialist"],
     ["writing", "docs", "communication"]),
    ("Game Development", ["Gameplay programmer", "Game designer", "QA tester",
                          "Technical artist"], ["games", "design", "code"]),
    ("Robotics", ["Robotics engineer", "Controls engineer", "Perception engineer",
                  "Automation technician"], ["hardware", "automation", "engineering"]),
    ("Bioinformatics", ["Bioinformatician", "Computational biologist",
                        "Genomics data analyst", "Research software engineer"],
     ["genomics", "biology", "python"]),
    ("Transportation Planning", ["Transportation planner", "Transit data analyst",
                                 "Traffic engineer", "Mobility program manager"],
     ["transit", "cities", "data"]),
    ("People Analytics", ["People analytics specialist", "HR data analyst",
                          "Workforce planner", "Compensation analyst"],
     ["hr", "analytics", "workplace"]),
    ("Civic Technology", ["Civic technologist", "Digital service designer",
                          "Open data coordinator", "Product manager, government"],
     ["government", "open-data", "design"]),
    ("Quality Assurance", ["QA engineer", "Test automation engineer", "Quality analyst",
                           "Release manager"], ["testing", "quality", "automation"]),
    ("Cloud Infrastructure", ["Cloud engineer", "DevOps engineer", "Platform engineer",
                              "Solutions architect"], ["cloud", "infrastructure", "devops"]),
    ("Digital Accessibility", ["Accessibility specialist", "Accessibility tester",
                               "Inclusive design lead", "Front-end accessibility engineer"],
     ["accessibility", "design", "web"]),
]
SECTORS = ["Government", "Healthcare", "Startups", "Higher Education", "Nonprofits", "Finance",
           "Retail", "Manufacturing"]

ORG_PREFIXES = ["Acme", "Northwind", "Riverbend", "Lakeside", "Summit", "Bluebird", "Harbor",
                "Granite", "Cedar", "Maple", "Pioneer", "Beacon", "Evergreen", "Redwood",
                "Silverline", "Tri-County", "Brightpath", "Oakridge", "Westfield", "Prairie"]
ORG_SUFFIXES = ["Health", "Software", "Hospital", "Analytics", "Labs", "Consulting", "Energy",
                "Bank", "Media", "Foundation", "Systems", "Partners", "Institute", "Logistics",
                "Design Studio"]
PUBLIC_ORGS = ["City Data Office", "State Department of Health", "County Public Health "
               "Department", "State University", "Civic Design Lab", "Regional Transit "
               "Authority", "State Environmental Agency", "Public Library System"]

SENIORITY = ["", "", "Senior ", "Lead ", "Junior ", "Principal "]
RELATIONSHIPS = ["former-employer", "professor", "gsi", "friend", "family", "alumni",
                 "colleague", "other", "other"]
COURSES = ["Introduction to Statistics", "Data Structures", "Research Methods",
           "Human-Computer Interaction", "Statistics for Health Data", "Databases",
           "Technical Communication", "Environmental Science", "Microeconomics"]
RELATIVES = ["aunt", "uncle", "cousin", "older sister", "older brother", "godmother",
             "family friend"]
PLACES = ["the first-year dorms", "the robotics club", "the campus newspaper",
          "intramural soccer", "the hackathon team", "the volunteer tutoring program"]
STUDENT_JOBS = ["the IT help desk", "the campus library", "the career center",
                "the research computing office"]
PROJECTS = [
    "patient readmission dashboards", "an open data portal", "a transit ridership model",
    "a statewide immunization registry", "accessibility audits of public websites",
    "a fraud detection pipeline", "a customer churn forecast", "a benefits application "
    "redesign", "an air quality sensor network", "a clinic scheduling tool",
    "the annual workforce survey", "a grid reliability study", "a genomics analysis pipeline",
    "a housing affordability map", "an onboarding flow used by a million people",
    "a warehouse routing system", "the school enrollment forecast",
]
ORIGINS = ["software engineering", "teaching", "nursing", "economics", "graphic design",
           "journalism", "the military", "retail management", "a biology lab"]
TEAM_ACTIVITIES = [
    "shares results in a weekly demo that anyone can join",
    "works in two-week cycles with a planning meeting every other Monday",
    "pairs every new hire with a mentor for the first three months",
    "splits time between project work and requests from other departments",
    "publishes most of its work as open reports",
]
EVENTS = ["regional meetup", "state conference", "campus career fair", "industry summit"]
PRIVATE_NOTES = [
    "Prefers morning calls.",
    "Busy until after the January release; keep it short.",
    "Easiest to reach by text.",
    "Mentioned there might be an internship opening in spring.",
    "Replies slowly; a polite nudge after a week is fine.",
    "Likes specific questions more than general \"what should I do\" ones.",
    "Could be a good reference later; keep in touch every few months.",
    "Offered to review my resume after we talk.",
    "Travels a lot in December; suggest a video call.",
    "Said to mention their name when writing to people on their team.",
]

TREND_TEMPLATES = [
    "Generative AI tools changing day-to-day work in {lower}",
    "More remote and hybrid roles, with teams spread across time zones",
    "Growing demand for people who can explain results to non-specialists",
    "New regulation raising the bar for documentation and audits",
    "Tighter budgets pushing teams to automate routine tasks",
    "More entry-level roles asking for a portfolio rather than a degree alone",
    "Employers investing in apprenticeships and rotational programs",
    "Open data and open-source tools spreading through {lower}",
    "Attention to fairness, privacy and accessibility in everyday decisions",
    "Public-sector hiring in {lower} picking up after several slow years",
]
SOURCE_TEMPLATES = [
    "Occupational Outlook Handbook, {role}",
    "A day in the life of a {role_lower}",
    "State of {name} survey 2026",
    "Professional association guide to careers in {lower}",
    "Podcast interview with a {role_lower}",
    "Salary and outlook report for {lower}",
    "How to break into {lower} without a graduate degree",
]
SOURCE_NOTES = [
    "Useful list of **day-to-day tasks** and tools; good for questions about what the work "
    "actually looks like.",
    "Median pay, typical entry education and projected growth. Growth is listed as *faster "
    "than average*.",
    "Several people mention that **communication** matters as much as technical skill.",
    "Lists professional certifications; most seem optional for entry-level roles.",
    "Good description of the difference between junior and senior roles.",
    "Mentions that internships are the most common way in.",
]
SUMMARY_SENTENCES = [
    "I'm curious about {lower} because it mixes **technical skills** with work that matters "
    "to real people.",
    "People in {lower} work at {org_a}, {org_b} and many smaller organizations.",
    "It seems to reward people who can both *do the analysis* and explain it.",
    "Entry-level roles often start as {role_lower} positions, then branch out.",
    "I want to find out how much of the job is meetings and writing versus hands-on work.",
]

# Question set themes: (id, title, kind, tied to fields, questions as (text, topic)).
THEMES: list[tuple[str, str, str, bool, list[tuple[str, str]]]] = [
    ("getting-started", "Getting started and culture", "exploratory", False, [
        ("How did you get your start working in this industry?", "insights"),
        ("Can you describe your organization's culture?", "insights"),
        ("What have been some of your biggest projects?", "assignments"),
        ("What do you enjoy most about your work, and what do you enjoy least?", "insights"),
        ("How is your team organized, and who do you work with most?", "insights"),
    ]),
    ("tiara", "TIARA (trends, insights, advice, resources, assignments)", "exploratory",
     False, [
        ("What changes in your field are you watching most closely over the next few years?",
         "trends"),
        ("What do you know now about this work that you wish you had known before starting?",
         "insights"),
        ("If you were a junior in college hoping to get into this field, what would you focus "
         "on this year?", "advice"),
        ("Which people, communities, newsletters or events would you recommend I look into?",
         "resources"),
        ("Which kinds of projects or assignments would best show that I could do this work?",
         "assignments"),
    ]),
    ("day-in-the-life", "A day in the life", "exploratory", False, [
        ("What does a typical week look like for you?", "insights"),
        ("How much of your time goes to meetings, and how much to focused work?", "insights"),
        ("What tools do you open first thing in the morning?", "resources"),
        ("What kind of problem takes up more of your time than people expect?", "insights"),
        ("How do you decide what to work on when everything seems urgent?", "advice"),
    ]),
    ("skills-and-tools", "Skills and tools", "exploratory", True, [
        ("Which skills do you use every day that you did not learn in school?", "insights"),
        ("Which tools or languages should I be comfortable with before applying?",
         "resources"),
        ("How do you keep your skills current?", "resources"),
        ("Which skill do new hires most often lack?", "advice"),
        ("Are certifications worth the time and money in this field?", "advice"),
    ]),
    ("career-paths", "Career paths and growth", "exploratory", False, [
        ("What do the next steps in a career like yours usually look like?", "trends"),
        ("How did you decide between a specialist path and a management path?", "insights"),
        ("Which roles do people usually hold before yours?", "insights"),
        ("How often do people in your field change employers?", "trends"),
        ("What would you do differently if you started your career again?", "advice"),
    ]),
    ("grad-school", "Graduate school and credentials", "exploratory", True, [
        ("Is a graduate degree expected in this area, or can people grow into it on the job?",
         "advice"),
        ("Would you recommend working for a few years before graduate school?", "advice"),
        ("Which programs or courses have people on your team found most useful?", "resources"),
        ("How do hiring managers look at online courses and bootcamps?", "insights"),
        ("Did your own degree prepare you for the work?", "insights"),
    ]),
    ("hiring", "Hiring and applications", "exploratory", False, [
        ("What does your team look for when hiring someone at the entry level?", "advice"),
        ("What makes a resume or portfolio stand out to you?", "advice"),
        ("How are candidates usually interviewed for roles like yours?", "insights"),
        ("Where does your organization post openings, and when do most hires happen?",
         "resources"),
        ("What is a common mistake applicants make?", "advice"),
    ]),
    ("remote-work", "Remote, hybrid and in-person work", "exploratory", False, [
        ("How does your team split remote and in-office work?", "trends"),
        ("How do new people learn the ropes when the team is spread out?", "insights"),
        ("What habits help you stay visible when working remotely?", "advice"),
        ("Has the shift to hybrid work changed who gets hired?", "trends"),
        ("Which collaboration tools does your team rely on?", "resources"),
    ]),
    ("ethics", "Ethics and responsibility", "exploratory", True, [
        ("What ethical questions come up in your work?", "insights"),
        ("How does your team handle privacy and consent?", "insights"),
        ("Have you ever pushed back on a project for ethical reasons?", "insights"),
        ("How is your work reviewed before it reaches the public?", "insights"),
        ("Which guidelines or codes of practice does your field follow?", "resources"),
    ]),
    ("collaboration", "Teamwork and collaboration", "exploratory", False, [
        ("Who are the people outside your team you work with most?", "insights"),
        ("How do people on your team usually disagree and decide?", "insights"),
        ("How do you explain technical work to people without that background?", "advice"),
        ("What makes a great teammate in your role?", "advice"),
        ("How are projects handed over between teams?", "insights"),
    ]),
    ("mentorship", "Mentorship and learning", "exploratory", False, [
        ("Who helped you most early in your career, and how?", "insights"),
        ("How can a student find a mentor in this field?", "advice"),
        ("What do you wish junior colleagues asked you more often?", "advice"),
        ("Which books, courses or communities shaped how you work?", "resources"),
        ("How do you learn something new when a project demands it?", "insights"),
    ]),
    ("industry-trends", "Where the industry is heading", "exploratory", True, [
        ("Which parts of your job do you expect to be automated in five years?", "trends"),
        ("Which new roles have appeared in your field recently?", "trends"),
        ("How is funding or the economy affecting your organization?", "trends"),
        ("Which companies or teams do you see as leaders right now?", "resources"),
        ("What is overhyped in your field at the moment?", "trends"),
    ]),
    ("work-life", "Balance and well-being", "exploratory", False, [
        ("How predictable are your hours from week to week?", "insights"),
        ("How does your team handle busy seasons or deadlines?", "insights"),
        ("What keeps you motivated in this work over the long run?", "insights"),
        ("What does your organization do to prevent burnout?", "insights"),
        ("How much travel does your role involve?", "insights"),
    ]),
    ("portfolio", "Portfolio and projects", "exploratory", True, [
        ("What should a student portfolio in this field include?", "assignments"),
        ("Is a class project enough, or should it involve real users or real data?",
         "assignments"),
        ("Could you suggest a small project that would teach me the basics?", "assignments"),
        ("How should I present a group project so my part is clear?", "advice"),
        ("Which open datasets or problems would you practice on?", "resources"),
    ]),
    ("networking", "Networking and next steps", "exploratory", False, [
        ("Is there anyone else you think I should talk to?", "resources"),
        ("Which events or meetups are worth attending as a student?", "resources"),
        ("How do you prefer people follow up after a conversation like this?", "advice"),
        ("May I stay in touch and share how my search goes?", "resources"),
        ("Which professional associations are active in this area?", "resources"),
    ]),
    ("research-methods", "Methods and evidence", "exploratory", True, [
        ("Walk me through a recent project, from the first question to the final "
         "recommendation.", "assignments"),
        ("How do you balance qualitative and quantitative evidence?", "insights"),
        ("How do you convince decision makers to act on your findings?", "insights"),
        ("What happens when the findings are unwelcome?", "insights"),
        ("How do you know when an analysis is good enough to share?", "advice"),
    ]),
    ("public-sector", "Working in the public sector", "exploratory", True, [
        ("How does public-sector work differ from the private sector in your field?",
         "insights"),
        ("How long does government hiring usually take?", "advice"),
        ("Which public agencies hire people with my background?", "resources"),
        ("How do budgets and election cycles affect your projects?", "trends"),
        ("What do you find most rewarding about public service?", "insights"),
    ]),
    ("startups", "Startups and small teams", "exploratory", True, [
        ("How does working at a small company change what you do each day?", "insights"),
        ("What should I ask to judge whether a startup is stable?", "advice"),
        ("How broad is your role compared with friends at larger companies?", "insights"),
        ("How do small teams train people who are new to the work?", "insights"),
        ("Would you recommend a startup as a first job?", "advice"),
    ]),
    ("post-offer", "After the offer, before deciding", "post-offer", False, [
        ("Who would I work with day to day, and how is the team organized?", "insights"),
        ("How do you like to work with the people you manage, for example check-ins and "
         "feedback?", "insights"),
        ("What does growth look like here for someone in this role?", "advice"),
        ("What would success look like by the end of the role, and how will it be measured?",
         "assignments"),
        ("What would my first 90 days look like?", "assignments"),
    ]),
    ("offer-logistics", "Offer details and logistics", "post-offer", False, [
        ("Is there flexibility on the start date?", "insights"),
        ("How are training and onboarding organized for new hires?", "insights"),
        ("What should I learn or set up before day one?", "advice"),
        ("How are projects assigned to new team members?", "assignments"),
        ("Have past interns or new graduates stayed on long term?", "trends"),
    ]),
]
# Extra questions mixed into the themes, so sets differ in length and sometimes overlap.
SHARED_QUESTIONS: list[tuple[str, str]] = [
    ("What surprised you most in your first year?", "insights"),
    ("What is the most common misconception about your job?", "insights"),
    ("Which classes from college do you still draw on?", "resources"),
    ("What would you look for in a summer intern?", "advice"),
    ("How do you measure whether your work made a difference?", "insights"),
    ("What is one thing I could read this month to understand your work better?",
     "resources"),
    ("Which part of your work would you hand to an intern first?", "assignments"),
    ("How has your role changed since you started?", "trends"),
    ("What questions should I be asking that I have not asked?", "advice"),
    ("How important are diversity, equity and inclusion on your team?", "insights"),
]
FOLLOW_UPS = [
    "Can you give me an example?",
    "What would you do differently next time?",
    "How has that changed in the last few years?",
    "What surprised you most about that?",
    "Who else should I ask about this?",
    "Is that typical for the field, or specific to your team?",
]

OWN_QUESTION_TEMPLATES = [
    ("What is it really like to work at {org} as a junior {role_lower}?", "insights"),
    ("How did you move from {origin} into {lower}?", "advice"),
    ("Which projects at {org} would a new {role_lower} most likely join?", "assignments"),
    ("How did {project} change the way your team at {org} works?", "assignments"),
    ("What would you tell a {program} student who wants to work at {org}?", "advice"),
    ("Which part of {lower} do you think is changing fastest at {org}?", "trends"),
]
GOAL_TEMPLATES = [
    "Understand the day-to-day of a {role_lower} at {org}",
    "Hear how {first} moved into {lower} and whether that path still works",
    "Learn which skills to sharpen before applying for {lower} internships",
    "Find out whether {lower} needs a graduate degree",
    "Decide whether {lower} is worth a summer internship next year",
    "Ask who else at {org} might be willing to talk",
]
NOTE_LINES = [
    "{first} started in {origin} and moved over after a **side project** got noticed.",
    "The team at {org} works in short cycles; most projects last four to six weeks.",
    "A portfolio matters more than grades for entry-level {lower} roles.",
    "They recommended learning one tool deeply instead of many superficially.",
    "Hiring for interns usually opens in **January**; apply early.",
    "Most of the hard work is getting good data and agreeing on the question.",
    "{first} thinks communication is the most underrated skill in {lower}.",
    "They offered to forward my resume when the spring posting goes up.",
]
TAKEAWAYS = [
    "Build one end-to-end project for my portfolio, with real users or real data",
    "Sign up for the {event} in the spring",
    "Read the resources {first} recommended before the end of the month",
    "Email the people {first} suggested and mention the conversation",
    "Look at {lower} job postings to see which skills come up most",
    "Ask my advisor about a related course next semester",
]
DECLINE_NOTES = [
    "{first} replied kindly but said no for now: the team is in the middle of a big release "
    "through January. Invited me to write again in February 2027.",
    "{first} is on parental leave until spring and suggested I reach out then.",
    "{first} said they are not the right person to ask and pointed me to the careers page.",
]
PLANNED_NOTES = [
    "Not contacted yet. Plan: ask for a 20-minute video call in December.",
    "Not contacted yet. {first} is busy until after the holidays, so write in early January.",
    "Not contacted yet; I want to finish reading about {lower} first.",
]
OFFER_ROLES = ["{role} intern, summer 2027", "Associate {role_lower}",
               "{role}, new graduate program", "{role} fellow, 2027"]


# --------------------------------------------------------------------------------------------
# A tiny YAML writer: the house style of the example kit, and always valid for prepkit
# --------------------------------------------------------------------------------------------


# Plain classes rather than dataclasses: a dataclass needs its module in sys.modules, which a
# test that loads this file with importlib may not arrange.


class Flow:
    """A short list written on one line: `fields: [a, b]`."""

    __slots__ = ("items",)

    def __init__(self, items: tuple[str, ...]) -> None:
        self.items = items


class Block:
    """A Markdown text written as a literal block: `notes: |`."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


_RESERVED = frozenset({"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"})


def _plain_ok(text: str, *, in_flow: bool) -> bool:
    if not text or text != text.strip() or "\n" in text or "\t" in text:
        return False
    if not (text[0].isalnum() or text[0] == "("):
        return False
    if ": " in text or " #" in text or text.endswith(":") or text.lower() in _RESERVED:
        return False
    return not (in_flow and any(char in text for char in ",[]{}"))


def _scalar(text: str, *, in_flow: bool = False) -> str:
    """`text` as a YAML scalar: plain when that reads back as the same text, else quoted."""
    if _plain_ok(text, in_flow=in_flow):
        return text
    return json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted strings


def _emit(data: dict[str, Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, Flow):
            out.append(f"{pad}{key}: [{', '.join(_scalar(v, in_flow=True) for v in value.items)}]")
        elif isinstance(value, Block):
            out.append(f"{pad}{key}: |")
            out.extend(f"{pad}  {line}" if line else "" for line in value.text.splitlines())
        elif isinstance(value, dict):
            out.append(f"{pad}{key}:")
            _emit(value, indent + 2, out)
        elif isinstance(value, list):
            if not value:
                out.append(f"{pad}{key}: []")
                continue
            out.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict):
                    lines: list[str] = []
                    _emit(item, indent + 4, lines)
                    lines[0] = f"{pad}  - {lines[0][indent + 4:]}"
                    out.extend(lines)
                else:
                    out.append(f"{pad}  - {_scalar(str(item))}")
        else:
            out.append(f"{pad}{key}: {_scalar(str(value))}")


def to_yaml(data: dict[str, Any]) -> str:
    lines: list[str] = []
    _emit(data, 0, lines)
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------
# The kit's entities, as plain data
# --------------------------------------------------------------------------------------------


def _lower(name: str) -> str:
    """"UX Research" becomes "UX research", "Data Science" becomes "data science"."""
    return " ".join(word if word.isupper() else word.lower() for word in name.split())


_ARTICLE = re.compile(r"\b([Aa]) (?=[aeio]|[AEIO][a-z])")


def _fill(template: str, words: dict[str, Any]) -> str:
    """`template` filled in, with "a" before a vowel turned into "an"."""
    return _ARTICLE.sub(r"\1n ", template.format(**words))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


class FieldInfo:
    def __init__(self, field_id: str, name: str, roles: list[str],
                 organizations: list[str]) -> None:
        self.id = field_id
        self.name = name
        self.roles = roles
        self.organizations = organizations
        self.data: dict[str, Any] = {}

    @property
    def lower(self) -> str:
        return _lower(self.name)


class QuestionInfo:
    def __init__(self, text: str, priority: str, minutes: int | None) -> None:
        self.text = text
        self.priority = priority
        self.minutes = minutes


class SetInfo:
    def __init__(self, set_id: str, kind: str, fields: list[str],
                 questions: list[QuestionInfo], data: dict[str, Any]) -> None:
        self.id = set_id
        self.kind = kind
        self.fields = fields
        self.questions = questions
        self.data = data


class ContactInfo:
    def __init__(self, contact_id: str, first: str, name: str, organization: str,
                 fields: list[str], email: str | None, linkedin: str | None,
                 phone: str | None, referred_by: str | None) -> None:
        self.id = contact_id
        self.first = first
        self.name = name
        self.organization = organization
        self.fields = fields
        self.email = email
        self.linkedin = linkedin
        self.phone = phone
        self.referred_by = referred_by
        self.data: dict[str, Any] = {}


STAGES = ("planned", "requested", "scheduled", "held", "thanked", "post-offer", "declined")
STAGE_WEIGHTS = (12, 16, 24, 14, 22, 6, 6)


class _Builder:
    def __init__(self, interviews: int, contacts: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.interview_count = interviews
        self.contact_count = contacts
        self.field_count = max(3, interviews // 20)
        self.owner_first = self.rng.choice(FIRST_NAMES)
        self.owner_name = f"{self.owner_first} {self.rng.choice(LAST_NAMES)}"
        self.program = self.rng.choice(["Computer Science", "Statistics", "Economics",
                                        "Biology", "Information Science"])
        self.organizations = [f"{p} {s}" for p in ORG_PREFIXES for s in ORG_SUFFIXES]
        self.rng.shuffle(self.organizations)
        self.organizations = PUBLIC_ORGS + self.organizations

    # ---- fields ------------------------------------------------------------------------

    def fields(self) -> list[FieldInfo]:
        rng = self.rng
        found: list[FieldInfo] = []
        taken: set[str] = set()
        for index in range(self.field_count):
            spec_name, roles, tags = FIELD_SPECS[index % len(FIELD_SPECS)]
            round_ = index // len(FIELD_SPECS)
            name = spec_name
            if round_:
                name = f"{spec_name} in {SECTORS[(round_ - 1) % len(SECTORS)]}"
                if round_ > len(SECTORS):
                    name += f", track {(round_ - 1) // len(SECTORS) + 1}"
            info = FieldInfo(_unique(slugify(name), taken), name, roles,
                             rng.sample(self.organizations[:60], rng.randint(2, 4)))
            words = {"name": name, "lower": info.lower, "org_a": info.organizations[0],
                     "org_b": info.organizations[1], "role_lower": _lower(roles[0])}
            summary = " ".join(_fill(s, words) for s in
                               rng.sample(SUMMARY_SENTENCES, rng.randint(2, 3)))
            research = []
            for template in rng.sample(SOURCE_TEMPLATES, rng.randint(2, 3)):
                role = rng.choice(roles)
                title = _fill(template, {**words, "role": f"{role}s",
                                            "role_lower": _lower(role)})
                source: dict[str, Any] = {
                    "title": title,
                    "url": f"https://www.example.org/{info.id}/{slugify(title)}",
                }
                if rng.random() < 0.8:
                    note = rng.choice(SOURCE_NOTES)
                    source["notes"] = Block(note + "\n") if rng.random() < 0.3 else note
                research.append(source)
            info.data = {
                "name": name,
                "summary": Block(_wrap(summary)),
                "roles": Flow(tuple(roles)),
                "trends": [_fill(t, words) for t in
                           rng.sample(TREND_TEMPLATES, rng.randint(2, 4))],
                "research": research,
                "organizations": Flow(tuple(info.organizations)),
                "tags": Flow(tuple(rng.sample(tags, rng.randint(2, len(tags))))),
            }
            found.append(info)
        return found

    # ---- question sets -----------------------------------------------------------------

    def question_sets(self, fields: Sequence[FieldInfo]) -> list[SetInfo]:
        rng = self.rng
        found: list[SetInfo] = []
        for set_id, title, kind, field_bound, own in THEMES[:QUESTION_SET_COUNT]:
            pool = list(own)
            for extra in rng.sample(SHARED_QUESTIONS, rng.randint(0, 3)):
                pool.insert(rng.randint(1, len(pool)), extra)
            # 1 to 3 must-ask questions of 2 to 4 minutes: never more than 12 minutes, so any
            # one set fits a 20-minute conversation.
            musts = set(rng.sample(range(len(pool)), rng.randint(1, 3)))
            questions: list[QuestionInfo] = []
            written: list[dict[str, Any]] = []
            for index, (text, topic) in enumerate(pool):
                priority = "must" if index in musts else "nice"
                minutes = rng.randint(2, 4) if priority == "must" or rng.random() < 0.7 else None
                question: dict[str, Any] = {"text": text}
                if kind == "exploratory" or rng.random() < 0.5:
                    question["topic"] = topic
                question["priority"] = priority
                if minutes is not None:
                    question["minutes"] = str(minutes)
                if rng.random() < 0.5:
                    question["follow_ups"] = rng.sample(FOLLOW_UPS, rng.randint(1, 2))
                questions.append(QuestionInfo(text, priority, minutes))
                written.append(question)
            set_fields = [f.id for f in rng.sample(list(fields), min(len(fields),
                                                                    rng.randint(1, 3)))
                          ] if field_bound else []
            data = {"title": title, "kind": kind, "fields": Flow(tuple(set_fields)),
                    "questions": written}
            found.append(SetInfo(set_id, kind, set_fields, questions, data))
        return found

    # ---- contacts ----------------------------------------------------------------------

    def contacts(self, fields: Sequence[FieldInfo]) -> list[ContactInfo]:
        rng = self.rng
        found: list[ContactInfo] = []
        taken: set[str] = set()
        emails: set[str] = set()
        by_id = {f.id: f for f in fields}
        for index in range(self.contact_count):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            contact_id = _unique(slugify(f"{first} {last}"), taken)
            relationship = rng.choice(RELATIONSHIPS)
            referred_by = None
            if found and rng.random() < 0.2:
                referred_by = rng.choice(found)
                relationship = "referral"
            display = f"Dr. {first} {last}" if relationship == "professor" else f"{first} {last}"
            # Every field gets someone: contact i works in field i first (round robin), and
            # with fewer contacts than fields, also in fields i + C, i + 2C, ...
            field_ids = [fields[index % len(fields)].id]
            field_ids += [f.id for f in fields[index + self.contact_count::self.contact_count]]
            if rng.random() < 0.4:
                other = rng.choice(fields).id
                if other not in field_ids:
                    field_ids.append(other)
            main = by_id[field_ids[0]]
            role = rng.choice(main.roles)
            title = f"{rng.choice(SENIORITY)}{role}"
            if relationship in ("professor", "gsi"):
                title = ("Associate Professor of " if relationship == "professor"
                         else "PhD Candidate, ") + main.name
            organization = ("State University" if relationship in ("professor", "gsi")
                            else rng.choice(main.organizations) if rng.random() < 0.7
                            else rng.choice(self.organizations))
            email = None
            if rng.random() < 0.9:
                email = _unique(f"{first}.{last}".lower().replace(" ", ""), emails)
                email = f"{email.replace('-', '')}@example.com"
            linkedin = None
            if email is None or rng.random() < 0.6:
                linkedin = f"https://www.linkedin.com/in/{contact_id}-example"
            phone = f"+1 555 01{rng.randint(0, 99):02d}" if rng.random() < 0.4 else None
            words = {"first": first, "org": organization, "lower": main.lower,
                     "project": rng.choice(PROJECTS), "origin": rng.choice(ORIGINS),
                     "prev_role": _lower(rng.choice(rng.choice(fields).roles)),
                     "prev_org": rng.choice(self.organizations),
                     "team": rng.choice(TEAM_ACTIVITIES), "event": rng.choice(EVENTS),
                     "years": rng.randint(2, 20), "size": rng.randint(3, 14)}
            background = [
                "{first} has spent {years} years in {lower}, most recently on **{project}** "
                "at {org}.",
                rng.choice([
                    "Before joining {org}, {first} worked as a {prev_role} at {prev_org}.",
                    "{first} moved into {lower} from {origin}, so they can compare both paths.",
                    "{first} came to the field through an internship and stayed.",
                ]),
                rng.choice([
                    "Their team of {size} people {team}.",
                    "{first} mentors interns every summer and speaks at the {event} most "
                    "years.",
                    "They are known for writing *clear, friendly* documentation.",
                ]),
            ]
            info = ContactInfo(contact_id, first, display, organization, field_ids, email,
                               linkedin, phone, referred_by.id if referred_by else None)
            how = self._how_we_met(relationship, referred_by, main, organization)
            info.data = {
                "name": display, "title": title, "organization": organization,
                "fields": Flow(tuple(field_ids)), "relationship": relationship,
                "referred_by": info.referred_by, "how_we_met": how, "email": email,
                "linkedin": linkedin, "phone": phone,
                "background": Block(_wrap(" ".join(_fill(s, words) for s in background))),
                "private_notes": rng.choice(PRIVATE_NOTES) if rng.random() < 0.7 else None,
            }
            found.append(info)
        return found

    def _how_we_met(self, relationship: str, referrer: ContactInfo | None, main: FieldInfo,
                    organization: str) -> str:
        rng = self.rng
        season, year = rng.choice(["spring", "summer", "fall"]), rng.choice([2024, 2025, 2026])
        return {
            "former-employer": f"Supervised me during my {season} {year} internship at "
                               f"{organization}.",
            "professor": f"Taught my {rng.choice(COURSES)} course in {season} {year}.",
            "gsi": f"GSI for my {rng.choice(COURSES)} discussion section in {season} {year}.",
            "friend": f"Friend from {rng.choice(PLACES)}; we met in first year.",
            "family": f"My {rng.choice(RELATIVES)}, who has worked in {main.lower} for years.",
            "alumni": f"State University alum ('{rng.randint(10, 24)}); found through the alumni "
                      "directory.",
            "colleague": f"Works in the same office as my student job at "
                         f"{rng.choice(STUDENT_JOBS)}.",
            "referral": f"{referrer.name if referrer else 'A friend'} suggested I contact them "
                        "after our conversation.",
            "other": f"Talked at the {organization} booth at the fall 2026 career fair.",
        }[relationship]

    # ---- interviews --------------------------------------------------------------------

    def stages(self) -> list[str]:
        """Every stage at least once (when there is room), the rest drawn by weight."""
        picked = list(STAGES[: self.interview_count])
        picked += self.rng.choices(STAGES, STAGE_WEIGHTS, k=self.interview_count - len(picked))
        self.rng.shuffle(picked)
        return picked

    def interviews(self, fields: Sequence[FieldInfo], sets: Sequence[SetInfo],
                   contacts: Sequence[ContactInfo]) -> dict[str, dict[str, Any]]:
        rng = self.rng
        taken: set[str] = set()
        by_field = {f.id: f for f in fields}
        by_set = {s.id: s for s in sets}
        referred: dict[str, list[str]] = {}
        for contact in contacts:
            if contact.referred_by:
                referred.setdefault(contact.referred_by, []).append(contact.id)
        written: dict[str, dict[str, Any]] = {}
        for index, stage in enumerate(self.stages()):
            contact = contacts[index % len(contacts)]
            field_id = rng.choice(contact.fields)
            career_field = by_field[field_id]
            kind = "post-offer" if stage == "post-offer" else "exploratory"
            words = {"first": contact.first, "org": contact.organization,
                     "lower": career_field.lower, "role": rng.choice(career_field.roles),
                     "project": rng.choice(PROJECTS), "origin": rng.choice(ORIGINS),
                     "program": self.program, "event": rng.choice(EVENTS)}
            words["role_lower"] = _lower(words["role"])
            base = f"{contact.id}-{'offer' if kind == 'post-offer' else field_id}"
            interview_id = _unique(base, taken)

            # Stage-dependent dates and details.
            outreach: dict[str, Any] | None = None
            scheduled: dict[str, Any] | None = None
            data: dict[str, Any] = {}
            met: datetime | None = None
            when = stage
            if stage == "post-offer":
                when = rng.choice(["scheduled", "scheduled", "held", "thanked"])
            channel = "email" if contact.email and (contact.linkedin is None
                                                    or rng.random() < 0.7) else "linkedin"
            if when == "requested":
                sent = TODAY - timedelta(days=rng.randint(1, 40))
                outreach = {"channel": channel, "sent_on": sent.isoformat()}
                age = (TODAY - sent).days
                if age >= 8 and rng.random() < 0.5:
                    outreach["nudged_on"] = (sent + timedelta(days=rng.randint(7, age - 1))
                                             ).isoformat()
                if rng.random() < 0.3:
                    outreach["replied_on"] = (sent + timedelta(days=rng.randint(0, age))
                                              ).isoformat()
            elif when in ("scheduled", "held", "thanked", "declined"):
                if when == "scheduled":
                    meet_day = _weekday(TODAY + timedelta(days=rng.randint(1, 60)), +1)
                    sent = TODAY - timedelta(days=rng.randint(1, 30))
                    replied = sent + timedelta(days=rng.randint(0, (TODAY - sent).days))
                else:
                    # An offer conversation is recent; others go back about ten weeks.
                    back = rng.randint(1, 12 if kind == "post-offer" else 75)
                    meet_day = _weekday(TODAY - timedelta(days=back), -1)
                    sent = meet_day - timedelta(days=rng.randint(5, 25))
                    replied = sent + timedelta(days=rng.randint(0, 4))
                outreach = {"channel": channel, "sent_on": sent.isoformat()}
                if (replied - sent).days >= 7 and rng.random() < 0.6:
                    outreach["nudged_on"] = (sent + timedelta(days=7)).isoformat()
                outreach["replied_on"] = replied.isoformat()
                if when != "declined":
                    met = datetime(meet_day.year, meet_day.month, meet_day.day,
                                   rng.randint(9, 16), rng.choice([0, 30]))
                    scheduled = self._scheduled(met, contact, interview_id)

            duration = DEFAULT_DURATION
            if scheduled is not None and "duration_minutes" in scheduled:
                duration = int(scheduled["duration_minutes"])
            set_ids, own = self._agenda(kind, field_id, sets, by_set, words, duration)

            data["contact"] = contact.id
            if rng.random() < 0.75 or field_id != contact.fields[0]:
                data["field"] = field_id  # left out, it defaults to the contact's first field
            data["kind"] = kind
            data["question_sets"] = Flow(tuple(set_ids))
            data["questions"] = own or None
            data["goals"] = [_fill(g, words) for g in
                             rng.sample(GOAL_TEMPLATES, rng.randint(1, 3))]
            data["outreach"] = outreach
            data["scheduled"] = scheduled
            if kind == "post-offer":
                decide = TODAY + timedelta(days=rng.randint(7, 30))
                data["offer"] = {"role": _fill(rng.choice(OFFER_ROLES), words),
                                 "decide_by": decide.isoformat()}
            if when in ("held", "thanked"):
                lines = [f"- {_fill(line, words)}"
                         for line in rng.sample(NOTE_LINES, rng.randint(2, 4))]
                intro = rng.choice(["Friendly, open conversation.",
                                    "We kept to time; lots of practical advice.",
                                    f"{contact.first} was generous with time; we ran a few "
                                    "minutes over."])
                data["notes"] = Block(intro + "\n\n" + "\n".join(lines) + "\n")
                data["takeaways"] = [_fill(t, words) for t in
                                     rng.sample(TAKEAWAYS, rng.randint(1, 3))]
                # What the thank-you note may quote: never the notes or the takeaways.
                data["to_share"] = [_fill(rng.choice(TAKEAWAYS), words)]
                referrals = referred.get(contact.id, [])[:2]
                if not referrals and rng.random() < 0.25:
                    other = rng.choice(contacts).id
                    referrals = [other] if other != contact.id else []
                data["referrals"] = Flow(tuple(referrals)) if referrals else None
            if when == "thanked" and met is not None:
                thanked = min(met.date() + timedelta(days=rng.randint(0, 2)), TODAY)
                data["thank_you_sent_on"] = thanked.isoformat()
            if stage == "declined":
                data["notes"] = Block(_wrap(_fill(rng.choice(DECLINE_NOTES), words)))
                data["status"] = "declined"
            if stage == "planned" and rng.random() < 0.6:
                data["notes"] = Block(_wrap(_fill(rng.choice(PLANNED_NOTES), words)))
            written[interview_id] = data
        return written

    def _scheduled(self, met: datetime, contact: ContactInfo, interview_id: str
                   ) -> dict[str, Any]:
        rng = self.rng
        medium = rng.choices(["video", "phone", "in-person"], [6, 2, 2])[0]
        location: str | None
        if medium == "video":
            location = f"https://meet.example.com/{interview_id[:24].strip('-')}"
        elif medium == "phone":
            location = contact.phone or f"+1 555 01{rng.randint(0, 99):02d}"
        else:
            location = f"{contact.organization}, Room {rng.randint(100, 450)}"
        scheduled: dict[str, Any] = {"at": met.strftime("%Y-%m-%dT%H:%M")}
        if rng.random() < 0.85:  # otherwise the kit's default length applies
            scheduled["duration_minutes"] = str(rng.choice([20, 20, 30, 30, 45, 60]))
        scheduled["medium"] = medium
        scheduled["location"] = location if rng.random() < 0.9 else None
        return scheduled

    def _agenda(self, kind: str, field_id: str, sets: Sequence[SetInfo],
                by_set: dict[str, SetInfo], words: dict[str, Any], duration: int
                ) -> tuple[list[str], list[dict[str, Any]]]:
        """Question sets and own questions whose must-ask questions fit `duration` less the
        opening and the close, and number at most the kit's must_ask_limit."""
        rng = self.rng
        suitable = [s.id for s in sets if s.kind == kind
                    and (not s.fields or field_id in s.fields)]
        chosen = rng.sample(suitable, min(len(suitable), rng.randint(1, 3)))
        own_infos: list[QuestionInfo] = []
        budget = duration - OPENING_AND_CLOSE

        def fits(infos: list[QuestionInfo]) -> bool:
            return (_must_minutes(chosen, infos, by_set) <= budget
                    and _must_count(chosen, infos, by_set) <= MUST_ASK_LIMIT)

        while len(chosen) > 1 and not fits(own_infos):
            chosen.pop()
        own: list[dict[str, Any]] = []
        for text, topic in rng.sample(OWN_QUESTION_TEMPLATES, rng.randint(0, 3)):
            minutes = rng.randint(2, 4) if rng.random() < 0.5 else None
            info = QuestionInfo(_fill(text, words), "must", minutes)
            if rng.random() < 0.4 or not fits([*own_infos, info]):
                info.priority = "nice"
            own_infos.append(info)
            question: dict[str, Any] = {"text": info.text, "topic": topic,
                                        "priority": info.priority}
            if minutes is not None:
                question["minutes"] = str(minutes)
            if rng.random() < 0.3:
                question["follow_ups"] = [rng.choice(FOLLOW_UPS)]
            own.append(question)
        assert fits(own_infos)
        return chosen, own


def _must_count(set_ids: Iterable[str], own: Iterable[QuestionInfo],
                by_set: dict[str, SetInfo]) -> int:
    """Must-ask questions as prepkit counts them: repeats asked once."""
    collected = [q for set_id in set_ids for q in by_set[set_id].questions] + list(own)
    return len({q.text.casefold() for q in collected if q.priority == "must"})


def _must_minutes(set_ids: Iterable[str], own: Iterable[QuestionInfo],
                  by_set: dict[str, SetInfo]) -> int:
    """Must-ask minutes exactly as prepkit counts them: must first, repeats asked once."""
    collected = [q for set_id in set_ids for q in by_set[set_id].questions] + list(own)
    seen: set[str] = set()
    total = 0
    for question in [q for q in collected if q.priority == "must"] + \
            [q for q in collected if q.priority != "must"]:
        key = question.text.casefold()
        if key in seen:
            continue
        seen.add(key)
        if question.priority == "must":
            total += question.minutes or MINUTES_PER_QUESTION
    return total


def _weekday(day: date, step: int) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=step)
    return day


def _wrap(text: str, width: int = 96) -> str:
    """Markdown paragraphs wrapped like a person would, ending with a newline."""
    lines: list[str] = []
    for paragraph in text.split("\n\n"):
        current = ""
        for word in paragraph.split():
            if current and len(current) + 1 + len(word) > width:
                lines.append(current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        lines.extend([current, ""])
    return "\n".join(lines[:-1]) + "\n"


# --------------------------------------------------------------------------------------------
# Writing the folder
# --------------------------------------------------------------------------------------------


def write_kit(out_dir: Path, interviews: int, contacts: int | None = None, seed: int = 1) -> None:
    """Write a valid synthetic kit to `out_dir` (mkdocs.yml, site_overrides/, content/).

    `contacts` defaults to `interviews` (at least 1). A folder written by an earlier run is
    refreshed; an existing `content/` from anywhere else is never overwritten.
    """
    if interviews < 0:
        raise ValueError("interviews must be 0 or more")
    contact_count = interviews if contacts is None else contacts
    contact_count = max(contact_count, 1) if contacts is None else contact_count
    if contact_count < 1:
        raise ValueError("contacts must be 1 or more")
    out_dir = Path(out_dir)
    content = out_dir / "content"
    if content.exists():
        if not (out_dir / MARKER).is_file():
            raise FileExistsError(f"{content} already exists and was not written by "
                                  "synthetic.py; choose an empty folder")
        shutil.rmtree(content)
    builder = _Builder(interviews, contact_count, seed)
    fields = builder.fields()
    sets = builder.question_sets(fields)
    people = builder.contacts(fields)
    conversations = builder.interviews(fields, sets, people)

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / MARKER).write_text("written by bench/synthetic.py\n", encoding="utf-8")
    title = f"{builder.owner_name}'s informational interviews"
    (out_dir / "mkdocs.yml").write_text(_mkdocs_yml(_scalar(title)),
                                        encoding="utf-8")
    shutil.copytree(REPO_MKDOCS_YML.parent / "site_overrides", out_dir / "site_overrides",
                    dirs_exist_ok=True)

    owner_slug = slugify(builder.owner_name).replace("-", ".")
    kit = {
        "title": title,
        "owner": {
            "name": builder.owner_name,
            "email": f"{owner_slug}@example.edu",
            "phone": "+1 555 0100",
            "linkedin": f"https://www.linkedin.com/in/{slugify(builder.owner_name)}-example",
            "school": "State University",
            "program": f"B.S. {builder.program}, class of 2027",
            "pitch": f"I'm a junior in {builder.program} at State University, exploring "
                     f"{fields[0].lower}, {fields[1].lower} and {fields[2].lower}.",
            "signature": Block(f"{builder.owner_name}\nState University, B.S. "
                               f"{builder.program} '27\n{owner_slug}@example.edu\n"),
        },
        "timezone": "America/Chicago",
        "rules": {"thank_you_within_days": "2", "nudge_after_days": "7",
                  "linkedin_note_limit": "300", "outreach_word_limit": "100",
                  "default_duration_minutes": str(DEFAULT_DURATION),
                  "minutes_per_question": str(MINUTES_PER_QUESTION)},
        "description": Block(_wrap(f"A synthetic kit with {interviews} interviews and "
                                   f"{contact_count} contacts, written by "
                                   f"`bench/synthetic.py` (seed {seed}).")),
    }
    content.mkdir(parents=True)
    (content / "kit.yml").write_text(to_yaml(kit), encoding="utf-8")
    groups: list[tuple[str, Iterable[tuple[str, dict[str, Any]]]]] = [
        ("fields", ((f.id, f.data) for f in fields)),
        ("contacts", ((c.id, c.data) for c in people)),
        ("questions", ((s.id, s.data) for s in sets)),
        ("interviews", conversations.items()),
    ]
    for folder, entities in groups:
        (content / folder).mkdir()
        for entity_id, data in entities:
            (content / folder / f"{entity_id}.yml").write_text(to_yaml(data), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a valid synthetic prepkit kit.")
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    parser.add_argument("--interviews", type=int, required=True, help="number of interviews")
    parser.add_argument("--contacts", type=int, default=None,
                        help="number of contacts (default: as many as interviews)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    args = parser.parse_args(argv)
    try:
        write_kit(args.out_dir, args.interviews, args.contacts, args.seed)
    except (ValueError, FileExistsError) as error:
        parser.error(str(error))
    return 0


if __name__ == "__main__":
    sys.exit(main())
