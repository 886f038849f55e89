"""The reach page's charts and labels (issue 16): every week on the time axis; classes count once accepted."""

import datetime

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from campaigns.reach import charts as reach_charts


def test_every_week_fills_the_empty_weeks_between_the_first_and_the_last():
    monday = datetime.date(2026, 3, 2)
    weekly = {monday: {"people": 5}, monday + datetime.timedelta(weeks=3): {"people": 7}}
    weeks = reach_charts.every_week(weekly)
    assert weeks == [monday + datetime.timedelta(weeks=n) for n in range(4)]
    assert reach_charts.every_week({}) == []


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
def test_the_classes_taught_figure_says_only_accepted_reports_count(client):
    client.force_login(get_user_model().objects.get(username="outreach"))
    html = client.get(reverse("reach")).content.decode()
    with translation.override("km"):
        label = translation.gettext("Classes taught with lesson kits (accepted reports only)")
    assert label != "Classes taught with lesson kits (accepted reports only)" and label in html
