using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Agent.Tests.Infrastructure;

/// <summary>An image as `nanoupdate sign` produced it, and what is known about it.</summary>
public sealed record SignedImage(byte[] Bytes, ImageHeader Header, byte[] Digest, int Span)
{
    /// <summary>Header size + image size: where the TLV areas start.</summary>
    public int TlvOffset => Header.TlvOffset;

    /// <summary>Bytes the SHA-256 covers: header, payload, protected TLVs.</summary>
    public int HashedLength => Header.TlvOffset + Header.ProtectedTlvSize;

    public byte[] WithByteFlipped(int offset)
    {
        byte[] copy = (byte[])Bytes.Clone();
        copy[offset] ^= 0x01;
        return copy;
    }
}
