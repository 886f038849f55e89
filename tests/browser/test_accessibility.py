"""Every public page type, in Khmer and English, at 360×740: axe-core finds no violation at all.

Also the pages every reader may meet without being a page type: a search that finds nothing, the
"not found" page and the offline page. Screenshots go to tests/screenshots/a11y-*.png.
"""

import pytest

from home.public_pages import more_pages, page_types
from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser

LANGUAGES = ["km", "en"]
CASES = [*page_types(), *more_pages()]  # every public page type, and the pages around them


def test_every_page_type_is_checked():

    assert set(CASES) == set(page_types()) | set(more_pages())


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", CASES)
def test_no_axe_violation(live_site, phone, page_paths, name, language):
    path = page_paths[language][name]
    response = phone.goto(live_site + path)
    assert response.status == (404 if name == "not found" else 200), path
    assert phone.locator("html").get_attribute("lang") == language
    assert_accessible(phone, f"{name} ({language}) {path}")
    screenshot(phone, f"a11y-{name.replace(' ', '-')}-{language}")


def test_the_check_fails_on_a_moderate_violation_too(live_site, phone, page_paths):
    """Not only serious ones: a heading that skips levels is "moderate" to axe; pale text is "serious"."""
    phone.goto(live_site + page_paths["en"]["offline"])
    phone.evaluate(
        """() => {
      const main = document.querySelector("main");
      main.insertAdjacentHTML("beforeend", '<h5>Skipped levels</h5><p class="pale">Pale text</p>');
      document.querySelector(".pale").style.color = "#bbb";
    }"""
    )
    with pytest.raises(AssertionError) as failure:
        assert_accessible(phone, "broken on purpose")
    assert "heading-order (moderate)" in str(failure.value) and "color-contrast" in str(failure.value)
