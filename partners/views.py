from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import is_agency_staff, portal_user_required, staff_required
from core.forms import form_helper, save_and_redirect
from core.lists import list_page, paginate, render_list, suggestion_text
from core.ratelimit import rate_limited
from core.registry import render_sections

from . import services
from .filters import DirectoryFilter, ServiceFilter
from .forms import ContactForm, MemberInviteForm, OrganizationForm, ServiceOfferingForm
from .history import organization_changes
from .models import Contact, Membership, Organization, ServiceOffering
from .selectors import (
    DIRECTORY_SORTS,
    SERVICE_SORTS,
    organizations_directory,
    services_catalogue,
    suggested_organization_names,
)


@portal_user_required
def directory(request):
    listing = list_page(
        request,
        queryset=organizations_directory(user=request.user),
        filterset_class=DirectoryFilter,
        sorts=DIRECTORY_SORTS,
        default_sort="name",
    )
    return render_list(
        request,
        "partners/directory.html",
        listing,
        results_template="partners/includes/directory_results.html",
        context={"can_create": is_agency_staff(request.user)},
    )


@portal_user_required
def services_list(request):
    listing = list_page(
        request,
        queryset=services_catalogue(user=request.user),
        filterset_class=ServiceFilter,
        sorts=SERVICE_SORTS,
        default_sort="organization",
    )
    return render_list(
        request, "partners/services.html", listing, results_template="partners/includes/services_results.html"
    )


@portal_user_required
def organization_suggestions(request):
    """Names for an organization box's suggestions (`<option>`s of its datalist), as the user types."""
    names = suggested_organization_names(user=request.user, text=suggestion_text(request))
    return render(request, "partials/suggestions.html", {"suggestions": names})


@portal_user_required
def organization_detail(request, pk: int):
    organization = get_object_or_404(Organization.objects.visible_to(request.user).prefetch_related("districts"), pk=pk)
    can_edit = Organization.objects.editable_by(request.user).filter(pk=pk).exists()
    service_qs = organization.services.prefetch_related("segments", "sizes", "districts")
    if not can_edit:
        service_qs = service_qs.filter(is_active=True)
    context = {
        "organization": organization,
        "contacts": organization.contacts.all(),
        "services": service_qs,
        "can_edit": can_edit,
        "is_staff": is_agency_staff(request.user),
    }
    # Other apps' sections (its meetings, its questionnaires...), without partners importing them.
    context["sections"] = render_sections("organization_detail", request, organization)
    if is_agency_staff(request.user):
        context["memberships"] = organization.memberships.select_related("user__profile")
        context["invitations"] = organization.member_invitations.usable().select_related("invited_by")
    return render(request, "partners/organization_detail.html", context)


@staff_required
def organization_create(request):
    form = OrganizationForm(request.POST or None)
    done = save_and_redirect(
        request,
        form,
        save=lambda: services.organization_save(
            organization=form.save(commit=False), expected_version=None, districts=form.cleaned_data["districts"]
        ),
        message=_("The organization was added."),
    )
    if done:
        return done
    return render(request, "partners/form.html", {"form": form, "title": _("Add an organization")})


@portal_user_required
def organization_edit(request, pk: int):
    organization = get_object_or_404(Organization.objects.editable_by(request.user), pk=pk)
    form = OrganizationForm(request.POST or None, instance=organization, can_manage=is_agency_staff(request.user))
    done = save_and_redirect(
        request,
        form,
        save=lambda: services.organization_save(
            organization=form.save(commit=False),
            expected_version=form.expected_version,
            districts=form.cleaned_data["districts"],
        ),
        message=_("The changes were saved."),
    )
    if done:
        return done
    return render(
        request,
        "partners/form.html",
        {"form": form, "title": _("Edit %(name)s") % {"name": organization.name}, "organization": organization},
    )


@staff_required
def organization_history(request, pk: int):
    organization = get_object_or_404(Organization.objects.visible_to(request.user), pk=pk)
    page = paginate(request, organization_changes(organization=organization))
    return render(request, "partners/organization_history.html", {"organization": organization, "page": page})


def _editable_organization(request, org_pk: int) -> Organization:
    return get_object_or_404(Organization.objects.editable_by(request.user), pk=org_pk)


@portal_user_required
def contact_create(request, org_pk: int):
    organization = _editable_organization(request, org_pk)
    form = ContactForm(request.POST or None)

    def save():
        contact = form.save(commit=False)
        contact.organization = organization
        return services.contact_save(contact=contact, expected_version=None)

    done = save_and_redirect(request, form, save=save, message=_("The contact was added."), to=organization)
    if done:
        return done
    return render(
        request, "partners/form.html", {"form": form, "title": _("Add a contact"), "organization": organization}
    )


@portal_user_required
def contact_edit(request, org_pk: int, pk: int):
    organization = _editable_organization(request, org_pk)
    contact = get_object_or_404(Contact, organization=organization, pk=pk)
    form = ContactForm(request.POST or None, instance=contact)
    done = save_and_redirect(
        request,
        form,
        save=lambda: services.contact_save(contact=form.save(commit=False), expected_version=form.expected_version),
        message=_("The changes were saved."),
        to=organization,
    )
    if done:
        return done
    return render(
        request,
        "partners/form.html",
        {
            "form": form,
            "title": _("Edit contact"),
            "organization": organization,
            "delete_url": reverse("partners:contact_delete", args=[organization.pk, contact.pk]),
        },
    )


@portal_user_required
def contact_delete(request, org_pk: int, pk: int):
    organization = _editable_organization(request, org_pk)
    contact = get_object_or_404(Contact, organization=organization, pk=pk)
    if request.method == "POST":
        services.contact_delete(contact=contact)
        messages.success(request, _("The contact was deleted."))
        return redirect(organization)
    return render(
        request,
        "partners/confirm_delete.html",
        {"object": contact, "organization": organization, "cancel_url": organization.get_absolute_url()},
    )


def _save_service(form: ServiceOfferingForm, service: ServiceOffering, *, expected_version: int | None):
    return services.service_save(
        service=service,
        expected_version=expected_version,
        segments=form.cleaned_data["segments"],
        sizes=form.cleaned_data["sizes"],
        districts=form.cleaned_data["districts"],
    )


@portal_user_required
def service_create(request, org_pk: int):
    organization = _editable_organization(request, org_pk)
    form = ServiceOfferingForm(request.POST or None)

    def save():
        service = form.save(commit=False)
        service.organization = organization
        return _save_service(form, service, expected_version=None)

    done = save_and_redirect(request, form, save=save, message=_("The service was added."), to=organization)
    if done:
        return done
    return render(
        request, "partners/form.html", {"form": form, "title": _("Add a service"), "organization": organization}
    )


@portal_user_required
def service_edit(request, org_pk: int, pk: int):
    organization = _editable_organization(request, org_pk)
    service = get_object_or_404(ServiceOffering, organization=organization, pk=pk)
    form = ServiceOfferingForm(request.POST or None, instance=service)
    done = save_and_redirect(
        request,
        form,
        save=lambda: _save_service(form, form.save(commit=False), expected_version=form.expected_version),
        message=_("The changes were saved."),
        to=organization,
    )
    if done:
        return done
    return render(
        request,
        "partners/form.html",
        {
            "form": form,
            "title": _("Edit service"),
            "organization": organization,
            "delete_url": reverse("partners:service_delete", args=[organization.pk, service.pk]),
        },
    )


@portal_user_required
def service_delete(request, org_pk: int, pk: int):
    organization = _editable_organization(request, org_pk)
    service = get_object_or_404(ServiceOffering, organization=organization, pk=pk)
    if request.method == "POST":
        services.service_delete(service=service)
        messages.success(request, _("The service was deleted."))
        return redirect(organization)
    return render(
        request,
        "partners/confirm_delete.html",
        {"object": service, "organization": organization, "cancel_url": organization.get_absolute_url()},
    )


@staff_required
def member_invite(request, org_pk: int):
    organization = get_object_or_404(Organization.objects.editable_by(request.user), pk=org_pk)
    form = MemberInviteForm(request.POST or None, initial={"language": get_language()})
    done = save_and_redirect(
        request,
        form,
        save=lambda: services.member_invite(
            organization=organization,
            email=form.cleaned_data["email"],
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            invited_by=request.user,
            language=form.cleaned_data["language"],
        ),
        message=lambda invited: (
            ngettext(
                "An invitation was emailed to %(email)s. The link works for %(days)s day.",
                "An invitation was emailed to %(email)s. The link works for %(days)s days.",
                services.MEMBER_INVITATION_DAYS,
            )
            % {"email": invited[0].email, "days": services.MEMBER_INVITATION_DAYS}
        ),
        to=organization,
    )
    if done:
        return done
    return render(
        request,
        "partners/form.html",
        {
            "form": form,
            "title": _("Invite a member of %(name)s") % {"name": organization.name},
            "organization": organization,
        },
    )


@staff_required
@require_POST
def membership_toggle(request, org_pk: int, pk: int):
    membership = get_object_or_404(Membership.objects.visible_to(request.user), organization_id=org_pk, pk=pk)
    services.membership_set_active(membership=membership, is_active=not membership.is_active)
    if membership.is_active:
        messages.success(request, _("The member's access was restored."))
    else:
        messages.success(request, _("The member's access was suspended."))
    return redirect(membership.organization)


@rate_limited("invitation")
def accept_invitation(request, token: str):
    invitation = services.member_invitation_find(token=token)
    if invitation is None:
        raise Http404
    form = SetPasswordForm(invitation.user, request.POST or None)
    form.helper = form_helper(submit_label=_("Set my password"))
    if request.method == "POST" and form.is_valid():
        try:
            user = services.member_invitation_accept(invitation=invitation, password=form.cleaned_data["new_password1"])
        except ValidationError as error:
            raise Http404 from error
        login(request, user, backend="core.auth.UsernameOrEmailBackend")
        messages.success(request, _("Welcome! Your password is set."))
        return redirect(invitation.organization)
    return render(request, "partners/accept_invitation.html", {"form": form, "invitation": invitation})
