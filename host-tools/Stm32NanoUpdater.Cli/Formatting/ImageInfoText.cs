using System.Text;

namespace Stm32NanoUpdater.Cli.Formatting;

/// <summary>The human-readable `info` output.</summary>
public static class ImageInfoText
{
    public static string Format(ImageInfoModel info)
    {
        var text = new StringBuilder();
        void Line(string label, string value) => text.Append($"{label,-18}{value}\n");

        Line("file:", $"{info.File} ({info.FileSize} bytes{(info.HexBaseAddress is uint b ? $", Intel HEX at 0x{b:x8}" : string.Empty)})");
        if (info.Header is HeaderInfo h)
        {
            Line("version:", h.Version);
            Line("load address:", h.LoadAddress);
            Line("header size:", $"{h.HeaderSize} (0x{h.HeaderSize:x})");
            Line("payload size:", $"{h.ImageSize} (0x{h.ImageSize:x})");
            Line("flags:", h.FlagNames.Count == 0 ? h.Flags : $"{h.Flags} ({string.Join(", ", h.FlagNames)})");
            Line("protected TLVs:", $"{h.ProtectedTlvSize} bytes");
        }

        if (info.Tlvs.Count > 0)
        {
            text.Append("TLVs:\n");
            foreach (TlvInfo tlv in info.Tlvs)
            {
                text.Append($"  {tlv.Area,-12}{tlv.Type,-12}{tlv.Length,4}  {tlv.Value}\n");
            }
        }

        if (info.ImageSpan > 0)
        {
            Line("image span:", $"{info.ImageSpan} bytes (header + payload + TLVs)");
        }

        if (info.ComputedSha256 is not null)
        {
            Line("hash:", info.HashOk ? $"OK (sha256 {info.ComputedSha256})" : $"MISMATCH (computed sha256 {info.ComputedSha256})");
        }

        if (info.SecurityCounter is uint counter)
        {
            Line("security counter:", $"{counter} (0x{counter:x8})");
        }

        if (info.KeyHash is not null)
        {
            Line("key hash:", info.KeyHash + (info.SignerKeyFile is null ? string.Empty : $" ({info.SignerKeyType} key {info.SignerKeyFile})"));
        }

        Line("signature:", info.Signature + (info.Signature == "not checked" ? " (give -k key.pem to check it)" : string.Empty));
        Line("trailer:", info.Trailer is TrailerInfo t
            ? $"{t.Request} request (magic {(t.MagicGood ? "good" : "absent")}, image_ok {t.ImageOk}, copy_done {t.CopyDone}), " +
              $"{t.PaddingBytes} bytes of {(t.PaddingErased ? "erased" : "NON-ERASED")} padding"
            : "none (file ends with the image: not padded)");
        return text.ToString();
    }
}
