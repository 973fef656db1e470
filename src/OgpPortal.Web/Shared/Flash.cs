using Microsoft.AspNetCore.Mvc;

namespace OgpPortal.Web.Shared;

/// <summary>One-off messages carried across a Post/Redirect/Get and shown at the top of the next page.</summary>
public static class Flash
{
    public const string SuccessKey = "flash.success";
    public const string ErrorKey = "flash.error";

    public static void Success(this Controller controller, string message)
    {
        ArgumentNullException.ThrowIfNull(controller);
        controller.TempData[SuccessKey] = message;
    }

    public static void Error(this Controller controller, string message)
    {
        ArgumentNullException.ThrowIfNull(controller);
        controller.TempData[ErrorKey] = message;
    }
}
