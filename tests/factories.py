"""factory-boy factories for every record family. Vocabulary terms come from the real reference data
(loaded by tests/conftest.py), looked up by code, so tests exercise real codes."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model

from authorities.models import AuthorityArticle, CompetentAuthority
from bibliography.models import Publication, PublicationArticle, PublicationAuthor
from caselaw.models import Case, CaseArticle, Charge, Court, CourtLevel, Person, PersonRole
from guidance.models import ArticleGuidance
from legislation.models import Law, Provision, ProvisionArticle
from sherloc.models import PublicationStatus
from strategies.models import ExplanatoryMaterial, MaterialArticle, Strategy, StrategyArticle
from taxonomy.models import Article, AuthorityRole, Country, CrimeType, Instrument, Issue, Language


def lang(code: str = "en") -> Language:
    return Language.objects.get(code=code)


def country(alpha3: str = "BRA") -> Country:
    return Country.objects.get(alpha3=alpha3)


def article(code: str = "TIP-3") -> Article:
    return Article.objects.get(code=code)


def crime(code: str = "trafficking-in-persons") -> CrimeType:
    return CrimeType.objects.get(code=code)


def issue(code: str) -> Issue:
    return Issue.objects.get(code=code)


def apply_tags(record: object, through: type, fk: str, tags: dict) -> None:
    """Article tags (code or (code, paragraph)), crime types and issues by code, as factories take them."""
    for ref in tags.get("articles", []):
        code, para = (ref, "") if isinstance(ref, str) else ref
        through.objects.create(**{fk: record}, article=article(code), paragraph=para)
    record.crime_types.set(CrimeType.objects.filter(code__in=tags.get("crime_types", [])))
    record.issues.set(Issue.objects.filter(code__in=tags.get("issues", [])))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def groups(self, create: bool, extracted: list[str] | None, **kwargs) -> None:  # noqa: ANN003
        """groups=["practitioners"]: group names, created if missing."""
        from django.contrib.auth.models import Group

        for name in (extracted or []) if create else []:
            self.groups.add(Group.objects.get_or_create(name=name)[0])


class LawFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Law
        skip_postgeneration_save = True

    country = factory.LazyFunction(country)
    title = factory.Sequence(lambda n: f"Act on the Prevention of Organized Crime No. {n}")
    number = factory.Sequence(lambda n: f"{n}/2016")
    adoption_date = dt.date(2016, 10, 6)
    entry_into_force_date = dt.date(2016, 11, 20)
    original_language = factory.LazyFunction(lang)
    status = PublicationStatus.PUBLISHED


class ProvisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provision
        skip_postgeneration_save = True

    law = factory.SubFactory(LawFactory)
    order = factory.Sequence(lambda n: n + 1)
    label = factory.LazyAttribute(lambda p: f"Art. {p.order}")
    heading = "Trafficking in persons"
    text = "Whoever recruits, transports or harbours a person by means of threat for the purpose of exploitation."
    language = factory.LazyFunction(lang)

    @factory.post_generation
    def tags(self, create: bool, extracted: dict | None, **kwargs) -> None:  # noqa: ANN003
        """tags={"articles": ["TIP-3", ("UNTOC-18", "13")], "crime_types": [...], "issues": [...]}"""
        if create and extracted:
            apply_tags(self, ProvisionArticle, "provision", extracted)


class CourtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Court
        skip_postgeneration_save = True
        django_get_or_create = ("country", "name")

    country = factory.LazyFunction(country)
    name = "Federal Regional Court, 3rd Region"
    level = CourtLevel.APPEAL


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Public Prosecutor v. Defendant {n}")
    portal_number = factory.Sequence(lambda n: f"TST{n:05d}")
    country = factory.LazyFunction(country)
    court = factory.SubFactory(CourtFactory, country=factory.SelfAttribute("..country"))
    decision_date = dt.date(2019, 5, 14)
    decision_date_precision = "day"
    procedural_stage = "trial"
    case_number = factory.Sequence(lambda n: f"0001{n}-22.2019")
    original_language = factory.LazyFunction(lang)
    fact_summary = "The defendants recruited women with false job offers and transported them across the border."
    status = PublicationStatus.PUBLISHED

    @factory.post_generation
    def tags(self, create: bool, extracted: dict | None, **kwargs) -> None:  # noqa: ANN003
        """As ProvisionFactory.tags."""
        if create and extracted:
            apply_tags(self, CaseArticle, "case", extracted)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    case = factory.SubFactory(CaseFactory)
    role = PersonRole.DEFENDANT
    name = factory.Sequence(lambda n: f"Defendant {n}")


class ChargeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Charge
        skip_postgeneration_save = True

    defendant = factory.SubFactory(PersonFactory)
    case = factory.SelfAttribute("defendant.case")
    statute = "Penal Code art. 149-A"


class AuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompetentAuthority
        skip_postgeneration_save = True

    country = factory.LazyFunction(country)
    name = factory.Sequence(lambda n: f"Department of Asset Recovery and International Legal Cooperation {n}")
    original_language = factory.LazyFunction(lang)
    email = "central.authority@example.gov"
    phone = "+55 61 2025 0000"
    status = PublicationStatus.PUBLISHED

    @factory.post_generation
    def roles(self, create: bool, extracted: list[str] | None, **kwargs) -> None:  # noqa: ANN003
        if create:
            self.roles.set(AuthorityRole.objects.filter(code__in=extracted or ["mla-central"]))

    @factory.post_generation
    def articles(self, create: bool, extracted: list | None, **kwargs) -> None:  # noqa: ANN003
        for ref in (extracted or []) if create else []:
            code, para = (ref, "") if isinstance(ref, str) else ref
            AuthorityArticle.objects.create(authority=self, article=article(code), paragraph=para)


class StrategyFactory(factory.django.DjangoModelFactory):
    """tags={"articles": [...], "crime_types": [...], "issues": [...]}; covered=["FRA", ...] (alpha-3)."""

    class Meta:
        model = Strategy
        skip_postgeneration_save = True

    country = factory.LazyFunction(country)
    title = factory.Sequence(lambda n: f"National Strategy against Organized Crime {n}")
    issuing_body = "Council of Ministers"
    adoption_date = dt.date(2021, 3, 15)
    period_start = dt.date(2021, 1, 1)
    period_end = dt.date(2030, 12, 31)
    summary = "Prevention, prosecution and international cooperation against organized criminal groups."
    original_language = factory.LazyFunction(lang)
    status = PublicationStatus.PUBLISHED

    @factory.post_generation
    def tags(self, create: bool, extracted: dict | None, **kwargs) -> None:  # noqa: ANN003
        if create and extracted:
            apply_tags(self, StrategyArticle, "strategy", extracted)

    @factory.post_generation
    def covered(self, create: bool, extracted: list[str] | None, **kwargs) -> None:  # noqa: ANN003
        if create and extracted:
            self.covered_countries.set(Country.objects.filter(alpha3__in=extracted))


class MaterialFactory(factory.django.DjangoModelFactory):
    """An explanatory memorandum of a (published) law; tags as StrategyFactory's."""

    class Meta:
        model = ExplanatoryMaterial
        skip_postgeneration_save = True

    law = factory.SubFactory(LawFactory)
    title = factory.Sequence(lambda n: f"Explanatory memorandum to the organized crime bill {n}")
    date = dt.date(2016, 5, 2)
    summary = "Explains the new offences and the special investigative techniques the bill introduces."
    original_language = factory.LazyFunction(lang)
    status = PublicationStatus.PUBLISHED

    @factory.post_generation
    def tags(self, create: bool, extracted: dict | None, **kwargs) -> None:  # noqa: ANN003
        if create and extracted:
            apply_tags(self, MaterialArticle, "material", extracted)


class PublicationFactory(factory.django.DjangoModelFactory):
    """A journal article of the bibliography. authors=[("Shelley", "Louise"), "UNODC"] (a str is an
    organisation); tags as StrategyFactory's; covered=["BRA", ...] (alpha-3)."""

    class Meta:
        model = Publication
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Human trafficking networks and their finances: a study {n}")
    year = 2019
    publication_type = "article"
    container_title = "Trends in Organized Crime"
    volume = "22"
    issue = "3"
    pages = "245-267"
    publisher = "Springer"
    synopsis = "Follows the money of trafficking networks through court files and interviews with investigators."
    research_method = "qualitative"
    keywords = factory.LazyFunction(lambda: ["financial investigation", "money laundering"])
    original_language = factory.LazyFunction(lang)
    status = PublicationStatus.PUBLISHED

    @factory.post_generation
    def authors(self, create: bool, extracted: list | None, **kwargs) -> None:  # noqa: ANN003
        names = [("Shelley", "Louise")] if extracted is None else extracted
        for position, name in enumerate(names if create else [], start=1):
            person = {"literal": name} if isinstance(name, str) else {"family": name[0], "given": name[1]}
            PublicationAuthor.objects.create(publication=self, position=position, **person)

    @factory.post_generation
    def tags(self, create: bool, extracted: dict | None, **kwargs) -> None:  # noqa: ANN003
        if create and extracted:
            apply_tags(self, PublicationArticle, "publication", extracted)

    @factory.post_generation
    def covered(self, create: bool, extracted: list[str] | None, **kwargs) -> None:  # noqa: ANN003
        if create and extracted:
            self.countries.set(Country.objects.filter(alpha3__in=extracted))


class GuidanceFactory(factory.django.DjangoModelFactory):
    """Published English guidance on UNTOC article 5: GuidanceFactory(article=article("UNTOC-6"), language="fr")."""

    class Meta:
        model = ArticleGuidance

    article = factory.LazyFunction(lambda: article("UNTOC-5"))
    language = "en"
    requirements = "States shall criminalize participation in an organized criminal group."
    mandatory_measures = "<ul><li>The offence of agreeing to commit a serious crime, or of taking part.</li></ul>"
    optional_measures = "Requiring an act in furtherance of the agreement."
    drafting_points = "Align the definition of 'organized criminal group' with article 2(a)."
    sources = "Legislative Guide, paras. 45-78."
    status = PublicationStatus.PUBLISHED
    original_language = factory.LazyAttribute(lambda g: lang(g.language))


class ApiTokenFactory(factory.django.DjangoModelFactory):
    """An issued API token. The plain key exists only at issue time: it is on the instance as `.key`.

    ApiTokenFactory(scopes=["submit"], user=fp).key -> "shl_1a2b3c4d_..."
    """

    class Meta:
        model = "apikeys.ApiToken"

    name = factory.Sequence(lambda n: f"Client system {n}")
    user = factory.SubFactory(UserFactory)
    scopes = factory.LazyFunction(list)

    @classmethod
    def _create(cls, model_class: type, *args, **kwargs) -> object:  # noqa: ANN002, ANN003
        token, key = model_class.issue(**kwargs)
        token.key = key
        return token


class FocalPointFactory(UserFactory):
    """A user in the focal point group with a scope: FocalPointFactory(countries=["BRA", "XIR"])."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create: bool, extracted: list[str] | None, **kwargs) -> None:  # noqa: ANN003
        """The focal point group, plus any extra group names given."""
        from django.contrib.auth.models import Group

        for name in ["focal_points", *(extracted or [])] if create else []:
            self.groups.add(Group.objects.get_or_create(name=name)[0])

    @factory.post_generation
    def countries(self, create: bool, extracted: list[str] | None, **kwargs) -> None:  # noqa: ANN003
        from submissions.models import FocalPointScope

        if create:
            scope, _ = FocalPointScope.objects.get_or_create(user=self)
            scope.countries.set(Country.objects.filter(alpha3__in=extracted or ["BRA"]))


class SavedSearchFactory(factory.django.DjangoModelFactory):
    """A saved search with a daily alert whose last digest was a day ago (so it is due now)."""

    class Meta:
        model = "alerts.SavedSearch"

    user = factory.SubFactory(UserFactory)
    query = "q=trafficking"
    frequency = "daily"
    language = "en"
    last_digest_at = factory.LazyFunction(lambda: dt.datetime.now(dt.UTC) - dt.timedelta(days=1, minutes=5))


class RequestDraftFactory(factory.django.DjangoModelFactory):
    """A complete MLA request draft from Brazil to Argentina in a trafficking case: pass `requested_authority`
    (an AuthorityFactory of the requested State) and `offences=[provision, ...]`; measures are added with
    AssistanceMeasureFactory (a draft without one is incomplete)."""

    class Meta:
        model = "mla.RequestDraft"
        skip_postgeneration_save = True

    owner = factory.SubFactory(UserFactory, groups=["practitioners"])
    title = factory.Sequence(lambda n: f"Operation Harbour {n}")
    requesting_country = factory.LazyFunction(lambda: country("BRA"))
    requesting_authority = "Federal Public Prosecutor's Office"
    requesting_contact = "Dr. Ana Souza, Federal Prosecutor, SAF Sul Quadra 4, Brasília; +55 61 3105 5100"
    requested_country = factory.LazyFunction(lambda: country("ARG"))
    legal_basis = "untoc"
    facts = "Between 2021 and 2023 a network recruited women in Goiás with false job offers in Buenos Aires."
    investigation = "Criminal investigation 1234/2023 by the Federal Public Prosecutor's Office into trafficking."
    purpose = "To obtain evidence of the payments and of the victims' accommodation for the prosecution."
    output_language = "en"

    @factory.post_generation
    def offences(self, create: bool, extracted: list | None, **kwargs) -> None:  # noqa: ANN003
        if create and extracted:
            self.offences.set(extracted)


class AssistanceMeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "mla.AssistanceMeasure"

    draft = factory.SubFactory(RequestDraftFactory)
    measure = "records"
    details = "Certified copies of the account statements of Banco Ejemplo S.A. account 000-123, 2021-2023."


class TreatyStatusFactory(factory.django.DjangoModelFactory):
    """A State's status towards an instrument (instrument by code); a party by default (ratified)."""

    class Meta:
        model = "treaties.TreatyStatus"
        django_get_or_create = ("country", "instrument")

    country = factory.LazyFunction(country)
    instrument = factory.LazyFunction(lambda: Instrument.objects.get(code="UNTOC"))
    signature_date = dt.date(2000, 12, 12)
    consent_kind = "ratification"
    consent_date = dt.date(2004, 1, 29)
    entry_into_force_date = dt.date(2004, 2, 28)
    note = "synthetic test data"
