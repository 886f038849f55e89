"""Readers' addresses of quizzes, under each language (awareness_site/urls.py)."""

from django.urls import path

from campaigns.quizzes import views

app_name = "quizzes"

urlpatterns = [
    path("<int:quiz_id>/", views.quiz_page, name="quiz"),
    path("<int:quiz_id>/answers/", views.answer, name="answer"),
    path("<int:quiz_id>/score/<int:score>/", views.score, name="score"),
    path("class-code/<int:kit_id>/", views.class_code_for_kit, name="class_code"),
    path("class/", views.class_entry, name="class_entry"),
    path("class/<str:code>/", views.class_quiz, name="class_quiz"),
    path("class/<str:code>/answers/", views.class_answer, name="class_answer"),
    path("class/<str:code>/results/", views.class_results, name="class_results"),
]
