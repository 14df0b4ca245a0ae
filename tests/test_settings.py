import runpy
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

SETTINGS = Path(__file__).resolve().parent.parent / "newsarchive" / "settings.py"
ENV = ["DATABASE_URL", "DJANGO_SECRET_KEY", "DJANGO_DEBUG", "DJANGO_ALLOWED_HOSTS", "DJANGO_CSRF_TRUSTED_ORIGINS", "REDIS_URL"]


@pytest.fixture
def load(monkeypatch):
    def load(**env):
        for name in ENV:
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(SETTINGS))

    return load


def test_development_defaults_to_sqlite_beside_manage_py(load):
    settings = load(DJANGO_DEBUG="true")
    assert settings["DEBUG"] is True
    db = settings["DATABASES"]["default"]
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(db["NAME"]) == SETTINGS.parent.parent / "db.sqlite3"
    assert "localhost" in settings["ALLOWED_HOSTS"]


def test_production_refuses_to_start_without_a_secret_key(load):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
        load()


def test_debug_is_off_unless_asked_for(load):
    settings = load(DJANGO_SECRET_KEY="s3cret")
    assert settings["DEBUG"] is False
    assert settings["SECRET_KEY"] == "s3cret"
    assert settings["ALLOWED_HOSTS"] == []
    assert settings["SESSION_COOKIE_SECURE"] is True


def test_a_bad_boolean_is_a_configuration_error(load):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DEBUG"):
        load(DJANGO_DEBUG="maybe")


def test_hosts_and_origins_are_comma_separated(load):
    settings = load(
        DJANGO_SECRET_KEY="x",
        DJANGO_ALLOWED_HOSTS="news.example.org, www.news.example.org",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://news.example.org",
    )
    assert settings["ALLOWED_HOSTS"] == ["news.example.org", "www.news.example.org"]
    assert settings["CSRF_TRUSTED_ORIGINS"] == ["https://news.example.org"]


def test_postgres_url_selects_psycopg_with_the_pool(load):
    settings = load(DJANGO_SECRET_KEY="x", DATABASE_URL="postgres://editor:pw@db.internal:5433/archive")
    db = settings["DATABASES"]["default"]
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["HOST"], db["PORT"], db["NAME"], db["USER"], db["PASSWORD"]) == ("db.internal", 5433, "archive", "editor", "pw")
    assert db["OPTIONS"]["pool"]["max_size"] == 10
    assert db["CONN_MAX_AGE"] == 0


def test_an_unsupported_database_is_refused(load):
    with pytest.raises(ImproperlyConfigured, match="unsupported"):
        load(DJANGO_SECRET_KEY="x", DATABASE_URL="mysql://root@localhost/archive")


def test_redis_url_selects_the_redis_cache(load):
    assert load(DJANGO_SECRET_KEY="x")["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    caches = load(DJANGO_SECRET_KEY="x", REDIS_URL="redis://127.0.0.1:6379/1")["CACHES"]
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
