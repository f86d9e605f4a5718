"""Tag packs. Importing a pack registers its tags; see ``registry.tag``."""

from . import builtin, media

__all__ = ["builtin", "media"]
