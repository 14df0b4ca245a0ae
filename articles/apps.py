from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles and quotes"

    def ready(self) -> None:
        from articles import signals

        signals.connect()
