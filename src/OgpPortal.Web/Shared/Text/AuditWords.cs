using Humanizer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OgpPortal.Domain.Common;
using OgpPortal.Infrastructure.Persistence;
using OgpPortal.Web.Shared.Localization;

namespace OgpPortal.Web.Shared.Text;

/// <summary>
/// The audit trail in people's words: it stores the code's names (entity "ActionPlan", property "PublishedAt",
/// value "NotStarted"); staff read "Action plan", "Published at" and "Not started". Enum values are read through the
/// model's property types, so each is shown by its display name in the page's language.
/// </summary>
public sealed class AuditWords(PortalDbContext db, IStringLocalizer<SharedResource> localizer) : IFeatureService
{
    /// <summary>Long texts (a commitment's description) are cut to this; the full values stay in the record.</summary>
    public const int ShownLength = 300;

    /// <summary>The kind of record: "ActionPlan" reads "Action plan", "IrmReport" "IRM report" (OGP's acronym kept).</summary>
    public string Entity(string entityType) =>
        localizer.Text(entityType.Humanize(LetterCasing.Sentence).Replace("Irm ", "IRM ", StringComparison.Ordinal));

    public string Property(string property) => localizer.Text(property.Humanize(LetterCasing.Sentence));

    public string Value(string entityType, string property, string? value)
    {
        if (value is null)
        {
            return "—";
        }

        var type = db.Model.GetEntityTypes().FirstOrDefault(e => e.ClrType.Name == entityType)?.FindProperty(property)?.ClrType;
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (type is { IsEnum: true } && Enum.TryParse(type, value, out var parsed) && parsed is Enum named)
        {
            return type.IsDefined(typeof(FlagsAttribute), false)
                ? string.Join(", ", EnumDisplay.Flags(named).Select(localizer.Text))
                : localizer.Name(named);
        }

        return value.Length > ShownLength ? value[..ShownLength] + "…" : value;
    }
}
