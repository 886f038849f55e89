from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from campaigns.lessons import views as campaign_views
from campaigns.reach import page_views
from home import offline
from home.http import health
from home.security import admin_access, admin_guards, cookieless_forms, site_history

urlpatterns = [
    path("beacon/<int:page_id>/<str:language>.gif", page_views.beacon, name="beacon"),
    path("healthz", health.healthz, name="healthz"),  # answered by HealthMiddleware first (home/http/health.py)
    path("sw.js", offline.service_worker, name="service_worker"),  # root scope: the whole site (home/offline.py)
    # In front of two admin views that answered with a server error (home/security/admin_guards.py).
    path("admin/failwhale/", admin_guards.no_error_test),
    re_path(r"^admin/pages/(?P<page_id>\d+)/edit/copy_translation_content/$", admin_guards.copy_translation_content),
    # Through the access rule (home/security/site_history.py, admin_access.py): an official sees their own area only.
    path("admin/reports/site-history/", site_history.site_history, name="site_history_checked"),
    path("admin/reports/site-history/results/", site_history.site_history_results, name="site_history_results_checked"),
    path(
        "admin/choose-page/chosen-multiple/",
        require_admin_access(admin_access.ChosenPagesView.as_view()),
        name="choose_page_chosen_multiple_checked",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Pages name their icon (base.html); this answers browsers and robots that ask for it anyway.
    path("favicon.ico", lambda request: redirect(static("img/icon.svg"))),
]

if settings.AWS_STORAGE_BUCKET_NAME:
    # Images from object storage, through the site (home/object_storage.py): the bucket is never public.
    from home.object_storage import serve_public

    urlpatterns += [path("media/<path:name>", serve_public, name="media_from_storage")]
elif settings.DEBUG or settings.SERVE_MEDIA:
    # Uploaded images in development and the browser tests; production serves
    # /media/ from the web server (docs/deployment.md).
    from django.views.static import serve

    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

# Every public page lives under its language: /km/... and /en/...; "/" redirects
# to the language the browser prefers (Khmer unless it asks for English).
urlpatterns += i18n_patterns(
    path("lesson-kits/report/<int:kit_id>/", campaign_views.report_class, name="report_class"),
    path("search/", include("search.urls")),
    path("offline/", offline.offline_page, name="offline"),
    path("events/", include("campaigns.events.urls")),  # the outreach calendar (campaigns/events/views.py)
    path("quizzes/", include("campaigns.quizzes.urls")),  # quizzes, their answers and scores (campaigns/quizzes/)
    # In front of Wagtail's own: the page password form and the front-end sign-in, without a CSRF cookie and
    # with a lockout (home/security/cookieless_forms.py).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        cookieless_forms.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("_util/login/", cookieless_forms.front_end_sign_in, name="wagtailcore_login"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
