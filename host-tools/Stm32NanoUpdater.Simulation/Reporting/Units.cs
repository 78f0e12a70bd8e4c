using System.Globalization;

namespace Stm32NanoUpdater.Simulation.Reporting;

/// <summary>Numbers as reports print them: bytes in B/KiB/MiB, seconds with sensible precision, invariant culture.</summary>
public static class Units
{
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.00", CultureInfo.InvariantCulture) + " MiB",
    };

    public static string Seconds(double seconds) => seconds switch
    {
        < 0.001 => "0 s",
        < 10 => seconds.ToString("0.000", CultureInfo.InvariantCulture) + " s",
        _ => seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
    };

    public static string Count(long count) => count == 0 ? "–" : count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"programs / erases", or a dash when both are 0.</summary>
    public static string Pair(long first, long second) => first + second == 0
        ? "–"
        : first.ToString("N0", CultureInfo.InvariantCulture) + " / " + second.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";
}
