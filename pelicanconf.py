"""Settings of the site for local builds. Values only: the logic lives in plugins/."""

SITENAME = "Khối thi đua các bộ, ngành Nội chính Trung ương"
SITEURL = ""
RELATIVE_URLS = False

PATH = "content"
ARTICLE_PATHS = ["news"]
PAGE_PATHS = []
STATIC_PATHS = []
IGNORE_FILES = [".#*", "*~", ".*"]
OUTPUT_PATH = "output"
THEME = "theme"
PLUGIN_PATHS = ["plugins"]
# The pipeline, in order: content model, theme i18n, photos, indexes, search engines
# and feeds, the writer that reuses unchanged pages, safety, search index, and last the
# browser editor (/admin/, its own CSP).
PLUGINS = ["bloc_content", "bloc_i18n", "bloc_photos", "bloc_indexes", "bloc_seo", "bloc_render", "bloc_safety",
           "bloc_search", "bloc_cms"]

TIMEZONE = "Asia/Ho_Chi_Minh"
# The language table (docs/architecture.md): the original's language, then every
# language in the order of the toggle, with its own name and its locale. A language is
# added here, in BLOC_URLS, BLOC_MARKDOWN_BY_LANG, the registries' names and the theme's
# catalogues; the code reads them all from this table.
DEFAULT_LANG = "vi"
BLOC_LANGS = {
    "vi": {"name": "Tiếng Việt", "locale": "vi_VN"},
    "en": {"name": "English", "locale": "en_GB"},
}
ARTICLE_TRANSLATION_ID = "translation_key"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"
WITH_FUTURE_DATES = False

# Every URL of the site, in both languages. Pretty URLs end with '/'.
BLOC_URLS = {
    "vi": {
        "home": "",
        "article": "tin-tuc/{date:%Y}/{slug}/",
        "years": "nam/",
        "year": "{year}/",
        "members": "bo-nganh/",
        "member": "bo-nganh/{slug}/",
        "search": "tim-kiem/",
        "untranslated": "tin-tuc/chua-dich/{key}/",
        "feed": "tin-tuc/atom.xml",
        "member_feed": "bo-nganh/{slug}/atom.xml",
        "page": "{base}trang/{number}/",
    },
    "en": {
        "home": "en/",
        "article": "en/news/{date:%Y}/{slug}/",
        "years": "en/years/",
        "year": "en/{year}/",
        "members": "en/members/",
        "member": "en/members/{slug}/",
        "search": "en/search/",
        "untranslated": "en/news/untranslated/{key}/",
        "feed": "en/news/atom.xml",
        "member_feed": "en/members/{slug}/atom.xml",
        "page": "{base}page/{number}/",
    },
}
# Files of the whole site, in no language (bloc_seo writes them).
BLOC_SITE_URLS = {"sitemap": "sitemap.xml", "news_sitemap": "sitemap-news.xml",
                  "robots": "robots.txt", "not_found": "404.html"}
# The absolute origin used in canonical and hreflang links, sitemaps, feeds and JSON-LD
# (SITEURL stays '' so local pages link root-relative). publishconf.py sets the real one.
BLOC_SITE_ORIGIN = "http://localhost:8000"
# Each article's URL is BLOC_URLS[its language]["article"] (bloc_content sets it: Pelican's
# ARTICLE_LANG_URL is one pattern for every other language).

# Pelican's own listing pages are replaced by ours (bloc_indexes), in both languages.
DIRECT_TEMPLATES = []
PAGE_SAVE_AS = ""
PAGE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Markdown: no attr_list (it turns `{: onclick=...}` into attributes), no raw-HTML tricks.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.tables": {"use_align_attribute": True},  # no inline styles (CSP)
        "markdown.extensions.footnotes": {},
        "markdown.extensions.abbr": {},
        "markdown.extensions.def_list": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html",
}

# What Markdown writes in its own words, per language.
BLOC_MARKDOWN_BY_LANG = {
    "vi": {"markdown.extensions.footnotes": {"BACKLINK_TITLE": "Quay lại chỗ chú thích %d trong bài"}},
    "en": {"markdown.extensions.footnotes": {"BACKLINK_TITLE": "Back to footnote %d in the text"}},
}

# Templates autoescape: only sanitised HTML is marked safe.
JINJA_ENVIRONMENT = {
    "extensions": ["jinja2.ext.i18n"],
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
}

# The content cache is keyed by file contents, not modification times, so it survives a
# fresh clone when the cache folder is restored.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "md5"
CACHE_PATH = ".cache/pelican"
# `bloc build` removes the cache entries (pages, photos, search bundles...) no build used
# for this many days, after a successful build.
BLOC_CACHE_MAX_AGE_DAYS = 30

DEFAULT_PAGINATION = 10
SUMMARY_MAX_LENGTH = None
READERS = {"rst": None, "html": None, "htm": None}

# The browser editor (/admin/, Decap CMS; see docs/publishing.md). Locally it edits the
# working copy through decap-server on 127.0.0.1 (`make cms`), saving straight to disk.
# publishconf.py switches to GitHub with review of every change.
BLOC_CMS_REPO = "owner/repository"
BLOC_CMS_BRANCH = "main"
BLOC_CMS_LOCAL_BACKEND = "http://127.0.0.1:8081/api/v1"
BLOC_CMS_PUBLISH_MODE = "simple"
