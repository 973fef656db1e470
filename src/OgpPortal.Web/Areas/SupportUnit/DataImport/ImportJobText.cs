using System.Globalization;
using Microsoft.Extensions.Localization;
using OgpPortal.Infrastructure.Interchange;
using OgpPortal.Web.Shared.Localization;

namespace OgpPortal.Web.Areas.SupportUnit.DataImport;

/// <summary>What the progress endpoint answers, for the job page's script.</summary>
public sealed record ImportProgressView(string State, bool Finished, int Percent, string Label);

/// <summary>A job's state and progress in words, the same on the page and in the progress endpoint.</summary>
public static class ImportJobText
{
    public static string State(IStringLocalizer localizer, ImportJobState state)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return state switch
        {
            ImportJobState.Queued => localizer["Waiting"],
            ImportJobState.Running => localizer["Running"],
            ImportJobState.Done => localizer["Finished"],
            _ => localizer["Failed"],
        };
    }

    /// <summary>"42% — reading rows (12,000 read)", in the request's language.</summary>
    public static string ProgressLabel(IStringLocalizer localizer, ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(job);
        return (job.State, job.Stage) switch
        {
            (ImportJobState.Queued, _) => localizer["Waiting for the import before it to finish"],
            (ImportJobState.Running, null) => localizer["Starting"],
            (ImportJobState.Running, { } stage) => localizer["{0}% — {1} ({2} read)", job.Percent, Stage(localizer, stage), job.RowsRead.ToString("N0", CultureInfo.CurrentCulture)],
            _ => State(localizer, job.State),
        };
    }

    /// <summary>The importer's stages (Reading, Checking, Saving) as a phrase for the progress label.</summary>
    private static string Stage(IStringLocalizer localizer, string stage) => stage switch
    {
        ImportProgress.Reading => localizer["reading rows"],
        ImportProgress.Checking => localizer["checking rows"],
        ImportProgress.Saving => localizer["saving the changes"],
        _ => localizer.Text(stage),
    };

    public static ImportProgressView Progress(IStringLocalizer localizer, ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new ImportProgressView(job.State.ToString(), job.IsFinished, job.Percent, ProgressLabel(localizer, job));
    }
}
