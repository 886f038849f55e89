"""Readers' addresses of quizzes, under each language (awareness_site/urls.py)."""

from django.urls import path

from campaigns.quizzes import views

app_name = "quizzes"

urlpatterns = [
    path("<int:quiz_id>/", views.quiz_page, name="quiz"),
    path("<int:quiz_id>/answers/", views.answer, name="answer"),
    path("<int:quiz_id>/score/<int:score>/", views.score, name="score"),
]
