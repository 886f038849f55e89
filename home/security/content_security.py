"""The Content Security Policy of each response: strict on the public site, looser in the Wagtail admin.

django-csp's middleware builds the header from ``CONTENT_SECURITY_POLICY``. The
Wagtail admin (``ADMIN_URL_PREFIX``) still writes inline ``<script>`` in some
widgets and style attributes in many templates, so responses under it take
``ADMIN_CONTENT_SECURITY_POLICY`` instead; nothing public is ever served with it.
Per-view decorators (``csp.decorators``) still win over both.

A preview is the public page rendered for the admin's preview panel, an iframe of the
admin: Wagtail runs it through the middleware as a request for the page's own address,
so it gets the public policy, whose ``frame-ancestors 'none'`` made Chromium refuse the
frame. Previews (``request.is_preview``) keep the public policy except that they may be
framed by the site itself (``frame-ancestors 'self'``); no script or style is loosened.
"""

from csp.middleware import CSPMiddleware

from django.conf import settings

# What changes in the policy of a preview response (an iframe of the admin, in the admin).
PREVIEW_REPLACEMENTS = {"frame-ancestors": ["'self'"]}


def is_admin_path(path):
    return path.startswith(settings.ADMIN_URL_PREFIX)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        if getattr(request, "is_preview", False):
            parts.replace = {**(parts.replace or {}), **PREVIEW_REPLACEMENTS}
        return parts
