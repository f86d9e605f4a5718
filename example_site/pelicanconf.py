"""Pelican settings for the example site: a Hexo blog built by Pelican."""

AUTHOR = "Example Author"
SITENAME = "Example Hexo Blog"
SITEURL = ""
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh-CN"
# Hexo sites have no reStructuredText; skip its reader.
READERS = {"rst": None}

PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"

PLUGINS = ["pelican_hexo_tags"]
HEXO_CONFIG = "_config.yml"

# Hexo's layout: posts in content/_posts, no Pelican pages folder.
ARTICLE_PATHS = ["_posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []

DEFAULT_PAGINATION = 10
SUMMARY_MAX_LENGTH = None
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
