"""The partners of the seed (../shared/seed/FACTS.md): nine organizations and eight named people.

Loaded by `manage.py load_demo`; running it again updates the same rows instead of adding new ones.
Service offerings here are illustrative and flagged `is_example`.
"""

from .models import (
    Contact,
    District,
    Organization,
    OrganizationKind,
    PartnerRole,
    ProjectSize,
    ServiceOffering,
    Title,
    YouthSegment,
)

SMEPS = "وكالة تنمية المنشآت الصغيرة والأصغر (SMEPS) - فرع حضرموت"
YOUTH_OFFICE = "ديوان محافظة حضرموت - مكتب وكيل المحافظة لشئون الشباب"
COAST_OFFICE = "ديوان محافظة حضرموت - مكتب وكيل المحافظة لشئون الساحل"
SFD = "الصندوق الاجتماعي للتنمية"
WOMEN_COMMITTEE = "اللجنة الوطنية للمرأة - ساحل حضرموت"
AL_AWN = "مؤسسة العون للتنمية"
RAWABI = "مؤسسة روابي الخير التنموية"
REVOLVING_FUND = "صندوق التمويل الأصغر (الصندوق الدوار)"
NAHD = "مؤسسة نهد التنموية"

COAST_DISTRICTS = ["المكلا", "مدينة المكلا", "الشحر", "غيل باوزير", "الديس", "بروم ميفع"]

ORGANIZATIONS = [
    {
        "name_ar": SMEPS,
        "name_en": "Small and Micro Enterprise Promotion Service, Hadramout branch",
        "short_name": "SMEPS",
        "kind": OrganizationKind.AGENCY,
        "role": PartnerRole.EMPOWERMENT,
        "description_ar": "الجهة المستضيفة للبوابة، تنسق بين شركاء التمكين والإقراض.",
        "description_en": "Hosts the portal and coordinates the empowerment and lending partners.",
        "address_ar": "المكلا - مقر الوكالة",
        "address_en": "Al Mukalla - SMEPS headquarters",
    },
    {
        "name_ar": YOUTH_OFFICE,
        "name_en": "Hadramout Governorate - Office of the Deputy Governor for Youth Affairs",
        "short_name": "",
        "kind": OrganizationKind.LOCAL_AUTHORITY,
        "role": PartnerRole.EMPOWERMENT,
    },
    {
        "name_ar": COAST_OFFICE,
        "name_en": "Hadramout Governorate - Office of the Deputy Governor for Coast Affairs",
        "short_name": "",
        "kind": OrganizationKind.LOCAL_AUTHORITY,
        "role": PartnerRole.EMPOWERMENT,
    },
    {
        "name_ar": SFD,
        "name_en": "Social Fund for Development",
        "short_name": "SFD",
        "kind": OrganizationKind.NATIONAL_FUND,
        "role": PartnerRole.BOTH,
    },
    {
        "name_ar": WOMEN_COMMITTEE,
        "name_en": "National Women's Committee, Hadramout coast",
        "short_name": "",
        "kind": OrganizationKind.CIVIL_SOCIETY,
        "role": PartnerRole.EMPOWERMENT,
    },
    {
        "name_ar": AL_AWN,
        "name_en": "Al-Awn Foundation for Development",
        "short_name": "",
        "kind": OrganizationKind.FOUNDATION,
        "role": PartnerRole.BOTH,
    },
    {
        "name_ar": RAWABI,
        "name_en": "Rawabi Al-Khair Development Foundation",
        "short_name": "",
        "kind": OrganizationKind.FOUNDATION,
        "role": PartnerRole.BOTH,
    },
    {
        "name_ar": REVOLVING_FUND,
        "name_en": "Microfinance Fund (Revolving Fund)",
        "short_name": "",
        "kind": OrganizationKind.MICROFINANCE,
        "role": PartnerRole.LENDING,
    },
    {
        "name_ar": NAHD,
        "name_en": "Nahd Development Foundation",
        "short_name": "",
        "kind": OrganizationKind.FOUNDATION,
        "role": PartnerRole.BOTH,
    },
]

# (organization, title, name ar, name en, position ar, position en), as the seed writes them.
PEOPLE = [
    (
        SMEPS,
        Title.MS,
        "أوسينا عمر باحيدان",
        "Awsina Omar Bahaidan",
        "مدير وكالة SMEPS فرع حضرموت",
        "Director, SMEPS Hadramout branch",
    ),
    (
        COAST_OFFICE,
        Title.MR,
        "فهمي عوض باضاوي",
        "Fahmi Awad Badawi",
        "وكيل محافظة حضرموت لشئون الساحل",
        "Deputy Governor of Hadramout for Coast Affairs",
    ),
    (
        SFD,
        Title.MR,
        "محمد بن محمد الديلمي",
        "Mohammed bin Mohammed Al-Dailami",
        "مدير الصندوق الاجتماعي للتنمية",
        "Director, Social Fund for Development",
    ),
    (
        WOMEN_COMMITTEE,
        Title.MS,
        "فائزة فرج بامطرف",
        "Faiza Faraj Bamatraf",
        "رئيسة اللجنة الوطنية للمرأة ساحل حضرموت",
        "Head of the National Women's Committee, Hadramout coast",
    ),
    (
        AL_AWN,
        Title.MR,
        "محمد سالم الصبان",
        "Mohammed Salem Al-Sabban",
        "مدير إدارة المشاريع",
        "Projects department director",
    ),
    (
        RAWABI,
        "",
        "جمعان سعيد بن ناصر",
        "Jumaan Saeed bin Nasser",
        "مدير إدارة المشاريع",
        "Projects department director",
    ),
    (
        REVOLVING_FUND,
        "",
        "خولة سالم سكارو",
        "Khawla Salem Sakaro",
        "مدير صندوق التمويل الأصغر (الصندوق الدوار)",
        "Director, Microfinance Fund (Revolving Fund)",
    ),
    (NAHD, Title.MR, "عمر عبدالعزيز جعفر بن عقيل", "Omar Abdulaziz Jaafar bin Aqil", "", ""),
]

# Illustrative offerings, flagged as examples: the seed does not say what each partner offers.
EXAMPLE_SERVICES = [
    {
        "org": REVOLVING_FUND,
        "kind": "loan",
        "title_ar": "قروض المشاريع متناهية الصغر (مثال)",
        "title_en": "Micro-project loans (example)",
        "segments": ["university_graduates", "institute_graduates", "school_dropouts"],
        "sizes": ["micro"],
        "loan_min_yer": 100_000,
        "loan_max_yer": 1_000_000,
        "conditions_ar": "ضامن أو كفيل، ودراسة جدوى مبسطة.",
        "conditions_en": "A guarantor and a simple feasibility study.",
    },
    {
        "org": AL_AWN,
        "kind": "loan",
        "title_ar": "تمويل المرابحة للمشاريع الصغيرة (مثال)",
        "title_en": "Murabaha finance for small projects (example)",
        "segments": ["university_graduates", "institute_graduates"],
        "sizes": ["small"],
        "loan_min_yer": 500_000,
        "loan_max_yer": 3_000_000,
        "conditions_ar": "تمويل إسلامي بصيغة المرابحة مع ضمان تجاري.",
        "conditions_en": "Islamic murabaha finance with a commercial guarantee.",
    },
    {
        "org": SMEPS,
        "kind": "training",
        "title_ar": "تدريب إدارة المشاريع الصغيرة (مثال)",
        "title_en": "Small business management training (example)",
        "segments": ["university_graduates", "institute_graduates", "school_dropouts"],
        "sizes": ["micro", "small"],
    },
    {
        "org": SFD,
        "kind": "technical_support",
        "title_ar": "دعم فني ومؤسسي لمؤسسات التمويل الأصغر (مثال)",
        "title_en": "Technical and institutional support to microfinance institutions (example)",
        "segments": [],
        "sizes": ["micro", "small"],
    },
    {
        "org": WOMEN_COMMITTEE,
        "kind": "mentoring",
        "title_ar": "إرشاد رائدات الأعمال الشابات (مثال)",
        "title_en": "Mentoring young women entrepreneurs (example)",
        "segments": ["school_dropouts", "institute_graduates"],
        "sizes": ["micro"],
    },
]


def load() -> dict[str, Organization]:
    """Create or update the seed's organizations, people and example services; return orgs by Arabic name."""
    coast = list(District.objects.filter(name_ar__in=COAST_DISTRICTS))
    organizations = {}
    for data in ORGANIZATIONS:
        org, _ = Organization.objects.update_or_create(name_ar=data["name_ar"], defaults=data)
        if not org.districts.exists():
            org.districts.set(coast)
        organizations[org.name_ar] = org
    for org_name, title, name_ar, name_en, position_ar, position_en in PEOPLE:
        Contact.objects.update_or_create(
            organization=organizations[org_name],
            full_name_ar=name_ar,
            defaults={
                "title": title,
                "full_name_en": name_en,
                "position_ar": position_ar,
                "position_en": position_en,
                "is_primary": True,
            },
        )
    segments = {s.code: s for s in YouthSegment.objects.all()}
    sizes = {s.code: s for s in ProjectSize.objects.all()}
    for data in EXAMPLE_SERVICES:
        data = dict(data)
        org = organizations[data.pop("org")]
        segment_codes, size_codes = data.pop("segments"), data.pop("sizes")
        service, _ = ServiceOffering.objects.update_or_create(
            organization=org, title_ar=data.pop("title_ar"), defaults={**data, "is_example": True}
        )
        service.segments.set([segments[c] for c in segment_codes])
        service.sizes.set([sizes[c] for c in size_codes])
        if not service.districts.exists():
            service.districts.set(coast)
    return organizations
