"""Write validated records of the interchange format into the database (create or update in place).

The file is authoritative: a field absent from the line takes the model default, and a record's
provisions, people, charges, tags and attachment rows are made to match the file exactly. Provisions of
an existing law are matched by `order` and updated in place (not deleted and re-created) so that charges
of other cases citing them keep their link.

Speed: new records (the bulk of a restore) are written a chunk at a time with `bulk_create`: records,
provisions, article tags, many-to-many rows, people, charges, attachments, history rows. Because
`bulk_create` sends no signals, the new records and provisions are then announced with `post_save
(created=True)` so the search index and any other listener treat them like saved rows (their history rows
are bulk-inserted first and `skip_history_when_saving` stops a second one). Updated records go through
`save()` one by one, which is what the history and indexing signals expect.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models.signals import post_save
from simple_history.utils import bulk_create_with_history

from authorities.models import AuthorityArticle, CompetentAuthority
from bibliography.identifiers import normalise_doi, normalise_isbn
from bibliography.models import Publication, PublicationArticle, PublicationAuthor
from caselaw.dates import parse_partial_date
from caselaw.models import Case, CaseArticle, CaseAttachment, Charge, Court, Person
from guidance.models import ArticleGuidance
from interchange import treaty_status
from interchange.codes import Codes, Vocabulary
from interchange.jsonl_format import (
    AUTHOR_FIELDS,
    FORMATS,
    LANGUAGE,
    PUBLICATION_SCALARS,
)
from legislation.models import Law, LawAttachment, Provision, ProvisionArticle
from sherloc import richtext
from strategies.models import (
    ExplanatoryMaterial,
    MaterialArticle,
    MaterialAttachment,
    Strategy,
    StrategyArticle,
    StrategyAttachment,
    law_country,
)
from taxonomy.models import Language

TAGS = {
    Provision: (ProvisionArticle, "provision_id", ("crime_types", "crime_subtypes", "issues")),
    Case: (CaseArticle, "case_id", ("crime_types", "crime_subtypes", "issues")),
    CompetentAuthority: (AuthorityArticle, "authority_id", ("roles", "crime_types")),
    Strategy: (StrategyArticle, "strategy_id", ("covered_countries", "crime_types", "issues")),
    ExplanatoryMaterial: (MaterialArticle, "material_id", ("crime_types", "issues")),
    Publication: (PublicationArticle, "publication_id", ("countries", "crime_types", "issues")),
}


def _default(model: type[models.Model], name: str) -> Any:
    return model._meta.get_field(name).get_default()


def _value(data: dict, model: type[models.Model], name: str) -> Any:
    """The file's value, or the model default when the field is absent (the file is authoritative)."""
    return data[name] if name in data else _default(model, name)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _datetime(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _order(item: dict, index: int) -> int:
    return item.get("order", index + 1)


class RecordWriter:
    """Applies validated format objects to the database; one instance per import run."""

    def __init__(self, codes: Codes, *, change_reason: str = "import") -> None:
        self.codes = codes
        self.change_reason = change_reason[:100]
        self.users_created: list[str] = []
        self._courts: dict[tuple[int, str], Court] = {}

    def forget(self, users_before: int) -> None:
        """Drop cached rows after a rolled-back savepoint: they may no longer exist."""
        self._courts.clear()
        self.codes._user_ids.clear()
        self.codes._usernames.clear()
        self.codes.languages = Vocabulary.load(Language)
        del self.users_created[users_before:]

    # --- entry point ------------------------------------------------------------------------
    def write_chunk(self, kind: str, items: Sequence[tuple[dict, Any | None]]) -> None:
        """Write (data, existing record or None) pairs of one type: updates one by one, creations in bulk."""
        if kind == LANGUAGE:
            for data, _ in items:
                self.write_language(data)
            return
        if kind == treaty_status.TREATY:
            for data, existing in items:
                treaty_status.write(data, existing, self.codes, self.change_reason)
            return
        for data, existing in items:
            if existing is not None:
                self.update(kind, data, existing)
        new = [data for data, existing in items if existing is None]
        if new:
            self.create(kind, new)

    def create(self, kind: str, datas: Sequence[dict]) -> list[Any]:
        """Create records of one type in bulk (children, tags, attachments too); returns them in order.
        A family's is `create_<plural>` (its `record_format.plural`), found by name."""
        return getattr(self, f"create_{FORMATS[kind].plural}")(datas)

    def update(self, kind: str, data: dict, record: Any) -> Any:
        """Write `data` onto an existing record of that type (its children and tags replaced): `update_<type>`."""
        return getattr(self, f"update_{kind}")(data, record)

    # --- shared helpers ----------------------------------------------------------------------
    def _user_id(self, username: str | None) -> int | None:
        """Users are referenced by username. A name unknown here becomes an inactive account with an
        unusable password, so a backup restores into an empty database without losing who did what."""
        if username is None:
            return None
        pk = self.codes.user_id(username)
        if pk is None:
            user_model = get_user_model()
            user = user_model(**{user_model.USERNAME_FIELD: username}, is_active=False)
            user.set_unusable_password()
            user.save()
            self.codes.remember_user(username, user.pk)
            self.users_created.append(username)
            pk = user.pk
        return pk

    def _workflow(self, obj: Any, data: dict) -> Any:
        model = type(obj)
        obj.status = _value(data, model, "status")
        obj.submitted_by_id = self._user_id(data.get("submitted_by"))
        obj.reviewed_by_id = self._user_id(data.get("reviewed_by"))
        for name in ("submitted_at", "reviewed_at", "published_at"):
            setattr(obj, name, _datetime(data.get(name)))
        obj.original_language_id = self.codes.languages.by_code[data["original_language"]]
        obj.source = data.get("source", "")
        obj.provenance = data.get("provenance", "")
        obj._change_reason = self.change_reason
        return obj

    @staticmethod
    def _restore_timestamps(model: type[models.Model], objs: Sequence[Any], datas: Sequence[dict]) -> None:
        """auto_now/auto_now_add stamp the import time; a backup must keep the original times. bulk_update
        writes the attribute values without running pre_save, so the file's times stick."""
        changed = []
        for obj, data in zip(objs, datas, strict=True):
            if data.get("created_at") or data.get("updated_at"):
                obj.created_at = _datetime(data.get("created_at")) or obj.created_at
                obj.updated_at = _datetime(data.get("updated_at")) or obj.updated_at
                changed.append(obj)
        if changed:
            model.objects.bulk_update(changed, ["created_at", "updated_at"])

    def _announce(self, model: type[models.Model], objs: Sequence[Any], *, history: bool = True) -> None:
        """Tell listeners (search indexing...) about bulk-created rows, as save() would have."""
        if history:
            model.history.bulk_history_create(objs, default_change_reason=self.change_reason)
        for obj in objs:
            obj.skip_history_when_saving = True
            post_save.send(sender=model, instance=obj, created=True, update_fields=None, raw=False, using=obj._state.db)
            del obj.skip_history_when_saving

    def _article_ids(self, tags: list) -> list[tuple[int, str]]:
        pairs = []
        for tag in tags:
            tag = {"article": tag} if isinstance(tag, str) else tag
            pairs.append((self.codes.articles.by_code[tag["article"]], tag.get("paragraph", "")))
        return pairs

    def _vocabulary(self, name: str) -> Vocabulary:
        return {
            "crime_types": self.codes.crime_types,
            "crime_subtypes": self.codes.crime_subtypes,
            "issues": self.codes.issues,
            "roles": self.codes.roles,
            "covered_countries": self.codes.countries,
            "countries": self.codes.countries,
        }[name]

    def _write_tags(self, owner: type[models.Model], rows: Sequence[tuple[int, dict]], *, fresh: bool) -> None:
        """Make the article tags and many-to-many rows of owners [(pk, data)] exactly the file's, with one
        DELETE (skipped for fresh rows) and one INSERT per table."""
        article_model, fk, names = TAGS[owner]
        pks = [pk for pk, _ in rows]
        if not fresh:
            article_model.objects.filter(**{f"{fk}__in": pks}).delete()
        article_model.objects.bulk_create(
            [
                article_model(**{fk: pk, "article_id": article, "paragraph": paragraph})
                for pk, data in rows
                for article, paragraph in self._article_ids(data.get("articles", []))
            ]
        )
        for name in names:
            m2m = getattr(owner, name).field
            through = m2m.remote_field.through
            src, dst = m2m.m2m_column_name(), m2m.m2m_reverse_name()
            if not fresh:
                through.objects.filter(**{f"{src}__in": pks}).delete()
            vocab = self._vocabulary(name)
            through.objects.bulk_create(
                [through(**{src: pk, dst: vocab.by_code[code]}) for pk, data in rows for code in data.get(name, [])]
            )

    def _new_attachments(self, model: type[models.Model], fk: str, rows: Sequence[tuple[int, dict]]) -> None:
        pairs = [(model(**{fk: pk}), item) for pk, data in rows for item in data.get("attachments", [])]
        for att, item in pairs:
            self._assign_attachment(att, item)
        model.objects.bulk_create([att for att, _ in pairs])
        dated = [att for att, item in pairs if item.get("created_at")]
        for att, item in pairs:
            if item.get("created_at"):
                att.created_at = _datetime(item["created_at"])
        if dated:
            model.objects.bulk_update(dated, ["created_at"])

    def _assign_attachment(self, att: Any, item: dict) -> None:
        att.file.name = item["file"]
        att.title = item.get("title", "")
        att.language_id = self.codes.languages.by_code.get(item.get("language"))
        att.content_type = item.get("content_type", "")
        att.extracted_text = item.get("extracted_text", "")

    def _sync_attachments(self, model: type[models.Model], fk: str, owner_id: int, items: list[dict]) -> None:
        """Attachment rows are matched by stored file name. Files themselves are not in the format: they
        are backed up with the media directory, and import never deletes a stored file."""
        existing = {att.file.name: att for att in model.objects.filter(**{fk: owner_id})}
        for item in items:
            att = existing.pop(item["file"], None) or model(**{fk: owner_id})
            self._assign_attachment(att, item)
            att.save()
            if item.get("created_at"):
                model.objects.filter(pk=att.pk).update(created_at=_datetime(item["created_at"]))
        if existing:
            model.objects.filter(pk__in=[a.pk for a in existing.values()]).delete()

    # --- languages ---------------------------------------------------------------------------
    def write_language(self, data: dict) -> Language:
        language, _ = Language.objects.update_or_create(
            code=data["code"], defaults={"label": data["label"], "rtl": bool(data.get("rtl", False))}
        )
        self.codes.languages.add(language.pk, language.code)
        return language

    # --- laws --------------------------------------------------------------------------------
    def _assign_law(self, law: Law, data: dict) -> Law:
        law.country_id = self.codes.countries.by_code[data["country"]]
        law.title = data["title"]
        for name in ("original_title", "law_type", "number", "legal_status", "source_url"):
            setattr(law, name, _value(data, Law, name))
        law.adoption_date = _date(data.get("adoption_date"))
        law.entry_into_force_date = _date(data.get("entry_into_force_date"))
        return self._workflow(law, data)

    def _provision_values(self, item: dict) -> dict[str, Any]:
        return {
            "label": item["label"],
            "heading": item.get("heading", ""),
            "text": item["text"],
            "text_en": item.get("text_en", ""),
            "language_id": self.codes.languages.by_code[item["language"]],
            "source_url": item.get("source_url", ""),
        }

    def create_laws(self, datas: Sequence[dict]) -> list[Law]:
        laws = [self._assign_law(Law(external_id=d["external_id"]), d) for d in datas]
        Law.objects.bulk_create(laws)
        provisions = [
            (Provision(law=law, order=_order(item, i), **self._provision_values(item)), item)
            for law, data in zip(laws, datas, strict=True)
            for i, item in enumerate(data.get("provisions", []))
        ]
        Provision.objects.bulk_create([p for p, _ in provisions])
        self._write_tags(Provision, [(p.pk, item) for p, item in provisions], fresh=True)
        self._new_attachments(LawAttachment, "law_id", [(law.pk, d) for law, d in zip(laws, datas, strict=True)])
        self._restore_timestamps(Law, laws, datas)
        self._announce(Law, laws)
        self._announce(Provision, [p for p, _ in provisions])
        return laws

    def update_law(self, data: dict, law: Law) -> Law:
        self._assign_law(law, data).save()
        self._sync_provisions(law, data.get("provisions", []))
        self._sync_attachments(LawAttachment, "law_id", law.pk, data.get("attachments", []))
        self._restore_timestamps(Law, [law], [data])
        return law

    def _sync_provisions(self, law: Law, items: list[dict]) -> None:
        existing = {p.order: p for p in Provision.objects.filter(law=law)}
        new: list[Provision] = []
        by_order: dict[int, Provision] = {}
        for i, item in enumerate(items):
            order, values = _order(item, i), self._provision_values(item)
            prov = existing.pop(order, None)
            if prov is None:
                prov = Provision(law=law, order=order, **values)
                new.append(prov)
            elif any(getattr(prov, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(prov, k, v)
                prov._change_reason = self.change_reason
                prov.save()
            by_order[order] = prov
        for prov in existing.values():
            prov._change_reason = self.change_reason
            prov.delete()
        if new:
            bulk_create_with_history(new, Provision, default_change_reason=self.change_reason)
            self._announce(Provision, new, history=False)
        rows = [(by_order[_order(item, i)].pk, item) for i, item in enumerate(items)]
        self._write_tags(Provision, rows, fresh=False)

    # --- cases -------------------------------------------------------------------------------
    def _court(self, data: dict) -> Court | None:
        """The named court (created on first use), or None when the record does not say which court decided.
        A level the file does not know ("" or absent) never erases a level already recorded for the court."""
        spec = data.get("court")
        if not spec:
            return None
        level = spec.get("level") or ""
        key = (self.codes.countries.by_code[spec.get("country") or data["country"]], spec["name"])
        court = self._courts.get(key)
        if court is None:
            court, _ = Court.objects.get_or_create(country_id=key[0], name=key[1], defaults={"level": level})
            self._courts[key] = court
        if level and court.level != level:
            court.level = level
            court.save(update_fields=["level"])
        return court

    def _assign_case(self, case: Case, data: dict) -> Case:
        case.title = data["title"]
        case.portal_number = data["portal_number"]
        case.country_id = self.codes.countries.by_code[data["country"]]
        case.court = self._court(data)
        case.decision_date, case.decision_date_precision = parse_partial_date(data.get("decision_date"))
        for name in (
            "source_number",
            "source_url",
            "case_number",
            "fact_summary",
            "commentary",
            "legal_reasoning",
            "sentence",
        ):
            setattr(case, name, _value(data, Case, name))
        case.procedural_stage = data.get("procedural_stage") or ""  # null and absent: not recorded
        case.keywords = list(data.get("keywords", []))
        return self._workflow(case, data)

    def create_cases(self, datas: Sequence[dict]) -> list[Case]:
        cases = [self._assign_case(Case(external_id=d["external_id"]), d) for d in datas]
        Case.objects.bulk_create(cases)
        rows = [(case.pk, d) for case, d in zip(cases, datas, strict=True)]
        self._write_tags(Case, rows, fresh=True)
        self._write_people_and_charges(rows, fresh=True)
        self._new_attachments(CaseAttachment, "case_id", rows)
        self._restore_timestamps(Case, cases, datas)
        self._announce(Case, cases)
        return cases

    def update_case(self, data: dict, case: Case) -> Case:
        self._assign_case(case, data).save()
        self._write_tags(Case, [(case.pk, data)], fresh=False)
        self._write_people_and_charges([(case.pk, data)], fresh=False)
        self._sync_attachments(CaseAttachment, "case_id", case.pk, data.get("attachments", []))
        self._restore_timestamps(Case, [case], [data])
        return case

    def _write_people_and_charges(self, rows: Sequence[tuple[int, dict]], *, fresh: bool) -> None:
        if not fresh:
            pks = [pk for pk, _ in rows]
            Charge.objects.filter(case_id__in=pks).delete()
            Person.objects.filter(case_id__in=pks).delete()
        people: dict[tuple[int, str], Person] = {}
        for case_id, data in rows:
            for i, item in enumerate(data.get("people", [])):
                people[case_id, item["key"]] = Person(
                    case_id=case_id,
                    order=item.get("order", i + 1),
                    role=item["role"],
                    kind=_value(item, Person, "kind"),
                    name=item["name"],
                    gender=_value(item, Person, "gender"),
                    age_at_offence=item.get("age_at_offence"),
                    nationality_id=self.codes.countries.by_code.get(item.get("nationality")),
                    group_size=item.get("group_size"),
                )
        Person.objects.bulk_create(people.values())
        charges = [(case_id, item) for case_id, data in rows for item in data.get("charges", [])]
        provisions = self._provision_ids(
            {(c["provision"]["law"], c["provision"]["order"]) for _, c in charges if c.get("provision")}
        )
        Charge.objects.bulk_create(
            [
                Charge(
                    case_id=case_id,
                    defendant=people[case_id, item["defendant"]],
                    statute=item["statute"],
                    provision_id=provisions.get((item["provision"]["law"], item["provision"]["order"]))
                    if item.get("provision")
                    else None,
                    crime_type_id=self.codes.crime_types.by_code.get(item.get("crime_type")),
                    verdict=_value(item, Charge, "verdict"),
                    sentence=item.get("sentence", ""),
                    sentence_months=item.get("sentence_months"),
                )
                for case_id, item in charges
            ]
        )

    @staticmethod
    def _provision_ids(refs: set[tuple[str, int]]) -> dict[tuple[str, int], int]:
        if not refs:
            return {}
        rows = Provision.objects.filter(law__external_id__in={law for law, _ in refs}).values_list(
            "law__external_id", "order", "pk"
        )
        return {(law, order): pk for law, order, pk in rows}

    # --- authorities -------------------------------------------------------------------------
    def _assign_authority(self, auth: CompetentAuthority, data: dict) -> CompetentAuthority:
        auth.country_id = self.codes.countries.by_code[data["country"]]
        auth.name = data["name"]
        auth.source_url = data.get("source_url", "")
        for name in CompetentAuthority.CONTACT_FIELDS:
            value = _value(data, CompetentAuthority, name)
            setattr(auth, name, _date(value) if name == "last_confirmed" else value)
        return self._workflow(auth, data)

    def create_authorities(self, datas: Sequence[dict]) -> list[CompetentAuthority]:
        auths = [self._assign_authority(CompetentAuthority(external_id=d["external_id"]), d) for d in datas]
        CompetentAuthority.objects.bulk_create(auths)
        self._write_tags(CompetentAuthority, [(a.pk, d) for a, d in zip(auths, datas, strict=True)], fresh=True)
        self._restore_timestamps(CompetentAuthority, auths, datas)
        self._announce(CompetentAuthority, auths)
        return auths

    def update_authority(self, data: dict, auth: CompetentAuthority) -> CompetentAuthority:
        self._assign_authority(auth, data).save()
        self._write_tags(CompetentAuthority, [(auth.pk, data)], fresh=False)
        self._restore_timestamps(CompetentAuthority, [auth], [data])
        return auth

    # --- strategies and explanatory materials ------------------------------------------------
    def _assign_strategy(self, strategy: Strategy, data: dict) -> Strategy:
        strategy.country_id = self.codes.countries.by_code[data["country"]]
        strategy.title = data["title"]
        for name in ("original_title", "strategy_type", "issuing_body", "superseded", "summary", "source_url"):
            setattr(strategy, name, _value(data, Strategy, name))
        for name in ("adoption_date", "period_start", "period_end"):
            setattr(strategy, name, _date(data.get(name)))
        return self._workflow(strategy, data)

    def create_strategies(self, datas: Sequence[dict]) -> list[Strategy]:
        strategies = [self._assign_strategy(Strategy(external_id=d["external_id"]), d) for d in datas]
        Strategy.objects.bulk_create(strategies)
        rows = [(s.pk, d) for s, d in zip(strategies, datas, strict=True)]
        self._write_tags(Strategy, rows, fresh=True)
        self._new_attachments(StrategyAttachment, "strategy_id", rows)
        self._restore_timestamps(Strategy, strategies, datas)
        self._announce(Strategy, strategies)
        return strategies

    def update_strategy(self, data: dict, strategy: Strategy) -> Strategy:
        self._assign_strategy(strategy, data).save()
        self._write_tags(Strategy, [(strategy.pk, data)], fresh=False)
        self._sync_attachments(StrategyAttachment, "strategy_id", strategy.pk, data.get("attachments", []))
        self._restore_timestamps(Strategy, [strategy], [data])
        return strategy

    def _law_ids(self, datas: Sequence[dict]) -> dict[str, int]:
        refs = {d["law"] for d in datas}
        return dict(Law.objects.filter(external_id__in=refs).values_list("external_id", "pk"))

    def _assign_material(self, material: ExplanatoryMaterial, data: dict, law_id: int) -> ExplanatoryMaterial:
        material.law_id = law_id
        material.country_id = law_country(law_id)  # bulk_create skips save(), which keeps it equal to the law's
        material.title = data["title"]
        for name in ("kind", "summary", "text", "source_url"):
            setattr(material, name, _value(data, ExplanatoryMaterial, name))
        material.date = _date(data.get("date"))
        return self._workflow(material, data)

    def create_materials(self, datas: Sequence[dict]) -> list[ExplanatoryMaterial]:
        laws = self._law_ids(datas)
        materials = [
            self._assign_material(ExplanatoryMaterial(external_id=d["external_id"]), d, laws[d["law"]]) for d in datas
        ]
        ExplanatoryMaterial.objects.bulk_create(materials)
        rows = [(m.pk, d) for m, d in zip(materials, datas, strict=True)]
        self._write_tags(ExplanatoryMaterial, rows, fresh=True)
        self._new_attachments(MaterialAttachment, "material_id", rows)
        self._restore_timestamps(ExplanatoryMaterial, materials, datas)
        self._announce(ExplanatoryMaterial, materials)
        return materials

    def update_material(self, data: dict, material: ExplanatoryMaterial) -> ExplanatoryMaterial:
        self._assign_material(material, data, self._law_ids([data])[data["law"]]).save()
        self._write_tags(ExplanatoryMaterial, [(material.pk, data)], fresh=False)
        self._sync_attachments(MaterialAttachment, "material_id", material.pk, data.get("attachments", []))
        self._restore_timestamps(ExplanatoryMaterial, [material], [data])
        return material

    # --- bibliography entries -----------------------------------------------------------------
    def _assign_publication(self, publication: Publication, data: dict) -> Publication:
        for name in PUBLICATION_SCALARS:
            setattr(publication, name, _value(data, Publication, name))
        publication.keywords = list(data.get("keywords", []))
        # bulk_create skips save(), which keeps one spelling of a DOI and an ISBN
        publication.doi, publication.isbn = normalise_doi(publication.doi), normalise_isbn(publication.isbn)
        return self._workflow(publication, data)

    def _write_authors(self, rows: Sequence[tuple[int, dict]], *, fresh: bool) -> None:
        """The authors of [(publication pk, data)], in the file's order (positions from 1)."""
        if not fresh:
            PublicationAuthor.objects.filter(publication_id__in=[pk for pk, _ in rows]).delete()
        PublicationAuthor.objects.bulk_create(
            [
                PublicationAuthor(
                    publication_id=pk, position=i, **{name: author.get(name, "") for name in AUTHOR_FIELDS}
                )
                for pk, data in rows
                for i, author in enumerate(data.get("authors", []), start=1)
            ]
        )

    def create_publications(self, datas: Sequence[dict]) -> list[Publication]:
        publications = [self._assign_publication(Publication(external_id=d["external_id"]), d) for d in datas]
        Publication.objects.bulk_create(publications)
        rows = [(p.pk, d) for p, d in zip(publications, datas, strict=True)]
        self._write_authors(rows, fresh=True)
        self._write_tags(Publication, rows, fresh=True)
        self._restore_timestamps(Publication, publications, datas)
        self._announce(Publication, publications)
        return publications

    def update_publication(self, data: dict, publication: Publication) -> Publication:
        self._assign_publication(publication, data).save()
        self._write_authors([(publication.pk, data)], fresh=False)
        self._write_tags(Publication, [(publication.pk, data)], fresh=False)
        self._restore_timestamps(Publication, [publication], [data])
        return publication

    # --- article guidance ---------------------------------------------------------------------
    def _assign_guidance(self, item: ArticleGuidance, data: dict) -> ArticleGuidance:
        item.article_id = self.codes.articles.by_code[data["article"]]
        item.language = data["language"]
        for name in ArticleGuidance.RICH_TEXT_FIELDS:  # bulk_create skips save(), which also cleans them
            setattr(item, name, richtext.clean(data.get(name) or ""))
        self._workflow(item, data)
        item.original_language_id = self.codes.languages.by_code[data["language"]]  # its language, always
        return item

    def create_guidance(self, datas: Sequence[dict]) -> list[ArticleGuidance]:
        items = [self._assign_guidance(ArticleGuidance(external_id=d["external_id"]), d) for d in datas]
        ArticleGuidance.objects.bulk_create(items)
        self._restore_timestamps(ArticleGuidance, items, datas)
        self._announce(ArticleGuidance, items)
        return items

    def update_guidance(self, data: dict, item: ArticleGuidance) -> ArticleGuidance:
        self._assign_guidance(item, data).save()
        self._restore_timestamps(ArticleGuidance, [item], [data])
        return item


def _check_declared() -> None:
    """Every declared record type has its writer methods: a missing one stops start-up, not an import."""
    for spec in FORMATS.values():
        for name in (f"create_{spec.plural}", f"update_{spec.type}"):
            if not callable(getattr(RecordWriter, name, None)):
                raise ImproperlyConfigured(f"record type {spec.type!r}: write interchange.writer.RecordWriter.{name}")


_check_declared()
