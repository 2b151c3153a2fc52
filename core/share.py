"""Links that hand a message to another app on the user's phone (for partners without email)."""

from urllib.parse import quote


def whatsapp_share_url(message: str) -> str:
    """A `https://wa.me/?text=...` link: WhatsApp opens with `message` ready to send to a chosen chat.

    The text is percent-encoded as UTF-8, so Arabic, newlines and `&` arrive as written.
    """
    return "https://wa.me/?text=" + quote(message, safe="")
