namespace OgpPortal.Domain.Commitments;

/// <summary>
/// OGP's policy-area taxonomy, as the columns of OGP's commitments export name it. The ids are stable:
/// add new areas with new ids, never renumber.
/// </summary>
public static class PolicyAreaCatalog
{
    public static readonly IReadOnlyList<PolicyArea> All = Build();

    private static List<PolicyArea> Build()
    {
        var list = new List<PolicyArea>();
        var id = 0;

        void Group(string name, params string[] children)
        {
            var parentId = ++id;
            list.Add(new PolicyArea { Id = parentId, Name = name });
            foreach (var child in children)
            {
                list.Add(new PolicyArea { Id = ++id, Name = child, ParentId = parentId });
            }
        }

        Group("Anti-Corruption and Integrity", "Anti-corruption Institutions", "Anti-Corruption Strategies", "Asset Disclosure", "Audits", "Beneficial Ownership", "Conflicts Of Interest", "Elections", "Political Finance", "Lobbying", "Open Contracting", "Public Procurement", "Right To Information", "Whistleblower Protections");
        Group("Civic Space and Enabling Environment", "Freedom of Assembly", "Freedom of Association", "Freedom of Expression");
        Group("Democratizing Decision-Making", "Digital Participation", "Mainstreaming Participation", "Regulatory Governance", "Social Accountability");
        Group("Digital Governance", "Automated Decision-making", "Data Stewardship and Privacy", "Digital Inclusion", "Disinformation/Misinformation", "Online Civic Space");
        Group("Environment & Climate", "Climate Finance", "Climate Mitigation and Adaptation", "Environmental Regulation", "International Environmental Agreements");
        Group("Fiscal Openness", "Publication Of Budget/Fiscal Information", "Public Participation In Budget/Fiscal Policy", "Oversight Of Budget/Fiscal Policies", "Stimulus and Economic Recovery", "Tax", "Debt");
        Group("Inclusion", "Gender", "Gender-Based Violence", "Economic Inclusion", "LGBTQIA+", "People with Disabilities", "Youth");
        Group("Justice", "Access to Justice", "Open Justice", "Policing & Corrections", "Judiciary");
        Group("Open Parliaments");
        Group("Public Service Delivery", "Citizenship & Immigration", "Education", "Health & Nutrition", "Infrastructure & Transport", "Water & Sanitation");
        foreach (var standalone in new[]
        {
            "Capacity Building", "Digital Transformation", "Legislation", "Regulation", "Legislative Oversight", "Open Data",
            "Public Participation", "Aid", "Energy", "Extractive Industries", "Land and Spatial Planning", "Media & Telecommunications",
            "Science & Technology", "Security & Public Safety", "Labor", "Private Sector", "Subnational", "Human Rights",
        })
        {
            Group(standalone);
        }

        return list;
    }

    public static PolicyArea? Find(string name) =>
        All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
}
