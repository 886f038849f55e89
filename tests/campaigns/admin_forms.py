"""Building Wagtail admin form posts for campaign pages in tests."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def campaign_form(**overrides):
    """A valid campaign page form as the editor posts it; ``overrides`` replace fields."""
    data = {
        "title_km": "យុទ្ធនាការការពារយុវជនពីគ្រឿងញៀន",
        "title_en": "Protecting young people from drugs",
        "slug_km": "yuvachon-kar-pear",
        "slug_en": "protecting-young-people",
        "summary_km": "យុទ្ធនាការនេះជួយយុវជនឱ្យយល់ពីគ្រោះថ្នាក់នៃគ្រឿងញៀន។",
        "summary_en": "This campaign helps young people understand the harm drugs do.",
        "hero_alt_km": "",
        "hero_alt_en": "",
        "start_date": "2026-12-01",
        "end_date": "2027-02-28",
        "body_km": streamfield([("text", rich_text("<p>សុខភាពល្អចាប់ផ្ដើមពីការសម្រេចចិត្តល្អ។</p>"))]),
        "body_en": streamfield([("text", rich_text("<p>Good health starts with good choices.</p>"))]),
        "comments": inline_formset([]),
        "seo_title_km": "",
        "seo_title_en": "",
        "search_description_km": "",
        "search_description_en": "",
        "listing_summary_km": "",
        "listing_summary_en": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)
