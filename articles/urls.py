"""The public archive's addresses: articles and quotes, and the people, organisations, sources and tags
they are about (those pages show articles, so they live beside them)."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from articles import feeds, views
from articles.sitemaps import SITEMAPS
from newsarchive.cache import public_page

app_name = "archive"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/<slug:slug>/", views.article_detail, name="article"),
    path("quotes/", views.quote_list, name="quote_list"),
    path("people/", views.person_list, name="person_list"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("sources/", views.source_list, name="source_list"),
    path("sources/<slug:slug>/", views.source_detail, name="source"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
    path("feeds/articles.rss", public_page(feeds.ArticleFeed()), name="feed_rss"),
    path("feeds/articles.atom", public_page(feeds.atom(feeds.ArticleFeed)()), name="feed_atom"),
    path("tags/<slug:slug>/feed.rss", public_page(feeds.TagFeed()), name="tag_feed_rss"),
    path("tags/<slug:slug>/feed.atom", public_page(feeds.atom(feeds.TagFeed)()), name="tag_feed_atom"),
    path("people/<slug:slug>/feed.rss", public_page(feeds.PersonFeed()), name="person_feed_rss"),
    path("people/<slug:slug>/feed.atom", public_page(feeds.atom(feeds.PersonFeed)()), name="person_feed_atom"),
    path("sources/<slug:slug>/feed.rss", public_page(feeds.SourceFeed()), name="source_feed_rss"),
    path("sources/<slug:slug>/feed.atom", public_page(feeds.atom(feeds.SourceFeed)()), name="source_feed_atom"),
    path("sitemap.xml", public_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
]
