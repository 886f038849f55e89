"""Names of facet values in the reader's language (values are stored as slugs, codes and ids).

A new facet registers its labeller with ``register_labeller`` (lesson kits: grade bands).
"""

import hashlib

from django.utils import translation

from campaigns.campaign_pages import CampaignPage
from campaigns.lessons.pages import GradeBand
from campaigns.places import Province
from campaigns.taxonomy import Topic
from home.caching.fragments import fragment_seconds
from home.caching.page_cache import generations, remembered
from search.sources import kind_labels as labels

_labellers = {}


def register_labeller(facet, function):
    """``function(values) -> {value: label}``, called in the reader's language."""
    _labellers[facet] = function


def facet_labels(facet, values, language):
    """Labels of ``values``, remembered (``page_cache.remembered``) under the search pages' generation too:
    renewed when a page is published or unpublished (campaign titles) and when a topic or province is saved."""
    if not values:
        return {}
    function = _labellers.get(facet)
    if function is None:
        return {}

    def find():
        with translation.override(language):
            return {str(k): str(v) for k, v in function(values).items()}

    if not fragment_seconds():
        return find()

    _site, searches = generations("search")
    digest = hashlib.sha256("|".join(sorted(str(value) for value in values)).encode()).hexdigest()[:24]
    return remembered(f"facet-labels:{searches}:{facet}:{language}:{digest}", find)


def kind_labels(values):

    return {k: v for k, v in labels().items() if k in values}


def topic_labels(values):

    return {t.slug: t.name for t in Topic.objects.filter(slug__in=values)}


def province_labels(values):

    return {p.code: p.name for p in Province.objects.filter(code__in=values)}


def campaign_labels(values):

    ids = [int(v) for v in values if str(v).isdigit()]
    return {str(p.pk): p.title for p in CampaignPage.objects.filter(pk__in=ids)}


def grade_band_labels(values):

    return {value: label for value, label in GradeBand.choices if value in values}


register_labeller("kind", kind_labels)
register_labeller("grade_band", grade_band_labels)
register_labeller("topic", topic_labels)
register_labeller("province", province_labels)
register_labeller("campaign", campaign_labels)
