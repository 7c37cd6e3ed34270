"""Demo article guidance: a few articles in two or three languages, written for the demo data set (each
text says so in its sources) so the article pages, the search and the API show the family. Not UNODC's
Legislative Guide: short paraphrases of what the articles say, in the style of such a guide.

Idempotent by external id (`demo-guidance-untoc-5-fr`); bulk-written without signals like the rest of the
demo (rebuild the index after); deleted with the other demo records.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from guidance.models import ArticleGuidance
from sherloc import richtext
from sherloc.models import PublicationStatus
from taxonomy.models import Article, Language

DEMO_NOTE = {
    "en": "Demonstration text written for the portal's demo data set; not an official UNODC publication.",
    "fr": "Texte de démonstration rédigé pour le jeu de données de démonstration du portail ; "
    "ce n'est pas une publication officielle de l'ONUDC.",
    "es": "Texto de demostración redactado para el conjunto de datos de demostración del portal; "
    "no es una publicación oficial de la UNODC.",
    "ar": "نص تجريبي كُتب لمجموعة البيانات التجريبية للبوابة؛ وليس منشوراً رسمياً صادراً عن مكتب الأمم المتحدة "
    "المعني بالمخدرات والجريمة.",
}

# (article code, language): (requirements, mandatory measures, optional measures, drafting points)
TEXTS: dict[tuple[str, str], tuple[str, str, str, str]] = {
    ("UNTOC-5", "en"): (
        "Article 5 requires States parties to make participation in an organized criminal group a criminal "
        "offence, whatever the offences the group goes on to commit.\n\nIt offers two models, which a State "
        "may adopt alone or together: the agreement (conspiracy) model and the participation model.",
        "<ul><li>Criminalize agreeing with one or more persons to commit a serious crime for a purpose "
        "relating to a financial or other material benefit; and/or</li><li>criminalize taking an active part "
        "in the criminal activities of the group, or in its other activities knowing that this contributes "
        "to its criminal aim;</li><li>criminalize organizing, directing, aiding, abetting, facilitating or "
        "counselling the commission of serious crime involving such a group.</li></ul>",
        "Requiring an act by one of the participants in furtherance of the agreement, or the involvement of "
        "an organized criminal group, where domestic law already does so.",
        "Align the definitions of 'organized criminal group' and 'serious crime' with article 2. Knowledge "
        "and intent may be inferred from objective factual circumstances (paragraph 2). Do not require "
        "transnationality or the group's involvement as elements of the domestic offence (article 34(2)).",
    ),
    ("UNTOC-5", "fr"): (
        "L'article 5 impose aux États parties d'incriminer la participation à un groupe criminel organisé, "
        "indépendamment des infractions que le groupe commet ensuite.\n\nIl propose deux modèles, que l'État "
        "peut retenir seuls ou ensemble : l'entente et la participation aux activités du groupe.",
        "<ul><li>Incriminer le fait de s'entendre avec une ou plusieurs personnes en vue de commettre une "
        "infraction grave à une fin liée à l'obtention d'un avantage financier ou matériel ;</li><li>et/ou "
        "le fait de prendre une part active aux activités criminelles du groupe ;</li><li>incriminer le "
        "fait d'organiser, de diriger, de faciliter ou de conseiller la commission d'une infraction grave "
        "impliquant un tel groupe.</li></ul>",
        "Exiger un acte commis par un participant en vue de la réalisation de l'entente, lorsque le droit "
        "interne le prévoit déjà.",
        "Aligner les définitions de « groupe criminel organisé » et d'« infraction grave » sur l'article 2. "
        "L'élément intentionnel peut être déduit de circonstances factuelles objectives (paragraphe 2).",
    ),
    ("UNTOC-5", "ar"): (
        "تُلزم المادة 5 الدول الأطراف بتجريم المشاركة في جماعة إجرامية منظمة، بصرف النظر عن الجرائم التي "
        "ترتكبها الجماعة لاحقاً.\n\nوتعرض المادة نموذجين يجوز للدولة أن تأخذ بأحدهما أو بكليهما: نموذج "
        "الاتفاق ونموذج المشاركة في أنشطة الجماعة.",
        "<ul><li>تجريم الاتفاق مع شخص آخر أو أكثر على ارتكاب جريمة خطيرة لغرض له صلة بالحصول على منفعة مالية "
        "أو مادية؛</li><li>و/أو تجريم القيام بدور فاعل في الأنشطة الإجرامية للجماعة؛</li><li>تجريم تنظيم "
        "ارتكاب جريمة خطيرة تكون ضالعة فيها جماعة إجرامية منظمة أو الإشراف عليه أو تيسيره.</li></ul>",
        "اشتراط قيام أحد المشاركين بفعل يساعد على تنفيذ الاتفاق، إذا كان القانون الداخلي يشترط ذلك.",
        "مواءمة تعريفي «الجماعة الإجرامية المنظمة» و«الجريمة الخطيرة» مع المادة 2. ويجوز استنتاج العلم "
        "والقصد من الملابسات الوقائعية الموضوعية (الفقرة 2).",
    ),
    ("UNTOC-6", "en"): (
        "Article 6 requires States parties to criminalize the laundering of the proceeds of crime, applied "
        "to the widest range of predicate offences.",
        "<ul><li>Conversion or transfer of property known to be proceeds of crime, to conceal its illicit "
        "origin;</li><li>concealment or disguise of its nature, source, location or ownership;</li><li>"
        "subject to the basic concepts of the legal system, acquisition, possession or use of such property, "
        "and participation in, attempts at and aiding the above.</li></ul>",
        "Excluding self-laundering where the fundamental principles of domestic law require it (paragraph 2(e)).",
        "Include offences committed abroad as predicate offences when the conduct is criminal in both "
        "States (paragraph 2(c)). Furnish copies of the laws to the Secretary-General (paragraph 2(d)).",
    ),
    ("UNTOC-6", "es"): (
        "El artículo 6 exige a los Estados parte tipificar como delito el blanqueo del producto del delito, "
        "aplicado a la gama más amplia posible de delitos determinantes.",
        "<ul><li>La conversión o la transferencia de bienes a sabiendas de que son producto del delito, con "
        "el propósito de ocultar su origen ilícito;</li><li>la ocultación o el disimulo de su naturaleza, "
        "origen, ubicación o propiedad.</li></ul>",
        "Excluir el autoblanqueo cuando así lo requieran los principios fundamentales del derecho interno.",
        "Incluir como delitos determinantes los cometidos en el extranjero cuando el acto sea delito en ambos Estados.",
    ),
    ("UNTOC-18", "en"): (
        "Article 18 requires States parties to afford one another the widest measure of mutual legal "
        "assistance in investigations, prosecutions and judicial proceedings for the offences the "
        "Convention covers.",
        "<ul><li>Designate a central authority to receive requests and notify the Secretary-General of it "
        "(paragraph 13);</li><li>do not refuse assistance on the ground of bank secrecy (paragraph 8) or "
        "solely because the offence involves fiscal matters (paragraph 22).</li></ul>",
        "Allowing requests through INTERPOL in urgent cases, hearings by video conference (paragraph 18), "
        "and assistance in the absence of dual criminality (paragraph 9).",
        "Where no treaty binds the States concerned, paragraphs 9 to 29 apply as a 'mini-treaty': national "
        "law should let the central authority act on them directly.",
    ),
    ("TIP-5", "en"): (
        "Article 5 of the Trafficking in Persons Protocol requires States parties to criminalize trafficking "
        "in persons as defined in its article 3, when committed intentionally.",
        "<ul><li>Criminalize the conduct of article 3 (act, means and purpose; for a child, act and purpose "
        "suffice);</li><li>attempting, participating as an accomplice, organizing or directing others to "
        "commit it.</li></ul>",
        "Extending liability to attempts where the basic concepts of the legal system do not provide for it.",
        "The consent of a victim to the intended exploitation is irrelevant once any of the means has been "
        "used (article 3(b)). Do not require transnationality or an organized criminal group.",
    ),
    ("TIP-5", "fr"): (
        "L'article 5 du Protocole relatif à la traite des personnes impose d'incriminer la traite telle que "
        "la définit son article 3, lorsqu'elle est commise intentionnellement.",
        "<ul><li>Incriminer les actes de l'article 3 (acte, moyen et but ; pour un enfant, l'acte et le but "
        "suffisent) ;</li><li>la tentative, la complicité et le fait d'organiser ou de diriger la "
        "commission de l'infraction.</li></ul>",
        "",
        "Le consentement de la victime à l'exploitation envisagée est indifférent lorsque l'un des moyens a "
        "été utilisé. Ne pas exiger de caractère transnational ni de groupe criminel organisé.",
    ),
}


def external_id(prefix: str, code: str, language: str) -> str:
    return f"{prefix}guidance-{code.lower()}-{language}"


def write_guidance(prefix: str, report: Any) -> None:
    """Create the demo guidance that is not there yet (by external id)."""
    articles = dict(Article.objects.filter(code__in={code for code, _ in TEXTS}).values_list("code", "pk"))
    languages = dict(Language.objects.values_list("code", "pk"))
    existing = set(
        ArticleGuidance.objects.filter(external_id__startswith=f"{prefix}guidance-").values_list(
            "external_id", flat=True
        )
    )
    now = timezone.now()
    built = []
    for (code, language), (requirements, mandatory, optional, drafting) in TEXTS.items():
        ext = external_id(prefix, code, language)
        if ext in existing:
            report.skipped["guidance"] += 1
            continue
        if code not in articles or language not in languages:
            continue
        built.append(
            ArticleGuidance(
                external_id=ext,
                article_id=articles[code],
                language=language,
                original_language_id=languages[language],
                requirements=requirements,
                mandatory_measures=richtext.clean(mandatory),
                optional_measures=optional,
                drafting_points=drafting,
                sources=DEMO_NOTE.get(language, DEMO_NOTE["en"]),
                status=PublicationStatus.PUBLISHED,
                published_at=now,
                source="Demo data",
                provenance="Written for the demo data set (demo/guidance.py).",
            )
        )
    ArticleGuidance.objects.bulk_create(built)
    report.created["guidance"] += len(built)


def delete(prefix: str, raw_delete: Any) -> dict[str, int]:
    """Delete the demo guidance and its history rows (inside the caller's transaction)."""
    raw_delete(ArticleGuidance.history.model.objects.filter(external_id__startswith=f"{prefix}guidance-"))
    return {"guidance": raw_delete(ArticleGuidance.objects.filter(external_id__startswith=f"{prefix}guidance-"))}
