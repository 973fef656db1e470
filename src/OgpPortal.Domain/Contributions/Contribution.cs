using OgpPortal.Domain.Common;
using OgpPortal.Domain.Members;

namespace OgpPortal.Domain.Contributions;

/// <summary>
/// A member's country contribution for one fiscal year: the tier and amount expected, and the payments
/// received. Members pay yearly contributions in tiers; raising the number of paying members is an SU goal.
/// </summary>
public class Contribution : AuditableEntity, IConcurrencyVersioned
{
    public const int FirstFiscalYear = 2011;

    public const int LastFiscalYear = 2100;

    /// <summary>Amounts are kept to the cent and below a billion: typing slips stay out of the totals.</summary>
    public const decimal MaximumAmount = 999_999_999.99m;

    private readonly List<ContributionPayment> _payments = [];

    private Contribution()
    {
    }

    public int MemberId { get; private set; }

    public Member Member { get; private set; } = null!;

    public int FiscalYear { get; private set; }

    /// <summary>The tier's name as the Support Unit uses it, e.g. "Tier 2".</summary>
    public string Tier { get; private set; } = string.Empty;

    public decimal ExpectedAmount { get; private set; }

    /// <summary>ISO 4217 code, e.g. USD.</summary>
    public string Currency { get; private set; } = string.Empty;

    public Guid Version { get; set; }

    public IReadOnlyCollection<ContributionPayment> Payments => _payments;

    /// <summary>The total received in the expected currency.</summary>
    public decimal PaidInExpectedCurrency => _payments.Where(p => p.Currency == Currency).Sum(p => p.Amount);

    public static Contribution Expect(Member member, int fiscalYear, string tier, decimal expectedAmount, string currency)
    {
        ArgumentNullException.ThrowIfNull(member);
        var contribution = new Contribution { Member = member, MemberId = member.Id };
        contribution.ChangeExpectation(fiscalYear, tier, expectedAmount, currency);
        return contribution;
    }

    public void ChangeExpectation(int fiscalYear, string tier, decimal expectedAmount, string currency)
    {
        if (fiscalYear is < FirstFiscalYear or > LastFiscalYear)
        {
            throw new DomainRuleException($"The fiscal year must be between {FirstFiscalYear} and {LastFiscalYear}.");
        }

        CheckAmount(expectedAmount, allowZero: true);
        FiscalYear = fiscalYear;
        Tier = Guard.Required(tier, "The tier");
        ExpectedAmount = expectedAmount;
        Currency = CurrencyCode(currency);
    }

    public ContributionPayment RecordPayment(DateOnly receivedOn, decimal amount, string currency, string? note)
    {
        CheckAmount(amount, allowZero: false);
        var payment = new ContributionPayment(receivedOn, amount, CurrencyCode(currency), string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        _payments.Add(payment);
        return payment;
    }

    public void RemovePayment(int paymentId)
    {
        var payment = _payments.FirstOrDefault(p => p.Id == paymentId)
            ?? throw new DomainRuleException("That payment is not part of this contribution.");
        _payments.Remove(payment);
    }

    /// <summary>True when the code is three capital letters, as ISO 4217 currency codes are.</summary>
    public static bool IsCurrencyCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    private static string CurrencyCode(string currency)
    {
        var code = currency?.Trim().ToUpperInvariant();
        return IsCurrencyCode(code) ? code! : throw new DomainRuleException("The currency is a three-letter code such as USD or EUR.");
    }

    private static void CheckAmount(decimal amount, bool allowZero)
    {
        if (amount < 0 || (!allowZero && amount == 0))
        {
            throw new DomainRuleException(allowZero ? "The amount cannot be negative." : "The amount must be more than zero.");
        }

        if (amount > MaximumAmount || decimal.Round(amount, 2) != amount)
        {
            throw new DomainRuleException("The amount is at most 999,999,999.99, to the cent.");
        }
    }
}

/// <summary>One payment received towards a contribution.</summary>
public class ContributionPayment
{
    public ContributionPayment(DateOnly receivedOn, decimal amount, string currency, string? note)
    {
        ReceivedOn = receivedOn;
        Amount = amount;
        Currency = currency;
        Note = note;
    }

    public int Id { get; private set; }

    public int ContributionId { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; }

    public string? Note { get; private set; }
}
