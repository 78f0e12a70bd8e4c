using Microsoft.Win32.SafeHandles;
using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Host.Inspection;

/// <summary>An <see cref="IByteSource"/> over a file, read with positional reads (no whole-file buffer).</summary>
public sealed class FileByteSource : IByteSource, IDisposable
{
    private readonly SafeFileHandle _handle;

    public FileByteSource(string path, string displayName)
    {
        try
        {
            _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            long length = RandomAccess.GetLength(_handle);
            if (length > int.MaxValue)
            {
                _handle.Dispose();
                throw new InputException($"{displayName} is larger than 2 GiB: not an MCUboot image");
            }

            Length = (int)length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InputException($"cannot read {displayName}: {Keys.KeyFile.Reason(e)}");
        }
    }

    public int Length { get; }

    public void Read(int position, byte[] buffer, int offset, int count)
    {
        Span<byte> destination = buffer.AsSpan(offset, count);
        while (!destination.IsEmpty)
        {
            int read = RandomAccess.Read(_handle, destination, position);
            if (read == 0)
            {
                throw new IOException($"file ended at {position} while {destination.Length} more bytes were expected");
            }

            destination = destination[read..];
            position += read;
        }
    }

    public void Dispose() => _handle.Dispose();
}
