"""What the home page shows, as features register it (home names no feature).

A feature adds to the home page's context with a Wagtail hook::

    @hooks.register(HOME_PAGE_SECTIONS)
    def my_sections(home_page, request):
        return {"latest_campaigns": [...]}

The home page template decides how each section looks.
"""

from wagtail import hooks

HOME_PAGE_SECTIONS = "home_page_sections"


def home_sections(home_page, request=None):
    """Every registered section's context, merged in hook order."""
    context = {}
    for section in hooks.get_hooks(HOME_PAGE_SECTIONS):
        context.update(section(home_page, request) or {})
    return context
