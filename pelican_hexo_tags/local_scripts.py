"""A Hexo site's own scripts (``scripts/*.js``, ``themes/NAME/scripts/**/*.js``), run in an embedded V8.

Hexo runs every such file with a ``hexo`` in scope, and what the file
registers there works like a plugin's. Here a script that registers
tags, filters or generators with plain JavaScript runs in V8 (mini-racer) behind a small
``hexo`` (``static/local_scripts/hexo.js``): ``extend.tag.register``,
``extend.filter.register``, ``extend.generator.register``, ``config``, ``theme.config`` and
``render.renderSync`` for Markdown (rendered here, by replaying the tag or
filter once the text it asked for is rendered). ``require`` offers ``path``, ``url``
(``URL``, ``URLSearchParams``, the legacy ``parse``/``format``), the pure and URL parts of
``hexo-util`` (``static/hexo-util``, hexo-util 4.0.0's own code: ``encodeURL``, ``url_for``,
``full_url_for``...), ``lodash``, ``moment``, ``nunjucks`` (``static/nunjucks``, its browser
build) and ``micromatch`` (``static/micromatch``, bundled) themselves, the site's own modules
(``require('./generator')``), and an ``fs`` whose ``readFileSync``/``existsSync``/``readFile``
read only the files beside the scripts run and the modules they require (handed in beforehand:
a generator's template such as chameleon's ``.atom.xml``). An async filter, tag or generator
runs when it awaits only promises: V8 runs their jobs as the call
returns (``hexo.js`` ``__later``); one waiting on a timer or I/O is reported.

* A generator registers into the site's :class:`Extensions` under its name,
  after every plugin's, so a script's ``atom`` replaces hexo-generator-feed's
  as in Hexo. It gets Hexo's locals (:func:`locals_json`): posts and pages
  with their front matter, ``date``/``updated`` as moment objects in the
  machine's zone (Hexo's are too: a site with ``timezone: Asia/Tokyo`` built
  in UTC formats UTC days), tags and categories, all as warehouse-like
  ``Query`` objects (``sort``, ``filter``, ``limit``, ``first``, ``toArray``...).
  Its ``{path, data}`` routes (one, a list, or a promise of either) are
  written beside the pages; a route with a theme ``layout`` is not (a warning
  naming the script), nor is anything from a generator that throws.

* A script that requires anything else is reported (``check``'s profile and a
  build warning naming the file) and never run; so is one that only
  registers helpers, generators, injectors or filters at stages no post
  goes through (``before_generate``, ``template_locals``), which Pelican's
  theme and generators stand in for (without a warning: no post loses
  anything).
* A script that throws while loading is a warning naming the file; a filter
  or tag that throws is a warning naming the file, and the post still renders
  without that one filter's change.
* Filters at ``before_post_render``, ``after_post_render`` and
  ``after_render:html`` register into the site's :class:`Extensions` at their
  priority, after every plugin's (Hexo loads scripts last); tags into its
  ``tags``.
* ``marked:renderer`` and ``marked:tokenizer`` filters (hexo-renderer-marked's
  own filter types) run in V8 at every render on one renderer and one
  tokenizer object, as hexo-renderer-marked runs them on its module-level
  ones (a filter wrapping a method wraps its own last wrapper); for each method they
  replace, the Markdown engine calls the script's function with marked 15's
  token, built from markdown-it's (:func:`marked_bridge_plugin`). Bridged:
  the renderer's heading, paragraph, blockquote, link, image, strong, em,
  del, codespan, code (indented code: Hexo takes fenced code out before
  marked), hr and br, and the tokenizer's inlineText. A script's
  function calling the method it replaced gets this package's rendering of
  the same token (its arguments changed or not); ``this.parser.parseInline``
  gives the rendered children of the token it is handed; returning
  ``false`` gives marked's own rendering, as ``marked.use`` does. Other
  methods are reported, and rendered as if not replaced.

What is loaded is keyed on the scripts' content and the config, so an edited
script gives a new engine, a new V8 context and (``script_files``) a new
content-cache stamp for every post.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .html import strip_html
from .js_runtime import js_call, js_context, read_static

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.renderer import RendererHTML
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token
    from markdown_it.utils import EnvType, OptionsDict

    from .extend import Extensions, Route
    from .generators import SiteLocals, SitePost, Taxon

logger = logging.getLogger(__name__)

_REGISTERS = re.compile(
    r"""\bextend\.(tag|filter|helper|generator|injector|renderer|console|processor|deployer|migrator)"""
    r"""\.register\(\s*['"`]([^'"`]+)""",
)
_EXTEND = re.compile(r"\bhexo\.extend\b|\bextend\.\w+\.register\b")
_EXPORTS = re.compile(r"\bmodule\.exports\b|\bexports\.\w+\s*=")
_REQUIRES = re.compile(r"""\brequire\(\s*['"]([^'"]+)['"]""")
# What the hexo object in V8 answers for require() (static/local_scripts/hexo.js `__require`).
OFFERED_MODULES = frozenset(
    {
        *("hexo-util", "path", "node:path", "path/posix", "url", "node:url", "fs", "node:fs"),
        *("lodash", "moment", "nunjucks", "micromatch"),
    }
)
# Offered so a script loads; calling one of their functions fails, as a warning naming the script.
STUB_MODULES = frozenset({"child_process", "node:child_process"})
# Registrations that change a post (filters only at a post's stages); the others are for pages
# Pelican's theme and generators make, or for Hexo's own build steps.
_POST_KINDS = frozenset({"tag"})
# Registrations run here though they change no post: a generator's files are written beside the pages.
_RUN_KINDS = frozenset({"generator"})
# Filter types run here; hexo-renderer-marked's marked:* go to the Markdown engine.
_POST_STAGES = ("before_post_render", "after_post_render", "after_render:html")
_MARKED_STAGES = ("marked:renderer", "marked:tokenizer")
# Hexo's own aliases of filter types (lib/extend/filter.ts), as the hexo object in V8 applies them.
_FILTER_ALIASES = {"pre": "before_post_render", "post": "after_post_render", "after_render": "after_render:html"}
_HEXO_UTIL = (
    *("escape_html", "unescape_html", "strip_html", "slugize", "escape_diacritic", "escape_regexp"),
    *("encode_url", "decode_url", "url_for", "full_url_for", "relative_url", "pretty_urls", "cache"),
)
# A file beside a script that `fs` may read (a generator's template): text, and no larger than this.
_BESIDE_LIMIT = 512 * 1024
# hexo-renderer-marked 7's defaults for config.marked (its index.js), which scripts read as Hexo's config.
MARKED_DEFAULTS: dict[str, Any] = {
    "gfm": True,
    "pedantic": False,
    "breaks": True,
    "smartLists": True,
    "smartypants": True,
    "modifyAnchors": 0,
    "autolink": True,
    "mangle": True,
    "sanitizeUrl": False,
    "dompurify": False,
    "headerIds": True,
    "anchorAlias": False,
    "lazyload": False,
    "prependRoot": True,
    "postAsset": False,
    "external_link": {"enable": False, "exclude": [], "nofollow": False},
    "descriptionLists": True,
}


def script_report(path: Path) -> dict[str, Any]:
    """What one local script registers (``tag: note``, ``filter: after_post_render``) and the packages it requires."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        return {"registers": [], "requires": [], "error": error.strerror or str(error)}
    return {
        "registers": [f"{kind}: {name}" for kind, name in _REGISTERS.findall(text)],
        "requires": sorted(set(_REQUIRES.findall(text))),
        # Hexo runs such a file too, but it is there for the scripts that require it.
        "module": bool(_EXPORTS.search(text)) and not _EXTEND.search(text),
    }


def script_paths(root: str | Path | None, theme: str) -> list[Path]:
    """The files Hexo runs as scripts, in its order: the site's ``scripts/``, then the theme's."""
    if not root:
        return []
    found = sorted((Path(root) / "scripts").glob("**/*.js"))
    if theme:
        found += sorted((Path(root) / "themes" / theme / "scripts").glob("**/*.js"))
    return [path for path in found if path.is_file()]


def script_stamps(root: str | None) -> tuple[tuple[str, float], ...]:
    """Every script file under ``scripts/`` and any theme's ``scripts/`` with its mtime (the theme is not known yet)."""
    if not root:
        return ()
    # Asked for at every look at the config (a few times a post): most sites have no scripts folder,
    # and two globs that find nothing were half of that look.
    found = sorted(Path(root).glob("scripts/**/*.js")) if os.path.isdir(os.path.join(root, "scripts")) else []
    if os.path.isdir(os.path.join(root, "themes")):
        found += sorted(Path(root).glob("themes/*/scripts/**/*.js"))
    stamps = []
    for path in found:
        try:
            stamps.append((str(path), path.stat().st_mtime))
        except OSError:
            continue
    return tuple(stamps)


def script_files(root: str | None, theme: str) -> list[str]:
    """The local scripts as paths, for stamps that must change when one is edited."""
    return [str(path) for path in script_paths(root, theme)]


def _changes_posts(registration: str) -> bool:
    """Whether a registration (``filter: after_post_render``) is one a post's HTML goes through."""
    kind, _, name = registration.partition(": ")
    if kind == "filter":
        return _FILTER_ALIASES.get(name, name) in (*_POST_STAGES, *_MARKED_STAGES)
    return kind in _POST_KINDS


def _is_relative(name: str) -> bool:
    return name.startswith(("./", "../", "/")) or name in (".", "..")


def resolve_local(script: Path, name: str) -> Path | None:
    """The file ``require(name)`` in ``script`` loads when ``name`` is relative (Node's order), or None."""
    base = Path(os.path.normpath(script.parent / name))
    for candidate in (base, base.with_name(base.name + ".js"), base.with_name(base.name + ".json"), base / "index.js"):
        if candidate.is_file():
            return candidate
    return None


def _missing_requires(path: Path, report: Mapping[str, Any], seen: set[Path] | None = None) -> list[str]:
    """The packages ``path`` requires, itself or through the site's own modules it requires, not offered here."""
    seen = seen if seen is not None else {path}
    missing = []
    for name in report["requires"]:
        if not _is_relative(name):
            if name not in OFFERED_MODULES | STUB_MODULES:
                missing.append(name)
            continue
        found = resolve_local(path, name)
        if found is None:
            missing.append(name)
        elif found not in seen and found.suffix == ".js":
            seen.add(found)
            missing += _missing_requires(found, script_report(found), seen)
    return list(dict.fromkeys(missing))


def _required_modules(script: Path) -> list[Path]:
    """The site's own modules ``script`` requires, itself or through them."""
    found: list[Path] = []
    pending = [script]
    while pending:
        current = pending.pop()
        for name in script_report(current)["requires"]:
            module = resolve_local(current, name) if _is_relative(name) else None
            if module is not None and module != script and module not in found:
                found.append(module)
                pending.append(module)
    return found


def _why_not_run(report: Mapping[str, Any], path: Path | None = None) -> str:
    """Why a script is not run ('' when it is), from what it says it registers and requires."""
    if report.get("error"):
        return f"cannot be read: {report['error']}"
    registers = list(dict.fromkeys(report["registers"]))
    runs = any(_changes_posts(entry) or entry.partition(": ")[0] in _RUN_KINDS for entry in registers)
    if registers and not runs:
        return f"registers only {', '.join(registers)}, which changes no post here"
    if report.get("module"):
        return "registers nothing: a module the site's other scripts require"
    if path is not None:
        missing = _missing_requires(path, report)
    else:
        missing = [name for name in report["requires"] if name not in OFFERED_MODULES | STUB_MODULES]
    if missing:
        return f"requires {', '.join(missing)}, not offered here"
    return ""


def _beside(paths: Sequence[Path]) -> list[Path]:
    """The files in the folders of ``paths`` that a script may read or require (its templates, dotfiles too)."""
    found: list[Path] = []
    for folder in dict.fromkeys(path.parent for path in paths):
        try:
            children = sorted(folder.iterdir())
        except OSError:
            continue
        for child in children:
            try:
                if child.is_file() and child.stat().st_size <= _BESIDE_LIMIT:
                    found.append(child)
            except OSError:
                continue
    return found


def script_support_files(root: str | Path | None, theme: str) -> list[Path]:
    """The files beside the site's scripts that are not scripts (a template such as ``.atom.xml``), for ``import``."""
    scripts = script_paths(root, theme)
    known = set(scripts)
    return [path for path in _beside(scripts) if path not in known]


def _json_safe(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


_warned: set[str] = set()


def _warn_once(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        logger.warning("%s", message)


@dataclass
class ScriptStatus:
    """One local script: what it registers and requires, whether it ran, and what became of it."""

    file: str
    registers: list[str]
    requires: list[str]
    run: bool = False
    why: str = ""
    loaded: list[str] = field(default_factory=list)

    def describe(self) -> str:
        registers = ", ".join(self.registers) or "nothing Hexo-visible"
        needs = f" (requires {', '.join(self.requires)})" if self.requires else ""
        state = "run" if self.run else f"not run: {self.why}"
        if self.run and self.why:
            state = f"run; {self.why}"
        return f"{registers}{needs}; {state}"


class LocalScripts:
    """The local scripts of one site, loaded into one V8 context; the site's :class:`MarkedHooks`."""

    def __init__(self, config: Mapping[str, Any]) -> None:
        root = getattr(config, "source_root", None)
        theme = str(config.get("theme") or "")
        self.statuses: dict[str, ScriptStatus] = {}
        sources: list[tuple[str, str]] = []
        runnable: list[Path] = []
        for path in script_paths(root, theme):
            name = path.relative_to(str(root)).as_posix()
            report = script_report(path)
            status = ScriptStatus(name, report["registers"], report["requires"])
            status.why = _why_not_run(report, path)
            self.statuses[name] = status
            if not status.why:
                sources.append((name, path.read_text(encoding="utf-8", errors="replace")))
                runnable.append(path)
        self._site_json = ""
        if sources:
            marked = {**MARKED_DEFAULTS, **dict(config.get("marked") or {})}
            site = {
                "config": _json_safe({**config, "marked": marked}),
                "theme_config": _json_safe(config.get("theme_config") or {}),
                "base_dir": str(root or ""),
            }
            self._site_json = json.dumps(site, ensure_ascii=False)
        # What require('./x') and fs read: the files beside each script run, and beside what they require.
        self._files = self._local_files(runnable) if sources else {}
        # A module (generator.js) runs when a script run requires it: name → the script requiring it.
        self._required_by: dict[str, str] = {}
        for path in runnable:
            for found in _required_modules(path):
                module = found.relative_to(str(root)).as_posix() if root else found.as_posix()
                self._required_by.setdefault(module, path.relative_to(str(root)).as_posix())
        digest = hashlib.sha256(self._site_json.encode("utf-8", "surrogatepass"))
        for name, text in sources:
            digest.update(f"\0{name}\0{text}".encode("utf-8", "surrogatepass"))
        for name, text in self._files.items():
            digest.update(f"\1{name}\0{text}".encode("utf-8", "surrogatepass"))
        self.key = digest.hexdigest()[:20]
        self._sources = sources
        self._methods: dict[str, tuple[str, ...]] = dict.fromkeys(_MARKED_STAGES, ())
        self.has_marked_filters = False

    @staticmethod
    def _local_files(runnable: Sequence[Path]) -> dict[str, str]:
        folders = list(runnable)
        for script in runnable:
            folders += [module for module in _required_modules(script) if module not in folders]
        files = {}
        for path in _beside(folders):
            try:
                files[os.path.abspath(path).replace(os.sep, "/")] = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
        return files

    # --- V8 --------------------------------------------------------------------------------

    @property
    def _context_name(self) -> str:
        return f"local-scripts:{self.key}"

    def _load(self, context: Any) -> None:
        context.eval(read_static("local_scripts", "hexo.js"))
        for name in _HEXO_UTIL:
            context.call("__defineModule", f"hexo-util/{name}", read_static("hexo-util", f"{name}.js"))
        context.call("__defineModule", "lodash", read_static("lodash", "lodash.min.js"))
        context.call("__defineModule", "moment", read_static("moment", "moment.min.js"))
        context.call("__defineModule", "nunjucks", read_static("nunjucks", "nunjucks.min.js"))
        context.call("__defineModule", "micromatch", read_static("micromatch", "micromatch.js"))
        context.call("__configure", self._site_json)
        for path, text in self._files.items():
            context.call("__defineLocal", path, text)
        loaded = _LOADED.setdefault(self.key, {})
        for name, text in self._sources:
            loaded[name] = json.loads(context.call("__loadScript", name, text))

    def _call(self, function: str, *args: Any) -> Any:
        outcome = json.loads(js_call(self._context_name, self._load, function, *args))
        if isinstance(outcome, dict) and "pending" in outcome:
            # An async filter or tag: its promise jobs ran when the call returned (hexo.js `__later`).
            outcome = json.loads(js_call(self._context_name, self._load, "__settle", outcome["pending"]))
        return outcome

    # --- registering -----------------------------------------------------------------------

    def register(self, hexo: Extensions) -> None:
        """Run the runnable scripts and register what they register into the site's extensions."""
        for status in self.statuses.values():
            if status.why.startswith("requires "):
                _warn_once(f"{status.file}: not run, it {status.why}; a post loses what it registers")
        if not self._sources:
            return
        js_context(self._context_name, self._load)
        for name, outcome in _LOADED.get(self.key, {}).items():
            status = self.statuses[name]
            if "error" in outcome:
                status.why = f"failed while loading: {outcome['error']}"
                _warn_once(f"{name}: not run, it failed while loading: {outcome['error']}")
                continue
            status.run = True
            skipped = list(outcome["ignored"])
            for registered in outcome["filters"]:
                stage = registered["type"]
                status.loaded.append(f"filter: {stage}")
                if stage in _POST_STAGES:
                    hexo.register_filter(stage, self._filter(name, registered["index"]), registered["priority"])
                elif stage in _MARKED_STAGES:
                    self.has_marked_filters = True
                else:
                    skipped.append(f"filter: {stage}")
            for registered in outcome["tags"]:
                status.loaded.append(f"tag: {registered['name']}")
                hexo.register_tag(registered["name"], self._tag(name, registered["name"]), registered["ends"])
            for generator in outcome.get("generators", ()):
                # After every plugin's, as Hexo loads scripts last: a script's 'atom' replaces hexo-generator-feed's.
                status.loaded.append(f"generator: {generator}")
                hexo.register_generator(generator, self._generator(name, generator))
            if skipped:
                status.why = f"not used here: {', '.join(skipped)}"
        for module, requirer in self._required_by.items():
            status = self.statuses.get(module)
            if status is not None and not status.run and self.statuses[requirer].run:
                status.run = True
                status.why = f"a module {requirer} requires"
        if self.has_marked_filters:
            probe = self._call("__beginRender")
            self._report_render(probe)
            self._methods = {"marked:renderer": tuple(probe["renderer"]), "marked:tokenizer": tuple(probe["tokenizer"])}
            for method in self._methods["marked:renderer"]:
                if method not in RENDERER_BRIDGES:
                    _warn_once(f"local scripts replace marked's renderer.{method}, which is not bridged; not applied")
            for method in self._methods["marked:tokenizer"]:
                if method not in TOKENIZER_BRIDGES:
                    _warn_once(f"local scripts replace marked's tokenizer.{method}, which is not bridged; not applied")
            _BY_KEY[self.key] = self
            hexo.register_marked(self)

    def overridden(self, stage: str) -> tuple[str, ...]:
        return self._methods.get(stage, ())

    def engine_key(self) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """What the Markdown engine is built for: these scripts and the methods they replace that are bridged."""
        renderer = tuple(m for m in self._methods["marked:renderer"] if m in RENDERER_BRIDGES)
        tokenizer = tuple(m for m in self._methods["marked:tokenizer"] if m in TOKENIZER_BRIDGES)
        return (self.key, renderer, tokenizer)

    def _report_render(self, outcome: Mapping[str, Any]) -> None:
        for error in outcome.get("errors", ()):
            _warn_once(f"{error['file']}: its marked filter failed: {error['message']}; its change is not applied")

    def _filter(self, file: str, index: int) -> Callable[[str, Any], str | None]:
        def run(html: str, post: Any) -> str | None:
            data = _post_data(post)
            outcome = self._replaying(lambda rendered: self._call("__runFilter", index, html, data, rendered), post)
            if "error" in outcome:
                message = f"{file}: its filter failed: {outcome['error']}; the post is shown without its change"
                warn = getattr(post, "warn", None)
                if warn is not None:
                    warn(1, message, "plugin-error")
                else:
                    _warn_once(message)
                return None
            state = getattr(post, "page_state", None)
            if state is not None and "categories" in outcome:
                state.categories = list(outcome["categories"] or [])
            if state is not None and "tags" in outcome:
                state.tags = [str(tag) for tag in outcome["tags"] or []]
            return str(outcome["value"])

        return run

    def _generator(self, file: str, name: str) -> Callable[[SiteLocals], list[Route]]:
        from .extend import Route

        def run(site: SiteLocals) -> list[Route]:
            # One V8 context per key, shared by every LocalScripts of that key: its locals are this site's?
            if _LOCALS_OF.get(self.key) is not site:
                self._call("__setLocals", locals_json(site))
                _LOCALS_OF[self.key] = site
            outcome = self._call("__runGenerator", name)
            if "error" in outcome:
                _warn_once(f"{file}: its generator {name} failed: {outcome['error']}; it writes nothing")
                return []
            for path in outcome["layouts"]:
                _warn_once(f"{file}: its generator {name} makes {path} with a theme layout, not written here")
            return [Route(route["path"], route["data"]) for route in outcome["routes"]]

        return run

    def _tag(self, file: str, name: str) -> Callable[[list[str], str | None, Any], str]:
        from .registry import TagError

        def run(args: list[str], body: str | None, ctx: Any) -> str:
            page = _json_safe({**dict(ctx.metadata), "path": ctx.post_path, "source": ctx.source_path})
            outcome = self._replaying(
                lambda rendered: self._call("__runTag", name, list(args), body, page, rendered),
                ctx.config,
                ctx.markdown,
            )
            if "error" in outcome:
                raise TagError(f"{file}: {outcome['error']}")
            return str(outcome["html"])

        return run

    def _replaying(
        self, call: Callable[[dict[str, str]], Any], post: Any, markdown: Callable[[str], str] | None = None
    ) -> Any:
        """``call(rendered)`` until it asks ``hexo.render.renderSync`` for no text not in ``rendered``.

        renderSync cannot call back into Python from V8: the function throws for the text it wants,
        the text is rendered here (``markdown``, else the site's Markdown engine alone, as renderSync
        renders it) and the function runs again. It must not mind running twice, as Hexo's tags and
        filters, called once per post and page, mostly do not.
        """
        rendered: dict[str, str] = {}
        for _ in range(32):
            outcome = call(rendered)
            if "render" not in outcome:
                return outcome
            for text in outcome["render"]:
                rendered[text] = markdown(text) if markdown is not None else _markdown_alone(post, text)
        return {"error": "asked hexo.render.renderSync for too many texts"}

    # --- marked -----------------------------------------------------------------------------

    def begin_render(self) -> MarkedRender:
        """The filters run (again) on the site's renderer and tokenizer objects, for one render."""
        outcome = self._call("__beginRender")
        self._report_render(outcome)
        return MarkedRender(self, int(outcome["id"]), set(outcome["renderer"]), set(outcome["tokenizer"]))


# Fields of a post that locals_json sets itself, not from the front matter Pelican keeps in its metadata.
_OWN_FIELDS = frozenset(
    {"title", "date", "updated", "modified", "tags", "categories", "category", "path", "permalink", "content"}
    | {"excerpt", "source", "summary"}
)


def _iso(value: Any) -> str | None:
    """An ISO date with its offset; one without a zone is taken as UTC, as the site's dates are."""
    import datetime as dt

    if not isinstance(value, dt.datetime):
        return None
    return (value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)).isoformat()


def locals_json(site: SiteLocals) -> str:
    """Hexo's locals for a generator in V8 (``__setLocals``): documents, and taxa pointing at them by index."""
    documents = [*site.posts, *site.pages]
    taxa: dict[int, int] = {}
    tags: list[Taxon] = list(site.tags)
    categories: list[Taxon] = list(site.categories)
    for number, taxon in enumerate(tags):
        taxa[id(taxon)] = number
    for number, taxon in enumerate(categories):
        taxa[id(taxon)] = number
    tagged: dict[int, list[int]] = {id(taxon): [] for taxon in tags + categories}

    def document(number: int, post: SitePost) -> dict[str, Any]:
        fields = {
            key: value
            for key, value in dict(post.front_matter).items()
            if not str(key).startswith("hexo_") and key not in _OWN_FIELDS
        }
        for taxon in [*post.tags, *post.categories]:
            if id(taxon) in tagged:
                tagged[id(taxon)].append(number)
        fields.update(
            title=post.title,
            path=post.path,
            permalink=post.permalink,
            content=post.content,
            excerpt=post.excerpt,
            source=post.source,
            layout="page" if post.is_page else "post",
            published=True,
        )
        return {
            "fields": _json_safe(fields),
            "date": _iso(post.date),
            "updated": _iso(post.updated),
            "tags": [taxa[id(taxon)] for taxon in post.tags if id(taxon) in taxa],
            "categories": [taxa[id(taxon)] for taxon in post.categories if id(taxon) in taxa],
        }

    made = [document(number, post) for number, post in enumerate(documents)]

    def taxon_entry(taxon: Taxon) -> dict[str, Any]:
        fields = {"name": taxon.name, "path": taxon.path, "permalink": taxon.permalink}
        return {"fields": fields, "posts": tagged[id(taxon)]}

    return json.dumps(
        {
            "documents": made,
            "post_count": len(site.posts),
            "tags": [taxon_entry(taxon) for taxon in tags],
            "categories": [taxon_entry(taxon) for taxon in categories],
        },
        ensure_ascii=False,
    )


def _markdown_alone(post: Any, text: str) -> str:
    from .engine import markdown_engine

    config = getattr(post, "config", post)
    return markdown_engine(config)[0].render(text, {})


def _hexo_source_path(post: Any) -> str:
    """Hexo's ``post.source``: the file's path under ``source/`` (``_posts/oi/x.md``), with ``/``."""
    source = str(getattr(post, "source_path", ""))
    root = post._source_root() if hasattr(post, "_source_root") else None
    if root and source:
        relative = os.path.relpath(os.path.abspath(source), root)
        if not relative.startswith(".."):
            return relative.replace(os.sep, "/")
    return source


def _post_data(post: Any) -> dict[str, Any]:
    """The post as a Hexo filter's ``data`` sees it (its front matter, path and source)."""
    metadata = getattr(post, "metadata", None) or {}
    data = {key: value for key, value in dict(metadata).items() if not str(key).startswith("hexo_")}
    data["path"] = getattr(post, "post_path", "")
    data["source"] = _hexo_source_path(post)
    # Hexo's post processor gives every post a layout: `post`, or `page` outside _posts/_drafts.
    data.setdefault("layout", "post" if data["source"].startswith(("_posts/", "_drafts/")) else "page")
    return _json_safe(data)


@dataclass
class MarkedRender:
    """One render's renderer and tokenizer in V8, and which of their methods the scripts replaced."""

    scripts: LocalScripts
    id: int
    renderer: set[str]
    tokenizer: set[str]

    def render(self, method: str, token: dict[str, Any], inline: dict[str, str] | None, default: str) -> str:
        """The HTML the script's ``renderer[method]`` gives for ``token`` (``default``: ours)."""
        outcome = self.scripts._call(
            "__callRenderer", self.id, method, {"token": token, "inline": inline, "default": default}
        )
        if "error" in outcome:
            _warn_once(f"local script renderer.{method} failed: {outcome['error']}; rendered as without it")
            return default
        if outcome.get("fallback"):
            # marked.use: `false` is marked's own renderer, not hexo-renderer-marked's (whose method it replaced).
            return _marked_base(method, token, inline) or default
        return str(outcome["html"])

    def inline_texts(self, items: list[tuple[str, bool]]) -> list[str | None]:
        """The script's ``tokenizer.inlineText`` on each text (None: it declined, ours stands)."""
        if not items:
            return []
        outcome = self.scripts._call("__inlineTexts", self.id, [{"src": src, "raw": raw} for src, raw in items])
        if outcome.get("error"):
            _warn_once(f"local script tokenizer.inlineText failed: {outcome['error']}; the text is as without it")
            return [None] * len(items)
        return list(outcome["texts"])


# What loading each script into the context of a key gave (a context is made once per key and process).
_LOADED: dict[str, dict[str, Any]] = {}
# The SiteLocals whose JSON the context of a key holds (``__setLocals``), kept so it is never another's.
_LOCALS_OF: dict[str, Any] = {}


def _marked_base(method: str, token: Mapping[str, Any], inline: Mapping[str, str] | None) -> str | None:
    """marked 15's own renderer, where hexo-renderer-marked's differs (None: the same as ours)."""
    from .html import encode_url, escape_html

    html = inline["html"] if inline else ""
    if method == "heading":
        return f"<h{token['depth']}>{html}</h{token['depth']}>\n"
    if method == "paragraph":
        return f"<p>{html}</p>\n"
    if method == "image":
        title = f' title="{escape_html(token["title"])}"' if token.get("title") else ""
        alt = escape_html(inline["text"] if inline else str(token.get("text") or ""))
        return f'<img src="{encode_url(str(token["href"]))}" alt="{alt}"{title}>'
    return None


# Sites' scripts by key: the engine is shared and keyed on `LocalScripts.key`, so its rules find them here.
_BY_KEY: dict[str, LocalScripts] = {}


def local_scripts(config: Mapping[str, Any]) -> LocalScripts | None:
    """The site's loaded scripts with marked filters (None without any), from its extensions."""
    extensions = getattr(config, "extensions", None)
    for hooks in getattr(extensions, "marked_hooks", ()):
        if isinstance(hooks, LocalScripts):
            return hooks
    return None


def register_local_scripts(hexo: Extensions, config: Mapping[str, Any]) -> LocalScripts:
    """Load the site's scripts and register what they register; ``plugins.load_extensions`` calls this last."""
    scripts = LocalScripts(config)
    scripts.register(hexo)
    return scripts


# --------------------------------------------------------------------------------------------------
# The bridge in the Markdown engine: markdown-it tokens → marked 15 tokens → the script's methods.
# --------------------------------------------------------------------------------------------------

_ENV = "local_scripts_render"
_HIDDEN = "local_scripts_hidden"
# marked renderer method → the markdown-it token that opens it, and whether its content is inline.
_SPANS = {
    "heading": ("heading_open", True),
    "paragraph": ("paragraph_open", True),
    "blockquote": ("blockquote_open", False),
    "link": ("link_open", True),
    "strong": ("strong_open", True),
    "em": ("em_open", True),
    "del": ("s_open", True),
}
# `code` only meets indented code: Hexo's backtick_code_block takes fenced code out before marked sees it.
_SINGLES = {"image": "image", "codespan": "code_inline", "hr": "hr", "br": "hardbreak", "code": "code_block"}
RENDERER_BRIDGES = frozenset(_SPANS) | frozenset(_SINGLES)
TOKENIZER_BRIDGES = frozenset({"inlineText"})

Rule = Callable[["RendererHTML", Sequence["Token"], int, "OptionsDict", "EnvType"], str]
BoundRule = Callable[[Sequence["Token"], int, "OptionsDict", "EnvType"], str]


def _matching_close(tokens: Sequence[Token], idx: int) -> int:
    depth = 0
    for position in range(idx, len(tokens)):
        depth += tokens[position].nesting
        if depth == 0:
            return position
    return len(tokens) - 1


def _call_rule(
    rule: BoundRule | None, renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: Any, env: Any
) -> str:
    if rule is None:
        return renderer.renderToken(tokens, idx, options, env)
    # markdown-it-py keeps a rule bound to its renderer.
    return rule(tokens, idx, options, env)


def _marked_token(method: str, md: MarkdownIt, tokens: Sequence[Token], idx: int, text: str) -> dict[str, Any]:
    token = tokens[idx]
    if method in ("heading", "paragraph"):
        source = tokens[idx + 1].content
        fields: dict[str, Any] = {"raw": source, "text": source}
        if method == "heading":
            fields["depth"] = int(token.tag[1:])
        return fields
    if method in ("link", "image"):
        href = str(token.attrGet("href" if method == "link" else "src") or "")
        title = token.attrGet("title")
        alt = token.content if method == "image" else text
        return {"raw": "", "href": md.normalizeLinkText(href), "title": title or None, "text": alt}
    if method == "code":
        return {"raw": token.content, "codeBlockStyle": "indented", "text": token.content.rstrip("\n")}
    if method == "codespan":
        return {"raw": f"{token.markup}{token.content}{token.markup}", "text": token.content}
    return {"raw": token.markup or "", "text": text}


def _span_rule(md: MarkdownIt, method: str, inline: bool) -> Rule:
    open_type = _SPANS[method][0]
    close_type = open_type.replace("_open", "_close")
    previous_open = md.renderer.rules.get(open_type)
    previous_close = md.renderer.rules.get(close_type)

    def render(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        bridge = env.get(_ENV)
        if bridge is None or method not in bridge.renderer or tokens[idx].hidden:
            return _call_rule(previous_open, self, tokens, idx, options, env)
        close = _matching_close(tokens, idx)
        opened = _call_rule(previous_open, self, tokens, idx, options, env)
        inner = list(tokens[idx + 1 : close])
        if inline and method in ("heading", "paragraph"):
            children = list(inner[0].children or []) if inner else []
            html = self.renderInline(children, options, env)
            text = self.renderInlineAsText(children, options, env)
        elif inline:
            html = self.renderInline(inner, options, env)
            text = self.renderInlineAsText(inner, options, env)
        else:
            html = self.render(inner, options, env)
            text = strip_html(html)
        closed = _call_rule(previous_close, self, tokens, close, options, env)
        token = {"type": method, **_marked_token(method, md, tokens, idx, text)}
        out = bridge.render(method, token, {"html": html, "text": text}, opened + html + closed)
        for hidden in tokens[idx + 1 : close + 1]:
            hidden.type = _HIDDEN
        return out

    return render


def _single_rule(md: MarkdownIt, method: str) -> Rule:
    token_type = _SINGLES[method]
    previous = md.renderer.rules.get(token_type)

    def render(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        bridge = env.get(_ENV)
        if bridge is None or method not in bridge.renderer:
            return _call_rule(previous, self, tokens, idx, options, env)
        children = list(tokens[idx].children or [])
        text = self.renderInlineAsText(children, options, env) if children else ""
        # Read before our own rendering, which resolves an image's src the hexo-renderer-marked way.
        token = {"type": method, **_marked_token(method, md, tokens, idx, text)}
        default = _call_rule(previous, self, tokens, idx, options, env)
        inline = {"html": self.renderInline(children, options, env), "text": text} if method == "image" else None
        return bridge.render(method, token, inline, default)

    return render


def _inline_text_rule(smartypants: bool) -> Callable[[StateCore], None]:
    from .marked_compat import _smartypants, marked_text_tokens

    def rule(state: StateCore) -> None:
        bridge = state.env.get(_ENV)
        texts = list(marked_text_tokens(state))
        if bridge is not None and "inlineText" in bridge.tokenizer:
            results = bridge.inline_texts([(token.content, raw) for token, raw in texts])
        else:
            results = [None] * len(texts)
        for (token, raw), html in zip(texts, results, strict=True):
            if html is not None:
                # The script's text is HTML already (hexo-renderer-marked's own inlineText escapes too).
                token.type = "html_inline"
                token.content = html
            elif smartypants and not raw:
                token.content = _smartypants(token.content)

    return rule


def marked_bridge_plugin(md: MarkdownIt, key: tuple[str, tuple[str, ...], tuple[str, ...]], smartypants: bool) -> None:
    """Route the renderer and tokenizer methods a site's scripts replace (``key``) to their functions.

    Installed last, so each rule wraps the engine's own, which renders the token when the script
    declines or calls the original.
    """
    stamp, renderer_methods, tokenizer_methods = key

    def begin(state: StateCore) -> None:
        scripts = _BY_KEY.get(stamp)
        state.env[_ENV] = scripts.begin_render() if scripts is not None else None

    md.core.ruler.before("normalize", "local_scripts_render", begin)
    if "inlineText" in tokenizer_methods:
        try:
            md.core.ruler.at("marked_smartypants", _inline_text_rule(smartypants))
            # The script's inlineText runs whatever the smartypants switch (it reads the switch itself).
            md.core.ruler.enable("marked_smartypants")
        except KeyError:
            md.core.ruler.before("text_join", "marked_smartypants", _inline_text_rule(smartypants))
    for method in renderer_methods:
        if method in _SPANS:
            md.add_render_rule(_SPANS[method][0], _span_rule(md, method, _SPANS[method][1]))
        elif method in _SINGLES:
            md.add_render_rule(_SINGLES[method], _single_rule(md, method))
    md.add_render_rule(_HIDDEN, lambda self, tokens, idx, options, env: "")
