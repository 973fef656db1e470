using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OgpPortal.Web.Shared.Authorization;

namespace OgpPortal.Web.Areas.SupportUnit;

/// <summary>Base of every Support Unit screen: the area and its policy are declared once, here.</summary>
[Area(AreaNames.SupportUnit)]
[Authorize(Policy = Policies.SupportUnit)]
public abstract class SupportUnitController : Controller;
