"""Each country's facts, heard by voice in its locale; docs/content.md maps each one.

A row of the per-locale tables in docs/content.md names a fact here by its id; a fact with
no row, or a row with no fact, fails.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from skill.settings import Settings
from skill.simulator import Conversation

ROOT = Path(__file__).resolve().parents[2]
ROW = re.compile(r"^\| (?P<id>(?:GB|CA|AU|IN)\d+) \| [^|]+ \| [^|]+ \| (?P<intent>\w+) \|")

#: (id, locale, what is said, in turn, the intent the first reaches, words the last answer says)
FACTS = [
    ("GB1", "en-GB", ["does the NHS pay for a second opinion"], "InsuranceOverviewIntent", "free"),
    ("GB2", "en-GB", ["how does going private work"], "InsurancePlanRulesIntent", "can't mix"),
    (
        "GB3",
        "en-GB",
        ["does medicare cover a second opinion"],
        "MedicareIntent",
        "isn't a legal right",
    ),
    (
        "GB4",
        "en-GB",
        ["will my doctor be upset if i ask for a second opinion"],
        "DoctorReactionIntent",
        "GMC",
    ),
    (
        "GB5",
        "en-GB",
        ["how do i make a subject access request"],
        "RecordsRightsIntent",
        "one month",
    ),
    ("GB6", "en-GB", ["how do i ask for a referral"], "AskForReferralIntent", "new referral"),
    (
        "GB7",
        "en-GB",
        ["where can i find names of specialists"],
        "SpecialistSourcesIntent",
        "e-Referral",
    ),
    (
        "GB8",
        "en-GB",
        ["my GP won't refer me for a second opinion"],
        "InsuranceDenialIntent",
        "another GP",
    ),
    (
        "GB9",
        "en-GB",
        ["my mum's treatment isn't working", "yes"],
        "TreatmentNotWorkingIntent",
        "Martha's Rule",
    ),
    (
        "CA1",
        "en-CA",
        ["is a second opinion covered by my provincial plan"],
        "InsuranceOverviewIntent",
        "provincial health plan",
    ),
    ("CA2", "en-CA", ["does medicare cover a second opinion"], "MedicareIntent", "provincial"),
    ("CA3", "en-CA", ["what are my rights to my records"], "RecordsRightsIntent", "30 days"),
    ("CA4", "en-CA", ["what should i check about a doctor"], "SpecialistCredentialsIntent", "CPSO"),
    (
        "CA5",
        "en-CA",
        ["my family doctor won't refer me"],
        "InsuranceDenialIntent",
        "right to question",
    ),
    ("AU1", "en-AU", ["does medicare cover a second opinion"], "MedicareIntent", "rebate"),
    (
        "AU2",
        "en-AU",
        ["does the specialist bulk bill"],
        "SecondOpinionCostIntent",
        "public patient",
    ),
    ("AU3", "en-AU", ["how long does a referral last"], "InsurancePlanRulesIntent", "12 months"),
    ("AU4", "en-AU", ["what are my rights to my records"], "RecordsRightsIntent", "30 days"),
    ("AU5", "en-AU", ["how do i get my records sent"], "RecordsRequestIntent", "My Health Record"),
    (
        "AU6",
        "en-AU",
        ["what should i check about a doctor"],
        "SpecialistCredentialsIntent",
        "Medical Board",
    ),
    (
        "AU7",
        "en-AU",
        ["my treatment isn't working", "yes"],
        "TreatmentNotWorkingIntent",
        "Ryan's Rule",
    ),
    (
        "IN1",
        "en-IN",
        ["will my mediclaim pay for a second opinion"],
        "InsuranceOverviewIntent",
        "policy wording",
    ),
    ("IN2", "en-IN", ["how does cashless treatment work"], "InsurancePlanRulesIntent", "five lakh"),
    ("IN3", "en-IN", ["what are my rights to my records"], "RecordsRightsIntent", "72 hours"),
    ("IN4", "en-IN", ["where can i find names of specialists"], "SpecialistSourcesIntent", "NABH"),
    (
        "IN5",
        "en-IN",
        ["what should i check about a doctor"],
        "SpecialistCredentialsIntent",
        "National Medical Register",
    ),
    (
        "IN6",
        "en-IN",
        ["will my doctor be upset if i ask for a second opinion"],
        "DoctorReactionIntent",
        "Charter",
    ),
]


def content_rows() -> dict[str, str]:
    lines = (ROOT / "docs" / "content.md").read_text(encoding="utf-8").splitlines()
    return {m["id"]: m["intent"] for line in lines if (m := ROW.match(line))}


@pytest.mark.parametrize("fact,locale,said,intent,heard", FACTS, ids=[f[0] for f in FACTS])
def test_country_fact(fact, locale, said, intent, heard):
    alexa = Conversation(locale=locale, settings=Settings(verify=False, store="memory"))
    turns = [alexa.say(words) for words in said]
    assert turns[0].intent == intent
    assert heard in turns[-1].speech, turns[-1].speech


def test_every_country_fact_has_a_row_in_the_content_map():
    rows = content_rows()
    assert sorted(rows) == sorted(fact for fact, *_ in FACTS)
    for fact, _, _, intent, _ in FACTS:
        assert rows[fact] == intent, f"{fact}: docs/content.md names another intent"
