"""Tag packs. Importing a pack registers its tags; see ``registry.tag``."""

from . import builtin, butterfly, embed, fluid, media, misc, next, stellar

__all__ = ["builtin", "butterfly", "embed", "fluid", "media", "misc", "next", "stellar"]
