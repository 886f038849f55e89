"""Who may see a quiz, in the one access rule (home/security/access.py): a published quiz on a page the
reader may see. A draft, a quiz in moderation or one whose page is unpublished or private is not there."""

from campaigns.quizzes.models import Quiz
from home.security import access


def may_see_quiz(viewer, quiz):
    if not quiz.live or quiz.page_id is None:  # unattached: its page was deleted
        return False
    page = quiz.page
    if hasattr(viewer, "META"):
        return access.may_see_page(viewer, page)
    return access.is_public_page(page)


def visible_quizzes(viewer, queryset):
    """Listings and counts: published quizzes of public pages."""
    return queryset.filter(live=True, page__in=access.public_pages().values("pk"))


def register():
    access.register_rule(Quiz, may_see_quiz, visible_quizzes)
