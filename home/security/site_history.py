"""The site-history report (``/admin/reports/site-history/``, its results and its CSV and XLSX exports)
through the access rule.

Wagtail's report shows an entry to anyone whose groups have any permission on the
entry's model: every official saw every province's outreach events there, with who
changed them and when. Here each log model's entries also pass
:func:`home.security.access.visible_log_entries`, and the filter of editors lists only
the people who appear in the entries left. ``awareness_site/urls.py`` puts these views
in front of Wagtail's.
"""

from django.contrib.auth import get_user_model
from django.db.models import IntegerField, Value

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.log_actions import registry as log_action_registry

from home.security.access import visible_log_entries


def visible_entries(request, log_model):
    return visible_log_entries(request, log_model.objects.viewable_by_user(request.user))


class SiteHistoryFilterSet(SiteHistoryReportFilterSet):
    def get_user_choices(self):
        user_ids = set()
        for log_model in log_action_registry.get_log_entry_models():
            user_ids.update(visible_entries(self.request, log_model).get_user_ids())
        User = get_user_model()
        return User.objects.filter(pk__in=user_ids).order_by(User.USERNAME_FIELD)


class SiteHistoryView(LogEntriesView):
    filterset_class = SiteHistoryFilterSet

    def get_filtered_queryset(self):
        # Wagtail's method, with the access rule applied to each log model's entries before the union.
        queryset = None
        self.log_models = list(log_action_registry.get_log_entry_models())
        for index, log_model in enumerate(self.log_models):
            entries = (
                visible_entries(self.request, log_model)
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            )
            entries = self.filter_queryset(entries).order_by()
            queryset = entries if queryset is None else queryset.union(entries, all=True)
        return queryset.order_by("-timestamp")


site_history = require_admin_access(SiteHistoryView.as_view())
site_history_results = require_admin_access(SiteHistoryView.as_view(results_only=True))
