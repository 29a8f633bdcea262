"""Hostile or malformed requests get a clear 4xx on every route, never a 500."""

from __future__ import annotations

import pytest

from app.db import MAX_ID
from tests.conftest import make_app
from tests.factories import make_bee, make_hive, make_post


@pytest.mark.parametrize("name", ["endpoint", "_method", "_anchor", "_external", "slug", "handle"])
def test_query_arguments_named_like_url_for_options_are_ignored(app, client, login, name):
    bee = login(make_bee(handle="reader"))
    hive = make_hive(owner=bee)
    for n in range(25):
        make_post(bee, f"post {n}", hives=[hive])
    for url in ["/", f"/hives/{hive.slug}", "/hives/", f"/hives/{hive.slug}/members", "/@reader"]:
        response = client.get(url, query_string={name: "x"})
        assert response.status_code == 200, (url, response.status_code)
        if name.startswith("_") or name == "endpoint":
            assert f"{name}=x" not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "url",
    [
        f"/posts/{MAX_ID + 1}",
        f"/posts/{MAX_ID + 1}/edit",
        f"/posts/{2**40}",
        f"/posts/{10**30}/delete",
        "/posts/0",
    ],
)
def test_ids_beyond_what_the_database_holds_are_not_found(app, client, login, url):
    login(make_bee())
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("cursor", [str(MAX_ID + 1), str(2**40), "0", "-1", "abc"])
def test_feed_cursors_beyond_the_database_are_refused(app, client, login, cursor):
    bee = login(make_bee(handle="pager"))
    hive = make_hive(owner=bee)
    for url in ["/", f"/hives/{hive.slug}", "/@pager"]:
        assert client.get(url, query_string={"before": cursor}).status_code == 422, url


def test_the_oldest_and_newest_possible_cursors_work(app, client, login):
    bee = login(make_bee())
    post = make_post(bee, "only post")
    assert f"post-{post.id}" in client.get("/", query_string={"before": str(MAX_ID)}).get_data(as_text=True)
    assert "only post" not in client.get("/", query_string={"before": "1"}).get_data(as_text=True)


def test_composer_refuses_hive_ids_beyond_the_database(app, client, login):
    login(make_bee())
    response = client.post("/write", data={"kind": "buzz", "body": "hi", "hives": [str(10**30)]})
    assert response.status_code == 422
    assert "does not exist" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("method", "url", "data"),
    [
        ("get", "/@%00", None),
        ("get", "/hives/%00", None),
        ("get", "/hives/?q=a%00b", None),
        ("post", "/login", {"login": "a\x00b", "password": "x" * 12}),
        (
            "post",
            "/signup",
            {"email": "a@example.org", "handle": "abc", "display_name": "A\x00", "password": "x" * 12},
        ),
        ("post", "/write", {"kind": "buzz", "body": "hi\x00there"}),
    ],
)
def test_nul_characters_are_a_bad_request_on_every_backend(app, client, login, method, url, data):
    login(make_bee())
    response = getattr(client, method)(url, data=data)
    assert response.status_code == 400


def test_proxy_headers_count_only_when_proxies_are_configured(tmp_path):
    def remote_addr(app):
        @app.get("/_whoami")
        def whoami():
            from flask import request

            return request.remote_addr or ""

        client = app.test_client()
        return client.get("/_whoami", headers={"X-Forwarded-For": "203.0.113.9"}).get_data(as_text=True)

    url = f"sqlite:///{tmp_path / 'proxy.db'}"
    assert remote_addr(make_app(url, tmp_path)) == "127.0.0.1"
    assert remote_addr(make_app(url, tmp_path, PROXY_HOPS=1)) == "203.0.113.9"
