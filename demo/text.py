# ruff: noqa: E501  (a phrase bank: Chinese characters count double toward the line width)
"""Phrase banks for the demo data set (records/demo.py): provision texts, law titles, case prose, names.

Every sentence here was written for this project as illustrative drafting; none is copied from a statute
or a judgment. Texts exist in English, French, Spanish, Russian, Arabic, Chinese and Portuguese so that
search, stemming and right-to-left display can be tried on realistic material. Placeholders in braces
are filled by the generator ({min}, {max}: years of imprisonment).

A theme ties a provision text to the tags a curator would give it (Convention/Protocol articles with an
optional paragraph, crime types, the sub-vocabulary facets to sample from, cross-cutting issues).
"""

from __future__ import annotations

from dataclasses import dataclass, field

LANGS = ("en", "fr", "es", "ru", "ar", "zh-hans", "pt")


@dataclass(frozen=True)
class Theme:
    articles: tuple[tuple[str, str], ...]
    crime_types: tuple[str, ...]
    issues: tuple[str, ...]
    heading: dict[str, str]
    text: dict[str, str]
    subtype_facets: tuple[str, ...] = ()  # facets of the first crime type to sample values from
    keywords: tuple[str, ...] = field(default=())


THEMES: dict[str, Theme] = {
    "tip_offence": Theme(
        articles=(("TIP-3", "a"), ("TIP-5", "1")),
        crime_types=("trafficking-in-persons",),
        issues=("liability.principal", "transnationality"),
        subtype_facets=("acts", "means", "purposes", "offences"),
        keywords=("trafficking in persons", "exploitation", "recruitment", "deception"),
        heading={
            "en": "Trafficking in persons",
            "fr": "Traite des personnes",
            "es": "Trata de personas",
            "ru": "Торговля людьми",
            "ar": "الاتجار بالأشخاص",
            "zh-hans": "拐卖人口罪",
            "pt": "Tráfico de pessoas",
        },
        text={
            "en": "Whoever recruits, transports, transfers, harbours or receives a person by means of threat, "
            "force, deception or abuse of a position of vulnerability, for the purpose of exploitation, shall be "
            "punished by imprisonment of {min} to {max} years and a fine. The consent of the victim to the "
            "intended exploitation is irrelevant where any of these means has been used.",
            "fr": "Quiconque recrute, transporte, transfère, héberge ou accueille une personne par la menace, la "
            "contrainte, la tromperie ou l'abus d'une situation de vulnérabilité, aux fins de son exploitation, "
            "est puni de {min} à {max} ans d'emprisonnement et d'une amende. Le consentement de la victime à "
            "l'exploitation envisagée est indifférent lorsque l'un de ces moyens a été employé.",
            "es": "Quien capte, transporte, traslade, acoja o reciba a una persona mediante amenaza, fuerza, "
            "engaño o abuso de una situación de vulnerabilidad, con fines de explotación, será castigado con "
            "prisión de {min} a {max} años y multa. El consentimiento de la víctima a la explotación prevista no "
            "se tendrá en cuenta cuando se haya recurrido a cualquiera de dichos medios.",
            "ru": "Вербовка, перевозка, передача, укрывательство или получение человека путём угрозы, применения "
            "силы, обмана или злоупотребления уязвимым положением в целях его эксплуатации наказываются лишением "
            "свободы на срок от {min} до {max} лет со штрафом. Согласие потерпевшего на эксплуатацию не "
            "принимается во внимание, если было использовано любое из указанных средств.",
            "ar": "يعاقب بالسجن مدة لا تقل عن {min} سنوات ولا تزيد على {max} سنة وبالغرامة كل من جنّد شخصاً أو نقله "
            "أو آواه أو استقبله بواسطة التهديد أو القوة أو الخداع أو استغلال حالة استضعاف، بغرض استغلاله. ولا "
            "يعتد برضا المجني عليه بالاستغلال متى استخدمت أي من هذه الوسائل.",
            "zh-hans": "以威胁、暴力、欺骗或者利用他人弱势地位等手段，招募、运送、转移、窝藏或者接收他人，意图进行剥削的，"
            "处{min}年以上{max}年以下有期徒刑，并处罚金。使用上述任何手段的，被害人对剥削的同意不影响本罪的成立。",
            "pt": "Quem aliciar, transportar, transferir, alojar ou acolher pessoa, mediante ameaça, violência, "
            "fraude ou abuso de situação de vulnerabilidade, com a finalidade de exploração, será punido com "
            "reclusão de {min} a {max} anos e multa. O consentimento da vítima à exploração pretendida é "
            "irrelevante quando tiver sido utilizado qualquer desses meios.",
        },
    ),
    "tip_aggravating": Theme(
        articles=(("TIP-3", "c"), ("UNTOC-11", "")),
        crime_types=("trafficking-in-persons",),
        issues=("adjudication.aggravating", "victims-witnesses.children"),
        subtype_facets=("purposes", "offences"),
        keywords=("child trafficking", "aggravating circumstances"),
        heading={
            "en": "Aggravating circumstances",
            "fr": "Circonstances aggravantes",
            "es": "Circunstancias agravantes",
            "ru": "Отягчающие обстоятельства",
            "ar": "الظروف المشددة",
            "zh-hans": "加重处罚情节",
            "pt": "Circunstâncias agravantes",
        },
        text={
            "en": "The penalty shall be increased by one half where the victim is a child, where the offender is "
            "a public official acting in the exercise of his or her functions, or where the offence is committed "
            "by an organized criminal group.",
            "fr": "La peine est augmentée de moitié lorsque la victime est un enfant, lorsque l'auteur est un "
            "agent public agissant dans l'exercice de ses fonctions ou lorsque l'infraction est commise en bande "
            "organisée.",
            "es": "La pena se aumentará en la mitad cuando la víctima sea menor de edad, cuando el autor sea un "
            "funcionario público que actúe en ejercicio de sus funciones o cuando el delito se cometa por un "
            "grupo delictivo organizado.",
            "ru": "Наказание увеличивается наполовину, если потерпевший является ребёнком, если виновный является "
            "должностным лицом, действующим при исполнении своих обязанностей, или если преступление совершено "
            "организованной преступной группой.",
            "ar": "تزاد العقوبة بمقدار النصف إذا كان المجني عليه طفلاً، أو كان الجاني موظفاً عاماً يتصرف أثناء تأدية "
            "وظيفته، أو ارتكبت الجريمة من قبل جماعة إجرامية منظمة.",
            "zh-hans": "被害人为儿童的，行为人系利用职务便利的国家工作人员的，或者犯罪由有组织犯罪集团实施的，依照前款规定加重一半处罚。",
            "pt": "A pena é aumentada de metade se a vítima for criança ou adolescente, se o agente for "
            "funcionário público no exercício de suas funções ou se o crime for cometido por organização "
            "criminosa.",
        },
    ),
    "tip_victims": Theme(
        articles=(("TIP-6", "3"), ("TIP-7", ""), ("TIP-8", "")),
        crime_types=("trafficking-in-persons",),
        issues=("victims-witnesses.assistance", "victims-witnesses.non-punishment", "victims-witnesses.repatriation"),
        keywords=("victim assistance", "non-punishment", "residence permit"),
        heading={
            "en": "Protection and assistance of victims",
            "fr": "Protection et assistance aux victimes",
            "es": "Protección y asistencia a las víctimas",
            "ru": "Защита потерпевших и помощь им",
            "ar": "حماية الضحايا ومساعدتهم",
            "zh-hans": "被害人的保护与援助",
            "pt": "Proteção e assistência às vítimas",
        },
        text={
            "en": "Victims of trafficking shall not be held liable for offences they were compelled to commit as "
            "a direct consequence of being trafficked. They shall be offered shelter, medical and psychological "
            "care, legal counsel in a language they understand, and a reflection period of at least {min} "
            "months before deciding whether to cooperate with the authorities.",
            "fr": "Les victimes de la traite ne sont pas pénalement responsables des infractions qu'elles ont été "
            "contraintes de commettre du fait de la traite. Elles se voient proposer un hébergement, des soins "
            "médicaux et psychologiques, une assistance juridique dans une langue qu'elles comprennent et un "
            "délai de réflexion d'au moins {min} mois.",
            "es": "Las víctimas de trata no serán penalmente responsables de los delitos que se hayan visto "
            "obligadas a cometer como consecuencia directa de la trata. Se les ofrecerá alojamiento, atención "
            "médica y psicológica, asesoramiento jurídico en un idioma que comprendan y un período de reflexión "
            "de al menos {min} meses.",
            "ru": "Потерпевшие от торговли людьми не подлежат ответственности за правонарушения, которые они были "
            "вынуждены совершить вследствие торговли людьми. Им предоставляются убежище, медицинская и "
            "психологическая помощь, юридическая помощь на понятном им языке и срок для размышления не менее "
            "{min} месяцев.",
            "ar": "لا يسأل ضحايا الاتجار بالأشخاص عن الجرائم التي أُكرهوا على ارتكابها كنتيجة مباشرة للاتجار بهم. "
            "ويُوفَّر لهم المأوى والرعاية الطبية والنفسية والمساعدة القانونية بلغة يفهمونها، ومهلة تفكير لا تقل "
            "عن {min} أشهر.",
            "zh-hans": "人口贩运被害人因被贩运而被迫实施的违法行为，不予追究责任。有关机关应当为被害人提供庇护、医疗和心理救助、"
            "以其通晓的语言提供法律援助，并给予不少于{min}个月的考虑期。",
            "pt": "As vítimas de tráfico não serão responsabilizadas pelas infrações que tenham sido obrigadas a "
            "cometer em consequência direta do tráfico. Ser-lhes-ão oferecidos abrigo, atendimento médico e "
            "psicológico, assistência jurídica em língua que compreendam e um período de reflexão de pelo menos "
            "{min} meses.",
        },
    ),
    "som_offence": Theme(
        articles=(("SOM-3", "a"), ("SOM-6", "1")),
        crime_types=("smuggling-of-migrants",),
        issues=("transnationality", "ocg-involvement"),
        subtype_facets=("offences", "form"),
        keywords=("smuggling of migrants", "irregular entry", "financial benefit"),
        heading={
            "en": "Smuggling of migrants",
            "fr": "Trafic illicite de migrants",
            "es": "Tráfico ilícito de migrantes",
            "ru": "Незаконный ввоз мигрантов",
            "ar": "تهريب المهاجرين",
            "zh-hans": "偷运移民罪",
            "pt": "Contrabando de migrantes",
        },
        text={
            "en": "Any person who, in order to obtain a financial or other material benefit, procures the illegal "
            "entry of another person into a State of which that person is neither a national nor a permanent "
            "resident shall be liable to imprisonment for a term of {min} to {max} years. The migrant shall not "
            "be prosecuted for having been the object of such conduct.",
            "fr": "Toute personne qui, afin d'en tirer un avantage financier ou un autre avantage matériel, "
            "assure l'entrée illégale d'une autre personne dans un État dont celle-ci n'est ni ressortissante ni "
            "résidente permanente est passible d'un emprisonnement de {min} à {max} ans. Le migrant n'est pas "
            "poursuivi pour avoir été l'objet de ces actes.",
            "es": "Toda persona que, con el fin de obtener un beneficio financiero u otro beneficio de orden "
            "material, facilite la entrada ilegal de otra persona en un Estado del que esta no sea nacional ni "
            "residente permanente será castigada con prisión de {min} a {max} años. El migrante no será "
            "enjuiciado por haber sido objeto de dichas conductas.",
            "ru": "Лицо, которое в целях получения финансовой или иной материальной выгоды обеспечивает "
            "незаконный въезд другого лица в государство, гражданином или постоянным жителем которого это лицо "
            "не является, наказывается лишением свободы на срок от {min} до {max} лет. Мигрант не подлежит "
            "уголовному преследованию за то, что он стал объектом таких деяний.",
            "ar": "يعاقب بالسجن مدة تتراوح بين {min} و{max} سنوات كل من دبّر، بغية الحصول على منفعة مالية أو منفعة "
            "مادية أخرى، الدخول غير المشروع لشخص إلى دولة ليس ذلك الشخص من رعاياها أو من المقيمين الدائمين فيها. "
            "ولا يلاحق المهاجر جنائياً لكونه محلاً لهذا السلوك.",
            "zh-hans": "为直接或者间接获取经济或者其他物质利益，安排他人非法进入其非国民或者非永久居民的国家的，处{min}年以上{max}年以下"
            "有期徒刑。移民不因成为上述行为的对象而被追究刑事责任。",
            "pt": "Quem, com o fim de obter benefício financeiro ou outro benefício material, promover a entrada "
            "ilegal de outra pessoa em Estado do qual ela não seja nacional nem residente permanente será "
            "punido com reclusão de {min} a {max} anos. O migrante não será processado por ter sido objeto "
            "dessa conduta.",
        },
    ),
    "money_laundering": Theme(
        articles=(("UNTOC-6", "1"), ("UNTOC-7", "")),
        crime_types=("money-laundering",),
        issues=("confiscation.proceeds", "investigation.financial"),
        keywords=("money laundering", "proceeds of crime", "shell companies"),
        heading={
            "en": "Laundering of proceeds of crime",
            "fr": "Blanchiment du produit du crime",
            "es": "Blanqueo del producto del delito",
            "ru": "Отмывание доходов от преступлений",
            "ar": "غسل عائدات الجريمة",
            "zh-hans": "洗钱罪",
            "pt": "Lavagem de produtos do crime",
        },
        text={
            "en": "Whoever converts or transfers property, knowing that it is the proceeds of crime, for the "
            "purpose of concealing or disguising its illicit origin, or conceals its true nature, source, "
            "location or ownership, commits money laundering and is liable to imprisonment of {min} to {max} "
            "years and to a fine of up to three times the value of the property.",
            "fr": "Quiconque convertit ou transfère des biens dont il sait qu'ils sont le produit du crime, dans "
            "le but de dissimuler ou de déguiser leur origine illicite, ou dissimule leur nature, leur origine, "
            "leur emplacement ou leur propriété véritables, commet un blanchiment et encourt {min} à {max} ans "
            "d'emprisonnement et une amende pouvant atteindre le triple de la valeur des biens.",
            "es": "Quien convierta o transfiera bienes a sabiendas de que son producto del delito, con el "
            "propósito de ocultar o disimular su origen ilícito, u oculte su verdadera naturaleza, origen, "
            "ubicación o propiedad, comete blanqueo de capitales y será castigado con prisión de {min} a {max} "
            "años y multa del tanto al triplo del valor de los bienes.",
            "ru": "Конверсия или перевод имущества, если известно, что такое имущество представляет собой доходы "
            "от преступлений, в целях сокрытия или маскировки его преступного источника, а равно сокрытие его "
            "подлинного характера, источника, местонахождения или принадлежности наказываются лишением свободы "
            "на срок от {min} до {max} лет и штрафом в размере до трёхкратной стоимости имущества.",
            "ar": "يعد مرتكباً لجريمة غسل الأموال كل من حوّل أو نقل أموالاً مع علمه بأنها من عائدات جريمة، بغرض "
            "إخفاء أو تمويه مصدرها غير المشروع، أو أخفى حقيقة طبيعتها أو مصدرها أو مكانها أو ملكيتها، ويعاقب "
            "بالسجن من {min} إلى {max} سنوات وبغرامة تصل إلى ثلاثة أمثال قيمة الأموال.",
            "zh-hans": "明知是犯罪所得而予以转换或者转移，以掩饰、隐瞒其非法来源，或者掩饰、隐瞒其真实性质、来源、所在地或者所有权的，"
            "为洗钱罪，处{min}年以上{max}年以下有期徒刑，并处洗钱数额三倍以下罚金。",
            "pt": "Quem converter ou transferir bens, sabendo que são produto de crime, com o propósito de "
            "ocultar ou dissimular a sua origem ilícita, ou ocultar a sua verdadeira natureza, origem, "
            "localização ou propriedade, comete lavagem de dinheiro e será punido com reclusão de {min} a {max} "
            "anos e multa de até três vezes o valor dos bens.",
        },
    ),
    "ocg_participation": Theme(
        articles=(("UNTOC-2", "a"), ("UNTOC-5", "1")),
        crime_types=("organized-criminal-group",),
        issues=("ocg-involvement", "liability.organizer"),
        subtype_facets=("offences",),
        keywords=("organized criminal group", "criminal association", "leadership"),
        heading={
            "en": "Participation in an organized criminal group",
            "fr": "Participation à un groupe criminel organisé",
            "es": "Participación en un grupo delictivo organizado",
            "ru": "Участие в организованной преступной группе",
            "ar": "المشاركة في جماعة إجرامية منظمة",
            "zh-hans": "参加有组织犯罪集团罪",
            "pt": "Participação em organização criminosa",
        },
        text={
            "en": "A structured group of three or more persons, existing for a period of time and acting in "
            "concert to commit one or more serious crimes in order to obtain a financial or other material "
            "benefit, is an organized criminal group. Whoever organizes or directs such a group shall be "
            "punished by imprisonment of {min} to {max} years; whoever knowingly takes an active part in its "
            "criminal activities, by imprisonment of up to {min} years.",
            "fr": "Constitue un groupe criminel organisé tout groupe structuré de trois personnes ou plus, "
            "existant depuis un certain temps et agissant de concert en vue de commettre une ou plusieurs "
            "infractions graves pour en tirer un avantage financier ou matériel. Le fait de diriger un tel "
            "groupe est puni de {min} à {max} ans d'emprisonnement ; la participation active et en connaissance "
            "de cause à ses activités criminelles, de {min} ans au plus.",
            "es": "Se considera grupo delictivo organizado el grupo estructurado de tres o más personas que "
            "exista durante cierto tiempo y actúe concertadamente con el propósito de cometer uno o más delitos "
            "graves para obtener un beneficio económico u otro beneficio material. Quien organice o dirija dicho "
            "grupo será castigado con prisión de {min} a {max} años; quien participe activamente en sus "
            "actividades delictivas, con prisión de hasta {min} años.",
            "ru": "Организованной преступной группой признаётся структурно оформленная группа в составе трёх или "
            "более лиц, существующая в течение определённого периода времени и действующая согласованно с целью "
            "совершения одного или нескольких тяжких преступлений для получения финансовой или иной материальной "
            "выгоды. Создание такой группы или руководство ею наказываются лишением свободы на срок от {min} до "
            "{max} лет, активное участие в её преступной деятельности — на срок до {min} лет.",
            "ar": "تعد جماعة إجرامية منظمة كل جماعة ذات هيكل تنظيمي مؤلفة من ثلاثة أشخاص أو أكثر، موجودة لفترة من "
            "الزمن وتعمل بصورة متضافرة بهدف ارتكاب جريمة خطيرة أو أكثر من أجل الحصول على منفعة مالية أو مادية. "
            "ويعاقب من أنشأ هذه الجماعة أو أدارها بالسجن من {min} إلى {max} سنوات، ومن شارك عن علم في أنشطتها "
            "الإجرامية بالسجن مدة لا تزيد على {min} سنوات.",
            "zh-hans": "有组织犯罪集团，是指由三人以上组成、存在一定期限、为直接或者间接获得经济或者其他物质利益而一致行动实施一项或者多项"
            "严重犯罪的有组织结构的集团。组织、领导该集团的，处{min}年以上{max}年以下有期徒刑；积极参加其犯罪活动的，处{min}年以下"
            "有期徒刑。",
            "pt": "Considera-se organização criminosa o grupo estruturado de três ou mais pessoas, existente há "
            "algum tempo e atuando concertadamente com o propósito de cometer uma ou mais infrações graves, a "
            "fim de obter benefício econômico ou outro benefício material. Quem promover, constituir ou dirigir "
            "tal organização será punido com reclusão de {min} a {max} anos; quem participar ativamente das "
            "suas atividades criminosas, com reclusão de até {min} anos.",
        },
    ),
    "corruption": Theme(
        articles=(("UNTOC-8", "1"), ("UNTOC-9", "")),
        crime_types=("corruption",),
        issues=("liability.principal", "liability.participant"),
        keywords=("bribery", "public official", "undue advantage"),
        heading={
            "en": "Bribery of public officials",
            "fr": "Corruption d'agents publics",
            "es": "Soborno de funcionarios públicos",
            "ru": "Подкуп должностных лиц",
            "ar": "رشوة الموظفين العموميين",
            "zh-hans": "贿赂公职人员罪",
            "pt": "Corrupção de funcionários públicos",
        },
        text={
            "en": "The promise, offering or giving to a public official, directly or indirectly, of an undue "
            "advantage, in order that the official act or refrain from acting in the exercise of his or her "
            "official duties, and the solicitation or acceptance of such an advantage by the official, are "
            "punishable by imprisonment of {min} to {max} years and disqualification from public office.",
            "fr": "Le fait de promettre, d'offrir ou d'accorder à un agent public, directement ou indirectement, "
            "un avantage indu afin qu'il accomplisse ou s'abstienne d'accomplir un acte dans l'exercice de ses "
            "fonctions, ainsi que le fait pour l'agent de solliciter ou d'accepter un tel avantage, sont punis "
            "de {min} à {max} ans d'emprisonnement et de l'interdiction d'exercer une fonction publique.",
            "es": "La promesa, el ofrecimiento o la concesión a un funcionario público, en forma directa o "
            "indirecta, de un beneficio indebido con el fin de que actúe o se abstenga de actuar en el ejercicio "
            "de sus funciones, así como la solicitud o aceptación de dicho beneficio por el funcionario, se "
            "castigarán con prisión de {min} a {max} años e inhabilitación para el ejercicio de cargo público.",
            "ru": "Обещание, предложение или предоставление должностному лицу, лично или через посредников, "
            "неправомерного преимущества, с тем чтобы это лицо совершило какое-либо действие или бездействие при "
            "выполнении своих должностных обязанностей, а равно вымогательство или принятие такого преимущества "
            "должностным лицом наказываются лишением свободы на срок от {min} до {max} лет с лишением права "
            "занимать государственные должности.",
            "ar": "يعاقب بالسجن من {min} إلى {max} سنوات وبالحرمان من تولي الوظائف العامة كل من وعد موظفاً عمومياً "
            "بمزية غير مستحقة أو عرضها عليه أو منحه إياها، بشكل مباشر أو غير مباشر، لكي يقوم بفعل أو يمتنع عن "
            "القيام بفعل عند أداء واجباته الرسمية، وكذلك كل موظف عمومي التمس تلك المزية أو قبلها.",
            "zh-hans": "为使公职人员在执行公务时作为或者不作为，直接或者间接向其许诺给予、提议给予或者实际给予不正当好处的，以及公职人员"
            "索取或者收受该不正当好处的，处{min}年以上{max}年以下有期徒刑，并禁止担任公职。",
            "pt": "A promessa, a oferta ou a concessão a funcionário público, direta ou indiretamente, de vantagem "
            "indevida, para que pratique ou deixe de praticar ato no exercício de suas funções, bem como a "
            "solicitação ou aceitação dessa vantagem pelo funcionário, são punidas com reclusão de {min} a {max} "
            "anos e perda do cargo público.",
        },
    ),
    "obstruction": Theme(
        articles=(("UNTOC-23", "a"),),
        crime_types=("obstruction-of-justice",),
        issues=("adjudication.obstruction", "victims-witnesses.witness-protection"),
        keywords=("witness intimidation", "false testimony"),
        heading={
            "en": "Obstruction of justice",
            "fr": "Entrave au bon fonctionnement de la justice",
            "es": "Obstrucción de la justicia",
            "ru": "Воспрепятствование осуществлению правосудия",
            "ar": "عرقلة سير العدالة",
            "zh-hans": "妨害司法罪",
            "pt": "Obstrução da justiça",
        },
        text={
            "en": "The use of physical force, threats or intimidation, or the promise, offering or giving of an "
            "undue advantage, to induce false testimony or to interfere in the giving of testimony or the "
            "production of evidence in proceedings relating to offences covered by this Act shall be punished "
            "by imprisonment of {min} to {max} years.",
            "fr": "Le recours à la force physique, à des menaces ou à l'intimidation, ou le fait de promettre, "
            "d'offrir ou d'accorder un avantage indu pour obtenir un faux témoignage ou empêcher un témoignage "
            "ou la présentation d'éléments de preuve dans une procédure relative aux infractions visées par la "
            "présente loi, est puni de {min} à {max} ans d'emprisonnement.",
            "es": "El uso de fuerza física, amenazas o intimidación, o la promesa, el ofrecimiento o la concesión "
            "de un beneficio indebido para inducir a falso testimonio u obstaculizar la prestación de testimonio "
            "o la aportación de pruebas en un proceso relacionado con los delitos previstos en esta ley se "
            "castigará con prisión de {min} a {max} años.",
            "ru": "Применение физической силы, угроз или запугивания либо обещание, предложение или "
            "предоставление неправомерного преимущества с целью склонения к даче ложных показаний или "
            "воспрепятствования даче показаний или представлению доказательств по делам о преступлениях, "
            "предусмотренных настоящим Законом, наказываются лишением свободы на срок от {min} до {max} лет.",
            "ar": "يعاقب بالسجن من {min} إلى {max} سنوات كل من استخدم القوة البدنية أو التهديد أو الترهيب، أو وعد "
            "بمزية غير مستحقة أو عرضها أو منحها، للتحريض على الإدلاء بشهادة زور أو للتدخل في الإدلاء بالشهادة "
            "أو تقديم الأدلة في إجراءات تتعلق بالجرائم المشمولة بهذا القانون.",
            "zh-hans": "在涉及本法所列犯罪的诉讼中，使用暴力、威胁或者恐吓，或者许诺给予、提议给予或者实际给予不正当好处，诱使他人作伪证"
            "或者干扰作证、提供证据的，处{min}年以上{max}年以下有期徒刑。",
            "pt": "O uso de força física, ameaças ou intimidação, ou a promessa, a oferta ou a concessão de "
            "vantagem indevida para obter falso testemunho ou impedir a prestação de testemunho ou a produção de "
            "provas em processo relativo aos crimes previstos nesta lei será punido com reclusão de {min} a "
            "{max} anos.",
        },
    ),
    "confiscation": Theme(
        articles=(("UNTOC-12", "1"), ("UNTOC-14", "")),
        crime_types=(),
        issues=("confiscation.proceeds", "confiscation.instrumentalities", "confiscation.tracing-freezing"),
        keywords=("confiscation", "asset freezing", "asset recovery"),
        heading={
            "en": "Seizure and confiscation",
            "fr": "Saisie et confiscation",
            "es": "Embargo preventivo y decomiso",
            "ru": "Арест и конфискация имущества",
            "ar": "الحجز والمصادرة",
            "zh-hans": "查封与没收",
            "pt": "Apreensão e perda de bens",
        },
        text={
            "en": "The court shall order the confiscation of the proceeds of an offence under this Act, of "
            "property of equivalent value, and of the instruments used or intended for use in its commission. "
            "Pending trial, the prosecutor may apply for the freezing of such property. Confiscated property may "
            "be used to compensate victims.",
            "fr": "La juridiction ordonne la confiscation du produit des infractions prévues par la présente loi, "
            "de biens d'une valeur équivalente et des instruments utilisés ou destinés à être utilisés pour les "
            "commettre. Avant le jugement, le procureur peut requérir le gel de ces biens. Les biens confisqués "
            "peuvent servir à l'indemnisation des victimes.",
            "es": "El tribunal ordenará el decomiso del producto de los delitos previstos en esta ley, de bienes "
            "por valor equivalente y de los instrumentos utilizados o destinados a utilizarse en su comisión. "
            "Antes del juicio, el fiscal podrá solicitar el embargo preventivo de dichos bienes. Los bienes "
            "decomisados podrán destinarse a la reparación de las víctimas.",
            "ru": "Суд выносит решение о конфискации доходов от преступлений, предусмотренных настоящим Законом, "
            "имущества эквивалентной стоимости, а также орудий, использованных или предназначавшихся для их "
            "совершения. До вынесения приговора прокурор вправе ходатайствовать об аресте такого имущества. "
            "Конфискованное имущество может быть направлено на возмещение вреда потерпевшим.",
            "ar": "تأمر المحكمة بمصادرة عائدات الجرائم المنصوص عليها في هذا القانون، أو الممتلكات التي تعادلها قيمة، "
            "والأدوات المستخدمة أو المعدة للاستخدام في ارتكابها. وللنيابة العامة أن تطلب تجميد هذه الممتلكات "
            "قبل المحاكمة. ويجوز تخصيص الممتلكات المصادرة لتعويض الضحايا.",
            "zh-hans": "对本法所列犯罪的违法所得、价值相当的财产以及用于或者拟用于犯罪的工具，人民法院应当判决没收。审判前，检察机关可以申请"
            "冻结上述财产。没收的财产可以用于赔偿被害人。",
            "pt": "O juiz decretará a perda do produto dos crimes previstos nesta lei, de bens de valor "
            "equivalente e dos instrumentos utilizados ou destinados à sua prática. Antes do julgamento, o "
            "Ministério Público poderá requerer o bloqueio desses bens. Os bens perdidos poderão ser destinados "
            "à reparação das vítimas.",
        },
    ),
    "legal_persons": Theme(
        articles=(("UNTOC-10", "1"),),
        crime_types=(),
        issues=("legal-persons.criminal", "legal-persons.administrative"),
        keywords=("corporate liability", "legal persons"),
        heading={
            "en": "Liability of legal persons",
            "fr": "Responsabilité des personnes morales",
            "es": "Responsabilidad de las personas jurídicas",
            "ru": "Ответственность юридических лиц",
            "ar": "مسؤولية الأشخاص الاعتبارية",
            "zh-hans": "单位犯罪",
            "pt": "Responsabilidade das pessoas coletivas",
        },
        text={
            "en": "A legal person shall be liable for offences under this Act committed for its benefit by any "
            "person exercising a leading position within it. Its liability does not exclude that of the natural "
            "persons who committed the offence. It may be sentenced to a fine, dissolution, or a ban on "
            "activities of up to {max} years.",
            "fr": "Les personnes morales sont responsables des infractions prévues par la présente loi commises "
            "pour leur compte par toute personne exerçant un pouvoir de direction en leur sein. Leur "
            "responsabilité n'exclut pas celle des personnes physiques auteurs des faits. Elles encourent "
            "l'amende, la dissolution ou l'interdiction d'exercer pour une durée de {max} ans au plus.",
            "es": "Las personas jurídicas serán responsables de los delitos previstos en esta ley cometidos en su "
            "beneficio por quienes ejerzan en ellas funciones de dirección. Dicha responsabilidad no excluye la "
            "de las personas físicas autoras del delito. Podrán imponérseles multa, disolución o suspensión de "
            "actividades por un plazo de hasta {max} años.",
            "ru": "Юридическое лицо несёт ответственность за предусмотренные настоящим Законом преступления, "
            "совершённые в его интересах лицом, занимающим в нём руководящее положение. Ответственность "
            "юридического лица не исключает ответственности виновных физических лиц. К нему могут быть применены "
            "штраф, ликвидация или запрет деятельности на срок до {max} лет.",
            "ar": "يسأل الشخص الاعتباري عن الجرائم المنصوص عليها في هذا القانون التي ترتكب لحسابه من قبل أي شخص "
            "يشغل مركزاً قيادياً فيه، ولا تنفي مسؤوليته مسؤولية الأشخاص الطبيعيين مرتكبي الجريمة. ويجوز الحكم "
            "عليه بالغرامة أو الحل أو حظر مزاولة النشاط مدة لا تزيد على {max} سنوات.",
            "zh-hans": "单位负责人为单位利益实施本法所列犯罪的，单位应当承担责任；单位承担责任不免除实施犯罪的自然人的责任。对单位可以"
            "判处罚金、予以撤销或者禁止从事相关活动{max}年以下。",
            "pt": "A pessoa coletiva é responsável pelos crimes previstos nesta lei cometidos em seu benefício por "
            "quem nela ocupe posição de liderança. A sua responsabilidade não exclui a das pessoas singulares "
            "autoras do crime. Podem ser-lhe aplicadas multa, dissolução ou proibição de atividades por até "
            "{max} anos.",
        },
    ),
    "jurisdiction": Theme(
        articles=(("UNTOC-15", "2"),),
        crime_types=(),
        issues=(
            "jurisdiction.territoriality",
            "jurisdiction.active-nationality",
            "jurisdiction.extradite-or-prosecute",
        ),
        keywords=("jurisdiction", "extraterritoriality"),
        heading={
            "en": "Jurisdiction",
            "fr": "Compétence",
            "es": "Jurisdicción",
            "ru": "Юрисдикция",
            "ar": "الاختصاص",
            "zh-hans": "管辖",
            "pt": "Jurisdição",
        },
        text={
            "en": "The courts have jurisdiction over offences under this Act committed in the national territory "
            "or on board a vessel flying the national flag or an aircraft registered under national law, and "
            "over such offences committed abroad by or against a national, or by a person present in the "
            "territory whose extradition has been refused.",
            "fr": "Les juridictions nationales sont compétentes pour connaître des infractions prévues par la "
            "présente loi commises sur le territoire national ou à bord d'un navire battant pavillon national ou "
            "d'un aéronef immatriculé conformément au droit national, ainsi que de celles commises à l'étranger "
            "par ou contre un ressortissant, ou par une personne dont l'extradition a été refusée.",
            "es": "Los tribunales nacionales serán competentes respecto de los delitos previstos en esta ley "
            "cometidos en el territorio nacional, a bordo de un buque que enarbole el pabellón nacional o de una "
            "aeronave matriculada conforme a la legislación nacional, y de los cometidos en el extranjero por o "
            "contra un nacional, o por una persona cuya extradición haya sido denegada.",
            "ru": "Суды обладают юрисдикцией в отношении предусмотренных настоящим Законом преступлений, "
            "совершённых на территории государства, на борту судна под его флагом или воздушного судна, "
            "зарегистрированного в соответствии с его законодательством, а также совершённых за границей "
            "гражданином или против гражданина либо лицом, в выдаче которого отказано.",
            "ar": "تختص المحاكم الوطنية بالنظر في الجرائم المنصوص عليها في هذا القانون المرتكبة في إقليم الدولة أو "
            "على متن سفينة ترفع علمها أو طائرة مسجلة بموجب قوانينها، وفي تلك المرتكبة في الخارج من قبل أحد "
            "مواطنيها أو ضده، أو من قبل شخص موجود في إقليمها رُفض تسليمه.",
            "zh-hans": "对在本国领域内、悬挂本国国旗的船舶或者依照本国法律登记的航空器内实施的本法所列犯罪，以及本国国民在国外实施或者"
            "针对本国国民实施的此类犯罪，或者在本国境内且拒绝引渡的人员实施的此类犯罪，本国法院具有管辖权。",
            "pt": "Os tribunais nacionais são competentes para julgar os crimes previstos nesta lei cometidos no "
            "território nacional, a bordo de navio que arvore a bandeira nacional ou de aeronave matriculada "
            "segundo a lei nacional, bem como os cometidos no estrangeiro por nacional ou contra nacional, ou "
            "por pessoa cuja extradição tenha sido recusada.",
        },
    ),
    "mla": Theme(
        articles=(("UNTOC-18", "13"), ("UNTOC-16", "")),
        crime_types=(),
        issues=("cooperation.mla", "cooperation.extradition"),
        keywords=("mutual legal assistance", "extradition", "central authority"),
        heading={
            "en": "International cooperation",
            "fr": "Coopération internationale",
            "es": "Cooperación internacional",
            "ru": "Международное сотрудничество",
            "ar": "التعاون الدولي",
            "zh-hans": "国际合作",
            "pt": "Cooperação internacional",
        },
        text={
            "en": "The Ministry of Justice is the central authority for requests for mutual legal assistance and "
            "extradition concerning offences under this Act. The United Nations Convention against Transnational "
            "Organized Crime may serve as the legal basis for such requests. Urgent requests may be transmitted "
            "through INTERPOL and answered within {min} days.",
            "fr": "Le ministère de la Justice est l'autorité centrale pour les demandes d'entraide judiciaire et "
            "d'extradition relatives aux infractions prévues par la présente loi. La Convention des Nations Unies "
            "contre la criminalité transnationale organisée peut servir de base légale à ces demandes. Les "
            "demandes urgentes peuvent être transmises par INTERPOL et traitées sous {min} jours.",
            "es": "El Ministerio de Justicia es la autoridad central para las solicitudes de asistencia judicial "
            "recíproca y de extradición relativas a los delitos previstos en esta ley. La Convención de las "
            "Naciones Unidas contra la Delincuencia Organizada Transnacional podrá servir de base jurídica para "
            "dichas solicitudes. Las solicitudes urgentes podrán transmitirse por conducto de INTERPOL y "
            "atenderse en un plazo de {min} días.",
            "ru": "Министерство юстиции является центральным органом по запросам о взаимной правовой помощи и "
            "выдаче в связи с преступлениями, предусмотренными настоящим Законом. Правовым основанием для таких "
            "запросов может служить Конвенция Организации Объединённых Наций против транснациональной "
            "организованной преступности. Срочные запросы могут направляться через Интерпол и исполняться в "
            "течение {min} дней.",
            "ar": "وزارة العدل هي السلطة المركزية المختصة بطلبات المساعدة القانونية المتبادلة وتسليم المجرمين المتعلقة "
            "بالجرائم المنصوص عليها في هذا القانون. ويجوز اعتبار اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة "
            "عبر الوطنية أساساً قانونياً لهذه الطلبات. ويجوز إحالة الطلبات العاجلة عن طريق الإنتربول والرد "
            "عليها خلال {min} أيام.",
            "zh-hans": "司法部是就本法所列犯罪提出的司法协助请求和引渡请求的中央机关。《联合国打击跨国有组织犯罪公约》可以作为此类请求的"
            "法律依据。紧急请求可以通过国际刑警组织转递，并在{min}日内予以答复。",
            "pt": "O Ministério da Justiça é a autoridade central para os pedidos de auxílio judiciário mútuo e de "
            "extradição relativos aos crimes previstos nesta lei. A Convenção das Nações Unidas contra o Crime "
            "Organizado Transnacional pode servir de base jurídica para esses pedidos. Os pedidos urgentes "
            "podem ser transmitidos pela INTERPOL e respondidos em {min} dias.",
        },
    ),
    "firearms": Theme(
        articles=(("FIREARMS-5", "1"), ("FIREARMS-8", "")),
        crime_types=("trafficking-in-firearms",),
        issues=("transnationality", "prevention.information"),
        keywords=("illicit trafficking in firearms", "marking", "ammunition"),
        heading={
            "en": "Illicit manufacturing of and trafficking in firearms",
            "fr": "Fabrication et trafic illicites d'armes à feu",
            "es": "Fabricación y tráfico ilícitos de armas de fuego",
            "ru": "Незаконное изготовление и оборот огнестрельного оружия",
            "ar": "الصنع والاتجار غير المشروعين بالأسلحة النارية",
            "zh-hans": "非法制造、贩运枪支罪",
            "pt": "Fabrico e tráfico ilícitos de armas de fogo",
        },
        text={
            "en": "Whoever manufactures or assembles firearms, their parts or ammunition without a licence, or "
            "imports, exports, acquires, sells or moves them across the border without authorization, or "
            "falsifies, removes or alters their markings, shall be punished by imprisonment of {min} to {max} "
            "years.",
            "fr": "Quiconque fabrique ou assemble des armes à feu, leurs pièces ou des munitions sans licence, ou "
            "les importe, exporte, acquiert, vend ou fait passer la frontière sans autorisation, ou falsifie, "
            "efface ou altère leur marquage, est puni de {min} à {max} ans d'emprisonnement.",
            "es": "Quien fabrique o monte armas de fuego, sus piezas o municiones sin licencia, o las importe, "
            "exporte, adquiera, venda o traslade a través de la frontera sin autorización, o falsifique, borre o "
            "altere su marcaje, será castigado con prisión de {min} a {max} años.",
            "ru": "Изготовление или сборка огнестрельного оружия, его составных частей или боеприпасов без "
            "лицензии, их ввоз, вывоз, приобретение, продажа или перемещение через границу без разрешения, а "
            "равно подделка, уничтожение или изменение их маркировки наказываются лишением свободы на срок от "
            "{min} до {max} лет.",
            "ar": "يعاقب بالسجن من {min} إلى {max} سنوات كل من صنع أو جمّع أسلحة نارية أو أجزاءها أو ذخيرتها دون "
            "ترخيص، أو استوردها أو صدّرها أو اقتناها أو باعها أو نقلها عبر الحدود دون إذن، أو زوّر علامات "
            "وسمها أو أزالها أو غيّرها.",
            "zh-hans": "未经许可制造、组装枪支及其零部件、弹药，或者未经批准进口、出口、取得、出售或者跨境运送上述物品，或者伪造、"
            "涂改、去除其标识的，处{min}年以上{max}年以下有期徒刑。",
            "pt": "Quem fabricar ou montar armas de fogo, suas peças ou munições sem licença, ou as importar, "
            "exportar, adquirir, vender ou fizer atravessar a fronteira sem autorização, ou falsificar, apagar "
            "ou alterar a sua marcação, será punido com reclusão de {min} a {max} anos.",
        },
    ),
    "witness_protection": Theme(
        articles=(("UNTOC-24", "2"), ("UNTOC-26", "")),
        crime_types=(),
        issues=("victims-witnesses.witness-protection", "adjudication.cooperating-offenders"),
        keywords=("witness protection", "cooperating offender", "testimony by video link"),
        heading={
            "en": "Protection of witnesses and cooperating persons",
            "fr": "Protection des témoins et des collaborateurs de justice",
            "es": "Protección de testigos y colaboradores",
            "ru": "Защита свидетелей и лиц, сотрудничающих с правосудием",
            "ar": "حماية الشهود والمتعاونين مع العدالة",
            "zh-hans": "证人及合作人员的保护",
            "pt": "Proteção de testemunhas e colaboradores",
        },
        text={
            "en": "Witnesses and persons who cooperate with the investigation may be given a new identity, "
            "relocation or non-disclosure of their whereabouts, and may testify by video link or behind a "
            "screen. A person who provides substantial cooperation may have the sentence reduced by up to "
            "{min} thirds.",
            "fr": "Les témoins et les personnes qui coopèrent à l'enquête peuvent bénéficier d'une nouvelle "
            "identité, d'une réinstallation ou de la non-divulgation de leur domicile, et déposer par "
            "visioconférence ou derrière un écran. La peine de la personne qui apporte une aide substantielle "
            "peut être réduite jusqu'aux {min} tiers.",
            "es": "Los testigos y las personas que colaboren con la investigación podrán recibir una nueva "
            "identidad, ser reubicados o beneficiarse de la reserva de su paradero, y declarar por "
            "videoconferencia o detrás de una mampara. A quien preste una colaboración sustancial podrá "
            "reducírsele la pena hasta en {min} tercios.",
            "ru": "Свидетелям и лицам, сотрудничающим со следствием, могут предоставляться новые документы, "
            "переселение или неразглашение сведений об их местонахождении; они могут давать показания по "
            "видеосвязи или за экраном. Лицу, оказавшему существенное содействие, наказание может быть снижено "
            "до {min} третей.",
            "ar": "يجوز منح الشهود والأشخاص الذين يتعاونون مع التحقيق هوية جديدة أو نقلهم إلى مكان آخر أو عدم "
            "الإفصاح عن أماكن وجودهم، ويجوز لهم الإدلاء بشهاداتهم عبر الاتصال المرئي أو من خلف ساتر. ويجوز "
            "تخفيف العقوبة بما يصل إلى {min} أثلاث لمن يقدم تعاوناً جوهرياً.",
            "zh-hans": "证人和协助侦查的人员可以获得变更身份、异地安置或者不公开其住所等保护措施，并可以通过视频或者在屏障后作证。"
            "提供实质性协助的，可以减轻处罚至{min}/3。",
            "pt": "As testemunhas e as pessoas que colaborem com a investigação podem receber nova identidade, "
            "ser realocadas ou ter o seu paradeiro mantido em sigilo, e depor por videoconferência ou por trás "
            "de um anteparo. Quem prestar colaboração substancial pode ter a pena reduzida em até {min} terços.",
        },
    ),
    "special_investigation": Theme(
        articles=(("UNTOC-20", "1"),),
        crime_types=(),
        issues=(
            "investigation.sit.controlled-delivery",
            "investigation.sit.electronic-surveillance",
            "investigation.sit.undercover",
        ),
        keywords=("undercover operation", "interception", "controlled delivery"),
        heading={
            "en": "Special investigative techniques",
            "fr": "Techniques d'enquête spéciales",
            "es": "Técnicas especiales de investigación",
            "ru": "Специальные методы расследования",
            "ar": "أساليب التحري الخاصة",
            "zh-hans": "特殊侦查手段",
            "pt": "Técnicas especiais de investigação",
        },
        text={
            "en": "On the written authorization of a judge, and for a period not exceeding {min} months, the "
            "investigating authorities may use controlled delivery, the interception of communications, "
            "electronic surveillance and undercover operations. Evidence so obtained is admissible in court.",
            "fr": "Sur autorisation écrite d'un juge et pour une durée n'excédant pas {min} mois, les autorités "
            "d'enquête peuvent recourir aux livraisons surveillées, à l'interception des communications, à la "
            "surveillance électronique et aux opérations d'infiltration. Les preuves ainsi obtenues sont "
            "recevables en justice.",
            "es": "Con autorización escrita de un juez y por un plazo no superior a {min} meses, las autoridades "
            "de investigación podrán recurrir a la entrega vigilada, la interceptación de comunicaciones, la "
            "vigilancia electrónica y las operaciones encubiertas. Las pruebas así obtenidas serán admisibles "
            "ante los tribunales.",
            "ru": "С письменного разрешения судьи и на срок не более {min} месяцев органы расследования могут "
            "применять контролируемые поставки, перехват сообщений, электронное наблюдение и внедрение. "
            "Полученные таким образом доказательства допустимы в суде.",
            "ar": "يجوز لسلطات التحقيق، بإذن كتابي من القاضي ولمدة لا تتجاوز {min} أشهر، استخدام أسلوب التسليم "
            "المراقب واعتراض الاتصالات والمراقبة الإلكترونية والعمليات المستترة. وتقبل الأدلة المتحصل عليها "
            "بهذه الطريقة أمام المحاكم.",
            "zh-hans": "经法官书面批准，侦查机关可以在不超过{min}个月的期限内采取控制下交付、通讯截取、电子监控和秘密侦查等措施。"
            "以此种方式取得的证据可以在法庭上使用。",
            "pt": "Mediante autorização judicial escrita e por prazo não superior a {min} meses, as autoridades "
            "de investigação podem recorrer à entrega controlada, à interceptação de comunicações, à vigilância "
            "eletrônica e às operações encobertas. As provas assim obtidas são admissíveis em juízo.",
        },
    ),
    "drugs": Theme(
        articles=(),
        crime_types=("drug-offences",),
        issues=("ocg-involvement", "transnationality"),
        keywords=("drug trafficking", "cocaine", "precursor chemicals"),
        heading={
            "en": "Illicit drug trafficking",
            "fr": "Trafic illicite de stupéfiants",
            "es": "Tráfico ilícito de estupefacientes",
            "ru": "Незаконный оборот наркотических средств",
            "ar": "الاتجار غير المشروع بالمخدرات",
            "zh-hans": "走私、贩卖毒品罪",
            "pt": "Tráfico ilícito de entorpecentes",
        },
        text={
            "en": "Whoever produces, offers, sells, distributes, transports, imports or exports narcotic drugs "
            "or psychotropic substances without authorization shall be punished by imprisonment of {min} to "
            "{max} years. The penalty is doubled where the offence involves a large quantity or the use of a "
            "minor.",
            "fr": "Quiconque produit, offre, vend, distribue, transporte, importe ou exporte des stupéfiants ou "
            "des substances psychotropes sans autorisation est puni de {min} à {max} ans d'emprisonnement. La "
            "peine est portée au double lorsque l'infraction porte sur une grande quantité ou implique un "
            "mineur.",
            "es": "Quien produzca, ofrezca, venda, distribuya, transporte, importe o exporte estupefacientes o "
            "sustancias psicotrópicas sin autorización será castigado con prisión de {min} a {max} años. La pena "
            "se duplicará cuando se trate de notoria importancia o se utilice a un menor de edad.",
            "ru": "Незаконные производство, сбыт, перевозка, ввоз или вывоз наркотических средств или "
            "психотропных веществ наказываются лишением свободы на срок от {min} до {max} лет. Наказание "
            "удваивается, если деяние совершено в крупном размере или с использованием несовершеннолетнего.",
            "ar": "يعاقب بالسجن من {min} إلى {max} سنوات كل من أنتج أو عرض أو باع أو وزّع أو نقل أو استورد أو صدّر "
            "مواد مخدرة أو مؤثرات عقلية دون ترخيص. وتضاعف العقوبة إذا تعلقت الجريمة بكمية كبيرة أو استُخدم فيها "
            "قاصر.",
            "zh-hans": "未经许可生产、提供、出售、分销、运输、进口或者出口麻醉药品或者精神药物的，处{min}年以上{max}年以下有期徒刑。"
            "数量大或者利用未成年人的，加倍处罚。",
            "pt": "Quem produzir, oferecer, vender, distribuir, transportar, importar ou exportar drogas ou "
            "substâncias psicotrópicas sem autorização será punido com reclusão de {min} a {max} anos. A pena é "
            "aplicada em dobro se o crime envolver grande quantidade ou a utilização de menor.",
        },
    ),
    "cybercrime": Theme(
        articles=(("UNTOC-2", "b"),),
        crime_types=("cybercrime",),
        issues=("investigation.electronic-evidence",),
        keywords=("computer fraud", "electronic evidence", "ransomware"),
        heading={
            "en": "Offences against computer systems",
            "fr": "Atteintes aux systèmes informatiques",
            "es": "Delitos contra sistemas informáticos",
            "ru": "Преступления против компьютерных систем",
            "ar": "الجرائم الماسة بالأنظمة المعلوماتية",
            "zh-hans": "危害计算机信息系统罪",
            "pt": "Crimes contra sistemas informáticos",
        },
        text={
            "en": "Whoever, without right, accesses a computer system, intercepts computer data, or damages, "
            "deletes or suppresses such data in order to obtain an economic benefit shall be punished by "
            "imprisonment of {min} to {max} years. Service providers shall preserve traffic data for {min} "
            "months on request.",
            "fr": "Quiconque, sans droit, accède à un système informatique, intercepte des données "
            "informatiques, ou endommage, efface ou supprime de telles données en vue d'un profit économique "
            "est puni de {min} à {max} ans d'emprisonnement. Les fournisseurs de services conservent les données "
            "de trafic pendant {min} mois sur réquisition.",
            "es": "Quien, sin autorización, acceda a un sistema informático, intercepte datos informáticos, o "
            "dañe, borre o suprima dichos datos para obtener un beneficio económico será castigado con prisión "
            "de {min} a {max} años. Los proveedores de servicios conservarán los datos de tráfico durante {min} "
            "meses previo requerimiento.",
            "ru": "Неправомерный доступ к компьютерной системе, перехват компьютерных данных, а равно их "
            "повреждение, удаление или блокирование в целях извлечения выгоды наказываются лишением свободы на "
            "срок от {min} до {max} лет. Поставщики услуг по запросу сохраняют данные о трафике в течение {min} "
            "месяцев.",
            "ar": "يعاقب بالسجن من {min} إلى {max} سنوات كل من دخل دون وجه حق إلى نظام معلوماتي أو اعترض بيانات "
            "معلوماتية أو أتلفها أو محاها أو حجبها بغرض الحصول على منفعة اقتصادية. ويلتزم مقدمو الخدمات بحفظ "
            "بيانات الحركة مدة {min} أشهر عند الطلب.",
            "zh-hans": "违反规定侵入计算机信息系统、截获计算机数据，或者为获取经济利益而破坏、删除、屏蔽该数据的，处{min}年以上{max}年"
            "以下有期徒刑。网络服务提供者应当依要求保存流量数据{min}个月。",
            "pt": "Quem, sem autorização, aceder a sistema informático, intercetar dados informáticos, ou "
            "danificar, apagar ou suprimir tais dados para obter benefício económico será punido com pena de "
            "prisão de {min} a {max} anos. Os prestadores de serviços conservam os dados de tráfego durante "
            "{min} meses, mediante requisição.",
        },
    ),
    "wildlife": Theme(
        articles=(("UNTOC-2", "b"), ("UNTOC-3", "1")),
        crime_types=("wildlife-forest-fisheries-crime",),
        issues=("transnationality", "confiscation.instrumentalities"),
        keywords=("ivory", "illegal logging", "protected species"),
        heading={
            "en": "Trafficking in protected species",
            "fr": "Trafic d'espèces protégées",
            "es": "Tráfico de especies protegidas",
            "ru": "Незаконный оборот охраняемых видов",
            "ar": "الاتجار بالأنواع المحمية",
            "zh-hans": "走私珍贵动植物罪",
            "pt": "Tráfico de espécies protegidas",
        },
        text={
            "en": "Whoever kills, captures, harvests, possesses, sells or exports specimens of protected species "
            "of wild fauna or flora, or timber felled in breach of the law, shall be punished by imprisonment of "
            "{min} to {max} years. Where committed by an organized criminal group, the offence is a serious "
            "crime.",
            "fr": "Quiconque tue, capture, récolte, détient, vend ou exporte des spécimens d'espèces protégées de "
            "faune ou de flore sauvages, ou du bois abattu en violation de la loi, est puni de {min} à {max} ans "
            "d'emprisonnement. Commise en bande organisée, l'infraction constitue une infraction grave.",
            "es": "Quien mate, capture, recolecte, posea, venda o exporte especímenes de especies protegidas de "
            "fauna o flora silvestres, o madera talada en contravención de la ley, será castigado con prisión de "
            "{min} a {max} años. Cuando se cometa por un grupo delictivo organizado, constituirá delito grave.",
            "ru": "Незаконные добыча, отлов, сбор, хранение, продажа или вывоз особей охраняемых видов дикой "
            "фауны или флоры либо незаконно заготовленной древесины наказываются лишением свободы на срок от "
            "{min} до {max} лет. Деяние, совершённое организованной группой, относится к тяжким преступлениям.",
            "ar": "يعاقب بالسجن من {min} إلى {max} سنوات كل من قتل أو أسر أو جمع أو حاز أو باع أو صدّر عينات من "
            "أنواع الحيوانات أو النباتات البرية المحمية، أو أخشاباً قُطعت خلافاً للقانون. وتعد الجريمة خطيرة إذا "
            "ارتكبتها جماعة إجرامية منظمة.",
            "zh-hans": "非法猎捕、捕捉、采集、持有、出售或者出口受保护野生动植物标本，或者违法采伐的木材的，处{min}年以上{max}年以下"
            "有期徒刑。由有组织犯罪集团实施的，属于严重犯罪。",
            "pt": "Quem matar, capturar, colher, possuir, vender ou exportar espécimes de espécies protegidas da "
            "fauna ou da flora silvestres, ou madeira extraída em violação da lei, será punido com reclusão de "
            "{min} a {max} anos. Quando praticado por organização criminosa, o crime é considerado grave.",
        },
    ),
    "cultural_property": Theme(
        articles=(("UNTOC-2", "b"),),
        crime_types=("trafficking-in-cultural-property",),
        issues=("transnationality", "cooperation.confiscation"),
        keywords=("looted antiquities", "cultural heritage", "illicit export"),
        heading={
            "en": "Trafficking in cultural property",
            "fr": "Trafic de biens culturels",
            "es": "Tráfico de bienes culturales",
            "ru": "Незаконный оборот культурных ценностей",
            "ar": "الاتجار بالممتلكات الثقافية",
            "zh-hans": "走私文物罪",
            "pt": "Tráfico de bens culturais",
        },
        text={
            "en": "Whoever exports, imports, sells or acquires cultural property knowing that it was stolen, "
            "illicitly excavated or illicitly exported shall be punished by imprisonment of {min} to {max} "
            "years. The property shall be seized and returned to the State of origin.",
            "fr": "Quiconque exporte, importe, vend ou acquiert un bien culturel en sachant qu'il a été volé, "
            "illicitement fouillé ou illicitement exporté est puni de {min} à {max} ans d'emprisonnement. Le "
            "bien est saisi et restitué à l'État d'origine.",
            "es": "Quien exporte, importe, venda o adquiera bienes culturales a sabiendas de que han sido "
            "robados, excavados ilícitamente o exportados ilícitamente será castigado con prisión de {min} a "
            "{max} años. Los bienes serán incautados y restituidos al Estado de origen.",
            "ru": "Вывоз, ввоз, продажа или приобретение культурных ценностей заведомо похищенных, незаконно "
            "раскопанных или незаконно вывезенных наказываются лишением свободы на срок от {min} до {max} лет. "
            "Ценности изымаются и возвращаются государству происхождения.",
            "ar": "يعاقب بالسجن من {min} إلى {max} سنوات كل من صدّر أو استورد أو باع أو اقتنى ممتلكات ثقافية مع علمه "
            "بأنها مسروقة أو مستخرجة بطريق الحفر غير المشروع أو مصدّرة بصورة غير مشروعة. وتضبط الممتلكات وتعاد "
            "إلى دولة المنشأ.",
            "zh-hans": "明知是被盗、非法发掘或者非法出口的文物而出口、进口、出售或者取得的，处{min}年以上{max}年以下有期徒刑。"
            "有关文物应当予以扣押并返还原属国。",
            "pt": "Quem exportar, importar, vender ou adquirir bens culturais sabendo que foram furtados, "
            "escavados ilicitamente ou exportados ilicitamente será punido com reclusão de {min} a {max} anos. "
            "Os bens serão apreendidos e restituídos ao Estado de origem.",
        },
    ),
}


@dataclass(frozen=True)
class LawFamily:
    """A kind of law: its titles per language and the themes its provisions are drawn from."""

    title: dict[str, str]
    core: str
    themes: tuple[str, ...]
    law_types: tuple[str, ...] = ("act",)


LAW_FAMILIES: tuple[LawFamily, ...] = (
    LawFamily(
        title={
            "en": "Act on the Prevention and Suppression of Trafficking in Persons",
            "fr": "Loi relative à la prévention et à la répression de la traite des personnes",
            "es": "Ley para la prevención y sanción de la trata de personas",
            "ru": "Закон о предупреждении торговли людьми и борьбе с ней",
            "ar": "قانون منع ومكافحة الاتجار بالأشخاص",
            "zh-hans": "预防和惩治人口贩运法",
            "pt": "Lei de prevenção e repressão ao tráfico de pessoas",
        },
        core="tip_offence",
        themes=(
            "tip_aggravating",
            "tip_victims",
            "confiscation",
            "legal_persons",
            "jurisdiction",
            "mla",
            "witness_protection",
        ),  # fmt: skip
    ),
    LawFamily(
        title={
            "en": "Anti-Money Laundering and Asset Recovery Act",
            "fr": "Loi relative à la lutte contre le blanchiment de capitaux et au recouvrement des avoirs",
            "es": "Ley de prevención del lavado de activos y recuperación de bienes",
            "ru": "Закон о противодействии легализации преступных доходов и возвращении активов",
            "ar": "قانون مكافحة غسل الأموال واسترداد الأصول",
            "zh-hans": "反洗钱和资产追回法",
            "pt": "Lei de prevenção à lavagem de dinheiro e recuperação de ativos",
        },
        core="money_laundering",
        themes=("confiscation", "legal_persons", "mla", "special_investigation", "jurisdiction"),
    ),
    LawFamily(
        title={
            "en": "Organized Crime Control Act",
            "fr": "Loi relative à la lutte contre la criminalité organisée",
            "es": "Ley contra la delincuencia organizada",
            "ru": "Закон о борьбе с организованной преступностью",
            "ar": "قانون مكافحة الجريمة المنظمة",
            "zh-hans": "反有组织犯罪法",
            "pt": "Lei de combate ao crime organizado",
        },
        core="ocg_participation",
        themes=(
            "obstruction",
            "special_investigation",
            "witness_protection",
            "confiscation",
            "jurisdiction",
            "mla",
            "corruption",
            "legal_persons",
        ),  # fmt: skip
    ),
    LawFamily(
        title={
            "en": "Act on the Smuggling of Migrants",
            "fr": "Loi relative au trafic illicite de migrants",
            "es": "Ley sobre el tráfico ilícito de migrantes",
            "ru": "Закон о противодействии незаконному ввозу мигрантов",
            "ar": "قانون مكافحة تهريب المهاجرين",
            "zh-hans": "打击偷运移民法",
            "pt": "Lei sobre o contrabando de migrantes",
        },
        core="som_offence",
        themes=("jurisdiction", "mla", "confiscation", "tip_victims", "legal_persons"),
    ),
    LawFamily(
        title={
            "en": "Firearms, Ammunition and Explosives Control Act",
            "fr": "Loi relative au contrôle des armes à feu, des munitions et des explosifs",
            "es": "Ley de control de armas de fuego, municiones y explosivos",
            "ru": "Закон о контроле за оборотом оружия, боеприпасов и взрывчатых веществ",
            "ar": "قانون مراقبة الأسلحة النارية والذخائر والمتفجرات",
            "zh-hans": "枪支弹药和爆炸物管理法",
            "pt": "Lei de controle de armas de fogo, munições e explosivos",
        },
        core="firearms",
        themes=("confiscation", "legal_persons", "mla", "jurisdiction"),
    ),
    LawFamily(
        title={
            "en": "Penal Code",
            "fr": "Code pénal",
            "es": "Código Penal",
            "ru": "Уголовный кодекс",
            "ar": "قانون العقوبات",
            "zh-hans": "刑法",
            "pt": "Código Penal",
        },
        core="tip_offence",
        themes=(
            "som_offence",
            "money_laundering",
            "corruption",
            "obstruction",
            "ocg_participation",
            "drugs",
            "cybercrime",
            "wildlife",
            "cultural_property",
            "legal_persons",
            "jurisdiction",
        ),  # fmt: skip
        law_types=("code",),
    ),
    LawFamily(
        title={
            "en": "Act on International Cooperation in Criminal Matters",
            "fr": "Loi relative à l'entraide judiciaire internationale en matière pénale",
            "es": "Ley de cooperación jurídica internacional en materia penal",
            "ru": "Закон о международном сотрудничестве по уголовным делам",
            "ar": "قانون التعاون الدولي في المسائل الجنائية",
            "zh-hans": "国际刑事司法协助法",
            "pt": "Lei de cooperação judiciária internacional em matéria penal",
        },
        core="mla",
        themes=("jurisdiction", "confiscation", "witness_protection", "special_investigation"),
    ),
    LawFamily(
        title={
            "en": "Anti-Corruption Act",
            "fr": "Loi relative à la lutte contre la corruption",
            "es": "Ley anticorrupción",
            "ru": "Закон о противодействии коррупции",
            "ar": "قانون مكافحة الفساد",
            "zh-hans": "反腐败法",
            "pt": "Lei anticorrupção",
        },
        core="corruption",
        themes=("money_laundering", "legal_persons", "confiscation", "obstruction", "witness_protection"),
    ),
    LawFamily(
        title={
            "en": "Wildlife and Forest Protection Act",
            "fr": "Loi relative à la protection de la faune et des forêts",
            "es": "Ley de protección de la fauna silvestre y los bosques",
            "ru": "Закон об охране животного мира и лесов",
            "ar": "قانون حماية الحياة البرية والغابات",
            "zh-hans": "野生动物和森林保护法",
            "pt": "Lei de proteção da fauna e das florestas",
        },
        core="wildlife",
        themes=("confiscation", "legal_persons", "ocg_participation", "jurisdiction"),
    ),
    LawFamily(
        title={
            "en": "Narcotic Drugs and Psychotropic Substances Act",
            "fr": "Loi relative aux stupéfiants et aux substances psychotropes",
            "es": "Ley de estupefacientes y sustancias psicotrópicas",
            "ru": "Закон о наркотических средствах и психотропных веществах",
            "ar": "قانون المخدرات والمؤثرات العقلية",
            "zh-hans": "禁毒法",
            "pt": "Lei de drogas e substâncias psicotrópicas",
        },
        core="drugs",
        themes=("money_laundering", "special_investigation", "confiscation", "mla", "ocg_participation"),
    ),
    LawFamily(
        title={
            "en": "Cybercrime and Electronic Evidence Act",
            "fr": "Loi relative à la cybercriminalité et à la preuve électronique",
            "es": "Ley de delitos informáticos y prueba electrónica",
            "ru": "Закон о киберпреступности и электронных доказательствах",
            "ar": "قانون الجرائم الإلكترونية والأدلة الرقمية",
            "zh-hans": "网络犯罪与电子证据法",
            "pt": "Lei do cibercrime e da prova digital",
        },
        core="cybercrime",
        themes=("special_investigation", "mla", "legal_persons", "jurisdiction"),
    ),
)
LAW_FAMILY_WEIGHTS = (18, 12, 12, 8, 7, 14, 8, 8, 4, 6, 3)

PROVISION_LABEL = {
    "en": "Section {n}",
    "fr": "Article {n}",
    "es": "Artículo {n}",
    "ru": "Статья {n}",
    "ar": "المادة {n}",
    "zh-hans": "第{n}条",
    "pt": "Art. {n}",
}
LAW_NUMBER = {
    "en": "Act No. {k} of {year}",
    "fr": "Loi n° {year}-{k}",
    "es": "Ley {k}/{year}",
    "ru": "Федеральный закон № {k}-ФЗ от {year} г.",
    "ar": "قانون رقم {k} لسنة {year}",
    "zh-hans": "第{k}号（{year}年）",
    "pt": "Lei n.º {k}/{year}",
}

# --- case law -----------------------------------------------------------------------------------

CASE_THEMES: dict[str, dict] = {
    "tip_offence": {
        "weight": 30,
        "facts": "Between {y1} and {y2} the defendants recruited {n} {victims} from {origin} with false offers of "
        "work as {job}. They arranged their travel, kept their identity documents and, on arrival, forced them "
        "into {purpose} under threat of violence and of reporting them to the immigration authorities. "
        "Earnings were taken to repay a debt that grew every month.",
        "victims": ("young women", "men and women", "adolescents", "agricultural workers", "domestic workers"),
        "jobs": ("waitresses", "farm hands", "models", "cleaners", "construction workers", "nannies"),
        "purposes": (
            "prostitution",
            "unpaid farm labour",
            "domestic servitude",
            "street begging",
            "work on fishing vessels",
        ),  # fmt: skip
        "female_share": 0.75,
    },
    "som_offence": {
        "weight": 14,
        "facts": "The defendants ran a network that moved {n} migrants from {origin} across two borders in "
        "{y1}, charging each between 2,000 and 8,000 US dollars. Migrants were hidden in {vehicle}; several "
        "required medical care on arrival. Payments went through informal money transfer agents.",
        "vehicles": (
            "the trailer of a lorry",
            "an overloaded fishing boat",
            "a sealed container",
            "private cars with false compartments",
        ),  # fmt: skip
        "female_share": 0.35,
    },
    "money_laundering": {
        "weight": 12,
        "facts": "From {y1} to {y2} the defendants placed the proceeds of {predicate} in the financial system "
        "through {n} shell companies, fictitious import invoices and real estate bought in cash. The financial "
        "intelligence unit reported suspicious transfers totalling about {amount} million US dollars.",
        "predicates": (
            "drug trafficking",
            "trafficking in persons",
            "tax fraud",
            "bribery of officials",
            "illegal mining",
        ),  # fmt: skip
        "female_share": 0.3,
    },
    "ocg_participation": {
        "weight": 10,
        "facts": "The defendants formed a hierarchical group of at least {n} members that, between {y1} and "
        "{y2}, extorted transport companies and shopkeepers in {origin}, used violence against those who "
        "refused to pay and laundered the proceeds through businesses run by relatives.",
        "female_share": 0.2,
    },
    "drugs": {
        "weight": 12,
        "facts": "In {y1} customs officers found {n} kilograms of cocaine concealed in a shipment of {goods} "
        "arriving from {origin}. A controlled delivery led to the arrest of the consignees, who acted for a "
        "network supplying several countries of the region.",
        "goods": ("bananas", "ceramic tiles", "frozen fish", "coffee beans", "machine parts"),
        "female_share": 0.15,
    },
    "firearms": {
        "weight": 6,
        "facts": "Between {y1} and {y2} the defendants bought {n} pistols and rifles in {origin}, removed their "
        "serial numbers and smuggled them across the border hidden in vehicle fuel tanks, for sale to criminal "
        "groups.",
        "female_share": 0.1,
    },
    "corruption": {
        "weight": 6,
        "facts": "A border official accepted regular payments between {y1} and {y2} to let vehicles of a "
        "smuggling network pass without inspection. {n} transfers to accounts held by relatives were traced.",
        "female_share": 0.3,
    },
    "cybercrime": {
        "weight": 4,
        "facts": "In {y1} the defendants infected the systems of {n} companies with ransomware and demanded "
        "payment in virtual currency. Electronic evidence was obtained from service providers in three "
        "countries.",
        "female_share": 0.2,
    },
    "wildlife": {
        "weight": 4,
        "facts": "In {y1} authorities seized {n} kilograms of ivory and pangolin scales in a container declared "
        "as timber and bound for {origin}. The exporters had used forged permits.",
        "female_share": 0.15,
    },
    "cultural_property": {
        "weight": 2,
        "facts": "Between {y1} and {y2} the defendants sold {n} archaeological objects looted from unprotected "
        "sites in {origin} through auction houses abroad, using forged provenance documents.",
        "female_share": 0.3,
    },
}
# (text, case themes it fits; empty: any theme)
COMMENTARY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("The case illustrates the use of the Convention as a basis for international cooperation: evidence was "
     "obtained through mutual legal assistance and a joint investigation team.", ()),
    ("The court applied the definition of trafficking in the Protocol and held that the victims' consent was "
     "irrelevant once deception had been proved.", ("tip_offence",)),
    ("Significant for the confiscation of assets held by third parties.", ("money_laundering", "drugs", "corruption",
                                                                         "ocg_participation")),
    ("Significant for the compensation of victims from confiscated proceeds.", ("tip_offence", "som_offence")),
    ("The judgment discusses the admissibility of intercepted communications obtained abroad.", ()),
    ("Noteworthy for the protection measures granted to witnesses, who testified by video link.", ()),
    ("The appeal court clarified the elements of participation in an organized criminal group.",
     ("ocg_participation", "drugs", "firearms", "som_offence")),
    ("One of the first cases in the country to rely on electronic evidence obtained directly from foreign "
     "service providers.", ("cybercrime",)),
)  # fmt: skip
REASONING: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("The court found that the evidence, including the testimony of {n} witnesses and financial records, "
     "established each element of the offence beyond reasonable doubt.", ()),
    ("The court held that the defendants acted within a structured group and that the offence was "
     "transnational in nature, which justified the aggravated penalty.", ()),
    ("The court rejected the defence argument that the victims had consented, since their consent had been "
     "obtained by deception and abuse of a position of vulnerability.", ("tip_offence",)),
    ("The court excluded part of the evidence for procedural irregularities but found the remaining evidence "
     "sufficient for conviction.", ()),
    ("The court held that knowledge of the illicit origin of the funds could be inferred from the objective "
     "circumstances, including the absence of any lawful source of income.", ("money_laundering", "corruption")),
    ("The court found that the migrants had been exposed to inhuman conditions during transport, an aggravating "
     "circumstance.", ("som_offence",)),
)  # fmt: skip
CASE_TITLES = (
    "Public Prosecutor v. {name} and others",
    "The State v. {name}",
    "Prosecutor v. {name} et al.",
    "Republic v. {name} and {count} others",
    "People v. {name}",
)

# --- names ---------------------------------------------------------------------------------------
# (given names female, given names male, surnames) per naming region.
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "latin": (
        ("María", "Ana", "Lucía", "Camila", "Valentina", "Juliana", "Fernanda", "Beatriz"),
        ("José", "Carlos", "Luis", "Miguel", "João", "Pedro", "Diego", "Rafael"),
        ("Silva", "Santos", "Gómez", "Rodríguez", "Oliveira", "Pérez", "Costa", "Herrera", "Moreira", "Vargas"),
    ),
    "french": (
        ("Marie", "Aminata", "Claire", "Fatou", "Sophie", "Awa", "Nathalie"),
        ("Jean", "Moussa", "Pierre", "Ibrahima", "Olivier", "Mamadou", "Luc"),
        ("Diallo", "Martin", "Traoré", "Dubois", "Koné", "Lefèvre", "Ndiaye", "Bernard"),
    ),
    "english": (
        ("Mary", "Grace", "Sarah", "Emily", "Joy", "Linda", "Rebecca"),
        ("John", "David", "Michael", "Peter", "James", "Samuel", "Daniel"),
        ("Smith", "Johnson", "Brown", "Okafor", "Mensah", "Wilson", "Taylor", "Otieno", "Williams"),
    ),
    "slavic": (
        ("Olga", "Irina", "Natalia", "Svetlana", "Elena", "Anna"),
        ("Sergei", "Dmitri", "Ivan", "Andrei", "Oleg", "Nikolai"),
        ("Ivanov", "Petrenko", "Kuznetsov", "Popescu", "Novak", "Smirnov", "Horvat", "Kovalenko"),
    ),
    "arabic": (
        ("Fatima", "Aisha", "Mariam", "Layla", "Nour", "Samira"),
        ("Ahmed", "Mohamed", "Omar", "Youssef", "Karim", "Hassan"),
        ("El-Sayed", "Haddad", "Mansour", "Benali", "Khalil", "Nasser", "Farouk", "Saleh"),
    ),
    "chinese": (
        ("Li Na", "Wang Fang", "Zhang Min", "Liu Yan", "Chen Jing"),
        ("Wang Wei", "Li Qiang", "Zhang Jun", "Liu Yang", "Chen Hao"),
        ("Wang", "Li", "Zhang", "Liu", "Chen", "Huang", "Zhao", "Wu"),
    ),
    "asian": (
        ("Maria", "Siti", "Nguyen Thi Lan", "Priya", "Ayesha", "Rosa"),
        ("Jose", "Budi", "Tran Van Minh", "Rahul", "Imran", "Somchai"),
        ("Santos", "Reyes", "Nguyen", "Sharma", "Khan", "Wijaya", "Rahman", "Dela Cruz"),
    ),
}
LANGUAGE_NAMING = {"es": "latin", "pt": "latin", "fr": "french", "ru": "slavic", "ar": "arabic", "zh-hans": "chinese"}
REGION_NAMING = {"142": "asian", "150": "slavic", "002": "english", "019": "latin", "009": "english"}
COMPANY_SUFFIXES = ("Logistics Ltd.", "Trading S.A.", "Recruitment Agency", "Import-Export LLC", "Travel Services")

# --- competent authorities ----------------------------------------------------------------------
# (name, roles it tends to hold)
AUTHORITY_BODIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Ministry of Justice, Department of International Legal Cooperation",
        ("mla-central", "extradition", "transfer-sentenced"),
    ),  # fmt: skip
    ("Office of the Attorney General, International Affairs Unit", ("mla-central", "extradition")),
    ("Office of the Public Prosecutor, Central Authority Division", ("mla-central", "prevention")),
    ("Ministry of Foreign Affairs, Legal Department", ("extradition", "transfer-sentenced")),
    ("National Police, International Cooperation Directorate", ("police-cooperation", "firearms-contact")),
    ("National Central Bureau of INTERPOL", ("police-cooperation",)),
    ("Coast Guard Command, Maritime Operations Centre", ("drugs-by-sea", "som-by-sea")),
    ("Navy Headquarters, Maritime Security Division", ("drugs-by-sea", "som-by-sea")),
    ("National Firearms Registry", ("firearms-contact",)),
    ("Ministry of Culture, Heritage Protection Directorate", ("cultural-property",)),
    ("National Commission for the Prevention of Organized Crime", ("prevention",)),
    ("Ministry of the Interior, Border Police Directorate", ("som-by-sea", "police-cooperation")),
    ("Prison Administration, Transfer of Sentenced Persons Unit", ("transfer-sentenced",)),
)
ROLE_ARTICLES = {
    "mla-central": ("UNTOC-18", "13"),
    "extradition": ("UNTOC-16", ""),
    "transfer-sentenced": ("UNTOC-17", ""),
    "som-by-sea": ("SOM-8", ""),
    "firearms-contact": ("FIREARMS-13", "2"),
    "prevention": ("UNTOC-31", "6"),
    "police-cooperation": ("UNTOC-27", ""),
}
ROLE_CRIME_TYPES = {
    "firearms-contact": "trafficking-in-firearms",
    "som-by-sea": "smuggling-of-migrants",
    "cultural-property": "trafficking-in-cultural-property",
    "drugs-by-sea": "drug-offences",
}
STREETS = ("Avenue of Justice", "Independence Avenue", "Government Square", "Constitution Street",
           "Parliament Road", "Liberty Boulevard", "Ministries Complex")  # fmt: skip
CONTACT_TITLES = ("Director", "Head of Unit", "Senior Legal Adviser", "Chief Prosecutor", "Deputy Director")
LEGAL_REQUIREMENTS = (
    "Dual criminality is required for coercive measures only.",
    "Requests must be based on a treaty or on reciprocity; the Convention is accepted as legal basis.",
    "Dual criminality is not required for assistance that does not involve coercive measures.",
    "Assistance may be refused where the request concerns a political offence.",
)
PROCEDURAL_REQUIREMENTS = (
    "Requests must be in writing, signed and accompanied by a translation into an accepted language.",
    "Urgent requests may be sent in advance by e-mail, followed by the original through diplomatic channels.",
    "Requests must describe the facts, the offence, the assistance sought and the link between them.",
    "Requests for search and seizure must be accompanied by a court order of the requesting State.",
)
