"""Access rows of the site shell: root redirect, health check, language switch, home, accounts."""

from tests.access import LOGIN, NOT_ALLOWED, OK, Redirect, Row, answers

EVERYONE_OK = answers(staff=OK, member_a=OK, member_b=OK, governor=OK, anonymous=OK)
SIGNED_IN_OK = answers(staff=OK, member_a=OK, member_b=OK, governor=OK, anonymous=LOGIN)


def _same_for_all(answer) -> dict:
    return answers(staff=answer, member_a=answer, member_b=answer, governor=answer, anonymous=answer)


ROWS = [
    Row("root", _same_for_all(Redirect("/ar/"))),
    Row("healthz", EVERYONE_OK, html=False),
    # GET changes nothing and goes back to "/"; the switch itself is a POST (tests/core/test_language.py).
    Row("set_language", _same_for_all(Redirect("/"))),
    Row("home", EVERYONE_OK),
    Row(
        "login",
        answers(
            staff=Redirect("home"),
            member_a=Redirect("home"),
            member_b=Redirect("home"),
            governor=Redirect("home"),
            anonymous=OK,
        ),
    ),
    Row("logout", _same_for_all(NOT_ALLOWED), post_only=True),
    Row("password_change", SIGNED_IN_OK),
    Row("password_change_done", SIGNED_IN_OK),
    Row("password_reset", EVERYONE_OK),
    Row("password_reset_done", EVERYONE_OK),
    # A link that is not (or no longer) valid shows the page that offers a new one.
    Row(
        "password_reset_confirm",
        EVERYONE_OK,
        kwargs=lambda world: {"uidb64": "MQ", "token": "not-a-valid-token"},
    ),
    Row("password_reset_complete", EVERYONE_OK),
]
