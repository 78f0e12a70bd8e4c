using System.Globalization;

namespace Stm32NanoUpdater.Host;

/// <summary>Integer options written the way imgtool accepts them (Python int(value, 0)): 4096, 0x1000, 0o10000, 0b1.</summary>
public static class Integers
{
    public static bool TryParse(string text, out ulong value)
    {
        value = 0;
        string digits = text.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
        int radix = 10;
        if (digits.Length > 2 && digits[0] == '0')
        {
            radix = char.ToLowerInvariant(digits[1]) switch { 'x' => 16, 'o' => 8, 'b' => 2, _ => 10 };
            if (radix != 10)
            {
                digits = digits[2..];
            }
        }

        if (digits.Length == 0)
        {
            return false;
        }

        if (radix == 10)
        {
            // Python rejects leading zeros in decimal literals ("010"), and so do we.
            return (digits.Length == 1 || digits[0] != '0') &&
                ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        try
        {
            value = Convert.ToUInt64(digits, radix);
            return !digits.StartsWith('-');
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Parses and range-checks; the message names the option.</summary>
    public static ulong Parse(string text, string option, ulong min, ulong max)
    {
        if (!TryParse(text, out ulong value))
        {
            throw new InputException($"{option}: '{text}' is not an integer (use 4096, 0x1000, 0o10000 or 0b1...)");
        }

        if (value < min || value > max)
        {
            throw new InputException($"{option}: {text} is out of range ({min}..{max})");
        }

        return value;
    }
}
