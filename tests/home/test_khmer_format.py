import datetime

from django.template import Context, Template
from django.utils import timezone, translation

from home import khmer_format


def test_digits_both_ways():
    assert khmer_format.khmer_digits("2026-11-21") == "២០២៦-១១-២១"
    assert khmer_format.latin_digits("២០២៦") == "2026"


def test_numbers_follow_the_language():
    assert khmer_format.format_number(1234567, "km") == "១.២៣៤.៥៦៧"
    assert khmer_format.format_number(1234567, "en") == "1,234,567"
    assert khmer_format.format_number("៣៨", "en") == "38"
    assert khmer_format.format_number(None) == ""


def test_dates_use_khmer_month_names_and_digits():
    day = datetime.date(2026, 3, 9)
    assert khmer_format.format_date(day, "km") == "៩ មីនា ២០២៦"
    assert khmer_format.format_date(day, "en") == "9 March 2026"
    assert khmer_format.format_date(day, "km", with_year=False) == "៩ មីនា"


def test_datetimes_are_shown_in_phnom_penh_time():
    moment = datetime.datetime(2026, 11, 23, 1, 0, tzinfo=datetime.UTC)  # 08:00 in Phnom Penh
    with timezone.override("Asia/Phnom_Penh"):
        assert khmer_format.format_datetime(moment, "km") == "២៣ វិច្ឆិកា ២០២៦ ០៨:០០"
        assert khmer_format.format_datetime(moment, "en") == "23 November 2026 08:00"


def test_template_filters_follow_the_active_language():
    template = Template("{% load khmer %}{{ n|local_number }} {{ d|local_date }} {{ p|local_digits }}")
    context = Context({"n": 38, "d": datetime.date(2026, 12, 1), "p": "012 345 678"})
    with translation.override("km"):
        assert template.render(context) == "៣៨ ១ ធ្នូ ២០២៦ ០១២ ៣៤៥ ៦៧៨"
    with translation.override("en"):
        assert template.render(context) == "38 1 December 2026 012 345 678"


def test_typed_figures_follow_the_one_number_rule():
    assert khmer_format.format_figure("48,000", "km") == khmer_format.format_number(48000, "km") == "៤៨.០០០"
    assert khmer_format.format_figure("៤៨,០០០", "en") == "48,000"
    assert khmer_format.format_figure("620", "km") == "៦២០"
    assert khmer_format.format_figure("95%", "km") == "៩៥%"


def test_rich_text_digits_are_khmer_on_khmer_pages_but_links_and_entities_are_kept():
    html = '<p>Call 1294 <a href="tel:1294">1294</a> &#8203;2025</p>'
    assert khmer_format.html_digits(html, "km") == '<p>Call ១២៩៤ <a href="tel:1294">១២៩៤</a> &#8203;២០២៥</p>'
    assert khmer_format.html_digits(html, "en") == html
