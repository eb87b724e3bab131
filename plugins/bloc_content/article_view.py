"""What our plugins add to a Pelican article, declared once (no Pelican import).

Pelican's `Article` keeps what Pelican knows (title, slug, url, lang, date, status,
translations) and, from our reader's metadata, `article.bloc`: the parsed file. Everything
the plugins work out about it afterwards is one `ArticleView`, attached once as
`article.view` by `bloc_content` when the slugs are final (`article_generator_finalized`);
the later plugins fill in their own fields of it. Templates read `article.view.facts`,
`article.view.body` and so on: no other attribute is added to an article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

if TYPE_CHECKING:
    from .facts_view import FactsView
    from .freshness import Staleness
    from .model import ItemFile
    from .pairing import Item

VIEW_ATTRIBUTE = "view"


@dataclass(eq=False)
class ArticleView:
    # --- bloc_content, when the slugs are final
    item: Item  # the item this article is a version of: its original and translations, parsed
    is_original: bool  # this file is the item's original (it states the facts)
    state: str  # 'published', or 'draft'/'embargoed' when a preview (BLOC_PREVIEW) shows it
    facts: FactsView  # the item's facts in this article's language, names from the registries
    org_ids: list[str]  # every organisation the item involves, in registry order (member pages, feeds)
    alternates: dict[str, str]  # other language -> URL of the translation, or of its 'not translated yet' page
    # The body as the page shows it: Pelican's `content` (its links resolved), with the
    # photos placed by bloc_photos. Pelican has no setter for an article's content and
    # memoizes what `content` returns, so the body shown is kept here instead of being
    # written into Pelican's private `_content`.
    body: Markup = field(default_factory=Markup)
    # --- bloc_photos
    photo_figures: dict[str, Markup] = field(default_factory=dict)  # photo file -> its <figure>
    lead_photo: Markup = field(default_factory=Markup)  # the lead's figure, above the body (if not placed in it)
    photo_gallery: Markup = field(default_factory=Markup)  # the other photos, after the body
    social_image: str | None = None  # URL of the lead photo's 1200x630 crop (og:image)
    social_image_size: tuple[int, int] | None = None  # its true size (smaller when the photo is)
    social_image_alt: str | None = None  # the photo's alt text in this language
    structured_images: list[dict[str, Any]] = field(default_factory=list)  # 16:9, 4:3, 1:1 crops: {url, width, height}
    # --- bloc_seo
    outdated: Staleness | None = None  # a translation made from an older original: the notice says so

    @property
    def original(self) -> ItemFile:
        """The model of the item's original (the facts)."""
        return self.item.original.model


def attach_view(article: Any, view: ArticleView) -> ArticleView:
    """Attach the view to an article, once: a second view would hide what plugins set on the first."""
    if VIEW_ATTRIBUTE in vars(article):
        raise RuntimeError(f"{article.source_path}: the article already has its view")
    setattr(article, VIEW_ATTRIBUTE, view)
    return view


def view_of(article: Any) -> ArticleView | None:
    """The article's view, or None for an article the site does not show (no facts)."""
    return vars(article).get(VIEW_ATTRIBUTE)
