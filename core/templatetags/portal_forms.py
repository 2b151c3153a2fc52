"""`{% error_summary form %}`: the list of what stops a save, at the top of a form (crispy forms
get it through templates/bootstrap5/errors.html; hand-written forms include it themselves)."""

from django import template

from core.forms import error_summary as form_error_summary

register = template.Library()


@register.inclusion_tag("partials/error_summary.html")
def error_summary(*forms, title=""):
    problems = form_error_summary(*forms)
    first_anchor = next((problem["anchor"] for problem in problems if problem["anchor"]), "")
    return {
        "problems": problems,
        "title": title,
        "summary_id": f"error-summary-{first_anchor or 'form'}",
    }
