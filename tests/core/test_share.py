from urllib.parse import unquote, urlsplit

from core.share import whatsapp_share_url


def test_the_whatsapp_link_carries_the_whole_message_encoded():
    message = "السلام عليكم\nرابط الاستبيان: https://portal.example/ar/s/abc?x=1&y=2"
    url = whatsapp_share_url(message)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "wa.me", "/")
    assert parts.query.startswith("text=")
    assert "&" not in parts.query and "\n" not in url and " " not in url
    assert unquote(parts.query.removeprefix("text=")) == message
