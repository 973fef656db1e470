namespace OgpPortal.IntegrationTests.Support;

/// <summary>A value an attacker, a broken client or a careless paste might send, with a short name for reports.</summary>
public sealed record Hostile(string Label, string Value)
{
    public override string ToString() => Label;
}

/// <summary>Hostile values for each kind of form field, chosen by the field's input type.</summary>
public static class HostileValues
{
    public const string ScriptMarker = "window.__xss=1";

    public static readonly IReadOnlyList<Hostile> Text =
    [
        new("100k characters", string.Concat(Enumerable.Repeat("Ωx<", 33_334))),
        new("control characters", "a\u0000b\u0007c\u001bd\uFFFFe\u202Ef"),
        new("right-to-left and emoji", "مرحبا بالعالم שלום \u202Egnp.exe 👩‍👩‍👧‍👦🏳️‍🌈"),
        new("script tag", $"<script>{ScriptMarker};alert(1)</script>"),
        new("img onerror", "<img src=x onerror=alert(1)>"),
        new("attribute break-out", "\"><svg onload=alert(1)>"),
        new("javascript: URL", "javascript:alert(1)"),
        new("SQL OR", "' OR 1=1 --"),
        new("SQL DROP", "\"; DROP TABLE Commitments; --"),
        new("blank", "  \t "),
        new("markdown link", "[click](javascript:alert(1)) <a href=\"javascript:alert(1)\">x</a>"),
    ];

    public static readonly IReadOnlyList<Hostile> Number =
    [
        new("huge number", "99999999999999999999999999"),
        new("below int", "-2147483649"),
        new("NaN", "NaN"),
        new("infinity", "1e309"),
        new("negative", "-1"),
        new("hex", "0x1F"),
        new("full-width digits", "１２"),
    ];

    public static readonly IReadOnlyList<Hostile> Date =
    [
        new("month 13", "2024-13-45"),
        new("31 February", "31/02/2024"),
        new("year 99999", "99999-01-01"),
        new("zero date", "0000-00-00"),
        new("words", "yesterday"),
    ];

    public static readonly IReadOnlyList<Hostile> Url =
    [
        new("javascript: URL", "javascript:alert(1)"),
        new("scheme only", "http://"),
        new("spaces and tags", "http://exa mple.org/<x>"),
        new("open bracket", "http://[::1"),
        new("data URL", "data:text/html,<script>alert(1)</script>"),
    ];

    public static readonly IReadOnlyList<Hostile> Email =
    [
        new("no domain", "a@"),
        new("script address", "<script>@example.org"),
        new("5000-character address", new string('a', 5000) + "@example.org"),
        new("two addresses", "a@example.org, b@example.org"),
    ];

    public static readonly IReadOnlyList<Hostile> Choice =
    [
        new("not an option", "not-an-option"),
        new("negative choice", "-1"),
        new("huge choice", "99999999999"),
        new("script choice", "<script>alert(1)</script>"),
    ];

    public static readonly IReadOnlyList<Hostile> Checkbox =
    [
        new("checkbox maybe", "maybe"),
        new("checkbox control character", "true\u0000"),
    ];

    public static readonly IReadOnlyList<Hostile> Hidden =
    [
        new("hidden huge number", "99999999999999999999"),
        new("hidden negative", "-1"),
        new("hidden script", "<script>alert(1)</script>"),
        new("hidden base64 garbage", "AAAA===="),
        new("hidden SQL", "' OR 1=1 --"),
    ];

    /// <summary>The <paramref name="index"/>th hostile value for a field of this kind, cycling through the list.</summary>
    public static Hostile For(FormField field, int index)
    {
        ArgumentNullException.ThrowIfNull(field);
        var values = field.Kind switch
        {
            "number" or "range" => Number,
            "date" or "datetime-local" or "month" or "week" or "time" => Date,
            "url" => Url,
            "email" => Email,
            "select" or "radio" => Choice,
            "checkbox" => Checkbox,
            "hidden" => Hidden,
            _ => Text,
        };
        return values[index % values.Count];
    }
}
