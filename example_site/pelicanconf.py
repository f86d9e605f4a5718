"""Pelican settings for the example site: a Hexo blog built by Pelican."""

from pelican_hexo_tags.themes import theme_path

AUTHOR = "Example Author"
SITENAME = "Example Hexo Blog"
SITEURL = ""
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh-CN"
# Hexo sites have no reStructuredText; skip its reader.
READERS = {"rst": None}

PATH = "content"
OUTPUT_PATH = "output"
# The theme that ships with the plugin; importing it gives its templates the Hexo theme config's menu.
THEME = theme_path()
# Hexo's paths for the lists, which a Hexo theme's menu links to (as `pelican-hexo import` writes them).
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_SAVE_AS = "tags/index.html"
TAGS_URL = "tags/"
CATEGORY_URL = "categories/{slug}/"
CATEGORY_SAVE_AS = "categories/{slug}/index.html"
CATEGORIES_SAVE_AS = "categories/index.html"
CATEGORIES_URL = "categories/"
ARCHIVES_SAVE_AS = "archives/index.html"
ARCHIVES_URL = "archives/"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
# Tag and category slugs as Hexo's slugize makes them: case and CJK kept (tags/FFmpeg/).
SLUGIFY_PRESERVE_CASE = True
SLUGIFY_USE_UNICODE = True
DIRECT_TEMPLATES = ["index", "tags", "categories", "archives", "404"]

PLUGINS = ["pelican_hexo_tags"]
HEXO_CONFIG = "_config.yml"

# Hexo's layout: posts in content/_posts, no Pelican pages folder.
ARTICLE_PATHS = ["_posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]

DEFAULT_PAGINATION = 10
SUMMARY_MAX_LENGTH = None
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
