using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OgpPortal.Web.Shared.Authorization;

namespace OgpPortal.Web.Areas.Public;

/// <summary>Base of every public screen: open to everyone, and showing only published data.</summary>
[Area(AreaNames.Public)]
[AllowAnonymous]
public abstract class PublicController : Controller;
