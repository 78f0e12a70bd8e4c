using Stm32NanoUpdater.Host.IntelHex;
using Stm32NanoUpdater.Tests.Support;
using Xunit;

namespace Stm32NanoUpdater.Host.Tests;

/// <summary>The Intel HEX writer's record layout (python intelhex, as imgtool uses it) and the reader.</summary>
public class IntelHexTests
{
    private static string Write(uint maxAddress, params (uint Address, byte[] Data)[] segments)
    {
        var text = new StringWriter();
        var writer = new IntelHexWriter(text, maxAddress);
        foreach ((uint address, byte[] data) in segments)
        {
            writer.Write(address, data);
        }

        writer.Finish();
        return text.ToString();
    }

    [Fact]
    public void SmallAddressesNeedNoExtendedAddressRecords()
    {
        string hex = Write(0x12, (0x0, Enumerable.Range(0, 0x13).Select(i => (byte)i).ToArray()));
        Assert.Equal(":10000000000102030405060708090A0B0C0D0E0F78\n:03001000101112BA\n:00000001FF\n", hex);
    }

    [Fact]
    public void RecordsStartWhereTheDataStartsAndStopAtHolesAndPageBoundaries()
    {
        string hex = Write(0x0801000F,
            (0x0800FFF8, new byte[12]), // crosses into the next 64 KiB page after 8 bytes
            (0x0801000A, new byte[] { 0xAA, 0xBB })); // after a hole
        string[] lines = hex.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            ":020000040800F2",
            ":08FFF800000000000000000001",
            ":020000040801F1",
            ":0400000000000000FC",
            ":02000A00AABB8F",
            ":00000001FF",
        ], lines);
    }

    [Fact]
    public void ChunkedWritesProduceTheSameRecordsAsOneWrite()
    {
        byte[] data = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        string whole = Write(0x20000 + 999, (0x20000, data));
        var text = new StringWriter();
        var writer = new IntelHexWriter(text, 0x20000 + 999);
        for (int offset = 0; offset < data.Length; offset += 37)
        {
            int count = Math.Min(37, data.Length - offset);
            writer.Write((uint)(0x20000 + offset), data.AsSpan(offset, count));
        }

        writer.Finish();
        Assert.Equal(whole, text.ToString());
    }

    [Fact]
    public void ReadsBackWithGapsFilledErased()
    {
        using var directory = new TempDirectory();
        string path = directory.File("x.hex");
        File.WriteAllText(path, Write(0x08020003, (0x0801FFFE, new byte[] { 1, 2, 3, 4 }), (0x08020002, new byte[] { 9, 8 })));
        using HexImage image = IntelHexReader.Read(path);
        Assert.Equal(0x0801FFFEu, image.BaseAddress);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 9, 8 }, File.ReadAllBytes(image.BinaryPath));

        File.WriteAllText(path, Write(0x30, (0x10, new byte[] { 1 }), (0x20, new byte[] { 2 })));
        using HexImage gapped = IntelHexReader.Read(path);
        byte[] expected = Enumerable.Repeat((byte)0xFF, 0x11).ToArray();
        expected[0] = 1;
        expected[0x10] = 2;
        Assert.Equal(expected, File.ReadAllBytes(gapped.BinaryPath));
    }

    [Theory]
    [InlineData(":10000000000102030405060708090A0B0C0D0E0F78\n", "no end-of-file record")]
    [InlineData("garbage\n:00000001FF\n", "x.hex:1: not an Intel HEX record")]
    [InlineData(":0100000000FE\n:00000001FF\n", "x.hex:1: checksum mismatch")]
    [InlineData(":0200000000FE\n:00000001FF\n", "record length 2 does not match its 1 data bytes")]
    [InlineData(":0100000001FE\n:0100000002FD\n:00000001FF\n", "address 0x00000000 is written twice")]
    [InlineData(":0100000601F8\n:00000001FF\n", "unknown record type 06")]
    [InlineData(":00000001FF\n", "holds no data")]
    [InlineData(":02000002100CE0\n:0100000001FE\n:020000040800F2\n:0100000001FE\n:00000001FF\n", "spans")]
    public void RejectsBrokenFilesWithTheLine(string content, string expected)
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("x.hex"), content);
        InputException error = Assert.Throws<InputException>(() => IntelHexReader.Read(directory.File("x.hex")));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RandomSegmentsRoundTrip()
    {
        var random = new Random(1234);
        using var directory = new TempDirectory();
        for (int round = 0; round < 20; round++)
        {
            uint address = (uint)random.Next(0, 0x7FFFFFFF);
            byte[] data = new byte[random.Next(1, 200_000)];
            random.NextBytes(data);
            string path = directory.File($"r{round}.hex");
            File.WriteAllText(path, Write(address + (uint)data.Length - 1, (address, data)));
            using HexImage image = IntelHexReader.Read(path);
            Assert.Equal(address, image.BaseAddress);
            Assert.Equal(data, File.ReadAllBytes(image.BinaryPath));
        }
    }
}
