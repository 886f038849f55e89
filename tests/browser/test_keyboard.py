"""Keyboard alone, at 360×740, on every page type in Khmer and English.

Tab from the top of the page: the first stop is the skip link, shown on screen; Enter on it moves
focus to the main content. Then Tab through every stop: each shows a focus style of its own (its
outline or box shadow differs from when it is not focused) and is on screen. Every input has a
label. Searching and filtering work with the keyboard: type, Tab, arrow keys and Enter.
"""

import pytest

from home.public_pages import more_pages, page_types
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

LANGUAGES = ["km", "en"]
PAGES = [*page_types(), *more_pages()]  # every public page type, and the pages around them
MAX_STOPS = 400

FOCUS_STYLE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  window.__walked = window.__walked || [];
  if (window.__walked.includes(el)) return {again: true};
  window.__walked.push(el);
  const s = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    again: false,
    name: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
      + " «" + (el.innerText || el.value || "").trim().slice(0, 30) + "»",
    style: [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(" | "),
    visible: box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth && box.bottom > 0
      && box.top < innerHeight,
  };
}"""

UNFOCUSED_STYLES = """() => {
  document.activeElement.blur();
  return window.__walked.map(el => {
    const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(" | ");
  });
}"""

UNLABELLED_INPUTS = """() => [...document.querySelectorAll("input, select, textarea")]
  .filter(el => el.type !== "hidden")
  .filter(el => !(el.labels && [...el.labels].some(l => l.textContent.trim()))
    && !el.getAttribute("aria-label") && !el.getAttribute("aria-labelledby"))
  .map(el => el.outerHTML.slice(0, 80))"""


def tab_walk(page):
    """[(stop, focused style, visible)] of every Tab stop after the skip link, and the unfocused styles."""
    stops = []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_STYLE)
        if stop is None or stop["again"]:
            break
        stops.append(stop)
    else:
        pytest.fail(f"more than {MAX_STOPS} Tab stops")
    return stops, page.evaluate(UNFOCUSED_STYLES)


def without_focus_style(stops, unfocused):
    """Names of the stops that looked the same focused as not (``unfocused`` starts with the skip link)."""
    return [stop["name"] for stop, before in zip(stops, unfocused[1:], strict=True) if stop["style"] == before]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_tab_walk(live_site, phone, page_paths, name, language):
    phone.goto(live_site + page_paths[language][name])

    phone.keyboard.press("Tab")
    skip = phone.evaluate(FOCUS_STYLE)
    assert skip and phone.evaluate("() => document.activeElement.classList.contains('skip-link')"), skip
    assert skip["visible"], "the skip link is not shown when focused"
    if name == "campaign" and language == "km":
        screenshot(phone, "keyboard-skip-link-km-360")

    # Every stop after it, header, main content and footer: a focus style of its own, on screen.
    stops, unfocused = tab_walk(phone)
    assert len(stops) >= 5, stops  # at least the header's site name, language, search box and button, hotline
    same = without_focus_style(stops, unfocused)
    assert not same, f"no visible focus style on: {same}"
    hidden = [stop["name"] for stop in stops if not stop["visible"]]
    assert not hidden, f"focused but not on screen: {hidden}"

    # The skip link: Enter moves the focus to the main content, and the next Tab stays in it (or the footer).
    phone.goto(live_site + page_paths[language][name])
    phone.keyboard.press("Tab")
    phone.keyboard.press("Enter")
    phone.wait_for_function("() => document.activeElement.id === 'main-content'")
    assert phone.evaluate("() => location.hash") == "#main-content"
    phone.keyboard.press("Tab")
    assert phone.evaluate("() => !!document.activeElement.closest('main, .site-footer')")
    assert phone.evaluate(UNLABELLED_INPUTS) == []


def test_the_walk_finds_a_link_without_a_focus_style(live_site, phone, page_paths):
    """The check above is only as good as its comparison: take the focus style off one link."""
    phone.goto(live_site + page_paths["en"]["offline"])
    phone.evaluate(
        """() => document.styleSheets[0].insertRule(
      "main a:focus-visible { outline: none !important; box-shadow: none !important }",
      document.styleSheets[0].cssRules.length)"""
    )
    phone.keyboard.press("Tab")
    phone.evaluate(FOCUS_STYLE)
    stops, unfocused = tab_walk(phone)
    assert without_focus_style(stops, unfocused) == ["a «Go to the home page»"]
    print(f"{len(stops)} Tab stops after the skip link on the offline page")


def focus_by_tab(page, selector):
    """Press Tab until ``selector`` has the focus, as someone without a mouse would."""
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    pytest.fail(f"{selector} is never reached with Tab")


def test_search_with_the_keyboard(live_site, phone):
    phone.goto(live_site + "/km/")
    focus_by_tab(phone, "#site-search-q")
    screenshot(phone, "keyboard-search-focus-km-360")
    phone.keyboard.type("យ៉ាម៉ា")
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    assert "/km/search/?q=" in phone.url
    assert phone.locator("#search-page-q").input_value() == "យ៉ាម៉ា"
    assert phone.locator("main h2, main h3").count() >= 1


def test_filter_lesson_kits_with_the_keyboard(live_site, phone):
    phone.goto(live_site + "/en/lesson-kits/")
    focus_by_tab(phone, "#grade")
    phone.keyboard.press("ArrowDown")  # a closed select changes its value with the arrow keys
    chosen = phone.locator("#grade").input_value()
    assert chosen
    focus_by_tab(phone, ".filters button[type=submit]")
    screenshot(phone, "keyboard-filter-button-en-360")
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    assert f"grade={chosen}" in phone.url
    assert phone.locator("#grade").input_value() == chosen


def test_filter_the_help_finder_with_enter_in_the_form(live_site, phone, page_paths):
    phone.goto(live_site + page_paths["km"]["help finder"])
    focus_by_tab(phone, "#province")
    phone.keyboard.press("ArrowDown")
    chosen = phone.locator("#province").input_value()
    focus_by_tab(phone, ".filters button[type=submit]")
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    assert f"province={chosen}" in phone.url
