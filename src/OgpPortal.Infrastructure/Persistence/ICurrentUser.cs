namespace OgpPortal.Infrastructure.Persistence;

/// <summary>Who is making the current change, for the created/updated stamps.</summary>
public interface ICurrentUser
{
    /// <summary>The signed-in user's name (their e-mail), or null outside a signed-in request.</summary>
    string? UserName { get; }
}
