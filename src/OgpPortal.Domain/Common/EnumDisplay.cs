using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace OgpPortal.Domain.Common;

/// <summary>The name people read for an enum value: its <see cref="DisplayAttribute"/> name, else the value's name.</summary>
public static class EnumDisplay
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static string Name(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Names.GetOrAdd(value, v =>
            v.GetType().GetField(v.ToString())?.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? v.ToString());
    }

    /// <summary>The display names of the flags set in a [Flags] value, in declaration order.</summary>
    public static IReadOnlyList<string> Flags<T>(T value)
        where T : struct, Enum => Flags((Enum)value);

    /// <summary>The display names of the flags set in a [Flags] value of any enum type, in declaration order.</summary>
    public static IReadOnlyList<string> Flags(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Enum.GetValues(value.GetType()).Cast<Enum>()
            .Where(flag => Convert.ToInt64(flag, System.Globalization.CultureInfo.InvariantCulture) != 0 && value.HasFlag(flag))
            .Select(Name)
            .ToList();
    }
}
