from django.urls import path

from search.views import open_result, search_page

app_name = "search"
urlpatterns = [path("", search_page, name="search"), path("go/", open_result, name="open")]
