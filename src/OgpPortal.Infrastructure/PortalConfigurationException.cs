namespace OgpPortal.Infrastructure;

/// <summary>
/// A setting the portal cannot start with. Its message is one sentence for the operator, saying what is wrong
/// and what to set; the host prints it and exits instead of a stack trace.
/// </summary>
public sealed class PortalConfigurationException : Exception
{
    public PortalConfigurationException()
    {
    }

    public PortalConfigurationException(string message)
        : base(message)
    {
    }

    public PortalConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
