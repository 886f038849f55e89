"""Khmer rendered whole at 360×740: stacked subscript consonants and vowels are never clipped.

On every page type, for every element that shows Khmer text: the element is as tall as its content
(no fixed height cuts it), no box that hides its overflow cuts a line of the text (the line's box is
the font's full height) nor its end, and the line height leaves room for the stacked marks.
Screenshots go to tests/screenshots/khmer-*.png to be looked at.
"""

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

CLIPPED_KHMER = """
() => {
  const khmer = /[\\u1780-\\u17FF]/;
  // signs written above or below the consonant, and the subscript mark
  const stacking = /[\\u17B7-\\u17BD\\u17C6\\u17C9-\\u17D1\\u17D2\\u17DD]/;
  const problems = [];
  const describe = el =>
    el.tagName.toLowerCase() + (el.className ? "." + String(el.className).trim().split(/\\s+/).join(".") : "");
  const clips = el => {
    const s = getComputedStyle(el);
    return s.overflowX !== "visible" || s.overflowY !== "visible";
  };
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest(".visually-hidden, .honeypot, .beacon, [hidden]")) continue;
    const texts = [...el.childNodes].filter(n => n.nodeType === Node.TEXT_NODE && khmer.test(n.textContent));
    if (!texts.length || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden") continue;
    const name = describe(el) + " «" + el.textContent.trim().slice(0, 30) + "»";
    if (el.clientHeight > 0 && el.scrollHeight > el.clientHeight + 1) {
      problems.push(name + ": content " + el.scrollHeight + "px in a box of " + el.clientHeight + "px");
    }
    if (clips(el) && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
      problems.push(name + ": cut at the side (" + el.scrollWidth + "px in " + el.clientWidth + "px)");
    }
    const lineHeight = parseFloat(style.lineHeight), fontSize = parseFloat(style.fontSize);
    const stacks = texts.some(t => stacking.test(t.textContent));
    if (stacks && !isNaN(lineHeight) && lineHeight / fontSize < 1.5 - 0.01) {
      problems.push(name + ": line height " + (lineHeight / fontSize).toFixed(2));
    }
    const range = document.createRange();
    for (const text of texts) {
      range.selectNodeContents(text);
      for (const line of range.getClientRects()) {
        for (let box = el; box && box !== document.documentElement; box = box.parentElement) {
          if (!clips(box)) continue;
          const edge = box.getBoundingClientRect();
          if (line.top < edge.top - 0.5 || line.bottom > edge.bottom + 0.5) {
            problems.push(name + ": cut by " + describe(box) + " (line " + line.top.toFixed(1) + "-" +
              line.bottom.toFixed(1) + ", box " + edge.top.toFixed(1) + "-" + edge.bottom.toFixed(1) + ")");
          }
        }
      }
    }
  }
  return problems;
}
"""

FONT_STATUS = """
async () => {
  await document.fonts.ready;
  return [...document.fonts].filter(f => f.status === "loaded").map(f => f.family + " " + f.weight);
}
"""


@pytest.fixture(scope="module")
def khmer_paths(page_paths):
    paths = page_paths["km"]
    return {**paths, "events list": "/km/events/list/", "help finder, Koh Kong": paths["help finder"] + "?province=09"}


PAGES = [
    "home",
    "campaign index",
    "campaign",
    "fact sheet index",
    "fact sheet",
    "lesson kit index",
    "lesson kit",
    "help finder",
    "help finder, Koh Kong",
    "events month",
    "events list",
    "event",
    "search results",
]


@pytest.mark.parametrize("name", PAGES)
def test_khmer_text_is_never_clipped_at_360_px(live_site, phone, khmer_paths, name):
    phone.goto(live_site + khmer_paths[name])
    fonts = phone.evaluate(FONT_STATUS)
    assert any(font.startswith("NACD Khmer") for font in fonts) or phone.evaluate(
        "document.fonts.check('16px \"Noto Sans Khmer\"', 'ក')"
    ), "a Khmer font is in use"
    problems = phone.evaluate(CLIPPED_KHMER)
    screenshot(phone, "khmer-" + name.replace(" ", "-").replace(",", ""))
    assert not problems, "\n".join(problems)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_event_titles_in_the_month_grid_are_not_clipped_on_a_wide_screen(live_site, desktop, khmer_paths):
    """From 40rem the month grid shows event titles in its cells."""
    desktop.goto(live_site + khmer_paths["events month"])
    desktop.evaluate(FONT_STATUS)
    assert desktop.locator(".month-grid__events li").count() >= 1
    problems = desktop.evaluate(CLIPPED_KHMER)
    screenshot(desktop, "khmer-events-month-1280")
    assert not problems, "\n".join(problems)
