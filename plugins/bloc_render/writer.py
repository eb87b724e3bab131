"""Pelican glue: a Writer that reuses the previous build's file for a page whose
fingerprint has not changed, and renders the others.

A page's fingerprint is the site's digest (settings, code, registries, catalogues,
library versions), its template's closure, its name, and the digest of every value it is
rendered with: the values the generator passes for this page and the values of the shared
context that its templates read. An article in those values counts with everything it
carries (its HTML with links resolved, its facts, its parsed file); an article inside an
article (a translation) counts by what a page shows of it.

Rendering a page also has effects besides its file: `seo_head` records the page for the
sitemaps and places its social card. A global marked `bloc_replay` is recorded while a page
renders and called again with the same arguments when the page is reused.
"""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

from bloc_content.plugin_settings import apply
from bloc_content.registries import data_folder
from bloc_content.validate import ParsedItem
from pelican.contents import Content
from pelican.utils import sanitised_join
from pelican.writers import Writer

from .digest import Digester, Unstable, new_hash
from .settings import SETTINGS
from .site import STATE_SETTING, VOLATILE_SETTINGS, folder_files, site_digest
from .state import Entry, RenderState, link_or_copy
from .templates import template_facts

log = logging.getLogger(__name__)

# Never part of an article's digest: the whole settings and context (the site digest and
# the names a template reads cover what a page uses of them).
SKIPPED_ATTRIBUTES = ("settings", "_context")
# Read by the gettext callables and by Pelican's writer whatever the template names.
ALWAYS_READ = ("page_lang", "article", "page", "DEFAULT_LANG", "SITEURL")
_CONTENT_REF = "bloc_render.content"


def shown_of(content: Content) -> tuple:
    """What a page shows of an article other than its own (a translation in a toggle)."""
    return (_CONTENT_REF, content.source_path, getattr(content, "lang", None), getattr(content, "url", None),
            getattr(content, "save_as", None), getattr(content, "title", None), getattr(content, "status", None),
            str(getattr(content, "date", "")))


def parsed_stand_in(parsed: ParsedItem) -> tuple:
    """A parsed item file is what its text says, read against the registries and settings
    (in the site's digest); its problems are added by the rules across files."""
    text = parsed.front.text if parsed.front is not None else parsed.raw_text
    return ("bloc_render.parsed", parsed.path, parsed.source, new_hash_of(text), parsed.diagnostics)


def new_hash_of(text: str) -> str:
    hasher = new_hash()
    hasher.update(text.encode("utf-8", "surrogatepass"))
    return hasher.hexdigest()


def site_of(settings) -> str:
    """The site's digest, taken when the build starts: a file edited while it runs makes
    the next build differ, never a page recorded with what it was not rendered from.
    Raises Unstable when a setting has no stable description."""
    data = data_folder(settings)
    theme = Path(settings["THEME"])
    # The record of published URLs is rewritten by the build itself; what it decides
    # (redirect pages, URLs) reaches the pages through their values.
    registries = folder_files(data, leave_out=("urls.yaml",))
    plugin_roots = [Path(p) for p in settings.get("PLUGIN_PATHS", [])]
    catalogues = folder_files(theme, "*.po") + [
        (f"plugins/{shown}", path) for root in plugin_roots for shown, path in folder_files(root, "*.po")]
    # The social cards a page names (drawn while it renders) are keyed by the fonts too.
    catalogues += [(f"fonts/{shown}", path) for shown, path in folder_files(theme / "static" / "fonts")]
    plugins = [p for p in settings.get("PLUGINS", []) if isinstance(p, str)]
    return site_digest(settings, VOLATILE_SETTINGS, plugins, registries, catalogues)


class Fingerprints:
    """The fingerprints of one build's pages, memoised per article and per context value."""

    def __init__(self, settings, site: str) -> None:
        self.settings = settings
        self.site = site
        self._articles: dict[int, tuple[Content, str]] = {}
        self._shared: dict[tuple[str, int], tuple[object, str]] = {}
        self._templates: dict[tuple[int, str], object] = {}
        self._inner = Digester(special=self._inner_stand_in, skip_attributes=SKIPPED_ATTRIBUTES, remember=True)
        self._outer = Digester(special=self._article_stand_in, skip_attributes=SKIPPED_ATTRIBUTES,
                               remember=True)

    @staticmethod
    def _inner_stand_in(value):
        if isinstance(value, Content):
            return shown_of(value)
        return parsed_stand_in(value) if isinstance(value, ParsedItem) else None

    def _article_stand_in(self, value):
        if isinstance(value, Content):
            return ("article", self.article(value))
        return parsed_stand_in(value) if isinstance(value, ParsedItem) else None

    def article(self, content: Content) -> str:
        found = self._articles.get(id(content))
        if found is None:
            hasher = new_hash()
            self._inner.feed_attributes(hasher, content)
            # The HTML with its links to other items resolved (a moved item changes them).
            self._inner.feed(hasher, content.content)
            found = self._articles[id(content)] = (content, hasher.hexdigest())  # kept: ids stay unique
        return found[1]

    def _value(self, value) -> str:
        """A value passed for a page. One object passed for several pages (a member's view
        for each page of its list) is digested once: the generators finish a value before
        they write a page with it, so it does not change between those pages."""
        if value is None or isinstance(value, str | int | float | bool):
            return self._outer.digest(value)
        return self._shared_value("", value)

    def _shared_value(self, name: str, value) -> str:
        key = (name, id(value))
        found = self._shared.get(key)
        if found is None:
            found = self._shared[key] = (value, self._outer.digest(value))
        return found[1]

    def template(self, template):
        env = template.environment
        key = (id(env), template.name)
        if key not in self._templates:
            self._templates[key] = template_facts(env, template.name)
        if not template.is_up_to_date:  # edited since Jinja compiled it: its source is not what renders
            raise Unstable(f"template {template.name} changed during the build")
        return self._templates[key]

    def page(self, name: str, template, context: dict, relative_urls: bool, values: dict) -> str:
        """Raises Unstable when a value has no stable description."""
        facts = self.template(template)
        hasher = new_hash()
        hasher.update(b"%s\0%s\0%s\0%s\0" % (self.site.encode(), facts.digest.encode(), name.encode("utf-8"),
                                             str(bool(relative_urls)).encode()))
        for key in sorted(values):
            hasher.update(b"v%s\0%s\0" % (key.encode(), self._value(values[key]).encode()))
        env_globals = template.environment.globals
        for read in sorted((facts.names | set(ALWAYS_READ)) - set(values)):
            if read in context:
                hasher.update(b"c%s\0%s\0" % (read.encode(), self._shared_value(read, context[read]).encode()))
            elif read in env_globals:
                hasher.update(b"g%s\0%s\0" % (read.encode(), self._shared_value(read, env_globals[read]).encode()))
        return hasher.hexdigest()


class Recorder:
    """Wraps a global marked `bloc_replay` for one page's render and keeps its calls."""

    def __init__(self, name: str, function, calls: list) -> None:
        self.name, self.function, self.calls = name, function, calls

    def __call__(self, *args, **kwargs):
        self.calls.append((self.name, tuple(_ref(a) for a in args), {k: _ref(v) for k, v in kwargs.items()}))
        return self.function(*args, **kwargs)


def _ref(value):
    return (_CONTENT_REF, value.source_path, value.lang) if isinstance(value, Content) else value


class ReusingWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.state: RenderState = settings[STATE_SETTING]
        self.state.load(Path(settings["CACHE_PATH"]))
        self._articles: dict[tuple[str, str], Content] | None = None
        self._context: dict = {}  # the shared context, as the generators pass it
        self.prints = Fingerprints(settings, self.state.site) if self.state.site else None

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        if self.state.only_templates is not None and template.name not in self.state.only_templates:
            return None
        paginates = (paginated or any(k in kwargs for k in ("articles", "dates"))) and \
            template_name in self.settings["PAGINATED_TEMPLATES"]
        if not name or paginates or self.prints is None:
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        try:
            fingerprint = self.prints.page(name, template, context, relative_urls, kwargs)
        except Unstable as exc:
            log.info("bloc_render: %s is rendered (no stable value: %s)", name, exc)
            fingerprint = None
        self._context = context
        path = sanitised_join(self.output_path, name)
        entry = self.state.reusable(name, fingerprint) if fingerprint else None
        if entry is not None and path not in self._written_files and self._replay(entry.effects, template):
            link_or_copy(self.state.previous / name, Path(path))
            log.info('Writing "%s" (unchanged: linked from the previous build)', path)
            self._written_files.add(path)
            if override_output:
                self._overridden_files.add(path)
            self.state.new[name] = Entry(fingerprint, entry.effects)
            self.state.reused += 1
            return None
        calls: list = []
        recorders = {key: Recorder(key, value, calls) for key, value in template.environment.globals.items()
                     if getattr(value, "bloc_replay", False) and key not in kwargs}
        result = super().write_file(name, template, context, relative_urls, paginated, template_name,
                                    override_output, url, **kwargs, **recorders)
        self.state.rendered += 1
        if fingerprint and _picklable(calls):
            self.state.new[name] = Entry(fingerprint, tuple(calls))
        return result

    def _replay(self, effects: tuple, template) -> bool:
        """Call the recorded globals again; False (render instead) if one cannot be."""
        env_globals = template.environment.globals
        resolved = []
        for name, args, kwargs in effects:
            function = env_globals.get(name)
            if function is None:
                return False
            try:
                resolved.append((function, [self._resolve(a) for a in args],
                                 {k: self._resolve(v) for k, v in kwargs.items()}))
            except LookupError:
                return False
        for function, args, kwargs in resolved:
            function(*args, **kwargs)
        return True

    def _resolve(self, value):
        if not (isinstance(value, tuple) and len(value) == 3 and value[0] == _CONTENT_REF):
            return value
        if self._articles is None:
            # every item Pelican read, translations and drafts too, by its source
            self._articles = {(c.source_path, c.lang): c for c in self._context.get("generated_content", {}).values()
                              if isinstance(c, Content)}
        return self._articles[(value[1], value[2])]


def _picklable(calls: list) -> bool:
    try:
        pickle.dumps(calls)
    except Exception:  # any object the record cannot keep: the page is not reused next time
        return False
    return True


def initialized(pelican) -> None:
    apply(pelican.settings, SETTINGS, pelican.settings.get("BLOC_ROOT"))
    state = pelican.settings.get(STATE_SETTING)
    if isinstance(state, RenderState) and state.only_templates is None:
        try:
            state.site = site_of(pelican.settings)
        except Unstable as exc:
            log.info("bloc_render: every page is rendered (a setting has no stable value: %s)", exc)
            state.site = None


def get_writer(pelican):
    return ReusingWriter if isinstance(pelican.settings.get(STATE_SETTING), RenderState) else None
