"""The registry of what search indexes: each kind of material registers one ``Source``.

A source says how to turn one object into one ``IndexDocument`` per language
(title, names, body text, URL, facets), whether the object may be found at all
(published, public), and which objects of its kind exist. Indexing, signals,
the rebuild command and both backends know materials only through this registry,
so a new kind of material (lesson kits, outreach events) is one ``register()`` call
(see ``search/registrations.py``).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from wagtail.models import Page

from home.security import access
from search.files import documents_text

FACETS = ("kind", "topic", "grade_band", "province", "campaign")
# Facets with at most one value per material: their counts, with the "not set"
# bucket, add up to the total. Topics and provinces may hold several values.
SINGLE_VALUED_FACETS = ("kind", "grade_band", "campaign")


@dataclass
class IndexDocument:
    """One material in one language, as every backend indexes it."""

    kind: str
    object_id: str
    language: str
    title: str
    url: str
    body: str = ""
    names: str = ""  # other names, slang included: weighted above the body
    facets: dict = field(default_factory=dict)  # facet -> list of values (slugs, codes)
    summary: str = ""  # the lead a reader sees first: weighted between the names and the body

    @property
    def key(self):
        return f"{self.kind}:{self.object_id}"

    @property
    def doc_id(self):
        return f"{self.key}:{self.language}"


@dataclass
class Source:
    """How one kind of material is indexed.

    ``text(obj)`` returns ``{"title", "url", "summary", "body", "names"}`` for the active
    language (it is called inside ``translation.override``), or None when the
    object has no text of its own in that language. ``facets(obj)`` returns
    ``{facet: [values]}``. ``is_searchable(obj)`` says whether it may be found.
    ``documents(obj)`` lists the Wagtail documents (PDFs) whose text belongs to it in the
    active language (also called inside ``translation.override``); only public ones are read.

    What may be found is checked twice (``home.security.access``): when an object is indexed
    (``is_searchable``) and again for every search (``hidden()``: the ids of objects of this kind
    that may not be found now, whatever the index holds; pages: every page of the model that is not
    public). ``follows_pages(pages)`` gives the objects whose findability follows those pages (the
    events of a campaign), reindexed when a view restriction on them is saved or deleted.
    """

    kind: str
    model: type
    label: object  # a lazy translated string: the kind's name on the results page
    text: callable
    facets: callable = lambda obj: {}
    is_searchable: callable = lambda obj: True
    queryset: callable = None
    documents: callable = lambda obj: []
    is_page: bool = False
    hidden: callable = None
    follows_pages: callable = None

    def all_objects(self):
        if self.queryset is not None:
            return self.queryset()
        return self.model._default_manager.all()

    def hidden_keys(self):
        """Keys of this kind's objects that may not be found now (checked at query time)."""
        if self.hidden is not None:
            ids = self.hidden()
        elif self.is_page:
            ids = access.hidden_pages(self.model.objects.all()).values_list("pk", flat=True)
        else:
            return []
        return [f"{self.kind}:{pk}" for pk in ids]

    def index_documents(self, obj):
        """One ``IndexDocument`` per language the object is written in ([] when it may not be found)."""
        if not self.is_searchable(obj):
            return []

        facets = {name: [str(v) for v in values if v not in (None, "")] for name, values in self.facets(obj).items()}
        facets["kind"] = [self.kind]
        result = []
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                text = self.text(obj)
                attached = [d for d in self.documents(obj) if access.is_public_document(d)] if text else []
            if not text or not (text.get("title") or "").strip():
                continue
            body = text.get("body", "")
            files_text = documents_text(attached)
            if files_text:
                body = f"{body}\n{files_text}"
            result.append(
                IndexDocument(
                    kind=self.kind,
                    object_id=str(obj.pk),
                    language=language,
                    title=text["title"].strip(),
                    url=text["url"],
                    body=body,
                    names=text.get("names", ""),
                    summary=(text.get("summary") or "").strip(),
                    facets=facets,
                )
            )
        return result


_registry = {}


def register(source):
    """Add a kind of material to search. Registering the same kind again replaces it."""
    _registry[source.kind] = source
    return source


def sources():
    return list(_registry.values())


def source_for(obj):
    """The source of ``obj`` (its most specific registered model), or None."""
    for source in _registry.values():
        if isinstance(obj, source.model):
            return source
    return None


def hidden_keys():
    """Every material that may not be found now, as ``"kind:id"`` keys: each search leaves them out.

    The page kinds are asked in one statement (``access.hidden_pages`` over every page of their
    models, with each page's type), not one per kind: the same rule, one query a search."""
    pages = {
        ContentType.objects.get_for_model(source.model).pk: source
        for source in _registry.values()
        if source.is_page and source.hidden is None
    }
    keys = []
    if pages:
        rows = access.hidden_pages(Page.objects.filter(content_type_id__in=list(pages)))
        keys = [f"{pages[type_id].kind}:{pk}" for pk, type_id in rows.values_list("pk", "content_type_id")]
    others = (source for source in _registry.values() if source.hidden is not None or not source.is_page)
    return keys + [key for source in others for key in source.hidden_keys()]


def kind_labels():
    return {source.kind: source.label for source in _registry.values()}
