"""Two-factor sign-in for staff: a code from an authenticator app (TOTP, django-otp) after the password.

Optional per person: a staff member turns it on in the admin (Account → Two-step
verification), scanning a QR code with an authenticator app and typing the first
code. From then on, after Wagtail's sign-in page, every admin address sends them
to a page asking for the current code until they type it; the session then stays
verified. People who have not turned it on sign in as before.

Codes are typed in Latin or Khmer digits. Wrong codes are slowed down by
django-otp's throttling (each failure doubles the wait), on top of the password
lockout (home/security/sign_in.py).
"""

import base64

import django_otp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin import messages

from home.khmer_format import latin_digits

DEVICE_NAME = "authenticator app"

# Admin addresses an enrolled but not yet verified user may still open.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_verify",
}


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def needs_second_factor(request):
    """True when the signed-in user has turned on two-step verification and this session has not passed it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.is_verified():
        return False
    return confirmed_device(user) is not None


class SecondFactorMiddleware:
    """Sends enrolled, unverified staff to the code page from every admin address (after OTPMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(settings.ADMIN_URL_PREFIX) and needs_second_factor(request):
            match = getattr(request, "resolver_match", None)

            try:
                match = match or resolve(request.path_info)
            except Resolver404:
                match = None
            if match is None or match.url_name not in OPEN_URL_NAMES:
                return HttpResponseRedirect(f"{reverse('two_factor_verify')}?next={request.get_full_path()}")
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
    )

    def __init__(self, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = latin_digits(self.cleaned_data["code"]).replace(" ", "").strip()
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError(_("Type the six digits your authenticator app shows, e.g. 123456."))
        allowed, details = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(_("Too many wrong codes. Wait a minute, then type the newest code."))
        if not self.device.verify_token(code):
            raise forms.ValidationError(_("That code is not right, or it has expired. Type the newest code."))
        return code


def safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


@login_required(login_url="wagtailadmin_login")
def verify(request):
    """After the password: the code page, until the session is verified."""
    device = confirmed_device(request.user)
    home = reverse("wagtailadmin_home")
    if device is None or request.user.is_verified():
        return redirect(safe_next(request, home))
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        django_otp.login(request, device)
        return redirect(safe_next(request, home))
    context = {"form": form, "next": safe_next(request, home)}
    return render(request, "home/two_factor/verify.html", context, status=400 if form.errors else 200)


def enrol(request):
    """Account → Two-step verification: turn it on (QR code, first code) or off (a current code)."""
    import segno  # imported here, not at the top: only this path needs it (start-up time)

    user = request.user
    device = confirmed_device(user)
    if device is not None:
        form = CodeForm(request.POST or None, device=device)
        if request.method == "POST" and form.is_valid():
            TOTPDevice.objects.filter(user=user).delete()

            messages.success(request, _("Two-step verification is off for your account."))
            return redirect("two_factor_enrol")
        return render(request, "home/two_factor/enrol.html", {"enabled": True, "form": form})
    pending = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
        user=user, name=DEVICE_NAME, confirmed=False
    )
    form = CodeForm(request.POST or None, device=pending)
    if request.method == "POST" and form.is_valid():
        pending.confirmed = True
        pending.save(update_fields=["confirmed"])
        django_otp.login(request, pending)

        messages.success(request, _("Two-step verification is on. From now on you will be asked for a code."))
        return redirect("two_factor_enrol")

    secret = base64.b32encode(pending.bin_key).decode()
    context = {
        "enabled": False,
        "form": form,
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "qr_code": segno.make(pending.config_url, error="m").svg_data_uri(scale=5, border=2),
    }
    return render(request, "home/two_factor/enrol.html", context, status=400 if form.errors else 200)
