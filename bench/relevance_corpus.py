"""The relevance benchmark's corpus and judged queries (written for this benchmark; no record text is copied).

Records are generated deterministically from hand-written topic material: each record has a primary
topic (and sometimes a secondary one), a country, a record family and a spelling convention (British
or American), so that the judgments can be stated as rules over these attributes instead of lists of
ids that silently go stale. Some records have no summary (title and keywords only), as many real case
records do; some carry numbers (portal numbers, source numbers, court file numbers, law numbers).

Judgments: grade 2 = on the query's topic (and country, where the query names one), grade 1 = on the
topic but another country, a case on the topic without a summary, or a secondary topic. Everything else
is not relevant.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

SEED = 20261203

# British -> American spelling of the words the topic text uses; a record written in "us" spelling
# gets the right-hand forms.
US_SPELLING = {
    "labour": "labor",
    "organised": "organized",
    "offence": "offense",
    "offences": "offenses",
    "programme": "program",
    "defence": "defense",
    "judgement": "judgment",
    "licence": "license",
    "licences": "licenses",
    "harbouring": "harboring",
    "neighbouring": "neighboring",
    "authorised": "authorized",
    "recognised": "recognized",
}


@dataclass
class Topic:
    key: str
    titles: list[str]  # {country} is replaced by the country's name
    sentences: list[str]
    keywords: list[str]
    families: tuple[str, ...] = ("case",)


TOPICS: list[Topic] = [
    Topic(
        "fishing",
        ["Forced labour on a fishing vessel", "Crew held at sea on a trawler", "Exploitation of fishermen"],
        [
            "The defendants recruited fishermen from neighbouring provinces with false promises of wages.",
            "The crew worked twenty hours a day on the fishing vessel and were not allowed to leave the boat "
            "for months.",
            "The captain kept the identity documents of the fishermen and withheld their wages.",
            "The court held that the conditions on board amounted to forced labour and trafficking in persons.",
            "Transhipment at sea allowed the trawler to avoid port inspections for more than a year.",
        ],
        ["forced labour", "fishing industry", "trafficking in persons"],
    ),
    Topic(
        "servitude",
        ["Domestic servitude in a private household", "Housemaid held in domestic servitude", "Domestic worker case"],
        [
            "The victim was recruited abroad as a domestic worker and her passport was confiscated on arrival.",
            "She worked without pay, was not allowed to leave the house and slept in the kitchen.",
            "The employer, a diplomat, claimed that the worker was a member of the family.",
            "The court described the situation as domestic servitude and ordered compensation.",
        ],
        ["domestic servitude", "passport confiscation", "labour exploitation"],
    ),
    Topic(
        "sexual",
        ["Trafficking for sexual exploitation", "Exploitation in nightclubs", "Recruitment through a modelling agency"],
        [
            "Young women were recruited through a modelling agency and then forced into prostitution in nightclubs.",
            "The accused used debt bondage and threats against the families of the victims.",
            "The victims testified with the support of a specialised victim assistance programme.",
            "The court convicted the accused of trafficking in persons for the purpose of sexual exploitation.",
        ],
        ["sexual exploitation", "trafficking in persons", "debt bondage"],
    ),
    Topic(
        "smuggling",
        ["Smuggling of migrants by sea", "Migrants on an overcrowded boat", "Boat crossing organiser convicted"],
        [
            "The accused organised the crossing of ninety migrants on an overcrowded boat without life jackets.",
            "The coast guard intercepted the vessel and rescued the passengers after the engine failed.",
            "Each migrant paid a fee to the smuggling network for the journey by sea.",
            "The court found the organiser guilty of smuggling of migrants with aggravating circumstances "
            "because lives were endangered.",
        ],
        ["smuggling of migrants", "sea", "aggravating circumstances"],
    ),
    Topic(
        "laundering",
        ["Money laundering by an organised crime group", "Laundering through shell companies", "Proceeds laundered"],
        [
            "The organised crime group laundered the proceeds of drug sales through shell companies and real estate.",
            "Financial investigators traced transfers between accounts in several jurisdictions.",
            "A currency exchange office converted cash into transfers abroad without reporting them.",
            "The court convicted the leaders of money laundering and participation in an organised criminal group.",
        ],
        ["money laundering", "organised crime", "shell companies"],
    ),
    Topic(
        "mla",
        ["Central authority for mutual legal assistance", "Ministry of Justice: international cooperation department"],
        [
            "Receives and transmits requests for mutual legal assistance in criminal matters.",
            "Designated as central authority under the Convention against Transnational Organized Crime.",
        ],
        ["mutual legal assistance", "central authority"],
        families=("authority",),
    ),
    Topic(
        "extradition",
        ["Extradition request granted", "Extradition refused for lack of dual criminality", "Surrender of a fugitive"],
        [
            "The requesting state sought the extradition of the accused for trafficking offences.",
            "The court examined whether the conduct was an offence in both states (dual criminality).",
            "Assurances about detention conditions were given through diplomatic channels.",
            "The court granted the request and ordered the surrender of the person sought.",
        ],
        ["extradition", "dual criminality"],
    ),
    Topic(
        "firearms",
        ["Illicit trafficking in firearms", "Illicit manufacturing of firearms", "Firearms parts smuggled"],
        [
            "The accused imported firearm parts without a licence and assembled pistols in a workshop.",
            "The serial numbers of the weapons had been removed.",
            "Ammunition and firearms were sold to members of a criminal gang.",
            "The court convicted the accused of illicit manufacturing of and trafficking in firearms.",
        ],
        ["firearms", "illicit manufacturing", "ammunition"],
    ),
    Topic(
        "bribery",
        ["Bribery of customs officials", "Corruption of public officials", "Bribes paid at the border"],
        [
            "The accused paid bribes to customs officials to let containers pass without inspection.",
            "The public officials received monthly payments through relatives.",
            "The court held that the payments were an undue advantage given to public officials.",
        ],
        ["corruption", "bribery", "public officials"],
    ),
    Topic(
        "cocaine",
        ["Cocaine concealed in shipping containers", "Cocaine seized at the port", "Drug trafficking through a port"],
        [
            "Cocaine was concealed in shipping containers of fruit that passed through the port.",
            "Dock workers removed the drugs before the containers were inspected.",
            "The shipment was tracked through a controlled delivery agreed with the destination country.",
            "The court sentenced the organisers for drug trafficking as part of an organised criminal group.",
        ],
        ["drug trafficking", "cocaine", "port"],
    ),
    Topic(
        "witness",
        ["Witness protection", "Protection of a cooperating witness", "Relocation of a witness"],
        [
            "The witness was admitted to the witness protection programme and relocated with his family.",
            "His identity was concealed during the trial and he testified by video link.",
            "The court weighed the anonymous testimony against the rights of the defence.",
        ],
        ["witness protection", "relocation"],
    ),
    Topic(
        "confiscation",
        ["Confiscation of proceeds of crime", "Asset confiscation order", "Freezing and confiscation"],
        [
            "The court ordered the confiscation of the proceeds of crime, including houses and vehicles.",
            "Assets held by relatives were frozen because the accused controlled them.",
            "The value of the confiscated property was given to a fund for victims.",
        ],
        ["confiscation", "proceeds of crime", "freezing"],
    ),
    Topic(
        "techniques",
        ["Special investigative techniques", "Controlled delivery and interception", "Undercover operation"],
        [
            "The investigation used a controlled delivery, interception of communications and an undercover agent.",
            "The defence argued that the interception was not authorised by a judge.",
            "The court found the special investigative techniques lawful and admitted the evidence.",
        ],
        ["special investigative techniques", "controlled delivery", "interception"],
    ),
    Topic(
        "organ",
        ["Trafficking in persons for the removal of organs", "Organ removal network", "Kidney sale scheme"],
        [
            "Poor donors were recruited to sell a kidney and taken abroad for the operation.",
            "Doctors and brokers shared the payments made by the recipients.",
            "The court convicted the network of trafficking in persons for the removal of organs.",
        ],
        ["organ removal", "trafficking in persons"],
    ),
    Topic(
        "wildlife",
        ["Ivory trafficking", "Wildlife trafficking network", "Pangolin scales seized"],
        [
            "Ivory and pangolin scales were hidden in timber shipments.",
            "The network bribed rangers and forged export permits.",
            "The court treated the wildlife trafficking as a serious crime committed by an organised group.",
        ],
        ["wildlife trafficking", "ivory", "pangolin"],
    ),
    Topic(
        "online",
        ["Online child sexual abuse material", "Livestreamed abuse of children", "Child abuse images shared online"],
        [
            "The accused paid to watch livestreamed sexual abuse of children.",
            "Investigators identified the accused through payment records and chat logs.",
            "The court convicted the accused of producing and distributing child sexual abuse material.",
        ],
        ["child sexual abuse material", "online", "livestreaming"],
    ),
    Topic(
        "nonpunish",
        ["Non-punishment of a trafficking victim", "Victim acquitted of drug offence", "Duress of a trafficked person"],
        [
            "The accused had been trafficked and forced to transport drugs by her exploiters.",
            "The defence of duress was raised because she acted under threat.",
            "The court applied the non-punishment principle and acquitted the victim.",
        ],
        ["non-punishment", "trafficking victim", "duress"],
    ),
    Topic(
        "jit",
        ["Joint investigation team", "Cross-border joint investigation", "Joint investigation agreement"],
        [
            "Prosecutors of two countries set up a joint investigation team to pursue the network.",
            "Evidence gathered by the joint investigation team was shared without a formal request.",
            "The court admitted the evidence gathered abroad by the joint investigation team.",
        ],
        ["joint investigation team", "international cooperation"],
    ),
    Topic(
        "participation",
        ["Participation in an organised criminal group", "Offence of participation", "Criminal association"],
        [
            "Whoever takes part in the activities of an organised criminal group knowing its aims commits an offence.",
            "The offence is punished with imprisonment from five to fifteen years.",
            "Organising or directing the group is an aggravated offence.",
        ],
        ["participation", "organised criminal group"],
        families=("provision", "case"),
    ),
]

COUNTRIES = {
    "BRA": "Brazil",
    "KEN": "Kenya",
    "PHL": "Philippines",
    "THA": "Thailand",
    "GBR": "United Kingdom",
    "USA": "United States of America",
    "NGA": "Nigeria",
    "MEX": "Mexico",
    "ITA": "Italy",
    "IDN": "Indonesia",
    "ZAF": "South Africa",
}
US_COUNTRIES = {"USA", "PHL", "MEX"}  # records "written" in American spelling (plus a few random others)


@dataclass
class Record:
    id: str  # document id "<kind>:<pk>"
    topic: str
    country: str
    title: str
    summary: str
    keywords: list[str]
    language: str = "en"
    secondary: str = ""
    numbers: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.id.split(":")[0]


def _spell(text: str, us: bool) -> str:
    if not us:
        return text
    out = []
    for word in text.split(" "):
        core = word.rstrip(".,;:)")
        tail = word[len(core) :]
        lower = core.lower()
        if lower in US_SPELLING:
            replacement = US_SPELLING[lower]
            core = replacement.capitalize() if core[0].isupper() else replacement
        out.append(core + tail)
    return " ".join(out)


# Hand-picked numbered records (the numbers real records carry): portal number, source number, court file
# number, law number.
NUMBERED = {
    ("fishing", "PHL"): ["PHL007", "2017/0345-12"],
    ("servitude", "KEN"): ["KEN003", "HCCR 123/2019"],
    ("smuggling", "BRA"): ["BRA016", "0001234-56.2018.4.03.6181"],
    ("participation", "BRA"): ["Law No. 13.344/2016"],
    ("smuggling", "THA"): ["THA021", "RG 4512/2016"],
    ("sexual", "NGA"): ["FHC/L/CS/1045/2018"],
}


def build_corpus() -> list[Record]:
    rng = random.Random(SEED)
    records: list[Record] = []
    counters = {"case": 0, "provision": 0, "authority": 0}
    countries = list(COUNTRIES)
    for topic in TOPICS:
        chosen = rng.sample(countries, 7)
        for i, country in enumerate(chosen):
            family = topic.families[i % len(topic.families)]
            counters[family] += 1
            pk = counters[family]
            us = country in US_COUNTRIES or rng.random() < 0.2
            title = topic.titles[i % len(topic.titles)]
            if family == "provision":
                title = f"{COUNTRIES[country]} Penal Code: Art. {100 + pk} {title}"
            elif family == "authority":
                title = f"{title} ({COUNTRIES[country]})"
            sentences = rng.sample(topic.sentences, k=min(len(topic.sentences), rng.randint(2, 4)))
            secondary = ""
            if rng.random() < 0.25:
                other = rng.choice([t for t in TOPICS if t.key != topic.key and t.families == ("case",)])
                sentences.append(rng.choice(other.sentences))
                secondary = other.key
            # Every fifth case has no summary: its title and keywords are all there is.
            summary = "" if family == "case" and i % 5 == 4 else " ".join(sentences)
            if family == "case" and summary:
                summary = f"The case was heard in {COUNTRIES[country]}. {summary}"
            record = Record(
                id=f"{family}:{pk}",
                topic=topic.key,
                country=country,
                title=_spell(title, us),
                summary=_spell(summary, us),
                keywords=[_spell(k, us) for k in topic.keywords],
                secondary=secondary,
                numbers=list(NUMBERED.get((topic.key, country), [])),
            )
            records.append(record)
    # Distractors: records that share single words with many queries but are about something else.
    for pk, (title, summary) in enumerate(
        [
            ("Fishing licence dispute", "An administrative dispute about a fishing licence between two companies."),
            ("Sea port concession", "A concession contract for a container port; no criminal matter was involved."),
            ("Labour court ruling on overtime", "Employees of a factory claimed overtime pay before the labour court."),
            ("Public officials' pay scale", "A regulation on the pay of public officials in the customs service."),
            ("Vessel registration rules", "Rules on the registration of vessels and of their crew lists."),
            ("Protection of the central bank's reserves", "The central bank manages the legal reserves of banks."),
        ],
        start=counters["case"] + 1,
    ):
        records.append(Record(f"case:{pk}", "distractor", "ZAF", title, summary, []))
    # Two Spanish records and one French record: function words of other languages.
    base = counters["case"] + 50
    records.append(
        Record(
            f"case:{base}",
            "fishing",
            "MEX",
            "Trabajo forzoso en un buque pesquero",
            "Los pescadores fueron reclutados con engaños y obligados a trabajar en el buque sin salario. "
            "El tribunal condenó a los acusados por la trata de personas con fines de explotación laboral.",
            ["trabajo forzoso", "trata de personas"],
            language="es",
        )
    )
    records.append(
        Record(
            f"case:{base + 1}",
            "smuggling",
            "MEX",
            "Tráfico ilícito de migrantes por tierra",
            "Los acusados transportaron a migrantes en un camión cerrado a través de la frontera a cambio de un pago.",
            ["tráfico ilícito de migrantes"],
            language="es",
        )
    )
    records.append(
        Record(
            f"case:{base + 2}",
            "servitude",
            "FRA",
            "Servitude domestique d'une employée de maison",
            "La victime travaillait sans salaire au domicile de ses employeurs, qui avaient confisqué son passeport.",
            ["servitude domestique", "traite des êtres humains"],
            language="fr",
        )
    )
    return records


Judge = Callable[[Record], int]


def topic(key: str, country: str | None = None) -> Judge:
    """Grade 2 on the topic (and in the country, when given); 1 on the topic elsewhere or as a secondary topic."""

    def judge(record: Record) -> int:
        if record.topic == key:
            # A case without a summary tells a practitioner less than one that describes the facts.
            full = record.summary or record.kind != "case"
            return 2 if (country is None or record.country == country) and full else 1
        return 1 if record.secondary == key else 0

    return judge


def spanish(key: str) -> Judge:
    """A Spanish query: the Spanish records on the topic (the English ones are not what was asked)."""
    return lambda record: 2 if record.topic == key and record.language == "es" else 0


def number(value: str) -> Judge:
    return lambda record: 2 if value in record.numbers else 0


# (category, query text, judge). Categories: topic (practitioner phrasing), spelling (the other
# convention than most records), partial (one word no record has), function (function words), numbers.
QUERIES: list[tuple[str, str, Judge]] = [
    ("topic", "forced labour fishing vessel", topic("fishing")),
    ("topic", "domestic servitude passport confiscation", topic("servitude")),
    ("topic", "trafficking sexual exploitation nightclubs", topic("sexual")),
    ("topic", "organised crime group money laundering", topic("laundering")),
    ("topic", "central authority mutual legal assistance Brazil", topic("mla", "BRA")),
    ("topic", "extradition dual criminality", topic("extradition")),
    ("topic", "illicit manufacturing firearms", topic("firearms")),
    ("topic", "bribery customs officials", topic("bribery")),
    ("topic", "cocaine shipping containers port", topic("cocaine")),
    ("topic", "witness protection relocation", topic("witness")),
    ("topic", "confiscation proceeds of crime", topic("confiscation")),
    ("topic", "controlled delivery interception", topic("techniques")),
    ("topic", "trafficking organ removal kidney", topic("organ")),
    ("topic", "ivory pangolin wildlife trafficking", topic("wildlife")),
    ("topic", "livestreamed child sexual abuse", topic("online")),
    ("topic", "joint investigation team evidence", topic("jit")),
    ("spelling", "forced labor fishing", topic("fishing")),
    ("spelling", "organized criminal group participation offense", topic("participation")),
    ("spelling", "witness protection program", topic("witness")),
    ("spelling", "defense of duress trafficking victim", topic("nonpunish")),
    ("spelling", "firearms parts without a license", topic("firearms")),
    ("spelling", "labour exploitation domestic worker", topic("servitude")),
    ("partial", "forced labour fishing vessel Namibia", topic("fishing")),
    ("partial", "domestic servitude diplomat embassy passport", topic("servitude")),
    ("partial", "migrants boat capsized coast guard", topic("smuggling")),
    ("partial", "money laundering casino shell companies", topic("laundering")),
    ("partial", "extradition fugitive hunger strike", topic("extradition")),
    ("partial", "non-punishment principle trafficked courier acquitted", topic("nonpunish")),
    ("function", "the smuggling of the migrants by the sea", topic("smuggling")),
    ("function", "removal of the organs of the poor donors", topic("organ")),
    ("function", "la trata de personas en el buque pesquero", spanish("fishing")),
    ("numbers", "BRA016", number("BRA016")),
    ("numbers", "2017/0345-12", number("2017/0345-12")),
    ("numbers", "HCCR 123/2019", number("HCCR 123/2019")),
    ("numbers", "Law No. 13.344", number("Law No. 13.344/2016")),
    ("numbers", "FHC/L/CS/1045/2018", number("FHC/L/CS/1045/2018")),
    ("numbers", "RG 4512/2016 smuggling", number("RG 4512/2016")),
]
