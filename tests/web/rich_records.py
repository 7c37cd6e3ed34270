"""Published records whose rich-text fields hold HTML, plain text with paragraphs, and both mixed: one of
every record type, for the page tests (tests/web/test_rich_text_pages.py) and the browser check
(tests/browser/test_rich_text.py). Summaries are written like real SHERLOC ones: plain text, blank lines
between paragraphs, a "<" used as a character.
"""

from __future__ import annotations

from dataclasses import dataclass

from sherloc.models import PublicationStatus
from tests.factories import AuthorityFactory, CaseFactory, LawFactory, ProvisionFactory, country, lang

# Plain text: three paragraphs, the second with a line break inside it.
FACTS_PARAGRAPHS = [
    "Between 2015 and 2017 the defendants recruited workers from rural areas with offers of well-paid work "
    "at a stone quarry.",
    "On arrival the workers' documents were taken & their wages withheld to repay travel debts.\n"
    "Two of the victims were under 18 (age < 18) when they were recruited.",
    "Labour inspectors found the workers during a raid in March 2017.",
]
FACTS = "\n\n".join(FACTS_PARAGRAPHS)
# Sanitised HTML: paragraphs, emphasis and a list; a script and an event handler that must not survive.
COMMENTARY = (
    "<p>The first conviction for <strong>debt bondage</strong> under the 2016 law.</p>"
    '<ul><li>Consent of the victims held <em>irrelevant</em>.</li><li onclick="steal()">Quarry owner liable.</li></ul>'
    "<script>alert('commentary')</script>"
)
# Mixed: an HTML paragraph followed by typed plain-text paragraphs.
REASONING_PARAGRAPHS = [
    "The court applied article 149-A of the Penal Code.",
    "Deception about the conditions of work is a means of trafficking.",
    "The withheld wages were the purpose of exploitation.",
]
REASONING = (
    f"<p>{REASONING_PARAGRAPHS[0]}</p>\n\n{REASONING_PARAGRAPHS[1]}\n\n"
    "<b>The withheld wages</b> were the purpose of exploitation."
)

PROVISION_HTML = (
    "<p>Recrutar ou alojar pessoa mediante <strong>fraude</strong> para fins de exploração.</p>"
    "<ol><li>trabalho escravo;</li><li>servidão.</li></ol>"
)
PROVISION_EN_PARAGRAPHS = [
    "To recruit or house a person by fraud for the purpose of exploitation in a quarry.",
    "The penalty is increased by one third when the victim is a child (age < 18).",
]
PROVISION_EN = "\n\n".join(PROVISION_EN_PARAGRAPHS)
PROVISION_PLAIN_PARAGRAPHS = ["Os bens apreendidos serão perdidos.", "O juiz decidirá sobre a destinação."]

LEGAL_REQUIREMENTS = (
    "<p>Requests must cite the <strong>treaty</strong> or reciprocity.</p><p>Dual criminality applies.</p>"
)
PROCEDURAL_PARAGRAPHS = [
    "Send requests in Portuguese or English.",
    "Urgent requests may be sent by e-mail,\nfollowed by the original.",
]


@dataclass
class RichRecords:
    law: object
    provision_html: object
    provision_plain: object
    case: object
    authority: object


def build_rich_records() -> RichRecords:
    """One published law (two provisions), case and authority in Brazil, tagged with TIP-3."""
    from taxonomy.models import Language

    pt = Language.objects.get_or_create(code="pt", defaults={"label": "Portuguese"})[0]
    law = LawFactory(title="Law on Trafficking in Persons (rich text)", number="13.344/2016", original_language=pt)
    provision_html = ProvisionFactory(
        law=law,
        order=1,
        label="Art. 149-A",
        heading="Tráfico de pessoas",
        text=PROVISION_HTML,
        text_en=PROVISION_EN,
        language=pt,
        tags={"articles": ["TIP-3"], "crime_types": ["trafficking-in-persons"]},
    )
    provision_plain = ProvisionFactory(
        law=law,
        order=2,
        label="Art. 7",
        heading="Perdimento de bens",
        text="\n\n".join(PROVISION_PLAIN_PARAGRAPHS),
        language=pt,
        tags={"articles": ["TIP-3"]},
    )
    case = CaseFactory(
        title="Public Prosecutor v. Quarry Owners",
        country=country("BRA"),
        original_language=lang("en"),
        fact_summary=FACTS,
        commentary=COMMENTARY,
        legal_reasoning=REASONING,
        sentence="Six years of imprisonment.",
        status=PublicationStatus.PUBLISHED,
        tags={"articles": ["TIP-3"], "crime_types": ["trafficking-in-persons"]},
    )
    authority = AuthorityFactory(
        name="Department of Asset Recovery (rich text)",
        country=country("BRA"),
        legal_requirements=LEGAL_REQUIREMENTS,
        procedural_requirements="\n\n".join(PROCEDURAL_PARAGRAPHS),
        articles=["TIP-3"],
    )
    return RichRecords(law, provision_html, provision_plain, case, authority)
