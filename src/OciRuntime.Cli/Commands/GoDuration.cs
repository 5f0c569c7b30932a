using System.Globalization;
using OciRuntime.Cli.Args;

namespace OciRuntime.Cli.Commands;

/// <summary>Durations as Go's time.ParseDuration writes them and runc's flags take them: "5s", "1m30s", "250ms", "1.5h".</summary>
public static class GoDuration
{
    private static readonly (string Unit, double Milliseconds)[] Units =
        [("ns", 1e-6), ("us", 1e-3), ("µs", 1e-3), ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)];

    /// <exception cref="UsageException">Not a duration.</exception>
    public static TimeSpan Parse(string text, string flag)
    {
        double total = 0;
        int i = 0;
        if (text is "0") return TimeSpan.Zero;
        while (i < text.Length)
        {
            int start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
            if (start == i || !double.TryParse(text[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number))
                throw new UsageException($"{flag}: invalid duration \"{text}\"");
            var unit = Units.Where(u => text.AsSpan(i).StartsWith(u.Unit, StringComparison.Ordinal)).MaxBy(u => u.Unit.Length);
            if (unit.Unit is null) throw new UsageException($"{flag}: missing or unknown unit in duration \"{text}\"");
            total += number * unit.Milliseconds;
            i += unit.Unit.Length;
        }
        if (text.Length == 0) throw new UsageException($"{flag}: invalid duration \"\"");
        return TimeSpan.FromMilliseconds(total);
    }
}
