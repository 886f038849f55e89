"""Wagtail's login form with its password label translated (Wagtail 8.0.1 leaves it as "Password").

Used through ``WAGTAILADMIN_USER_LOGIN_FORM`` so officials sign in on a page entirely in Khmer.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm


class AdminLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
