using System.ComponentModel.DataAnnotations;
using FluentValidation;
using OgpPortal.Infrastructure.Interchange;

namespace OgpPortal.Web.Areas.SupportUnit.DataImport;

/// <summary>A file of OGP's data to import, or to check first (dry run).</summary>
public sealed class UploadForm
{
    /// <summary>
    /// The request may be a little larger than the biggest file the import takes (the form's other fields and
    /// the multipart framing), so a file just over the limit still reaches the validator and gets its message.
    /// </summary>
    public const long MaxRequestBytes = OgpDataImporter.MaxFileBytes + (1024 * 1024);

    [Display(Name = "CSV file")]
    public IFormFile? CsvFile { get; set; }

    /// <summary>On by default: checking a file first costs nothing.</summary>
    [Display(Name = "Dry run: check the file and show the report without saving")]
    public bool DryRun { get; set; } = true;
}

public sealed class UploadFormValidator : AbstractValidator<UploadForm>
{
    /// <summary>Also shown by the upload page's script before a too-large file is sent.</summary>
    public const string TooLarge = "The file is larger than 64 MB, the most the import takes.";

    public UploadFormValidator()
    {
        RuleFor(f => f.CsvFile).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Choose the CSV file to import.")
            .Must(file => file!.Length > 0).WithMessage("The file is empty. Choose a CSV file with OGP's data.")
            .Must(file => file!.Length <= OgpDataImporter.MaxFileBytes).WithMessage(TooLarge);
    }
}
