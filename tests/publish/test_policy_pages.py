"""GET /privacy and GET /terms: the pages a self-hosted skill's manifest links to."""

from __future__ import annotations

import pytest

from skill.app import create_app
from skill.policy_pages import render
from skill.settings import Settings


@pytest.fixture
def client():
    return create_app(Settings(verify=False, store="memory")).test_client()


@pytest.mark.parametrize(
    "path, heading", [("/privacy", "Privacy policy"), ("/terms", "Terms of use")]
)
def test_the_pages_are_served_from_docs(client, path, heading):
    reply = client.get(path)
    assert reply.status_code == 200 and reply.mimetype == "text/html"
    assert f"<h1>{heading}" in reply.get_data(as_text=True)


def test_the_privacy_page_says_what_is_kept_in_each_mode(client):
    page = client.get("/privacy").get_data(as_text=True)
    assert "Only for the conversation you are in" in page and "HIPAA-eligible" in page


def test_a_setting_points_them_elsewhere():
    settings = Settings(verify=False, store="memory", privacy_url="https://guide.test/p")
    reply = create_app(settings).test_client().get("/privacy")
    assert reply.status_code == 302 and reply.location == "https://guide.test/p"


def test_markdown_is_escaped_and_lists_become_lists():
    page = render("# T\n\nA <b>bold</b> **claim**.\n\n- one\n- two\n  more")
    assert "&lt;b&gt;" in page and "<strong>claim</strong>" in page
    assert "<ul><li>one</li><li>two more</li></ul>" in page


def test_a_page_missing_from_the_install_is_a_404_with_a_reason(tmp_path):
    from skill.policy_pages import PageMissing, page

    with pytest.raises(PageMissing):
        page("privacy", docs=tmp_path)
