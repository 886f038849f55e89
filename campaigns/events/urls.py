"""Addresses of the public outreach calendar, under /km/events/ and /en/events/."""

from django.urls import path

from campaigns.events import views

app_name = "events"

urlpatterns = [
    path("", views.month_view, name="month"),
    path("list/", views.list_view, name="list"),
    path("<int:pk>/", views.detail_view, name="detail"),
    path("<int:pk>.ics", views.event_ics, name="event_ics"),
    path("calendar.ics", views.feed, name="feed"),
    path("province/<str:code>.ics", views.province_feed, name="province_feed"),
    path("campaign/<slug:slug>.ics", views.campaign_feed, name="campaign_feed"),
]
