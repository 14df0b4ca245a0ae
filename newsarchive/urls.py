from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "newsarchive"
admin.site.site_title = "newsarchive editorial"
admin.site.index_title = "Editorial desk"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
]
