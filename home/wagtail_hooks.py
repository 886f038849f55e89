"""The site frame in the Wagtail admin: Khmer text renders even where the computer has no Khmer font."""

from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks


@hooks.register("insert_global_admin_css")
def khmer_font_for_the_admin():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-khmer.css"))
