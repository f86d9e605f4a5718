"""Tag packs. Importing a pack registers its tags; see ``registry.tag``."""

from . import builtin, butterfly, fluid, media, next, stellar

__all__ = ["builtin", "butterfly", "fluid", "media", "next", "stellar"]
