using Stm32NanoUpdater.Host.Crypto;
using Stm32NanoUpdater.Host.IntelHex;
using Stm32NanoUpdater.Host.Keys;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Host.Inspection;

/// <summary>
/// Reads an image file (binary, or Intel HEX by extension) and verifies it with the device library's
/// <see cref="ImageVerifier"/> — the same code the board runs — over .NET SHA-256 and signature primitives.
/// </summary>
public static class ImageInspector
{
    public static ImageReport Inspect(string path, IReadOnlyList<PublicKey> keys)
    {
        using HexImage? hex = Signing.ImageSigner.IsHex(path) ? IntelHexReader.Read(path) : null;
        using var source = new FileByteSource(hex?.BinaryPath ?? path, path);
        using var sha = new DotNetSha256();
        TrustedKey[] trusted = keys.Select(k => k.TrustedKey).ToArray();
        var verifier = new ImageVerifier(trusted, keys.Count > 0 ? new DotNetSignatureVerifier() : null, sha,
            new byte[64 * 1024]);
        VerificationResult result = verifier.Verify(source, source.Length);

        var values = new List<byte[]>();
        for (int i = 0; i < (result.Tlvs?.Count ?? 0); i++)
        {
            values.Add(result.Tlvs!.GetEntry(i).ReadData(source));
        }

        PublicKey? named = result.KeyHash is null ? null :
            keys.FirstOrDefault(k => k.TrustedKey.HasKeyHash(result.KeyHash, 0, result.KeyHash.Length));
        return new ImageReport
        {
            Path = path,
            FileLength = source.Length,
            Result = result,
            TlvValues = values,
            Trailer = result.Tlvs is null ? null : ReadTrailer(source, result.ImageSpan),
            NamedKey = named,
            HexBaseAddress = hex?.BaseAddress,
            SignatureChecked = keys.Count > 0,
        };
    }

    private static TrailerReport? ReadTrailer(FileByteSource source, int span)
    {
        if (source.Length - span < SwapTrailer.Size)
        {
            return null;
        }

        byte[] trailer = new byte[SwapTrailer.Size];
        int trailerStart = source.Length - SwapTrailer.Size;
        source.Read(trailerStart, trailer, 0, trailer.Length);
        bool erased = true;
        byte[] chunk = new byte[64 * 1024];
        for (int position = span; position < trailerStart && erased; position += chunk.Length)
        {
            int count = Math.Min(chunk.Length, trailerStart - position);
            source.Read(position, chunk, 0, count);
            erased = chunk.AsSpan(0, count).IndexOfAnyExcept(SwapTrailer.Erased) < 0;
        }

        return new TrailerReport
        {
            MagicGood = SwapTrailer.HasGoodMagic(trailer, 0),
            ImageOk = trailer[SwapTrailer.ImageOkOffset],
            CopyDone = trailer[SwapTrailer.CopyDoneOffset],
            Request = SwapTrailer.DecideRequest(trailer, 0),
            PaddingLength = trailerStart - span,
            PaddingErased = erased,
        };
    }
}
