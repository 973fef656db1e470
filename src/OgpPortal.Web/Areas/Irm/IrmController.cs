using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OgpPortal.Web.Shared.Authorization;

namespace OgpPortal.Web.Areas.Irm;

/// <summary>Base of every IRM screen: the area and its policy are declared once, here.</summary>
[Area(AreaNames.Irm)]
[Authorize(Policy = Policies.IrmResearcher)]
public abstract class IrmController : Controller;
