"""Fixtures of the meetings tests: uploaded files go to a temporary folder, and a small world of
a meeting org A was invited to (and org B was not)."""

import pytest

from meetings import extensions
from tests import factories

from . import factories as mf


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _no_extension_providers():
    extensions.unregister_all()
    yield
    extensions.unregister_all()


@pytest.fixture
def smeps(db):
    return factories.OrganizationFactory(name_ar="وكالة تنمية المنشآت الصغيرة والأصغر", name_en="SMEPS")


@pytest.fixture
def meeting_a(org_a, smeps):
    """A held meeting hosted by SMEPS that org A was invited to."""
    meeting = mf.MeetingFactory(host=smeps)
    mf.invite(meeting, smeps, org_a)
    return meeting


@pytest.fixture
def meeting_b(org_b, smeps):
    """A held meeting org B was invited to, and org A was not."""
    meeting = mf.MeetingFactory(host=smeps)
    mf.invite(meeting, smeps, org_b)
    return meeting
