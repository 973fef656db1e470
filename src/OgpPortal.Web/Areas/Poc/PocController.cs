using Microsoft.AspNetCore.Authorization;
using OgpPortal.Web.Shared.Authorization;

namespace OgpPortal.Web.Areas.Poc;

/// <summary>Base of the screens for points of contact only (their dashboard, progress reporting).</summary>
[Authorize(Policy = Policies.PointOfContact)]
public abstract class PocController : PlanEditorController;
