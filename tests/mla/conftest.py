"""Two States' published trafficking provisions and the requested State's central authority, as the writer
reads them from the legislation database and the directory."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.factories import AuthorityFactory, LawFactory, ProvisionFactory, UserFactory, country

PASSWORD = "correct-horse-battery"
BRA_TEXT = (
    "Agenciar, aliciar, recrutar, transportar, transferir, comprar, alojar ou acolher pessoa, mediante grave ameaça."
)
ARG_TEXT = (
    "Se entiende por trata de personas el ofrecimiento, la captación, el traslado, la recepción o acogida de personas."
)


@dataclass
class World:
    practitioner: object
    other: object
    bra_provision: object
    bra_other: object
    arg_provision: object
    arg_unrelated: object
    authority: object


@pytest.fixture
def world(db) -> World:  # noqa: ANN001
    return build_world()


def build_world() -> World:
    """Also used by the browser test (tests/browser/test_mla_flow.py) on its live server."""
    bra_law = LawFactory(country=country("BRA"), title="Código Penal")
    bra = ProvisionFactory(
        law=bra_law,
        label="Art. 149-A",
        heading="Tráfico de Pessoas",
        text=BRA_TEXT,
        tags={"articles": ["TIP-5"], "crime_types": ["trafficking-in-persons"]},
    )
    bra_other = ProvisionFactory(
        law=bra_law,
        label="Art. 288",
        heading="Associação Criminosa",
        text="Associarem-se 3 (três) ou mais pessoas, para o fim específico de cometer crimes.",
        tags={"articles": ["UNTOC-5"], "crime_types": ["organized-criminal-group"]},
    )
    arg_law = LawFactory(country=country("ARG"), title="Ley 26.364 de Prevención y Sanción de la Trata de Personas")
    arg = ProvisionFactory(
        law=arg_law,
        label="Art. 2",
        heading="Trata de personas",
        text=ARG_TEXT,
        tags={"articles": ["TIP-5"], "crime_types": ["trafficking-in-persons"]},
    )
    arg_unrelated = ProvisionFactory(
        law=arg_law,
        label="Art. 10",
        heading="Asistencia a las víctimas",
        text="Las víctimas tendrán derecho a asistencia psicológica.",
        tags={"articles": ["TIP-6"], "crime_types": ["trafficking-in-persons"]},
    )
    authority = AuthorityFactory(
        country=country("ARG"),
        name="Dirección de Asistencia Jurídica Internacional",
        email="cooperacion@example.gob.ar",
        address="Esmeralda 1212, Buenos Aires",
        languages_accepted=["es"],
        channels=["direct", "diplomatic"],
        urgent_by_email=True,
        untoc_legal_basis=True,
        legal_requirements="Requests must be signed and sealed by the requesting authority.",
    )
    practitioner = UserFactory(username="prosecutor", groups=["practitioners"])
    other = UserFactory(username="other-prosecutor", groups=["practitioners"])
    return World(practitioner, other, bra, bra_other, arg, arg_unrelated, authority)
