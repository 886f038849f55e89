"""The site frame in the Wagtail admin: Khmer text renders even where the computer has no Khmer font."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.permissions import register_permission_policy

from home.public_pages import REGISTER_PUBLIC_PAGES, site_pages
from home.security import admin_access, private_files, refusals, two_factor
from home.security.two_factor import confirmed_device


@hooks.register("insert_global_admin_css")
def khmer_font_for_the_admin():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-khmer.css"))


@hooks.register("insert_global_admin_js")
def khmer_digits_in_the_date_picker():
    """The date-time picker's month, year and times in Khmer digits on Khmer screens
    (home/static/js/admin-khmer-digits.js)."""
    return format_html('<script src="{}" defer></script>', static("js/admin-khmer-digits.js"))


@hooks.register("insert_global_admin_js")
def date_picker_closes_when_leaving_the_field():
    """The date and time picker closes when the focus leaves its field (home/static/js/admin-date-picker.js)."""
    return format_html('<script src="{}" defer></script>', static("js/admin-date-picker.js"))


@hooks.register("insert_editor_js")
def translation_copy_guard():
    """wagtail-modeltranslation's "Copy content from" buttons: hidden on an unsaved page (they cannot work
    there), and a confirmation before they overwrite a field with content (home/static/js/admin-translation-copy.js)."""
    return format_html(
        '<script src="{}" data-unsaved="{}" data-confirm="{}" defer></script>',
        static("js/admin-translation-copy.js"),
        _("Save the page as a draft first: content can be copied between languages only on a saved page."),
        _("This field already has content. Replace it with the content copied from the other language?"),
    )


@hooks.register("register_admin_urls")
def two_factor_urls():

    return [
        path("two-factor/", two_factor.enrol, name="two_factor_enrol"),
        path("two-factor/verify/", two_factor.verify, name="two_factor_verify"),
    ]


# The access rule in the admin's images, image and page API and page chooser (home/security/admin_access.py).
hooks.register("construct_admin_api", admin_access.register_api_endpoints, order=100)
hooks.register("construct_page_chooser_queryset", admin_access.page_chooser_queryset)


@hooks.register("register_admin_urls")
def private_file_urls():
    """Private files (officials' event photos), served after the access check (home/security/private_files.py).

    The image permission policy with the access rule is registered here too: the admin's URLs are
    built once every app is ready, so it replaces the policy wagtail.images registers when it is
    ready (after home, and this module may be imported before that)."""
    register_permission_policy(get_image_model(), admin_access.image_permission_policy())
    return [path("private-files/<path:name>", private_files.serve, name="private_file")]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):

    enabled = confirmed_device(request.user) is not None
    return {
        "url": reverse("two_factor_enrol"),
        "label": _("Two-step verification"),
        "help_text": _("On: a code from your phone is asked after your password.")
        if enabled
        else _("Off: turn it on to protect your account with a code from your phone."),
    }


hooks.register(REGISTER_PUBLIC_PAGES, site_pages)


# The view restrictions of pages and documents, through the one rule (home/security/access.py): in front
# of Wagtail's own check, which does not know the second factor. Wagtail's still runs after, and passes.
@hooks.register("before_serve_page", order=-100)
def apply_page_view_restrictions(page, request, serve_args, serve_kwargs):
    return refusals.page_refusal(request, page)


@hooks.register("before_serve_document", order=-100)
def apply_document_view_restrictions(document, request):
    return refusals.document_refusal(request, document)


@hooks.register("construct_help_menu")
def drop_whats_new_link(request, menu_items):
    """Wagtail's "What's new in Wagtail 8.0" entry is formatted once, in the
    language of the first admin request the process serves, and then shown in
    that language to everyone (an official on a Khmer screen got the English
    label). It links to English release notes on wagtail.org that no official
    needs, so it is left out of the help menu."""
    menu_items[:] = [item for item in menu_items if not item.name.startswith("whats-new-in-wagtail")]
