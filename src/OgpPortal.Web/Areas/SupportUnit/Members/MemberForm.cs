using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OgpPortal.Domain.Common;
using OgpPortal.Domain.Members;

namespace OgpPortal.Web.Areas.SupportUnit.Members;

/// <summary>A member's registry record, as the Support Unit creates and edits it.</summary>
public sealed class MemberForm
{
    [Display(Name = "Name")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "Code")]
    public string Code { get; set; } = string.Empty;

    [Display(Name = "Kind")]
    public MemberKind? Kind { get; set; }

    [Display(Name = "Region")]
    public Region? Region { get; set; }

    [Display(Name = "Country")]
    public string? Country { get; set; }

    [Display(Name = "Year joined")]
    public int? JoinedYear { get; set; }

    [Display(Name = "Date joined (optional)")]
    public DateOnly? JoinedOn { get; set; }

    [Display(Name = "Cohort")]
    public Cohort? Cohort { get; set; }

    [Display(Name = "Website (optional)")]
    public string? Website { get; set; }

    [Display(Name = "Notes (optional, staff only)")]
    public string? Notes { get; set; }

    public Guid Version { get; set; }

    /// <summary>The member's id when editing; null for a new member.</summary>
    [BindNever]
    public int? MemberId { get; set; }

    /// <summary>A member's code is part of its commitment identifiers, so it is fixed once it has plans.</summary>
    [BindNever]
    public bool CodeIsFixed { get; set; }

    public void ApplyTo(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        member.Name = Name.Trim();
        member.Code = Code.Trim();
        member.Kind = Kind!.Value;
        member.Region = Region!.Value;
        member.Country = Country?.Trim() is { Length: > 0 } country ? country : null;
        member.JoinedYear = JoinedYear!.Value;
        member.JoinedOn = JoinedOn;
        member.Cohort = Cohort;
        member.Website = Website?.Trim() is { Length: > 0 } website ? website : null;
        member.Notes = Notes?.Trim() is { Length: > 0 } notes ? notes : null;
    }

    public static MemberForm From(Member member, bool codeIsFixed)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new MemberForm
        {
            MemberId = member.Id,
            Name = member.Name,
            Code = member.Code,
            Kind = member.Kind,
            Region = member.Region,
            Country = member.Country,
            JoinedYear = member.JoinedYear,
            JoinedOn = member.JoinedOn,
            Cohort = member.Cohort,
            Website = member.Website,
            Notes = member.Notes,
            Version = member.Version,
            CodeIsFixed = codeIsFixed,
        };
    }
}

public sealed class MemberFormValidator : AbstractValidator<MemberForm>
{
    public MemberFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.Name).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Enter the member's name.")
            .MaximumLength(Limits.MemberName).WithMessage($"The name has at most {Limits.MemberName} characters.");
        RuleFor(f => f.Code).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Enter the member's code.")
            .Must(Member.IsValidCode).WithMessage("The code is two to four capital letters, as in NO or BUE.");
        RuleFor(f => f.Kind).NotNull().WithMessage("Choose the kind of member.")
            .IsInEnum().WithMessage("Choose national, local, legacy local or other.");
        RuleFor(f => f.Region).NotNull().WithMessage("Choose one of OGP's four regions.")
            .IsInEnum().WithMessage("Choose one of OGP's four regions.");
        RuleFor(f => f.Cohort).IsInEnum().WithMessage("Choose even or odd years.");
        RuleFor(f => f.Country).MaximumLength(Limits.Country).WithMessage($"The country has at most {Limits.Country} characters.");
        RuleFor(f => f.JoinedYear).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the year the member joined OGP.")
            .GreaterThanOrEqualTo(Member.FirstJoinedYear).WithMessage($"OGP was founded in {Member.FirstJoinedYear}; enter {Member.FirstJoinedYear} or later.")
            .Must(year => year <= clock.GetUtcNow().Year).WithMessage("The year joined cannot be in the future.");
        RuleFor(f => f.JoinedOn).Cascade(CascadeMode.Stop)
            .Must((form, day) => day is null || form.JoinedYear is null || day.Value.Year == form.JoinedYear)
            .WithMessage("The date joined must fall in the year joined.")
            .Must(day => day is null || day.Value <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("The date joined cannot be in the future.");
        RuleFor(f => f.Website).Cascade(CascadeMode.Stop)
            .MaximumLength(Limits.Url).WithMessage($"The address has at most {Limits.Url} characters.")
            .Must(w => string.IsNullOrWhiteSpace(w) || WebAddress.IsValid(w.Trim())).WithMessage("Enter a web address starting with http:// or https://.");
        RuleFor(f => f.Notes).MaximumLength(Limits.Notes).WithMessage($"The notes have at most {Limits.Notes} characters.");
    }
}

/// <summary>A new status for a member, from a date, with the reason.</summary>
public sealed class StatusForm
{
    [Display(Name = "New status")]
    public MemberStatus? Status { get; set; }

    [Display(Name = "Effective from")]
    public DateOnly? EffectiveOn { get; set; }

    [Display(Name = "Reason")]
    public string? Reason { get; set; }

    public Guid Version { get; set; }
}

public sealed class StatusFormValidator : AbstractValidator<StatusForm>
{
    public StatusFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.Status).NotNull().WithMessage("Choose the new status.").IsInEnum().WithMessage("Choose one of the statuses listed.");

        // A status is recorded when it takes effect: the registry's lists follow the member's status today.
        RuleFor(f => f.EffectiveOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the date the status takes effect.")
            .Must(d => d!.Value.Year >= Member.FirstJoinedYear).WithMessage($"Enter a date from {Member.FirstJoinedYear} on.")
            .Must(d => d!.Value <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("Record a status once it takes effect; this date is in the future.");
        RuleFor(f => f.Reason).MaximumLength(Limits.Reason).WithMessage($"The reason has at most {Limits.Reason} characters.");
    }
}
