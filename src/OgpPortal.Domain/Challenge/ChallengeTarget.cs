using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;

namespace OgpPortal.Domain.Challenge;

/// <summary>The Support Unit's target for a Challenge area and year: how many members taking ambitious action.</summary>
public class ChallengeTarget : AuditableEntity
{
    private ChallengeTarget()
    {
    }

    public ChallengeArea Area { get; private set; }

    public int Year { get; private set; }

    public int Members { get; private set; }

    public static ChallengeTarget Set(ChallengeArea area, int year, int members)
    {
        var target = new ChallengeTarget { Area = area, Year = year };
        target.Change(members);
        return target;
    }

    public void Change(int members)
    {
        if (members is < 1 or > 500)
        {
            throw new DomainRuleException("A target is between 1 and 500 members.");
        }

        Members = members;
    }
}
