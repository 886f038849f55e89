"""The Content Security Policy of each response: strict on the public site, looser in the Wagtail admin.

django-csp's middleware builds the header from ``CONTENT_SECURITY_POLICY``. The
Wagtail admin (``ADMIN_URL_PREFIX``) still writes inline ``<script>`` in some
widgets and style attributes in many templates, so responses under it take
``ADMIN_CONTENT_SECURITY_POLICY`` instead; nothing public is ever served with it.
Per-view decorators (``csp.decorators``) still win over both.
"""

from csp.middleware import CSPMiddleware

from django.conf import settings


def is_admin_path(path):
    return path.startswith(settings.ADMIN_URL_PREFIX)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
