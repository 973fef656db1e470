using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OgpPortal.Domain.Commitments;
using OgpPortal.Domain.Common;
using OgpPortal.Web.Shared.Plans;

namespace OgpPortal.Web.Areas.Poc.Progress;

/// <summary>Implementation progress of one commitment: each milestone's status and evidence, and an optional dated note.</summary>
public sealed class ProgressForm
{
    /// <summary>Three evidence files of the largest size in one save.</summary>
    public const long MaxFileBytesPerSave = 3 * EvidenceFile.MaxBytes;

    /// <summary>Those files and the rest of the form.</summary>
    public const long MaxRequestBytes = MaxFileBytesPerSave + (1024 * 1024);

    public const string TooMuchAtOnce = "At most 30 MB of files can be sent in one save: add the others in another save.";

    public List<MilestoneProgressInput> Milestones { get; set; } = [];

    [Display(Name = "Date of the note")]
    public DateOnly? NoteDate { get; set; }

    [Display(Name = "Self-assessed completion")]
    public CompletionLevel? NoteCompletion { get; set; }

    [Display(Name = "Progress note (optional)")]
    public string? NoteText { get; set; }

    public Guid Version { get; set; }

    [BindNever]
    public int PlanId { get; set; }

    [BindNever]
    public string Identifier { get; set; } = string.Empty;

    [BindNever]
    public string Title { get; set; } = string.Empty;

    [BindNever]
    public DateOnly Today { get; set; }

    [BindNever]
    public DateOnly PlanStart { get; set; }

    public bool HasNote => !string.IsNullOrWhiteSpace(NoteText);
}

public sealed class MilestoneProgressInput
{
    public int Id { get; set; }

    [BindNever]
    public string Title { get; set; } = string.Empty;

    [BindNever]
    public DateOnly DueDate { get; set; }

    [Display(Name = "Status")]
    public MilestoneStatus? Status { get; set; }

    [Display(Name = "Evidence link")]
    public string? EvidenceUrl { get; set; }

    [Display(Name = "Add an evidence file (optional)")]
    public IFormFile? NewFile { get; set; }

    /// <summary>The attached files the point of contact ticked to remove.</summary>
    public List<int> RemoveFileIds { get; set; } = [];

    [BindNever]
    public IReadOnlyList<EvidenceFileRow> Files { get; set; } = [];

    /// <summary>The new file's bytes, read before validation when it is within the size limit.</summary>
    [BindNever]
    public byte[]? NewFileBytes { get; set; }

    /// <summary>How many files the milestone keeps after this save.</summary>
    public int FilesAfterSave => Files.Count(f => !RemoveFileIds.Contains(f.Id)) + (NewFile is null ? 0 : 1);
}

public sealed class ProgressFormValidator : AbstractValidator<ProgressForm>
{
    public ProgressFormValidator()
    {
        RuleForEach(f => f.Milestones).ChildRules(m =>
        {
            m.RuleFor(x => x.Status).Cascade(CascadeMode.Stop).NotNull().WithMessage("Choose a status from the list.")
                .IsInEnum().WithMessage("Choose a status from the list.");
            m.RuleFor(x => x.EvidenceUrl).Cascade(CascadeMode.Stop)
                .MaximumLength(Limits.Url).WithMessage($"A link has at most {Limits.Url} characters.")
                .Must(url => string.IsNullOrWhiteSpace(url) || WebAddress.IsValid(url.Trim()))
                .WithMessage("Enter a web address starting with http:// or https://.");
            m.RuleFor(x => x.NewFile).Cascade(CascadeMode.Stop)
                .Must(file => file!.Length > 0).WithMessage("The file is empty.")
                .Must(file => file!.Length <= EvidenceFile.MaxBytes).WithMessage(EvidenceFile.TooLarge)
                .Must((input, file) => EvidenceFileTypes.Recognise(file!.FileName, input.NewFileBytes ?? []) is not null).WithMessage(EvidenceFile.NotAccepted)
                .Must((input, _) => input.FilesAfterSave <= EvidenceFile.MaxPerMilestone).WithMessage(EvidenceFile.TooMany)
                .When(x => x.NewFile is not null);
            m.RuleFor(x => x.RemoveFileIds).Must((input, ids) => ids.All(id => input.Files.Any(f => f.Id == id)))
                .WithMessage("That file is not part of this milestone's evidence; reload the page.");
        });
        RuleFor(f => f.Milestones).Must(inputs => inputs.Sum(i => i.NewFile?.Length ?? 0) <= ProgressForm.MaxFileBytesPerSave)
            .WithMessage(ProgressForm.TooMuchAtOnce);
        When(f => f.HasNote, () =>
        {
            RuleFor(f => f.NoteText).MaximumLength(Limits.LongText).WithMessage($"A note has at most {Limits.LongText} characters.");
            RuleFor(f => f.NoteDate).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the date of the note.")
                .Must((f, d) => d <= f.Today).WithMessage("The note's date cannot be in the future.")
                .Must((f, d) => d >= f.PlanStart).WithMessage(f => $"The note's date cannot be before the plan started ({f.PlanStart:d MMMM yyyy}).");
            RuleFor(f => f.NoteCompletion).NotNull().WithMessage("Choose how complete the commitment is.")
                .IsInEnum().WithMessage("Choose a completion level from the list.");
        });
    }
}
