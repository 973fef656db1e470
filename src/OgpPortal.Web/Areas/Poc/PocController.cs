using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OgpPortal.Web.Shared.Authorization;

namespace OgpPortal.Web.Areas.Poc;

/// <summary>Base of every point-of-contact screen: the area and its policy are declared once, here.</summary>
[Area(AreaNames.Poc)]
[Authorize(Policy = Policies.PointOfContact)]
public abstract class PocController : Controller;
