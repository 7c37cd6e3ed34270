"""axe-core on every page type, in the six languages, at 1366 and 360 px: no critical or serious violation.

axe.min.js is vendored under tests/browser/vendor/axe-core/ (npm package axe-core, MPL-2.0, its licence
beside it): nothing is downloaded when the tests run. The pages send a strict Content-Security-Policy,
so the browser contexts bypass it to inject the script. Moderate and minor findings do not fail the test;
they are reported as warnings (pytest's warnings summary) so they stay visible.

Also here: the layout defects axe cannot see (sideways scrolling at 360 px, the coverage matrix's last
columns at 1366 px, mirrored chevrons) and the print preparation (every <details> open).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh-hans")
WIDTHS = {"desktop": (1366, 900), "phone": (360, 780)}
FAILING = ("critical", "serious")
PASSWORD = "a-long-test-passphrase-42"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}


@pytest.fixture
def axe_site(site):  # noqa: ANN001, ANN201
    """The web data set plus an account that reviews and submits for Brazil (queue and forms)."""
    from sherloc.access import FOCAL_POINTS, REVIEWERS
    from sherloc.models import PublicationStatus
    from submissions.models import FocalPointScope
    from tests.factories import LawFactory, UserFactory, country

    base, data = site
    user = UserFactory(username="axe-reviewer", groups=[REVIEWERS, FOCAL_POINTS])
    user.set_password(PASSWORD)
    user.save()
    FocalPointScope.objects.create(user=user).countries.set([country("BRA")])
    LawFactory(title="Pending law awaiting review", status=PublicationStatus.SUBMITTED, submitted_by=user)
    data.authority.email = "cooperacao.internacional@mj.gov.br"
    data.authority.save()
    return base, data


def public_pages(data) -> dict[str, str]:  # noqa: ANN001
    return {
        "home": "/{lang}/",
        "search": "/{lang}/search/?q=trafficking",
        "law": data.law.get_absolute_url().replace("/en/", "/{lang}/", 1),
        "case": data.case.get_absolute_url().replace("/en/", "/{lang}/", 1),
        "authority": data.authority.get_absolute_url().replace("/en/", "/{lang}/", 1),
        "country": "/{lang}/countries/BRA/",
        "article": "/{lang}/instruments/TIP/articles/3/",
        "coverage": "/{lang}/instruments/UNTOC/coverage/",
    }


SIGNED_IN_PAGES = {"review queue": "/{lang}/review/", "submission form": "/{lang}/submit/laws/new/"}
API_DOCS = "/api/v1/docs/"  # language-neutral


def sign_in(page, base: str) -> None:  # noqa: ANN001
    page.goto(f"{base}/en/accounts/login/")
    page.fill("input[name=username]", "axe-reviewer")
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert "/accounts/login/" not in page.url


def run_axe(page) -> list[dict]:  # noqa: ANN001
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return result["violations"]


@pytest.fixture
def contexts(browser) -> Iterator[dict]:  # noqa: ANN001
    """One anonymous and one signed-in page per width, reused for every URL."""
    made = []

    def make(width: str):  # noqa: ANN202
        w, h = WIDTHS[width]
        context = browser.new_context(viewport={"width": w, "height": h}, bypass_csp=True)
        made.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield make
    for context in made:
        context.close()


def describe(violation: dict, where: str) -> str:
    targets = "; ".join(",".join(node["target"][:1]) for node in violation["nodes"][:3])
    return f"{where}: {violation['impact']} {violation['id']} ({violation['help']}) at {targets}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_serious_or_critical_axe_violation(axe_site, contexts, lang) -> None:  # noqa: ANN001
    base, data = axe_site
    failures, moderate = [], []
    for width in WIDTHS:
        visits = [(contexts(width), public_pages(data)), (contexts(width), SIGNED_IN_PAGES)]
        sign_in(visits[1][0], base)
        if lang == "en":
            visits[0][1]["api docs"] = API_DOCS
        for page, urls in visits:
            for name, path in urls.items():
                url = base + path.format(lang=lang)
                response = page.goto(url)
                assert response is not None and response.status == 200, f"{name} {url}: {response and response.status}"
                if name == "api docs":
                    page.wait_for_selector(".opblock", timeout=15_000)
                where = f"{lang} {width} {name} {path.format(lang=lang)}"
                for violation in run_axe(page):
                    (failures if violation["impact"] in FAILING else moderate).append(describe(violation, where))
    for line in moderate:
        warnings.warn(f"axe: {line}", stacklevel=1)
    assert not failures, "axe found critical or serious violations:\n" + "\n".join(failures)


# The innermost elements reaching past the right edge of the screen (for the failure message).
WIDEST = """() => Array.from(document.querySelectorAll('main *')).filter(el => {
  const r = el.getBoundingClientRect();
  return r.right > document.documentElement.clientWidth + 1 && !Array.from(el.children).some(c =>
    c.getBoundingClientRect().right > document.documentElement.clientWidth + 1);
}).slice(0, 5).map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + el.className).join(', ')"""


def test_phone_pages_do_not_scroll_sideways(axe_site, contexts) -> None:  # noqa: ANN001
    base, data = axe_site
    anonymous, signed_in = contexts("phone"), contexts("phone")
    sign_in(signed_in, base)
    checks = [(anonymous, p) for p in public_pages(data).values()] + [(signed_in, p) for p in SIGNED_IN_PAGES.values()]
    wide = []
    for page, path in checks:
        for lang in ("en", "ar"):
            page.goto(base + path.format(lang=lang))
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                culprits = page.evaluate(WIDEST)
                wide.append(f"{path.format(lang=lang)}: {overflow}px wider than the screen, at {culprits}")
    assert not wide, "\n".join(wide)


def test_coverage_matrix_shows_its_last_columns_at_1366(axe_site, contexts) -> None:  # noqa: ANN001
    base, _ = axe_site
    page = contexts("desktop")
    page.goto(f"{base}/en/instruments/UNTOC/coverage/?all=1")
    wrap = page.locator(".matrix-wrap")
    sizes = wrap.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert sizes[0] <= sizes[1], f"the matrix needs sideways scrolling: {sizes[0]}px in {sizes[1]}px"
    last = page.locator(".matrix thead th").last.bounding_box()
    assert last["x"] + last["width"] <= 1366


def test_chevrons_point_the_reading_direction(axe_site, contexts) -> None:  # noqa: ANN001
    base, _ = axe_site
    page = contexts("desktop")
    transforms = {}
    for lang in ("en", "ar"):
        page.goto(f"{base}/{lang}/instruments/TIP/articles/3/")
        transforms[lang] = page.locator(".chevron-next").evaluate("el => getComputedStyle(el).transform")
    assert transforms["en"] == "none"
    assert transforms["ar"].startswith("matrix(-1")  # flipped: "next" points left in Arabic


def test_everything_collapsed_opens_for_print(axe_site, contexts) -> None:  # noqa: ANN001
    base, data = axe_site
    from tests.factories import ProvisionFactory

    for order in range(3, 6):  # more than three provisions: the law shows its "Contents" toggle
        ProvisionFactory(law=data.law, order=order, label=f"Art. {order}")
    page = contexts("desktop")
    page.goto(base + data.law.get_absolute_url())
    assert page.locator("details.toc:not([open])").count() == 1
    assert page.locator("[data-print]").is_visible()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("main details:not([open])").count() == 0
    page.emulate_media(media="print")
    assert page.locator("details.toc li").first.is_visible()
    assert page.locator(".provision-cite .cite-text").first.is_visible()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("details.toc:not([open])").count() == 1
