"""The choosers' "Search" tab in the admin's language (issue 16: "ស្វែងរក" in the English admin)."""

import json

import pytest

from django.contrib.auth import get_user_model
from django.utils import translation

from wagtail.images.views.chooser import viewset as image_chooser
from wagtail.users.models import UserProfile


@pytest.mark.parametrize(("language", "label"), [("en", "Search"), ("km", "ស្វែងរក")])
def test_the_chooser_tab_labels_follow_the_active_language(language, label):
    with translation.override(language):
        assert str(image_chooser.search_tab_label) == label


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "label", "other"), [("en", "Search", "ស្វែងរក"), ("km", "ស្វែងរក", ">Search<")])
def test_the_image_chooser_modal_names_its_search_tab_in_the_users_language(client, language, label, other):
    user = get_user_model().objects.create_superuser("chooser_user", "c@example.org", "x")
    UserProfile.get_for_user(user)
    UserProfile.objects.filter(user=user).update(preferred_language=language)
    client.force_login(user)
    html = json.loads(client.get("/admin/images/chooser/").content)["html"]
    tab = html[html.index('id="tab-label-search"') :][:400]
    assert label in tab and other not in tab
