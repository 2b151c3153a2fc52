import hashlib

from django.conf import settings
from django.contrib.postgres.search import TrigramWordSimilarity
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import Exists, OuterRef, Q
from django.db.models.lookups import GreaterThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.access import is_agency_staff, is_governor_office, partner_organization_id
from core.models import TimeStampedModel, VersionedModel, bilingual
from core.text import normalize_search_text, search_terms

# Shorter words would match too much by similarity.
FUZZY_MIN_LENGTH = 4
# pg_trgm's own bar (0.6, the `%>` operator) forgives a typo near the end of a word only: one letter
# changed in the middle of a 6-letter word scores 0.4. Words at least this long get that lower bar.
LONG_WORD_LENGTH = 6
LONG_WORD_SIMILARITY = 0.4


class Region(models.TextChoices):
    COAST = "coast", _("Coast")
    VALLEY = "valley", _("Valley and desert")


class District(models.Model):
    name_ar = models.CharField(_("name (Arabic)"), max_length=100, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100, unique=True)
    region = models.CharField(_("region"), max_length=10, choices=Region.choices, blank=True)

    class Meta:
        ordering = ["name_ar"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return bilingual(self, "name")


class YouthSegment(models.Model):
    """University graduates, institute graduates, school dropouts (the seed's three segments)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("youth segment")
        verbose_name_plural = _("youth segments")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return bilingual(self, "name")


class ProjectSize(models.Model):
    """Micro and small projects."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("project size")
        verbose_name_plural = _("project sizes")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return bilingual(self, "name")


class OrganizationKind(models.TextChoices):
    AGENCY = "agency", _("Agency")
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    NATIONAL_FUND = "national_fund", _("National fund")
    MICROFINANCE = "microfinance", _("Microfinance institution")
    BANK = "bank", _("Bank")
    FOUNDATION = "foundation", _("Development foundation")
    CIVIL_SOCIETY = "civil_society", _("Committee / civil society")
    OTHER = "other", _("Other")


class PartnerRole(models.TextChoices):
    EMPOWERMENT = "empowerment", _("Empowerment")
    LENDING = "lending", _("Lending")
    BOTH = "both", _("Empowerment and lending")


def _close_to(term: str) -> Q:
    """Rows whose `search_text` has a word within about one typo of `term` (PostgreSQL only)."""
    if len(term) >= LONG_WORD_LENGTH:
        return Q(GreaterThanOrEqual(TrigramWordSimilarity(term, "search_text"), LONG_WORD_SIMILARITY))
    return Q(search_text__trigram_word_similar=term)


class OrganizationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "OrganizationQuerySet":
        """Every portal role reads the directory; inactive organizations only for staff."""
        if is_agency_staff(user):
            return self
        if is_governor_office(user) or partner_organization_id(user) is not None:
            return self.filter(Q(is_active=True) | Q(pk=partner_organization_id(user) or 0))
        return self.none()

    def editable_by(self, user) -> "OrganizationQuerySet":
        """Staff edit every organization; a partner member only their own; others none."""
        if is_agency_staff(user):
            return self
        org_id = partner_organization_id(user)
        if org_id is not None:
            return self.filter(pk=org_id)
        return self.none()

    def lending(self) -> "OrganizationQuerySet":
        return self.filter(role__in=[PartnerRole.LENDING, PartnerRole.BOTH])

    def search(self, query: str) -> "OrganizationQuerySet":
        """Rows whose name, short name or contacts contain every word of `query` (Arabic-aware)."""
        fuzzy = connections[self.db].vendor == "postgresql"
        qs = self
        for term in search_terms(query):
            condition = Q(search_text__contains=term)
            if fuzzy and len(term) >= FUZZY_MIN_LENGTH:
                # pg_trgm: a word of the row close to the typed word also matches (one typo).
                condition |= _close_to(term)
            contact_match = Contact.objects.filter(condition, organization=OuterRef("pk"))
            qs = qs.filter(condition | Exists(contact_match))
        return qs


class Organization(TimeStampedModel, VersionedModel):
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    short_name = models.CharField(
        _("short name"), max_length=40, blank=True, help_text=_("Acronym or short form, e.g. SMEPS or SFD.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OrganizationKind.choices)
    role = models.CharField(_("partner role"), max_length=20, choices=PartnerRole.choices)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    districts = models.ManyToManyField(
        District, verbose_name=_("districts served"), related_name="organizations", blank=True
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    address_ar = models.CharField(_("address (Arabic)"), max_length=255, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=255, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    search_text = models.TextField(editable=False, default="")

    objects = OrganizationQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["search_text", "version", "created_at", "updated_at"], m2m_fields=["districts"]
    )

    class Meta:
        ordering = ["name_ar"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        constraints = [
            models.UniqueConstraint(fields=["name_ar"], name="organization_unique_name_ar"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = normalize_search_text(" ".join([self.name_ar, self.name_en, self.short_name]))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("partners:organization_detail", args=[self.pk])

    @property
    def name(self) -> str:
        return bilingual(self, "name")

    @property
    def description(self) -> str:
        return bilingual(self, "description")

    @property
    def address(self) -> str:
        return bilingual(self, "address")

    @property
    def is_lending(self) -> bool:
        return self.role in (PartnerRole.LENDING, PartnerRole.BOTH)


class Title(models.TextChoices):
    MR = "mr", _("Mr.")
    MS = "ms", _("Ms.")
    DR = "dr", _("Dr.")
    ENG = "eng", _("Eng.")


class Contact(TimeStampedModel, VersionedModel):
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), related_name="contacts", on_delete=models.CASCADE
    )
    title = models.CharField(_("title"), max_length=10, choices=Title.choices, blank=True)
    full_name_ar = models.CharField(_("full name (Arabic)"), max_length=150)
    full_name_en = models.CharField(_("full name (English)"), max_length=150, blank=True)
    position_ar = models.CharField(_("position (Arabic)"), max_length=200, blank=True)
    position_en = models.CharField(_("position (English)"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    is_primary = models.BooleanField(_("main contact"), default=False)
    search_text = models.TextField(editable=False, default="")

    history = HistoricalRecords(excluded_fields=["search_text", "version", "created_at", "updated_at"])

    class Meta:
        ordering = ["-is_primary", "full_name_ar"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        self.search_text = normalize_search_text(
            " ".join([self.full_name_ar, self.full_name_en, self.position_ar, self.position_en, self.email])
        )
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        return bilingual(self, "full_name")

    @property
    def position(self) -> str:
        return bilingual(self, "position")

    @property
    def display_name(self) -> str:
        title = self.get_title_display() if self.title else ""
        return f"{title} {self.full_name}".strip()


class ServiceKind(models.TextChoices):
    LOAN = "loan", _("Loan")
    GRANT = "grant", _("Grant")
    TRAINING = "training", _("Training")
    TECHNICAL_SUPPORT = "technical_support", _("Technical support")
    MENTORING = "mentoring", _("Mentoring")
    MARKET_LINKAGE = "market_linkage", _("Market linkage")


class ServiceOfferingQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ServiceOfferingQuerySet":
        return self.filter(organization__in=Organization.objects.visible_to(user))

    def editable_by(self, user) -> "ServiceOfferingQuerySet":
        return self.filter(organization__in=Organization.objects.editable_by(user))


class ServiceOffering(TimeStampedModel, VersionedModel):
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), related_name="services", on_delete=models.CASCADE
    )
    kind = models.CharField(_("kind of service"), max_length=20, choices=ServiceKind.choices)
    title_ar = models.CharField(_("service name (Arabic)"), max_length=200)
    title_en = models.CharField(_("service name (English)"), max_length=200, blank=True)
    segments = models.ManyToManyField(YouthSegment, verbose_name=_("youth segments"), blank=True)
    sizes = models.ManyToManyField(ProjectSize, verbose_name=_("project sizes"), blank=True)
    districts = models.ManyToManyField(District, verbose_name=_("districts"), blank=True)
    loan_min_yer = models.PositiveBigIntegerField(_("smallest loan (YER)"), null=True, blank=True)
    loan_max_yer = models.PositiveBigIntegerField(_("largest loan (YER)"), null=True, blank=True)
    conditions_ar = models.TextField(_("conditions (Arabic)"), blank=True)
    conditions_en = models.TextField(_("conditions (English)"), blank=True)
    is_example = models.BooleanField(
        _("example"), default=False, help_text=_("Illustrative demo data, not confirmed by the partner.")
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = ServiceOfferingQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["version", "created_at", "updated_at"], m2m_fields=["segments", "sizes", "districts"]
    )

    class Meta:
        ordering = ["organization__name_ar", "kind", "pk"]
        verbose_name = _("service offering")
        verbose_name_plural = _("service offerings")
        constraints = [
            models.CheckConstraint(
                condition=Q(loan_min_yer__isnull=True)
                | Q(loan_max_yer__isnull=True)
                | Q(loan_min_yer__lte=models.F("loan_max_yer")),
                name="service_loan_range_ordered",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.loan_min_yer is not None and self.loan_max_yer is not None and self.loan_min_yer > self.loan_max_yer:
            raise ValidationError({"loan_max_yer": _("The largest loan must not be smaller than the smallest loan.")})

    @property
    def title(self) -> str:
        return bilingual(self, "title")

    @property
    def conditions(self) -> str:
        return bilingual(self, "conditions")


class MembershipQuerySet(models.QuerySet):
    def visible_to(self, user) -> "MembershipQuerySet":
        if is_agency_staff(user):
            return self
        org_id = partner_organization_id(user)
        if org_id is not None:
            return self.filter(organization_id=org_id)
        return self.none()


class Membership(TimeStampedModel):
    """Links a user to the one organization they act for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), related_name="membership", on_delete=models.CASCADE
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), related_name="memberships", on_delete=models.CASCADE
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organization__name_ar", "user__username"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} - {self.organization}"


def hash_token(token: str) -> str:
    """Tokens are stored hashed, so that a copy of the database gives no working link."""
    return hashlib.sha256(token.encode()).hexdigest()


class MemberInvitationQuerySet(models.QuerySet):
    def usable(self) -> "MemberInvitationQuerySet":
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class MemberInvitation(TimeStampedModel):
    """An email invitation for a partner member to set a password; one use, 7 days."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), related_name="member_invitations", on_delete=models.CASCADE
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), related_name="member_invitations", on_delete=models.CASCADE
    )
    email = models.EmailField(_("email"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        related_name="+",
        null=True,
        on_delete=models.SET_NULL,
    )
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = MemberInvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("member invitation")
        verbose_name_plural = _("member invitations")

    def __str__(self):
        return self.email

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired
