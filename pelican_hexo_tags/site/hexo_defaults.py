"""Hexo's own defaults (``lib/hexo/default_config.ts``), the base a site's ``_config.yml`` is merged over.

Only the keys that change how posts render are here. Between Hexo 3 and 8
these defaults kept their values; what changed is how some user values are
read (``external_link: true``, ``highlight.enable``), and that is decided in
``config_keys`` from the site's Hexo version.
"""

from __future__ import annotations

import copy
from typing import Any

# Hexo 8.1.2, checked against its default_config.ts.
HEXO_DEFAULTS: dict[str, Any] = {
    "title": "Hexo",
    "author": "John Doe",
    "language": "en",
    "timezone": "",
    "url": "http://example.com",
    "root": "/",
    "permalink": ":year/:month/:day/:title/",
    "permalink_defaults": {},
    "pretty_urls": {"trailing_index": True, "trailing_html": True},
    "source_dir": "source",
    "tag_dir": "tags",
    "archive_dir": "archives",
    "category_dir": "categories",
    "code_dir": "downloads/code",
    "new_post_name": ":title.md",
    "default_layout": "post",
    "titlecase": False,
    "external_link": {"enable": True, "field": "site", "exclude": ""},
    "filename_case": 0,
    "render_drafts": False,
    "post_asset_folder": False,
    "relative_link": False,
    "future": True,
    "syntax_highlighter": "highlight.js",
    "highlight": {
        "line_number": True,
        "tab_replace": "",
        "wrap": True,
        "exclude_languages": [],
        "language_attr": False,
        "hljs": False,
        "line_threshold": 0,
        "first_line_number": "always1",
        "strip_indent": True,
    },
    "prismjs": {"preprocess": True, "line_number": True, "tab_replace": ""},
    "default_category": "uncategorized",
    "category_map": {},
    "tag_map": {},
    "date_format": "YYYY-MM-DD",
    "time_format": "HH:mm:ss",
    "updated_option": "mtime",
    "per_page": 10,
    "pagination_dir": "page",
    "marked": {},
    "theme": "landscape",
}


def hexo_defaults() -> dict[str, Any]:
    """A fresh copy of the defaults every site starts from."""
    return copy.deepcopy(HEXO_DEFAULTS)
