"""Pelican's tag, category and author pages find their posts among the site's as with plain lists."""

from __future__ import annotations


def test_a_long_taxons_posts_answer_in_as_its_list_does() -> None:
    from pelican_hexo_tags.integration import _LONG_TAXON, _PostsOfTaxon

    posts = [object() for _ in range(3 * _LONG_TAXON)]
    taxon = _PostsOfTaxon(posts[: 2 * _LONG_TAXON])
    assert [post for post in posts if post in taxon] == posts[: 2 * _LONG_TAXON]
    # Grown after it was asked: the new post is found, as in a list.
    taxon.append(posts[-1])
    assert posts[-1] in taxon and posts[-2] not in taxon
    assert taxon == [*posts[: 2 * _LONG_TAXON], posts[-1]]
