"""Snippet choosers that show their records only to people allowed to see them.

Wagtail's snippet chooser (``/admin/snippets/choose/...``) lists every record of
its model to anyone who may enter the admin; it checks no model permission. For
classes teachers reported, reach from other channels and officials' areas that
let a provincial official read other provinces' records, so these choosers
require the model's view or change permission (found by the access matrix,
tests/security/test_access_matrix.py).
"""

from django.core.exceptions import PermissionDenied

from wagtail.snippets.views import chooser


def may_see(user, model):
    opts = model._meta
    return any(user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}") for action in ("view", "change"))


class RequireViewPermission:
    def dispatch(self, request, *args, **kwargs):
        if not may_see(request.user, self.model):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ChooseView(RequireViewPermission, chooser.ChooseView):
    pass


class ChooseResultsView(RequireViewPermission, chooser.ChooseResultsView):
    pass


class ChosenView(RequireViewPermission, chooser.SnippetChosenView):
    pass


class ChosenMultipleView(RequireViewPermission, chooser.SnippetChosenMultipleView):
    pass


class CreateView(RequireViewPermission, chooser.SnippetCreateView):
    pass


class RestrictedSnippetChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = CreateView
