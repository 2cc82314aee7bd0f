package transition

// Standard returns the five-area transition-readiness checklist: local
// partner, care team, tailoring, government and network, with every point
// as an item carrying a checkable statement and practical guidance in
// English, Dutch and Spanish. Four items are critical: the local partner
// backs the transition, the local partner runs the programme, the programme
// has professional social workers, and there is a follow-up system with
// aftercare.
//
// The checklist has id "transition-readiness", version "1", default language
// "en", weights of 1 and the default thresholds (50 and 80). Every call
// returns a new deep copy, so callers may modify it.
func Standard() *Checklist {
	return &Checklist{
		ID:              "transition-readiness",
		Version:         "1",
		DefaultLanguage: "en",
		Title: stdText(
			"Readiness for the transition to family-based care",
			"Gereedheid voor de transitie naar gezinsgerichte zorg",
			"Preparación para la transición hacia el cuidado familiar",
		),
		Areas: []Area{
			stdLocalPartner(),
			stdCareTeam(),
			stdTailoring(),
			stdGovernment(),
			stdNetwork(),
		},
	}
}

// stdCritical marks a critical item in the tables below.
const stdCritical = true

// stdText builds a text in English, Dutch and Spanish.
func stdText(en, nl, es string) Text {
	return Text{"en": en, "nl": nl, "es": es}
}

// stdArea builds an area, prefixing each item id with the area id.
func stdArea(id string, title Text, items ...Item) Area {
	for i := range items {
		items[i].ID = id + "." + items[i].ID
	}
	return Area{ID: id, Title: title, Items: items}
}

// stdItem builds an item from its id suffix, critical flag, statement and
// guidance.
func stdItem(id string, critical bool, text, guidance Text) Item {
	return Item{ID: id, Text: text, Guidance: guidance, Critical: critical}
}

func stdLocalPartner() Area {
	return stdArea("local_partner", stdText("Local partner", "Lokale partner", "Contraparte local"),
		stdItem("backs_transition", stdCritical,
			stdText(
				"The local partner supports the transition to family-based care.",
				"De lokale partner staat achter de transitie naar gezinsgerichte zorg.",
				"La contraparte local respalda la transición hacia el cuidado familiar.",
			),
			stdText(
				"Look for commitment from the partner's board and management, not only from individual staff members. Evidence is a board decision, a signed agreement or the partner's own transition plan, rather than the wish of the supporting foundation.",
				"Kijk of bestuur en leiding van de partner achter de transitie staan, niet alleen individuele medewerkers. Als bewijs telt een bestuursbesluit, een ondertekende afspraak of een eigen transitieplan van de partner, niet alleen de wens van de ondersteunende stichting.",
				"Verifique que la junta directiva y la dirección de la contraparte respaldan la transición, y no solo algunas personas del equipo. Cuentan como evidencia un acuerdo de la junta directiva, un convenio firmado o un plan de transición propio de la contraparte, no solo el deseo de la fundación que apoya.",
			)),
		stdItem("cultural_religious_reasons", false,
			stdText(
				"The cultural and religious reasons behind the current form of care have been discussed with the local partner.",
				"De culturele en religieuze beweegredenen achter de huidige vorm van zorg zijn met de lokale partner besproken.",
				"Se han conversado con la contraparte local las razones culturales y religiosas que sustentan la forma actual de cuidado.",
			),
			stdText(
				"Cultural differences and religious considerations often lie behind the way care is given today, for instance the belief that a child has a better life in a children's home. Look for a recorded conversation in which these reasons were named and discussed, and for how the plan responds to them.",
				"Cultuurverschillen of religieuze overwegingen liggen vaak ten grondslag aan de huidige hulpverlening, bijvoorbeeld het idee dat een kind in een kindertehuis een beter leven heeft. Kijk of deze beweegredenen in een gesprek zijn benoemd en besproken, bijvoorbeeld in een verslag, en hoe het plan erop ingaat.",
				"Las diferencias culturales y las convicciones religiosas suelen estar detrás de la forma en que hoy se brinda el cuidado, por ejemplo la creencia de que un niño o una niña tiene una vida mejor en un hogar institucional. Busque constancia de una conversación, por ejemplo un acta, en la que se nombraron y discutieron estas razones, y de cómo el plan las tiene en cuenta.",
			)),
		stdItem("capacity", false,
			stdText(
				"The local partner has enough capacity to carry out the transition.",
				"De lokale partner heeft voldoende capaciteit om de transitie uit te voeren.",
				"La contraparte local tiene capacidad suficiente para llevar a cabo la transición.",
			),
			stdText(
				"Weigh the partner's staff, management, finances and systems against what the transition demands: assessing families, placing children and following them up. Evidence is a capacity assessment or organisational review, with the gaps it found and how they will be closed.",
				"Zet personeel, leiding, financiën en systemen van de partner af tegen wat de transitie vraagt: gezinnen beoordelen, kinderen plaatsen en hen blijven volgen. Als bewijs telt een capaciteitsanalyse of organisatiescan, met de gevonden tekorten en hoe die worden aangepakt.",
				"Contraste el personal, la dirección, las finanzas y los sistemas de la contraparte con lo que exige la transición: evaluar a las familias, ubicar a los niños y niñas y darles seguimiento. Cuenta como evidencia un diagnóstico de capacidades o una evaluación organizacional, con las brechas detectadas y cómo se van a cerrar.",
			)),
		stdItem("capacity_building", false,
			stdText(
				"The supporting foundation strengthens the local partner with funding, knowledge and institutional capacity building.",
				"De ondersteunende stichting versterkt de lokale partner met geld, kennis en (institutionele) capaciteitsopbouw.",
				"La fundación que apoya fortalece a la contraparte local con financiamiento, conocimientos y fortalecimiento institucional.",
			),
			stdText(
				"Support should cover all three: money, knowledge (training, exchange, advice) and the organisation itself (governance, policies, systems). Look for a capacity-building plan with concrete activities and a budget, and for signs that it is being carried out.",
				"Steun hoort alle drie te omvatten: geld, kennis (training, uitwisseling, advies) en de organisatie zelf (bestuur, beleid, systemen). Kijk naar een plan voor capaciteitsopbouw met concrete activiteiten en een begroting, en naar tekenen dat het ook wordt uitgevoerd.",
				"El apoyo debe abarcar los tres aspectos: recursos económicos, conocimientos (capacitación, intercambio, asesoría) y la propia organización (gobernanza, políticas, sistemas). Busque un plan de fortalecimiento de capacidades con actividades concretas y presupuesto, y señales de que se está ejecutando.",
			)),
		stdItem("not_dependent", false,
			stdText(
				"The local partner does not depend solely on the supporting foundation, especially financially.",
				"De lokale partner is en blijft niet alleen afhankelijk van de ondersteunende stichting, vooral niet financieel.",
				"La contraparte local no depende únicamente de la fundación que apoya, sobre todo en lo económico.",
			),
			stdText(
				"Dependence on a single foundation is a pitfall, above all financially: if the foundation withdraws, the programme should not collapse. Look at the share of the partner's income that comes from the foundation, at its other sources of funding and at a plan to broaden them.",
				"Afhankelijkheid van één stichting is een valkuil, vooral financieel: als de stichting zich terugtrekt, mag het programma niet omvallen. Kijk welk deel van de inkomsten van de partner van de stichting komt, welke andere financieringsbronnen er zijn en of er een plan is om die te verbreden.",
				"Depender de una sola fundación es una trampa, sobre todo en lo económico: si la fundación se retira, el programa no debería derrumbarse. Observe qué proporción de los ingresos de la contraparte proviene de la fundación, qué otras fuentes de financiamiento tiene y si existe un plan para diversificarlas.",
			)),
		stdItem("runs_programme", stdCritical,
			stdText(
				"The local partner runs the project or programme.",
				"De lokale partner runt het project of programma.",
				"La contraparte local dirige el proyecto o programa.",
			),
			stdText(
				"It is the local partner that runs the project or programme; the supporting foundation cannot do that from abroad. Look at who takes the day-to-day decisions, who employs the staff and who holds the relationships with families and authorities.",
				"Het is de lokale partner die het project of programma runt; de ondersteunende stichting kan dat niet vanuit het buitenland. Kijk wie de dagelijkse beslissingen neemt, wie het personeel in dienst heeft en wie de contacten met gezinnen en overheid onderhoudt.",
				"Es la contraparte local quien dirige el proyecto o programa; la fundación que apoya no puede hacerlo desde el extranjero. Observe quién toma las decisiones del día a día, quién contrata al personal y quién mantiene la relación con las familias y las autoridades.",
			)),
	)
}

func stdCareTeam() Area {
	return stdArea("care_team", stdText("Care team", "Zorgteam", "Equipo de atención"),
		stdItem("professional_social_workers", stdCritical,
			stdText(
				"The programme has professional social workers to provide good care.",
				"Het programma heeft professionele maatschappelijk werkers om goede zorg te verlenen.",
				"El programa cuenta con trabajadores sociales profesionales para brindar un cuidado de calidad.",
			),
			stdText(
				"Good care needs qualified social workers, in numbers that match the caseload. Look at qualifications, registration with the professional body where one exists, and the number of children and families per social worker.",
				"Voor goede zorg zijn gekwalificeerde maatschappelijk werkers nodig, in aantallen die passen bij het aantal kinderen en gezinnen. Kijk naar diploma's, registratie bij de beroepsorganisatie waar die bestaat, en het aantal kinderen en gezinnen per maatschappelijk werker.",
				"Un cuidado de calidad requiere trabajadoras y trabajadores sociales titulados, en número acorde con la cantidad de casos. Revise las titulaciones, la colegiatura o el registro profesional donde exista, y el número de niños, niñas y familias por trabajador social.",
			)),
		stdItem("training", false,
			stdText(
				"Staff have opportunities for training and refresher training.",
				"Medewerkers hebben mogelijkheden tot scholing en bijscholing.",
				"El personal tiene oportunidades de formación inicial y de actualización.",
			),
			stdText(
				"Look for a training plan or calendar, and for records of who attended which training and when. Both initial training and regular refresher training count; a one-off workshop is not enough.",
				"Kijk naar een opleidingsplan of -kalender en naar een overzicht van wie wanneer welke training heeft gevolgd. Zowel basisscholing als regelmatige bijscholing tellen; een eenmalige workshop is niet genoeg.",
				"Busque un plan o calendario de capacitación y registros de quién asistió a qué formación y cuándo. Cuentan tanto la formación inicial como la actualización periódica; un taller aislado no basta.",
			)),
		stdItem("trauma_and_self_reliance", false,
			stdText(
				"The training covers trauma processing and the self-reliance of families.",
				"De trainingen gaan ook in op traumaverwerking en verzelfstandiging van families.",
				"La formación aborda el trabajo con el trauma y la autonomía de las familias.",
			),
			stdText(
				"Children leaving residential care often carry trauma, and families have to learn to stand on their own feet. Check that the curricula include trauma-informed care and helping families become self-reliant, and that staff apply this in their work with families.",
				"Kinderen die uit een tehuis komen dragen vaak trauma met zich mee, en gezinnen moeten leren op eigen benen te staan. Kijk of het lesprogramma traumasensitieve zorg en de verzelfstandiging van families behandelt, en of medewerkers dat in hun werk met gezinnen toepassen.",
				"Los niños y niñas que salen del cuidado residencial suelen cargar con experiencias traumáticas, y las familias deben aprender a valerse por sí mismas. Revise si los programas de formación incluyen el cuidado informado sobre el trauma y el acompañamiento hacia la autonomía familiar, y si el personal lo aplica en su trabajo con las familias.",
			)),
		stdItem("motivation_coaching", false,
			stdText(
				"Staff members' own backgrounds and motivations are acknowledged, and team members are coached where needed.",
				"De eigen achtergronden en beweegredenen van medewerkers worden erkend, en teamleden worden waar nodig gecoacht.",
				"Se reconocen la trayectoria y las motivaciones propias del personal, y se brinda acompañamiento (coaching) a los miembros del equipo cuando hace falta.",
			),
			stdText(
				"Staff and professionals have their own backgrounds and reasons for committing themselves to child care, and these shape how they see the transition. Look for supervision or coaching, team conversations about motivation, and support for staff whose role changes, such as caregivers in a children's home.",
				"Medewerkers en professionals hebben eigen achtergronden en beweegredenen om zich in te zetten voor kindzorg, en die kleuren hoe zij naar de transitie kijken. Kijk naar intervisie, supervisie of coaching, teamgesprekken over motivatie en begeleiding van medewerkers van wie de rol verandert, zoals groepsleiders in een kindertehuis.",
				"El personal y los profesionales tienen su propia historia y sus razones para dedicarse al cuidado de la niñez, y ello influye en cómo ven la transición. Busque espacios de supervisión o coaching, conversaciones de equipo sobre la motivación y acompañamiento al personal cuyo rol cambia, como las cuidadoras y los cuidadores de un hogar institucional.",
			)),
	)
}

func stdTailoring() Area {
	return stdArea("tailoring", stdText("Tailored approach", "Maatwerk", "Atención a la medida"),
		stdItem("approach_described", false,
			stdText(
				"The approach is described in writing.",
				"De aanpak is beschreven.",
				"El enfoque de trabajo está descrito por escrito.",
			),
			stdText(
				"A written approach, with its steps, roles and criteria, makes the work consistent and open to review. Look for a method description or manual that staff actually use and that leaves room to tailor the work to each family.",
				"Een beschreven aanpak, met stappen, rollen en criteria, maakt het werk consistent en toetsbaar. Kijk naar een methodiekbeschrijving of handboek dat medewerkers ook echt gebruiken en dat ruimte laat voor maatwerk per gezin.",
				"Un enfoque descrito, con sus pasos, roles y criterios, da coherencia al trabajo y permite revisarlo. Busque un documento metodológico o manual que el personal realmente utilice y que deje margen para adaptar el trabajo a cada familia.",
			)),
		stdItem("tailored_per_family", false,
			stdText(
				"Support is tailored to each child and family.",
				"De ondersteuning is maatwerk per kind en gezin.",
				"El apoyo se adapta a cada niño, niña y familia.",
			),
			stdText(
				"The described approach is a framework, not a fixed package: each family's situation, strengths and needs shape the support. Look in the case files for an individual assessment and a plan of its own for each family.",
				"De beschreven aanpak is een kader, geen vast pakket: de situatie, de sterke punten en de behoeften van elk gezin bepalen de ondersteuning. Kijk in de dossiers of er per gezin een eigen beoordeling en een eigen plan is.",
				"El enfoque descrito es un marco, no un paquete fijo: la situación, las fortalezas y las necesidades de cada familia determinan el apoyo. Revise en los expedientes si cada familia tiene su propia evaluación y su propio plan.",
			)),
		stdItem("family_strengthening", false,
			stdText(
				"The work goes beyond direct care and reintegration to the living conditions of the families (family strengthening).",
				"Het werk beperkt zich niet tot de directe zorg en (re)integratie in een gezin, maar kijkt ook naar de omstandigheden waarin de families leven (familieversterking).",
				"El trabajo va más allá del cuidado directo y la (re)integración, y atiende también las condiciones de vida de las familias (fortalecimiento familiar).",
			),
			stdText(
				"Placing a child in a family is not the end point: housing, income, health, schooling and relationships within the family decide whether the placement lasts. Look for an assessment of living conditions and for actions in the family plan that address them.",
				"Een kind in een gezin plaatsen is geen eindpunt: huisvesting, inkomen, gezondheid, onderwijs en de relaties in het gezin bepalen of de plaatsing standhoudt. Kijk of de leefomstandigheden in kaart zijn gebracht en of het gezinsplan daar acties op zet.",
				"Ubicar a un niño o una niña en una familia no es el punto final: la vivienda, los ingresos, la salud, la escolaridad y las relaciones familiares determinan si la ubicación se sostiene. Verifique que se hayan evaluado las condiciones de vida y que el plan familiar incluya acciones para mejorarlas.",
			)),
		stdItem("learning_and_work", false,
			stdText(
				"Families are helped to find learning and work opportunities so that they can earn enough income themselves.",
				"Gezinnen worden geholpen aan leer- en werkgelegenheden, zodat ze zelf voldoende inkomen kunnen genereren.",
				"Se facilitan oportunidades de aprendizaje y de trabajo para que las familias generen por sí mismas ingresos suficientes.",
			),
			stdText(
				"Vocational training, savings groups, support for a small business or help finding a job enable families to earn their own income. Look for such opportunities in the family plans and for evidence that household income is growing.",
				"Beroepsopleiding, spaargroepen, steun bij een eigen bedrijfje of bemiddeling naar werk helpen gezinnen aan een eigen inkomen. Kijk of de gezinsplannen zulke mogelijkheden bevatten en of het inkomen van huishoudens aantoonbaar groeit.",
				"La formación profesional, los grupos de ahorro, el apoyo a pequeños emprendimientos o la intermediación laboral permiten a las familias generar ingresos propios. Busque estas oportunidades en los planes familiares y evidencia de que los ingresos del hogar aumentan.",
			)),
		stdItem("avoid_dependence", false,
			stdText(
				"Measures are in place to keep (foster) families from becoming dependent on financial contributions.",
				"Er zijn maatregelen om te voorkomen dat (pleeg)gezinnen afhankelijk worden van financiële bijdragen.",
				"Existen medidas para evitar que las familias (de acogida) se vuelvan dependientes de los aportes económicos.",
			),
			stdText(
				"A pitfall is that (foster) families come to rely on the financial contributions and sit back. Look for support that is time-bound and tapers off, with agreed steps towards the family's own income, and for how this is followed up.",
				"Een valkuil is dat (pleeg)gezinnen afhankelijk worden van de financiële bijdragen en achterover gaan leunen. Kijk of de steun in de tijd begrensd is en wordt afgebouwd, met afgesproken stappen naar een eigen inkomen, en hoe dat wordt gevolgd.",
				"Un riesgo es que las familias (de acogida) dependan de los aportes económicos y se acomoden. Verifique que el apoyo tenga un plazo definido y se reduzca de forma gradual, con pasos acordados hacia ingresos propios, y cómo se les da seguimiento.",
			)),
		stdItem("case_team", false,
			stdText(
				"A case team discusses and coordinates the support for each case.",
				"Een caseteam bespreekt en coördineert de ondersteuning per casus.",
				"Un equipo de casos analiza y coordina el apoyo de cada caso.",
			),
			stdText(
				"A case team brings the social worker together with others involved, such as a supervisor, a psychologist or a community worker, to decide on cases jointly. Look for regular case meetings whose decisions are recorded in the case files; a small programme may answer not applicable.",
				"Een caseteam brengt de maatschappelijk werker samen met andere betrokkenen, zoals een leidinggevende, een psycholoog of een wijkwerker, om samen over casussen te beslissen. Kijk naar regelmatig casusoverleg waarvan de besluiten in de dossiers zijn vastgelegd; voor een klein programma kan 'niet van toepassing' passend zijn.",
				"Un equipo de casos reúne a la trabajadora o el trabajador social con otras personas involucradas, como una supervisora, un psicólogo o un promotor comunitario, para decidir juntos sobre los casos. Busque reuniones periódicas de casos cuyas decisiones queden registradas en los expedientes; en un programa pequeño puede corresponder «no aplica».",
			)),
		stdItem("follow_up_aftercare", stdCritical,
			stdText(
				"There is a follow-up system and aftercare for children and families after placement.",
				"Er is een follow-upsysteem en nazorg voor kinderen en gezinnen na plaatsing.",
				"Existe un sistema de seguimiento y acompañamiento posterior para los niños, niñas y familias tras la ubicación.",
			),
			stdText(
				"Every child placed in a family is visited and supported afterwards, more often at first and according to risk. Look for a follow-up schedule, visit records showing that visits happen on time, and aftercare that continues until the placement is stable.",
				"Elk kind dat in een gezin is geplaatst, wordt daarna bezocht en ondersteund, in het begin vaker en afhankelijk van het risico. Kijk naar een bezoekschema, verslagen waaruit blijkt dat bezoeken op tijd plaatsvinden, en nazorg die doorloopt tot de plaatsing stabiel is.",
				"Cada niño o niña ubicado en una familia recibe visitas y apoyo después de la ubicación, con más frecuencia al principio y según el nivel de riesgo. Busque un calendario de seguimiento, registros que muestren que las visitas se realizan a tiempo y un acompañamiento que continúa hasta que la ubicación es estable.",
			)),
		stdItem("monitoring_evaluation", false,
			stdText(
				"The approach is monitored and evaluated regularly.",
				"De aanpak wordt regelmatig gemonitord en geëvalueerd.",
				"El enfoque se monitorea y evalúa con regularidad.",
			),
			stdText(
				"Regular monitoring and evaluation show whether children are safe and placements last, and where the approach must change. Look for agreed indicators, periodic reports and an evaluation whose findings led to changes.",
				"Regelmatige monitoring en evaluatie laten zien of kinderen veilig zijn en plaatsingen standhouden, en waar de aanpak moet veranderen. Kijk naar afgesproken indicatoren, periodieke rapportages en een evaluatie waarvan de bevindingen tot aanpassingen hebben geleid.",
				"El monitoreo y la evaluación periódicos muestran si los niños y niñas están seguros y si las ubicaciones se sostienen, y dónde hay que ajustar el enfoque. Busque indicadores acordados, informes periódicos y una evaluación cuyos hallazgos hayan llevado a cambios.",
			)),
	)
}

func stdGovernment() Area {
	return stdArea("government", stdText("Government", "Overheid", "Gobierno"),
		stdItem("no_takeover", false,
			stdText(
				"The project does not take over the tasks of the government.",
				"Het project neemt geen taken van de overheid over.",
				"El proyecto no asume las funciones que corresponden al gobierno.",
			),
			stdText(
				"Child protection is a responsibility of the state; a project that quietly does the government's work builds a parallel system that ends when the funding ends. Look at whether services complement public services and whether cases are reported to and registered with the authorities.",
				"Kinderbescherming is een verantwoordelijkheid van de overheid; een project dat ongemerkt overheidstaken uitvoert, bouwt een parallel systeem dat stopt zodra het geld stopt. Kijk of de diensten de overheidsdiensten aanvullen en of casussen bij de overheid worden gemeld en geregistreerd.",
				"La protección de la niñez es una responsabilidad del Estado; un proyecto que asume sin más las funciones del gobierno crea un sistema paralelo que termina cuando se acaba el financiamiento. Verifique si los servicios complementan los servicios públicos y si los casos se notifican y registran ante las autoridades.",
			)),
		stdItem("dialogue_lobbying", false,
			stdText(
				"The programme is in dialogue with the government and lobbies for shared interests.",
				"Het programma gaat in gesprek met de overheid en lobbyt voor de gemeenschappelijke belangen.",
				"El programa dialoga con el gobierno y realiza incidencia en favor de los intereses comunes.",
			),
			stdText(
				"Look for meetings with ministries, local authorities or child-protection bodies, and for positions or proposals put to them. Evidence includes minutes, letters and taking part in policy consultations or coordination forums.",
				"Kijk naar overleg met ministeries, lokale overheden of kinderbeschermingsinstanties, en naar standpunten of voorstellen die aan hen zijn voorgelegd. Als bewijs tellen verslagen, brieven en deelname aan beleidsoverleg of coördinatieplatforms.",
				"Busque reuniones con ministerios, autoridades locales u organismos de protección de la niñez, y posiciones o propuestas que se les hayan presentado. Cuentan como evidencia las actas, la correspondencia y la participación en consultas de políticas o espacios de coordinación.",
			)),
		stdItem("agencies_involved", false,
			stdText(
				"Relevant government agencies are involved in the project.",
				"Relevante overheidsinstanties zijn bij het project betrokken.",
				"Las instituciones públicas pertinentes participan en el proyecto.",
			),
			stdText(
				"Agencies such as the social welfare office, child-protection services, the courts or the civil registry should know the project and play their part in it, for example in approving placements. Look for agreements, joint visits and referrals.",
				"Instanties zoals de sociale dienst, de kinderbescherming, de rechtbank of de burgerlijke stand horen het project te kennen en er hun rol in te spelen, bijvoorbeeld bij het goedkeuren van plaatsingen. Kijk naar afspraken, gezamenlijke bezoeken en verwijzingen.",
				"Instituciones como los servicios sociales, los organismos de protección de la niñez, los juzgados o el registro civil deben conocer el proyecto y cumplir su papel en él, por ejemplo al aprobar las ubicaciones. Busque convenios, visitas conjuntas y derivaciones.",
			)),
		stdItem("local_partner_leads", false,
			stdText(
				"The local partner leads the relationship with the government, with the supporting foundation helping to open doors.",
				"De lokale partner is leidend in de relatie met de overheid; de ondersteunende stichting helpt deuren te openen.",
				"La contraparte local lidera la relación con el gobierno, y la fundación que apoya ayuda a abrir puertas.",
			),
			stdText(
				"The local partner knows the context and stays when the foundation leaves, so it leads the contacts with the government. The foundation can open doors, for example through introductions or its own network, but does not take over; look at who sits at the table and who signs agreements.",
				"De lokale partner kent de context en blijft als de stichting vertrekt, dus die is leidend in het contact met de overheid. De stichting kan deuren openen, bijvoorbeeld met introducties of via haar netwerk, maar neemt het niet over; kijk wie aan tafel zit en wie afspraken ondertekent.",
				"La contraparte local conoce el contexto y permanece cuando la fundación se retira, por lo que lidera el contacto con el gobierno. La fundación puede abrir puertas, por ejemplo con presentaciones o a través de su red, pero no ocupa su lugar; observe quién se sienta a la mesa y quién firma los acuerdos.",
			)),
		stdItem("seek_openings", false,
			stdText(
				"The programme looks for openings with the government and builds the relationship over time.",
				"Het programma zoekt openingen bij de overheid en bouwt de relatie in de loop van de tijd op.",
				"El programa busca oportunidades con el gobierno y construye la relación a lo largo del tiempo.",
			),
			stdText(
				"Set aside the assumption that the government can do nothing, and look for officials, policies and programmes to build on. The relationship with local authorities often has to grow, so look for a history of contacts that is deepening.",
				"Zet de aanname dat de overheid niks kan betekenen opzij en zoek ambtenaren, beleid en programma's waarop kan worden voortgebouwd. De relatie met lokale overheden moet vaak groeien, dus kijk of er een reeks contacten is die zich verdiept.",
				"Deje de lado el supuesto de que el gobierno no puede aportar nada y busque funcionarios, políticas y programas sobre los que se pueda construir. La relación con las autoridades locales suele necesitar tiempo para crecer, así que busque un historial de contactos que se va profundizando.",
			)),
	)
}

func stdNetwork() Area {
	return stdArea("network", stdText("Network", "Netwerk", "Red de organizaciones"),
		stdItem("organisations_involved", false,
			stdText(
				"Other organisations working with children and families are involved.",
				"Andere organisaties die met kinderen en gezinnen werken, zijn betrokken.",
				"Participan otras organizaciones que trabajan con la niñez y las familias.",
			),
			stdText(
				"As with the government, involving other organisations, such as NGOs, faith-based groups, schools, health services and community groups, widens the support around families. Look for a map of the organisations in the area and for concrete contacts with them.",
				"Net als bij de overheid is het belangrijk andere instanties te betrekken, zoals ngo's, kerkelijke en religieuze organisaties, scholen, gezondheidszorg en buurtgroepen; dat verbreedt de steun rond gezinnen. Kijk of er een overzicht is van de organisaties in het gebied en of er concrete contacten mee zijn.",
				"Al igual que con el gobierno, involucrar a otras organizaciones, como ONG, organizaciones religiosas, escuelas, servicios de salud y grupos comunitarios, amplía el apoyo en torno a las familias. Busque un mapeo de actores de la zona y contactos concretos con ellos.",
			)),
		stdItem("reuse_resources", false,
			stdText(
				"Existing services, tools and knowledge are used rather than reinvented.",
				"Bestaande diensten, instrumenten en kennis worden benut in plaats van opnieuw uitgevonden.",
				"Se aprovechan los servicios, las herramientas y los conocimientos existentes en lugar de reinventarlos.",
			),
			stdText(
				"The wheel need not be reinvented: national guidelines, proven methods, training materials and the services of other organisations can often be used. Look for references to existing tools and for referrals to existing services instead of new, parallel ones.",
				"Het wiel hoeft niet opnieuw uitgevonden te worden: nationale richtlijnen, beproefde methoden, trainingsmateriaal en diensten van andere organisaties zijn vaak bruikbaar. Kijk of er naar bestaande instrumenten wordt verwezen en of gezinnen naar bestaande diensten worden doorverwezen in plaats van naar nieuwe, parallelle diensten.",
				"No hace falta reinventar la rueda: las directrices nacionales, los métodos probados, los materiales de capacitación y los servicios de otras organizaciones suelen poder aprovecharse. Busque referencias a herramientas existentes y derivaciones a servicios ya disponibles en lugar de servicios nuevos y paralelos.",
			)),
		stdItem("collaboration", false,
			stdText(
				"The programme collaborates with other organisations, also to stand stronger towards the government.",
				"Het programma werkt samen met andere organisaties, ook om sterker te staan richting de overheid.",
				"El programa colabora con otras organizaciones, también para tener más fuerza ante el gobierno.",
			),
			stdText(
				"Working together can create a win-win situation: shared training, referrals and a common voice towards the government. Look for joint activities, membership of a coalition or network, and joint positions put to the authorities.",
				"Door samen te werken kan een win-winsituatie ontstaan: gezamenlijke trainingen, doorverwijzingen en één stem richting de overheid. Kijk naar gezamenlijke activiteiten, lidmaatschap van een coalitie of netwerk, en gezamenlijke standpunten richting de overheid.",
				"Trabajar en conjunto puede beneficiar a todas las partes: capacitaciones compartidas, derivaciones y una voz común ante el gobierno. Busque actividades conjuntas, la participación en una coalición o red y posiciones comunes presentadas a las autoridades.",
			)),
	)
}
