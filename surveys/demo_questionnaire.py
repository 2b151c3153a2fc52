"""The lending partners questionnaire (استبيان شركاء الإقراض) as SMEPS Hadramout asks it: the
seed's second recommendation is to follow up the partners that have not completed it.

Each section is (title_ar, title_en, intro_ar, intro_en, questions); each question a dict with
code, kind, label_ar, label_en and optionally help_ar, help_en, required, min, max, max_length,
choices [(value, label_ar, label_en)] and show_if (code, value).
"""

TITLE_AR = "استبيان شركاء الإقراض"
TITLE_EN = "Lending partners questionnaire"
DESCRIPTION_AR = (
    "تنفيذاً لتوصيات اجتماع شركاء التمكين والإقراض، تسعى وكالة تنمية المنشآت الصغيرة والأصغر فرع حضرموت "
    "إلى التعرف على خدمات كل شريك في الإقراض والفئات التي يخدمها وقدراته ونقاط القوة وفرص التحسين لديه، "
    "لإعداد رؤية متكاملة للاستفادة من إمكانات الجميع في خدمة مشاريع الشباب. يستغرق الاستبيان قرابة عشرين "
    "دقيقة، وتُحفظ الإجابات عند الانتقال بين الأقسام فيمكنكم العودة لاستكماله لاحقاً بالرابط نفسه."
)
DESCRIPTION_EN = (
    "Following the recommendations of the empowerment and lending partners meeting, the Small and Micro "
    "Enterprise Promotion Service (SMEPS), Hadramout branch, wants to know each lending partner's services, "
    "the people it serves, its capacity, its strengths and its improvement opportunities, in order to prepare "
    "an integrated vision of how everyone's capabilities can serve youth projects. The questionnaire takes "
    "about twenty minutes; answers are saved as you move between sections, so you can come back and finish "
    "it later with the same link."
)

YES_NO = "yes_no"

SECTIONS = [
    (
        "بيانات الجهة",
        "Organization profile",
        "معلومات عامة عن جهتكم ونشاطها في التمويل في محافظة حضرموت.",
        "General information about your organization and its lending in Hadramout governorate.",
        [
            {
                "code": "institution_type",
                "kind": "single_choice",
                "label_ar": "ما نوع جهتكم؟",
                "label_en": "What kind of organization are you?",
                "required": True,
                "choices": [
                    ("mfi", "مؤسسة تمويل أصغر", "Microfinance institution"),
                    ("bank", "بنك أو مصرف", "Bank"),
                    ("fund", "صندوق وطني أو حكومي", "National or government fund"),
                    ("foundation", "مؤسسة أو جمعية تنموية", "Development foundation or association"),
                    ("other", "أخرى", "Other"),
                ],
            },
            {
                "code": "lending_since",
                "kind": "integer",
                "label_ar": "في أي عام بدأت جهتكم تقديم التمويل؟",
                "label_en": "In which year did your organization start providing finance?",
                "required": True,
                "min": 1950,
                "max": 2030,
            },
            {
                "code": "branches",
                "kind": "integer",
                "label_ar": "عدد الفروع أو نقاط الخدمة في محافظة حضرموت",
                "label_en": "Number of branches or service points in Hadramout governorate",
                "min": 0,
                "max": 500,
            },
            {
                "code": "loan_officers",
                "kind": "integer",
                "label_ar": "عدد موظفي الإقراض (ضباط الائتمان) العاملين في حضرموت",
                "label_en": "Number of loan officers working in Hadramout",
                "min": 0,
                "max": 2000,
            },
        ],
    ),
    (
        "منتجات الإقراض",
        "Lending products",
        "صيغ التمويل التي تقدمونها حالياً وشروطها.",
        "The forms of finance you offer today and their terms.",
        [
            {
                "code": "products",
                "kind": "multiple_choice",
                "label_ar": "ما صيغ التمويل التي تقدمونها؟",
                "label_en": "Which forms of finance do you offer?",
                "help_ar": "اختر كل ما ينطبق.",
                "help_en": "Choose all that apply.",
                "required": True,
                "choices": [
                    ("murabaha", "المرابحة", "Murabaha"),
                    ("ijara", "الإجارة", "Ijara (leasing)"),
                    ("musharaka", "المشاركة أو المضاربة", "Musharaka or mudaraba"),
                    ("qard_hasan", "القرض الحسن", "Qard hasan (interest-free loan)"),
                    ("conventional", "قروض تقليدية", "Conventional loans"),
                    ("group", "التمويل الجماعي بضمان المجموعة", "Group lending with a group guarantee"),
                    ("other", "صيغ أخرى", "Other forms"),
                ],
            },
            {
                "code": "products_other",
                "kind": "short_text",
                "label_ar": "ما صيغ التمويل الأخرى التي تقدمونها؟",
                "label_en": "Which other forms of finance do you offer?",
                "show_if": ("products", "other"),
            },
            {
                "code": "min_loan_yer",
                "kind": "amount",
                "label_ar": "أصغر مبلغ تمويل تقدمونه (بالريال اليمني)",
                "label_en": "Smallest amount of finance you provide (YER)",
                "required": True,
            },
            {
                "code": "max_loan_yer",
                "kind": "amount",
                "label_ar": "أكبر مبلغ تمويل تقدمونه (بالريال اليمني)",
                "label_en": "Largest amount of finance you provide (YER)",
                "required": True,
            },
            {
                "code": "max_term_months",
                "kind": "integer",
                "label_ar": "أطول مدة سداد تقدمونها (بالأشهر)",
                "label_en": "Longest repayment term you offer (months)",
                "required": True,
                "min": 1,
                "max": 120,
            },
            {
                "code": "grace_period",
                "kind": YES_NO,
                "label_ar": "هل تمنحون فترة سماح قبل القسط الأول؟",
                "label_en": "Do you give a grace period before the first instalment?",
            },
            {
                "code": "grace_months",
                "kind": "integer",
                "label_ar": "مدة فترة السماح (بالأشهر)",
                "label_en": "Length of the grace period (months)",
                "min": 1,
                "max": 24,
                "show_if": ("grace_period", "yes"),
            },
            {
                "code": "guarantees",
                "kind": "multiple_choice",
                "label_ar": "ما الضمانات التي تطلبونها من المستفيد؟",
                "label_en": "What guarantees or collateral do you ask of a borrower?",
                "help_ar": "اختر كل ما ينطبق.",
                "help_en": "Choose all that apply.",
                "required": True,
                "choices": [
                    ("guarantor", "ضامن أو كفيل", "A guarantor"),
                    ("commercial", "ضمانة تجارية", "A commercial guarantee"),
                    ("salary", "ضمانة راتب أو تحويل راتب", "A salary guarantee"),
                    ("assets", "رهن ذهب أو عقار أو معدات", "A pledge of gold, property or equipment"),
                    ("group_guarantee", "ضمان المجموعة", "A group guarantee"),
                    ("none", "لا نطلب ضمانات", "No guarantee required"),
                ],
            },
            {
                "code": "startups",
                "kind": YES_NO,
                "label_ar": "هل تمولون المشاريع الجديدة التي لم تبدأ نشاطها بعد؟",
                "label_en": "Do you finance new projects that have not started operating yet?",
                "required": True,
            },
        ],
    ),
    (
        "الفئات المستهدفة",
        "Who you serve",
        "الشباب والنساء والمناطق التي يصل إليها تمويلكم.",
        "The youth, the women and the areas your finance reaches.",
        [
            {
                "code": "youth_segments",
                "kind": "multiple_choice",
                "label_ar": "أي فئات الشباب تخدمون؟",
                "label_en": "Which youth segments do you serve?",
                "required": True,
                "choices": [
                    ("university_graduates", "خريجو الجامعات", "University graduates"),
                    ("institute_graduates", "خريجو المعاهد", "Institute graduates"),
                    ("school_dropouts", "المتسربون من التعليم", "School dropouts"),
                    ("not_targeted", "لا نستهدف الشباب تحديداً", "We do not target youth specifically"),
                ],
            },
            {
                "code": "project_sizes",
                "kind": "multiple_choice",
                "label_ar": "أحجام المشاريع التي تمولونها",
                "label_en": "Sizes of the projects you finance",
                "required": True,
                "choices": [
                    ("micro", "متناهية الصغر", "Micro"),
                    ("small", "صغيرة", "Small"),
                    ("medium", "متوسطة", "Medium"),
                ],
            },
            {
                "code": "women_product",
                "kind": YES_NO,
                "label_ar": "هل لديكم منتج تمويلي مخصص للنساء؟",
                "label_en": "Do you have a finance product designed for women?",
            },
            {
                "code": "min_age",
                "kind": "integer",
                "label_ar": "أصغر عمر للمستفيد تقبلون تمويله",
                "label_en": "Youngest age of a borrower you accept",
                "min": 15,
                "max": 70,
            },
            {
                "code": "districts",
                "kind": "districts",
                "label_ar": "المديريات التي تقدمون فيها التمويل في حضرموت",
                "label_en": "The districts of Hadramout where you provide finance",
                "required": True,
            },
        ],
    ),
    (
        "المحفظة التمويلية",
        "Portfolio",
        "أرقام تقريبية كما في نهاية آخر ربع سنة، لمحافظة حضرموت فقط.",
        "Approximate figures at the end of the last quarter, for Hadramout governorate only.",
        [
            {
                "code": "active_borrowers",
                "kind": "integer",
                "label_ar": "عدد المقترضين النشطين",
                "label_en": "Number of active borrowers",
                "required": True,
                "min": 0,
            },
            {
                "code": "youth_borrowers",
                "kind": "integer",
                "label_ar": "منهم: الشباب (من 18 إلى 35 سنة)",
                "label_en": "Of them: youth (aged 18 to 35)",
                "min": 0,
            },
            {
                "code": "women_borrowers",
                "kind": "integer",
                "label_ar": "منهم: النساء",
                "label_en": "Of them: women",
                "min": 0,
            },
            {
                "code": "outstanding_portfolio_yer",
                "kind": "amount",
                "label_ar": "إجمالي المحفظة القائمة (بالريال اليمني)",
                "label_en": "Total outstanding portfolio (YER)",
                "required": True,
            },
            {
                "code": "par30_percent",
                "kind": "decimal",
                "label_ar": "نسبة المحفظة المعرضة للمخاطر لأكثر من 30 يوماً (%)",
                "label_en": "Portfolio at risk over 30 days (%)",
                "help_ar": "نسبة أرصدة القروض التي تأخر سدادها أكثر من 30 يوماً إلى إجمالي المحفظة.",
                "help_en": "The balance of loans more than 30 days late, as a share of the whole portfolio.",
                "min": 0,
                "max": 100,
            },
            {
                "code": "figures_date",
                "kind": "date",
                "label_ar": "تاريخ هذه الأرقام",
                "label_en": "Date of these figures",
            },
        ],
    ),
    (
        "الخدمات غير المالية",
        "Non-financial services",
        "ما تقدمونه للمستفيدين إلى جانب التمويل.",
        "What you offer borrowers besides finance.",
        [
            {
                "code": "non_financial",
                "kind": "multiple_choice",
                "label_ar": "ما الخدمات غير المالية التي تقدمونها للمستفيدين؟",
                "label_en": "Which non-financial services do you offer borrowers?",
                "help_ar": "اختر كل ما ينطبق.",
                "help_en": "Choose all that apply.",
                "choices": [
                    ("management_training", "التدريب على إدارة المشاريع", "Training in project management"),
                    ("feasibility", "المساعدة في إعداد دراسات الجدوى", "Help with feasibility studies"),
                    ("financial_literacy", "التثقيف المالي", "Financial literacy"),
                    ("bds", "خدمات تطوير الأعمال والإرشاد", "Business development services and mentoring"),
                    ("market_linkage", "التسويق والربط بالأسواق", "Marketing and market linkage"),
                    ("none", "لا نقدم خدمات غير مالية", "None"),
                ],
            },
            {
                "code": "joint_training",
                "kind": YES_NO,
                "label_ar": "هل ترغبون في المشاركة في برامج تدريب مشتركة مع الوكالة والشركاء الآخرين؟",
                "label_en": "Would you take part in joint training programmes with SMEPS and the other partners?",
            },
        ],
    ),
    (
        "الإحالات والتنسيق",
        "Referrals and coordination",
        "قدرتكم على استقبال مشاريع الشباب المحالة إليكم.",
        "Your capacity to take youth projects referred to you.",
        [
            {
                "code": "referrals_per_month",
                "kind": "integer",
                "label_ar": "كم مشروعاً شبابياً محالاً من الوكالة والشركاء يمكنكم استقباله شهرياً؟",
                "label_en": "How many youth projects referred by SMEPS and the partners can you take each month?",
                "required": True,
                "min": 0,
                "max": 1000,
            },
            {
                "code": "referral_response_days",
                "kind": "integer",
                "label_ar": "خلال كم يوم عمل يمكنكم الرد على الإحالة؟",
                "label_en": "Within how many working days can you answer a referral?",
                "min": 1,
                "max": 90,
            },
            {
                "code": "coordination_rating",
                "kind": "scale",
                "label_ar": "كيف تقيمون مستوى التنسيق الحالي بين شركاء التمكين والإقراض؟",
                "label_en": "How do you rate today's coordination among the empowerment and lending partners?",
                "help_ar": "1 = ضعيف جداً، 5 = جيد جداً",
                "help_en": "1 = very weak, 5 = very good",
            },
        ],
    ),
    (
        "نقاط القوة وفرص التحسين",
        "Strengths and improvement opportunities",
        "إجاباتكم في هذا القسم أساس الدراسة التي تعدها الوكالة عن تكامل أدوار الشركاء.",
        "Your answers in this section are the basis of the study SMEPS is preparing on how the partners' roles "
        "complement each other.",
        [
            {
                "code": "strengths",
                "kind": "long_text",
                "label_ar": "ما أبرز نقاط القوة لدى جهتكم في تمويل مشاريع الشباب؟",
                "label_en": "What are your organization's main strengths in financing youth projects?",
                "required": True,
            },
            {
                "code": "improvements",
                "kind": "long_text",
                "label_ar": "ما فرص التحسين أو الصعوبات التي تواجهونها؟",
                "label_en": "What improvement opportunities or difficulties do you see?",
                "required": True,
            },
            {
                "code": "support_needed",
                "kind": "long_text",
                "label_ar": "ما الدعم الذي تحتاجونه من الوكالة أو الشركاء الآخرين لزيادة تمويل الشباب؟",
                "label_en": "What support do you need from SMEPS or the other partners to finance more youth?",
            },
        ],
    ),
    (
        "مسؤول التنسيق",
        "Contact person for coordination",
        "الشخص الذي تتواصل معه الوكالة بخصوص الإحالات ومتابعة هذا الاستبيان.",
        "The person SMEPS contacts about referrals and about this questionnaire.",
        [
            {
                "code": "contact_name",
                "kind": "short_text",
                "label_ar": "الاسم",
                "label_en": "Name",
                "required": True,
                "max_length": 150,
            },
            {
                "code": "contact_position",
                "kind": "short_text",
                "label_ar": "الوظيفة",
                "label_en": "Position",
                "max_length": 150,
            },
            {
                "code": "contact_phone",
                "kind": "short_text",
                "label_ar": "رقم الهاتف أو الواتساب",
                "label_en": "Phone or WhatsApp number",
                "required": True,
                "max_length": 30,
            },
            {
                "code": "contact_email",
                "kind": "short_text",
                "label_ar": "البريد الإلكتروني",
                "label_en": "Email",
                "max_length": 254,
            },
        ],
    ),
]
