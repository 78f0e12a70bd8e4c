namespace Stm32NanoUpdater.Host.IntelHex;

/// <summary>
/// The data of an Intel HEX file laid out as one binary (gaps filled with 0xFF, as intelhex.tobinarray does) in a
/// temporary file, so a 16 MiB image never has to sit in a managed array. Deletes the file when disposed.
/// </summary>
public sealed class HexImage : IDisposable
{
    internal HexImage(uint baseAddress, string binaryPath)
    {
        BaseAddress = baseAddress;
        BinaryPath = binaryPath;
    }

    /// <summary>The lowest address with data (intelhex minaddr()).</summary>
    public uint BaseAddress { get; }

    public string BinaryPath { get; }

    public void Dispose()
    {
        try
        {
            File.Delete(BinaryPath);
        }
        catch (IOException)
        {
            // A temporary file left behind is not worth failing the command for.
        }
    }
}
