using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Host.Signing;

/// <summary>The --security-counter option: a u32 or "auto" (imgtool: major &lt;&lt; 24 | minor &lt;&lt; 16 | revision).</summary>
public static class SecurityCounter
{
    public const string Auto = "auto";

    public static uint Resolve(string text, ImageVersion version)
    {
        if (string.Equals(text.Trim(), Auto, StringComparison.OrdinalIgnoreCase))
        {
            return ((uint)version.Major << 24) + ((uint)version.Minor << 16) + version.Revision;
        }

        return (uint)Integers.Parse(text, "--security-counter", 0, uint.MaxValue);
    }
}
