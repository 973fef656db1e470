namespace OgpPortal.Domain.Common;

/// <summary>
/// Thrown when an operation would break one of OGP's process rules (an illegal status change, a missing
/// reason, a frozen text). The message is written for the person who asked for the change.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException()
    {
    }

    public DomainRuleException(string message)
        : base(message)
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
