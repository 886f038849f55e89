"""Models of the campaigns app, each defined in the module named for what it holds."""

from campaigns.campaign_pages import CampaignIndexPage, CampaignPage
from campaigns.events.models import OfflineSubmission, OutreachEvent, OutreachEventPhoto
from campaigns.events.officials import OfficialArea
from campaigns.events.photos import ProvincePhotoCollection
from campaigns.fact_sheets import FactSheetIndexPage, FactSheetPage
from campaigns.help_services import HelpFinderPage, HelpService
from campaigns.lessons.class_reports import ClassReport
from campaigns.lessons.downloads import DownloadCount
from campaigns.lessons.index_page import LessonKitIndexPage
from campaigns.lessons.pages import LessonKitFile, LessonKitPage
from campaigns.places import Commune, District, Province
from campaigns.quizzes.class_checks import ClassCheckCount, ClassCode
from campaigns.quizzes.models import Quiz, QuizAnswerCount, QuizQuestion, QuizQuestionDay
from campaigns.quizzes.report_results import ClassReportResult
from campaigns.reach.figures import ManualReach
from campaigns.reach.page_views import PageViewCount
from campaigns.taxonomy import Audience, Topic

__all__ = [
    "OfflineSubmission",
    "Audience",
    "CampaignIndexPage",
    "CampaignPage",
    "ClassCheckCount",
    "ClassCode",
    "ClassReport",
    "ClassReportResult",
    "Commune",
    "District",
    "DownloadCount",
    "FactSheetIndexPage",
    "FactSheetPage",
    "HelpFinderPage",
    "HelpService",
    "LessonKitFile",
    "LessonKitIndexPage",
    "LessonKitPage",
    "ManualReach",
    "PageViewCount",
    "OfficialArea",
    "OutreachEvent",
    "OutreachEventPhoto",
    "Province",
    "Quiz",
    "QuizAnswerCount",
    "QuizQuestionDay",
    "QuizQuestion",
    "ProvincePhotoCollection",
    "Topic",
]
