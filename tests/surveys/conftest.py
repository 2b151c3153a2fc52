"""Fixtures of the questionnaires' tests: an open survey, org A's invitation to it, its link."""

import pytest
from django.test import Client

from tests.surveys import factories as survey_factories


@pytest.fixture
def built(db):
    return survey_factories.build_survey()


@pytest.fixture
def survey(built):
    return built.survey


@pytest.fixture
def invitation_a(built, org_a):
    return survey_factories.invite(built.survey, org_a)


@pytest.fixture
def respondent(db):
    """Someone holding the link, not signed in."""
    return Client()
