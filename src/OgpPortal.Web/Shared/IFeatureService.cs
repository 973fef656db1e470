namespace OgpPortal.Web.Shared;

/// <summary>
/// Marks a query or command service that lives in a feature folder beside its controller. Every such
/// class is registered as scoped by <c>AddWeb</c>, so a new feature needs no registration code.
/// </summary>
public interface IFeatureService;
