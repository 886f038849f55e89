"""What each of the site's roles (``home/roles.py``) may do with the campaigns app's models.

Granted when the app is ready (``campaigns/apps.py``); the roles themselves are made by home's
migrations, which give every permission granted here that exists by then.
"""

from home.roles import MODERATORS, OUTREACH_STAFF, PROVINCIAL_COORDINATORS, PROVINCIAL_OFFICIALS, grant

# Outreach events: officials log and report their own area's events (their area is an OfficialArea,
# campaigns/events/officials.py); coordinators also verify reports; NACD staff work in every province.
EVENT_PERMISSIONS = [
    "campaigns.view_outreachevent",
    "campaigns.add_outreachevent",
    "campaigns.change_outreachevent",
    "campaigns.delete_outreachevent",
]
# Topics, audiences, help services, classes taught and reach: outreach staff and moderators.
STAFF_PERMISSIONS = [
    "campaigns.add_topic",
    "campaigns.change_topic",
    "campaigns.add_audience",
    "campaigns.change_audience",
    "campaigns.add_helpservice",
    "campaigns.change_helpservice",
    "campaigns.view_classreport",
    "campaigns.change_classreport",
    "campaigns.view_reach",
    "campaigns.add_manualreach",
    "campaigns.change_manualreach",
    "campaigns.view_manualreach",
    # Quizzes: staff write and submit them for moderation; moderators publish (campaigns/quizzes/).
    "campaigns.add_quiz",
    "campaigns.change_quiz",
    "campaigns.view_quiz",
]
MODERATOR_ONLY = [
    "campaigns.delete_topic",
    "campaigns.delete_audience",
    "campaigns.delete_helpservice",
    "campaigns.publish_quiz",
    "campaigns.lock_quiz",
    "campaigns.delete_quiz",
]


def grant_campaign_permissions():
    grant(OUTREACH_STAFF, [*STAFF_PERMISSIONS, *EVENT_PERMISSIONS[:3], "campaigns.manage_all_areas"])
    grant(
        MODERATORS,
        [
            *STAFF_PERMISSIONS,
            *MODERATOR_ONLY,
            *EVENT_PERMISSIONS,
            "campaigns.verify_outreachevent",
            "campaigns.manage_all_areas",
        ],
    )
    grant(PROVINCIAL_OFFICIALS, EVENT_PERMISSIONS)
    grant(PROVINCIAL_COORDINATORS, [*EVENT_PERMISSIONS, "campaigns.verify_outreachevent"])
