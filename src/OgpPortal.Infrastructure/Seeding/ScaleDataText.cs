using System.Text;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Members;

namespace OgpPortal.Infrastructure.Seeding;

/// <summary>
/// The words of the scale data: invented member names, and commitment texts composed from OGP-like phrases
/// per policy area, in English with titles and sentences in the members' own languages (Spanish, French,
/// Portuguese, Danish, Norwegian, Ukrainian, Turkish: non-ASCII on purpose). Every choice is drawn from the
/// generator's seeded <see cref="Random"/>, so the same seed gives the same words.
/// </summary>
internal static class ScaleDataText
{
    /// <summary>A policy area (leaf of OGP's taxonomy) with what commitments in it are about and who leads them.</summary>
    public sealed record Topic(string PolicyArea, string Theme, ChallengeArea? Challenge, string[] Subjects, string[] Leads);

    public static readonly Topic[] Topics =
    [
        new("Beneficial Ownership", "Anti-corruption and integrity", ChallengeArea.AntiCorruption, ["the beneficial owners of companies", "company ownership data", "the owners of firms bidding for public contracts"], ["Business Registration Agency", "Ministry of Justice", "Financial Intelligence Unit"]),
        new("Open Contracting", "Anti-corruption and integrity", ChallengeArea.AntiCorruption, ["public contracts and their execution", "procurement plans, tenders and awards", "contracts for public works"], ["Public Procurement Agency", "Ministry of Finance", "Office of the Comptroller General"]),
        new("Public Procurement", "Anti-corruption and integrity", ChallengeArea.AntiCorruption, ["municipal purchases below the national threshold", "the e-procurement platform", "framework agreements"], ["Public Procurement Agency", "Association of Municipalities"]),
        new("Asset Disclosure", "Anti-corruption and integrity", ChallengeArea.AntiCorruption, ["asset declarations of senior officials", "the interests and assets of members of parliament"], ["Anti-Corruption Commission", "Ethics Office"]),
        new("Lobbying", "Integrity", ChallengeArea.AntiCorruption, ["meetings between ministers and interest groups", "a public register of lobbyists"], ["Ministry of State", "Ethics Office"]),
        new("Whistleblower Protections", "Integrity", ChallengeArea.AntiCorruption, ["reporting channels for whistleblowers", "the protection of people who report wrongdoing"], ["Ministry of Justice", "Ombudsman's Office"]),
        new("Right To Information", "Access to information", ChallengeArea.AccessToInformation, ["requests for public information", "proactive publication of public records", "the access to information law"], ["Information Commissioner", "Ministry of Public Administration"]),
        new("Open Data", "Open data", ChallengeArea.AccessToInformation, ["the national open data portal", "high-value datasets", "open data on public services"], ["Digital Government Agency", "National Statistics Office"]),
        new("Publication Of Budget/Fiscal Information", "Fiscal openness", ChallengeArea.FiscalOpenness, ["the citizens' budget", "budget execution data", "public spending by region"], ["Ministry of Finance", "National Treasury"]),
        new("Public Participation In Budget/Fiscal Policy", "Fiscal openness", ChallengeArea.FiscalOpenness, ["participatory budgets", "public hearings on the budget"], ["Ministry of Finance", "City Council"]),
        new("Tax", "Fiscal openness", ChallengeArea.FiscalOpenness, ["tax expenditures and exemptions", "tax incentives granted to companies"], ["Revenue Authority"]),
        new("Digital Participation", "Civic participation", ChallengeArea.PublicParticipation, ["online consultations on draft laws", "the e-participation platform"], ["Ministry of Digital Transformation", "Parliament"]),
        new("Mainstreaming Participation", "Civic participation", ChallengeArea.PublicParticipation, ["a participation framework for public bodies", "the multi-stakeholder forum"], ["Prime Minister's Office", "Ministry of Public Administration"]),
        new("Regulatory Governance", "Civic participation", ChallengeArea.PublicParticipation, ["public comment on draft regulations", "regulatory impact assessments"], ["Ministry of Justice", "Regulatory Reform Office"]),
        new("Freedom of Association", "Civic space", ChallengeArea.CivicSpace, ["the registration of civil society organisations", "the law on non-profit organisations"], ["Ministry of Interior", "Civil Society Council"]),
        new("Freedom of Expression", "Civic space", ChallengeArea.MediaFreedom, ["the safety of journalists", "media ownership transparency"], ["Media Regulator", "Ministry of Culture"]),
        new("Automated Decision-making", "Digital governance", ChallengeArea.DigitalGovernance, ["algorithms used by public agencies", "a register of automated decision systems"], ["Digital Government Agency", "Data Protection Authority"]),
        new("Data Stewardship and Privacy", "Digital governance", ChallengeArea.DigitalGovernance, ["the protection of personal data", "data sharing between agencies"], ["Data Protection Authority"]),
        new("Climate Mitigation and Adaptation", "Climate and environment", ChallengeArea.ClimateAndEnvironment, ["climate adaptation plans", "emissions data of public buildings"], ["Ministry of Environment", "Environment Agency"]),
        new("Climate Finance", "Climate and environment", ChallengeArea.ClimateAndEnvironment, ["climate finance flows", "green bonds and their use"], ["Ministry of Environment", "Ministry of Finance"]),
        new("Extractive Industries", "Natural resources", null, ["mining licences and revenues", "contracts in the oil and gas sector"], ["Ministry of Mines and Energy", "EITI National Secretariat"]),
        new("Gender", "Gender and inclusion", ChallengeArea.GenderAndInclusion, ["gender-disaggregated public data", "women's participation in public decisions"], ["Ministry of Gender Equality", "National Statistics Office"]),
        new("Youth", "Gender and inclusion", ChallengeArea.GenderAndInclusion, ["youth councils in municipalities", "the participation of young people"], ["Ministry of Youth and Sports", "Association of Municipalities"]),
        new("Access to Justice", "Open justice", ChallengeArea.Justice, ["legal aid for people on low incomes", "e-filing in the courts"], ["Judiciary", "Ministry of Justice"]),
        new("Open Justice", "Open justice", ChallengeArea.Justice, ["court judgments and hearings", "statistics on the courts' caseload"], ["Judicial Council", "Supreme Court"]),
        new("Health & Nutrition", "Public services", null, ["waiting times in public hospitals", "the purchase of medicines"], ["Ministry of Health"]),
        new("Education", "Public services", null, ["school budgets and results", "the allocation of teachers"], ["Ministry of Education"]),
        new("Infrastructure & Transport", "Public services", null, ["public works and their progress", "road maintenance contracts"], ["Ministry of Public Works", "Roads Authority"]),
        new("Water & Sanitation", "Public services", null, ["water quality and supply", "sanitation services in rural areas"], ["Water Regulatory Authority"]),
        new("Open Parliaments", "Open parliament", null, ["votes and attendance of members of parliament", "the legislative process"], ["Parliament", "Secretariat of the National Assembly"]),
        new("Subnational", "Local government", null, ["council meetings and agendas", "municipal service standards"], ["Association of Municipalities", "City Council"]),
    ];

    private static readonly string[] TitleActions =
    [
        "Publish open data on {0}", "Strengthen citizen oversight of {0}", "Create a public register of {0}", "Improve access to information on {0}",
        "Involve civil society in monitoring {0}", "Establish an online portal for {0}", "Adopt a national standard for {0}", "Open up {0} to public scrutiny",
        "Build the capacity of officials to publish {0}", "Reform the rules on {0}", "Co-create a roadmap on {0}", "Make {0} transparent and accountable",
    ];

    private static readonly string[] TitleScopes =
    [
        "", "", "", " in {1}", " at national level", " across ministries", " in ten pilot municipalities", " for rural communities", " by the end of the plan",
    ];

    private static readonly string[] LongTitleClauses =
    [
        ", in line with international standards such as the Open Contracting Data Standard and the Open Data Charter, and with the participation of civil society organisations, academia and the private sector",
        ", so that citizens, journalists and oversight bodies can follow how decisions are taken and how public money is spent, from planning to evaluation",
        " through a law, its regulations and an implementation plan agreed with the multi-stakeholder forum, including training for public servants in every region",
    ];

    private static readonly Dictionary<string, (string[] Titles, string[] Sentences)> Languages = new(StringComparer.Ordinal)
    {
        ["es"] = (
            ["Transparencia en {0}", "Participación ciudadana en la gestión pública", "Datos abiertos para la rendición de cuentas", "Fortalecimiento del acceso a la información pública"],
            ["La ciudadanía podrá consultar la información en un portal único, actualizado cada trimestre.", "Se realizarán mesas de diálogo con organizaciones de la sociedad civil en todas las regiones.", "El compromiso responde a las demandas recogidas durante la consulta pública del plan de acción."]),
        ["fr"] = (
            ["Transparence de {0}", "Participation citoyenne à l'élaboration des politiques publiques", "Données ouvertes pour la redevabilité", "Accès à l'information et redevabilité des élus"],
            ["Les citoyens pourront suivre l'état d'avancement des réformes sur une plateforme en ligne.", "Des ateliers de co-création réuniront l'administration, la société civile et les collectivités territoriales.", "L'engagement répond aux préoccupations exprimées lors de la consultation publique."]),
        ["pt"] = (
            ["Transparência na gestão de {0}", "Participação social nas decisões públicas", "Dados abertos para o controle social"],
            ["A sociedade civil participará na definição dos indicadores e no acompanhamento da execução.", "As informações serão publicadas em formato aberto e atualizadas mensalmente."]),
        ["da"] = (
            ["Åbenhed om {0}", "Borgerinddragelse i kommunale beslutninger"],
            ["Børn og unge skal høres, før kommunalbestyrelsen træffer beslutninger om skoler, fritid og trafik i deres nærområde.", "Data offentliggøres på den fælles portal, så borgere og journalister kan genbruge dem."]),
        ["nb"] = (
            ["Åpenhet om {0}", "Innsyn i offentlige anskaffelser"],
            ["Innsynskrav skal kunne sendes på engelsk også, og svarfristene må følges opp åpent.", "Kommunene publiserer innkjøp over 100 000 kroner i et felles register."]),
        ["uk"] = (
            ["Прозорість у сфері {0}", "Відкриті дані про публічні закупівлі"],
            ["Громадськість матиме доступ до даних про відбудову через відкриту цифрову екосистему.", "Органи місцевого самоврядування публікуватимуть звіти у відкритому форматі."]),
        ["tr"] = (
            ["Kamu ihalelerinde şeffaflık", "Açık veri ile hesap verebilirlik"],
            ["Vatandaşlar belediye bütçelerini çevrimiçi bir platformdan izleyebilecek.", "Sivil toplum kuruluşları izleme sürecine katılacak."]),
    };

    private static readonly Dictionary<Region, string[]> RegionLanguages = new()
    {
        [Region.AfricaAndTheMiddleEast] = ["en", "en", "fr", "fr", "pt", "tr"],
        [Region.Americas] = ["es", "es", "es", "en", "pt", "fr"],
        [Region.AsiaAndThePacific] = ["en", "en", "en", "tr"],
        [Region.Europe] = ["en", "fr", "da", "nb", "uk", "es", "pt"],
    };

    private static readonly string[] ProblemSentences =
    [
        "Information on {0} in {1} is scattered across agencies and published, if at all, in formats that cannot be reused.",
        "Civil society organisations report that requests about {0} are often answered late or not at all.",
        "Citizens have no reliable way to follow decisions on {0}, and oversight bodies find out about problems only after the fact.",
        "An assessment by the supreme audit institution found that records on {0} were incomplete in a third of the cases it reviewed.",
        "Trust in public institutions is low: in a recent survey fewer than four in ten people said they could find out how decisions on {0} are made.",
        "There is no single standard for {0}, so each institution publishes different fields at different times.",
        "Women, young people and rural communities are rarely consulted on {0}.",
        "Journalists have documented cases where the lack of openness about {0} allowed conflicts of interest to go unnoticed.",
    ];

    private static readonly string[] DescriptionSentences =
    [
        "The {2} will publish {0} on a single open portal, in machine-readable formats and under an open licence.",
        "A working group of government and civil society will agree on the data to publish, the format and the frequency of updates.",
        "The commitment builds on the previous action plan, which created the legal basis but left implementation incomplete.",
        "Officials in every participating institution will be trained to publish and to answer questions from the public.",
        "Pilots in selected municipalities will test the approach before it is extended to the whole country.",
        "Users, including journalists, researchers and community organisations, will be involved in designing the tools.",
        "Progress will be reported every six months to the multi-stakeholder forum and published on the OGP repository.",
        "The {2} will draft regulations, put them to public consultation for at least thirty days and publish a reasoned response to the comments received.",
        "A public dashboard will show the status of each milestone, with links to the evidence.",
        "Data will be linked to the national registers of companies and of public officials, so that red flags can be identified automatically.",
        "Feedback channels (a hotline, an online form and community meetings) will let people report problems and receive an answer.",
        "The reform will be accompanied by a communication campaign in the main languages spoken in the country.",
    ];

    private static readonly string[] SolutionSentences =
    [
        "Publishing {0} openly lets citizens and oversight bodies follow results and question decisions.",
        "Involving users in the design of the tools makes it more likely that the information is used.",
        "Clear standards reduce the room for discretion and make irregularities easier to detect.",
        "Regular reporting to the multi-stakeholder forum keeps the commitment on track and makes delays visible.",
        "The combination of disclosure and participation addresses both the lack of information and the lack of channels to act on it.",
        "Once the data are open, civil society can monitor {0} independently and propose improvements.",
    ];

    private static readonly string[] MilestoneSteps =
    [
        "Map the current situation and consult civil society on the scope", "Draft the standard and put it to public consultation", "Adopt the regulation",
        "Develop and test the platform with a pilot group", "Train officials in the participating institutions", "Launch the portal publicly",
        "Publish the first data and a user guide", "Hold public hearings in every region", "Evaluate the pilot and publish the results",
        "Extend the approach to all institutions", "Publish a report on implementation with the multi-stakeholder forum",
    ];

    private static readonly string[] SupportingInstitutions =
    [
        "Transparency International chapter; national journalists' association", "Open Knowledge network; universities", "Civil society organisations of the multi-stakeholder forum",
        "Association of Municipalities; Supreme Audit Institution", "Community radio network; women's rights organisations", "Chamber of Commerce; Open Contracting Partnership",
    ];

    private static readonly string[] Narratives =
    [
        "The portal was launched and is used by journalists; the data are not yet complete for all institutions.",
        "Implementation was delayed by a change of government; the regulation was adopted in the last months of the plan.",
        "Civil society confirmed that the new channels are used and that answers arrive on time.",
        "The pilot was completed but not extended; the IRM recommends carrying the commitment forward.",
    ];

    private static readonly string[] NameStarts = ["Ar", "Bel", "Cor", "Dal", "El", "Fen", "Gal", "Hal", "Is", "Kar", "Lor", "Mar", "Nor", "Or", "Pel", "Quen", "Ros", "Sal", "Tor", "Val", "Wes", "Zan", "Bran", "Cal", "Dor", "Ker", "Lun", "Mir", "Ost", "Tal"];
    private static readonly string[] NameMiddles = ["a", "e", "i", "o", "u", "ae", "ia", "en", "an", "ar", "ol"];

    private static readonly Dictionary<Region, string[]> NameEnds = new()
    {
        [Region.AfricaAndTheMiddleEast] = ["ana", "wi", "ndi", "ria", "bia", "go", "mbe"],
        [Region.Americas] = ["agua", "ador", "ela", "ina", "ico", "uay", "ama"],
        [Region.AsiaAndThePacific] = ["stan", "pura", "esia", "nam", "lan", "bhu", "tai"],
        [Region.Europe] = ["via", "land", "mark", "stad", "onia", "ania", "burg"],
    };

    private static readonly string[] CityForms = ["{0}", "Port {0}", "San {0}", "{0}by", "Nova {0}", "{0} City", "{0}ville", "Santa {0}", "{0}havn", "{0}sk"];

    /// <summary>Accented forms, so that some names need more than ASCII (as OGP's members' names do).</summary>
    private static readonly (string From, string To)[] Accents = [("a", "á"), ("o", "ø"), ("e", "é"), ("u", "ü"), ("i", "í"), ("a", "ã"), ("o", "ö")];

    public static string Pick(Random random, IReadOnlyList<string> list) => list[random.Next(list.Count)];

    public static T Pick<T>(Random random, IReadOnlyList<T> list) => list[random.Next(list.Count)];

    public static string Language(Random random, Region region) => Pick(random, RegionLanguages[region]);

    public static string CountryName(Random random, Region region)
    {
        var name = Pick(random, NameStarts) + Pick(random, NameMiddles) + Pick(random, NameEnds[region]);
        return Accented(random, name, 0.15);
    }

    public static string CityName(Random random)
    {
        var stem = Pick(random, NameStarts) + Pick(random, NameMiddles) + Pick(random, ["n", "l", "s", "r", "d", "t"]);
        return Accented(random, string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(random, CityForms), stem), 0.2);
    }

    public static string PlanTheme(Topic topic) => topic.Theme;

    public static string Title(Random random, Topic topic, string language, string place, out string subject)
    {
        subject = Pick(random, topic.Subjects);
        if (language != "en" && random.NextDouble() < 0.5)
        {
            return Format(Pick(random, Languages[language].Titles), subject, place);
        }

        var title = Format(Pick(random, TitleActions), subject, place) + Format(Pick(random, TitleScopes), subject, place);
        return random.NextDouble() < 0.12 ? title + Pick(random, LongTitleClauses) : title;
    }

    public static string ShortTitle(string title)
    {
        if (title.Length <= 60)
        {
            return title;
        }

        var cut = title.LastIndexOf(' ', 60);
        return cut > 0 ? title[..cut] : title[..60];
    }

    /// <summary>
    /// A field of several sentences: usually a few, sometimes many (OGP's full texts run from a line to
    /// tens of thousands of characters), with a sentence in the member's language now and then.
    /// </summary>
    public static string Paragraphs(Random random, string[] sentences, int typical, string subject, string member, string lead, string language)
    {
        var count = 1 + (int)(Math.Pow(random.NextDouble(), 2) * typical * 2);
        if (random.NextDouble() < 0.03)
        {
            count += typical * 12;
        }

        // The sentences in a shuffled order, repeated only once all have been used.
        var order = Enumerable.Range(0, sentences.Length).ToArray();
        random.Shuffle(order);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(i % 4 == 0 ? "\n\n" : " ");
            }

            text.Append(language != "en" && random.NextDouble() < 0.15
                ? Pick(random, Languages[language].Sentences)
                : Format(sentences[order[i % order.Length]], subject, member, lead));
        }

        return text.ToString();
    }

    public static string Problem(Random random, string subject, string member, string lead, string language) =>
        Paragraphs(random, ProblemSentences, 3, subject, member, lead, language);

    public static string Description(Random random, string subject, string member, string lead, string language) =>
        Paragraphs(random, DescriptionSentences, 7, subject, member, lead, language);

    public static string Solution(Random random, string subject, string member, string lead, string language) =>
        Paragraphs(random, SolutionSentences, 3, subject, member, lead, language);

    public static string MilestoneTitle(int index, Random random) =>
        index == 0 ? MilestoneSteps[0] : MilestoneSteps[1 + ((index - 1 + random.Next(3)) % (MilestoneSteps.Length - 1))];

    public static string Supporting(Random random) => Pick(random, SupportingInstitutions);

    public static string Narrative(Random random) => Pick(random, Narratives);

    private static string Format(string template, params object[] values) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, template, values);

    private static string Accented(Random random, string name, double chance)
    {
        if (random.NextDouble() >= chance)
        {
            return name;
        }

        var (from, to) = Pick(random, Accents);
        var at = name.IndexOf(from, 1, StringComparison.Ordinal);
        return at < 0 ? name : name[..at] + to + name[(at + 1)..];
    }
}
