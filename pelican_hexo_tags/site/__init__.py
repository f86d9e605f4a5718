"""The Hexo site a post belongs to: its config over Hexo's defaults, its ``package.json``.

Hexo reads ``_config.yml`` once, over its own defaults for the Hexo version
the site runs, and its plugins read the merged object. Here too: the config
is merged and every key the plugin reads is brought into one form in this
package (``config_keys``), so no other module meets a user's raw value.
"""
