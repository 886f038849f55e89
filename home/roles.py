"""The roles of the site as Wagtail groups, and what each may do.

Created by a data migration (``home/migrations/0002_roles.py``) and safe to
apply again: :func:`ensure_roles` only adds what is missing.
"""

OUTREACH_STAFF = "Outreach staff"
MODERATORS = "Moderators"
PROVINCIAL_OFFICIALS = "Provincial officials"
PROVINCIAL_COORDINATORS = "Provincial coordinators"

# Model and page permissions of each role, as "app_label.codename". Home knows only the admin; each
# feature grants its own permissions when its app is ready (``grant``; campaigns/roles.py).
ROLE_PERMISSIONS = {
    OUTREACH_STAFF: ["wagtailadmin.access_admin"],
    MODERATORS: ["wagtailadmin.access_admin"],
    PROVINCIAL_OFFICIALS: ["wagtailadmin.access_admin"],
    PROVINCIAL_COORDINATORS: ["wagtailadmin.access_admin"],
}

# Page permissions on the whole tree: outreach staff write, moderators also publish.
PAGE_PERMISSIONS = {
    OUTREACH_STAFF: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}

# Image and document permissions on the root collection.
COLLECTION_PERMISSIONS = {
    OUTREACH_STAFF: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
}
COLLECTION_PERMISSIONS[MODERATORS] = COLLECTION_PERMISSIONS[OUTREACH_STAFF]
# Officials upload the photos of their events.
COLLECTION_PERMISSIONS[PROVINCIAL_OFFICIALS] = ["wagtailimages.add_image", "wagtailimages.choose_image"]
COLLECTION_PERMISSIONS[PROVINCIAL_COORDINATORS] = COLLECTION_PERMISSIONS[PROVINCIAL_OFFICIALS]


def grant(role, permissions):
    """Add model permissions (``"app_label.codename"``) to a role; ``ensure_roles`` gives them."""
    for permission in permissions:
        if permission not in ROLE_PERMISSIONS[role]:
            ROLE_PERMISSIONS[role].append(permission)


def ensure_roles(apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permissions(dotted_names):
        """The permissions that exist (a migration may run before a later app's models exist)."""
        found = []
        for dotted in dotted_names:
            app_label, codename = dotted.split(".")
            found.extend(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
        return found

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for name, dotted_names in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions(dotted_names))
        if root_page is not None:
            for page_permission in permissions(f"wagtailcore.{c}" for c in PAGE_PERMISSIONS.get(name, [])):
                GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=page_permission)
        if root_collection is not None:
            for collection_permission in permissions(COLLECTION_PERMISSIONS.get(name, [])):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=collection_permission
                )
