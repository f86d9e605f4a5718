"""pelican_hexo_tags: build a Hexo blog with Pelican and get the same pages.

Add ``PLUGINS = ["pelican_hexo_tags"]`` (and ``HEXO_CONFIG = "_config.yml"``)
to ``pelicanconf.py``. See README.md.
"""

from __future__ import annotations

from pelican import signals

from . import tags as _tag_packs  # noqa: F401 - registers the built-in tag packs
from .assets import fill_series, inject_bundles
from .content_cache import cover_hexo_inputs, save_in_the_background, wait_for_cache_saves
from .dates import format_dates_at_once
from .engine_cache import open_engine_cache, save_engine_cache
from .feeds import clean_feed
from .generators import hexo_generators
from .html import escape_html, html_tag
from .incremental import save_page_fingerprints
from .integration import (
    add_reader,
    add_template_overrides,
    collect_as_before,
    collect_less_while_building,
    forget_disabled_markdown_reader,
    freeze_the_finished_build,
    index_taxa_posts,
    link_neighbours,
    move_layout_pages_out,
    pin_top_articles,
    publish_asset_folders,
    put_layout_pages_in,
    remember_asset_owner,
    report_article_problems,
    report_config_notices,
    report_page_problems,
    run_page_filters,
    scan_links_only_where_there_are_some,
    take_in_cached_contents,
    thaw_for_the_next_build,
    walk_the_content_once,
    warn_duplicate_urls,
)
from .links import resolve_cross_post_assets, resolve_post_links, share_heading_ids_across_posts
from .list_pages import add_list_pages_generator
from .parallel_write import (
    describe_posts_ahead,
    forget_posts_described_ahead,
    parallel_writer,
    write_before_static_files,
    write_pending_pages,
)
from .readahead import start_read_ahead, stop_read_ahead
from .registry import TagContext, TagError, registry, tag
from .strict import HexoStrictError, fail_strict_build, forget_problems

__all__ = ["HexoStrictError", "TagContext", "TagError", "escape_html", "html_tag", "register", "registry", "tag"]

_CONNECTIONS = (
    (signals.readers_init, add_reader),
    (signals.generator_init, forget_disabled_markdown_reader),
    (signals.generator_init, walk_the_content_once),
    (signals.article_generator_init, cover_hexo_inputs),
    # The articles' cache is most of the cache (pages are few): written while the build goes on.
    (signals.article_generator_init, save_in_the_background),
    (signals.article_generator_init, open_engine_cache),
    (signals.page_generator_init, open_engine_cache),
    # After cover_hexo_inputs: which posts the cache serves decides which are highlighted ahead.
    (signals.article_generator_init, start_read_ahead),
    (signals.page_generator_init, cover_hexo_inputs),
    (signals.article_generator_context, report_article_problems),
    (signals.page_generator_context, report_page_problems),
    (signals.article_generator_context, format_dates_at_once),
    (signals.page_generator_context, format_dates_at_once),
    # First at both: the other receivers see the cached posts as this build's own.
    (signals.article_generator_pretaxonomy, take_in_cached_contents),
    (signals.page_generator_finalized, take_in_cached_contents),
    (signals.article_generator_pretaxonomy, move_layout_pages_out),
    (signals.article_generator_finalized, pin_top_articles),
    (signals.article_generator_finalized, link_neighbours),
    (signals.article_generator_finalized, index_taxa_posts),
    # After the pages: the helper highlights their code too, on request.
    (signals.all_generators_finalized, stop_read_ahead),
    (signals.page_generator_finalized, put_layout_pages_in),
    (signals.content_object_init, remember_asset_owner),
    (signals.content_object_init, scan_links_only_where_there_are_some),
    (signals.static_generator_finalized, publish_asset_folders),
    (signals.article_generator_finalized, fill_series),
    (signals.content_written, inject_bundles),
    (signals.content_written, run_page_filters),
    (signals.get_generators, hexo_generators),
    (signals.feed_generated, clean_feed),
    (signals.all_generators_finalized, warn_duplicate_urls),
    (signals.all_generators_finalized, resolve_post_links),
    (signals.all_generators_finalized, resolve_cross_post_assets),
    (signals.all_generators_finalized, share_heading_ids_across_posts),
    # After the receivers above that change posts: their descriptions are begun in a child.
    (signals.all_generators_finalized, describe_posts_ahead),
    (signals.initialized, forget_problems),
    (signals.initialized, add_template_overrides),
    # After forget_problems, so that a strict build counts them.
    (signals.initialized, report_config_notices),
    # The incremental writer's class, or Pelican's, writing its pages in forked workers.
    (signals.get_writer, parallel_writer),
    (signals.static_generator_init, write_before_static_files),
    (signals.get_generators, add_list_pages_generator),
    # First at `finalized`: the pages not yet written are, before their fingerprints are saved.
    (signals.finalized, write_pending_pages),
    (signals.finalized, save_page_fingerprints),
    (signals.finalized, save_engine_cache),
    (signals.finalized, wait_for_cache_saves),
    (signals.finalized, forget_posts_described_ahead),
    (signals.finalized, fail_strict_build),
    # After the others: nothing of the build is collected once it is frozen (until the next build).
    (signals.finalized, freeze_the_finished_build),
    (signals.get_generators, thaw_for_the_next_build),
    (signals.get_generators, collect_less_while_building),
    (signals.finalized, collect_as_before),
)


def register() -> None:
    """Connect the plugin to Pelican; connecting twice changes nothing (blinker dedupes)."""
    for signal, receiver in _CONNECTIONS:
        signal.connect(receiver)
