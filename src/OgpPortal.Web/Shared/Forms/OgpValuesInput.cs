using OgpPortal.Domain.Commitments;

namespace OgpPortal.Web.Shared.Forms;

/// <summary>A form that asks for OGP values as four checkboxes (commitments, IRM assessments, Challenge entries).</summary>
public interface IOgpValuesInput
{
    bool AccessToInformation { get; set; }

    bool CivicParticipation { get; set; }

    bool PublicAccountability { get; set; }

    bool TechnologyAndInnovation { get; set; }
}

public static class OgpValuesInput
{
    /// <summary>The ticked boxes as flags.</summary>
    public static OgpValues Checked(this IOgpValuesInput form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return (form.AccessToInformation ? OgpValues.AccessToInformation : OgpValues.None)
            | (form.CivicParticipation ? OgpValues.CivicParticipation : OgpValues.None)
            | (form.PublicAccountability ? OgpValues.PublicAccountability : OgpValues.None)
            | (form.TechnologyAndInnovation ? OgpValues.TechnologyAndInnovation : OgpValues.None);
    }

    /// <summary>Ticks the boxes of the given flags.</summary>
    public static T Tick<T>(this T form, OgpValues values)
        where T : IOgpValuesInput
    {
        ArgumentNullException.ThrowIfNull(form);
        form.AccessToInformation = values.HasFlag(OgpValues.AccessToInformation);
        form.CivicParticipation = values.HasFlag(OgpValues.CivicParticipation);
        form.PublicAccountability = values.HasFlag(OgpValues.PublicAccountability);
        form.TechnologyAndInnovation = values.HasFlag(OgpValues.TechnologyAndInnovation);
        return form;
    }
}
