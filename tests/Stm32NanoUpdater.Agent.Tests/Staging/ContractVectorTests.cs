using System.Globalization;
using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Agent.Tests.Infrastructure;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Simulation.Nor;

namespace Stm32NanoUpdater.Agent.Tests.Staging;

/// <summary>The agent's side of the update contract against tests/vectors/update-contract.vectors.</summary>
public class ContractVectorTests
{
    public static IEnumerable<object[]> JournalVectors => ContractVectors.Named("journal.");

    public static IEnumerable<object[]> RecordTrailerVectors => ContractVectors.Named("record_trailer.");

    [Theory]
    [MemberData(nameof(JournalVectors))]
    public void Journal_records_decode_as_the_vectors_say(string name)
    {
        byte[] bytes = ContractVectors.Bytes(name);
        string expect = ContractVectors.Expect(name);
        JournalRecord? record = JournalRecord.Decode(bytes, 0);

        if (expect is "TORN" or "BLANK")
        {
            Assert.Null(record);
            Assert.Equal(expect == "BLANK", JournalRecord.IsBlank(bytes, 0));
            return;
        }

        string[] fields = expect.Split(',');
        Assert.NotNull(record);
        Assert.Equal(Convert.ToInt32(fields[0], 16), record.Type);
        Assert.Equal(int.Parse(fields[1], CultureInfo.InvariantCulture), (int)record.Kind);
        Assert.Equal(uint.Parse(fields[2], CultureInfo.InvariantCulture), record.Arg0);
        Assert.Equal(uint.Parse(fields[3], CultureInfo.InvariantCulture), record.Arg1);
        Assert.Equal(fields[4], Convert.ToHexStringLower(record.DigestPrefix));

        // The encoder writes the same 32 bytes back.
        var encoded = new byte[JournalRecord.Size];
        record.Encode(encoded, 0);
        Assert.Equal(bytes, encoded);
    }

    [Fact]
    public void The_installed_record_vector_reads_back_field_by_field()
    {
        var (chip, flash) = Flashes.W25Q128JV();
        WriteRecordSector(chip, ContractVectors.Bytes("record.body"), ContractVectors.Bytes("record_trailer.test_pending"));

        InstalledRecord? record = InstalledRecord.Read(flash, ImageKind.NanoClr);

        // expect = header size, TLV bytes, load address, image size, version, sha256
        string[] expect = ContractVectors.Expect("record.body").Split(',');
        Assert.NotNull(record);
        Assert.Equal(int.Parse(expect[0], CultureInfo.InvariantCulture), record.Header.HeaderSize);
        Assert.Equal(Convert.ToUInt32(expect[2], 16), record.Header.LoadAddress);
        Assert.Equal(uint.Parse(expect[3], CultureInfo.InvariantCulture), record.Header.ImageSize);
        Assert.Equal(expect[4], record.Header.Version.ToString());
        Assert.Equal(expect[5], Convert.ToHexStringLower(record.Digest));
        Assert.Equal(RecordTrailerState.TestPending, record.State);
        Assert.Equal(0u, record.SecurityCounter);
        int tlvBytes = (int)BitConverter.ToUInt32(ContractVectors.Bytes("record.body"), 8);
        Assert.Equal(int.Parse(expect[1], CultureInfo.InvariantCulture), tlvBytes);
    }

    [Fact]
    public void A_record_with_a_bad_CRC_is_absent()
    {
        Assert.Equal("INVALID", ContractVectors.Expect("record.body_bad_crc"));
        var (chip, flash) = Flashes.W25Q128JV();
        WriteRecordSector(chip, ContractVectors.Bytes("record.body_bad_crc"), ContractVectors.Bytes("record_trailer.confirmed"));

        Assert.Null(InstalledRecord.Read(flash, ImageKind.NanoClr));
    }

    [Theory]
    [MemberData(nameof(RecordTrailerVectors))]
    public void The_record_trailer_decides_the_records_state(string name)
    {
        var (chip, flash) = Flashes.W25Q128JV();
        WriteRecordSector(chip, ContractVectors.Bytes("record.body"), ContractVectors.Bytes(name));

        InstalledRecord? record = InstalledRecord.Read(flash, ImageKind.NanoClr);

        string state = record is null ? "ABSENT" : SwapTrailer.Describe(record.State);
        Assert.Equal(ContractVectors.Expect(name), state);
    }

    [Fact]
    public void Confirm_turns_the_test_pending_trailer_into_the_confirmed_vector()
    {
        var (chip, flash) = Flashes.W25Q128JV();
        WriteRecordSector(chip, ContractVectors.Bytes("record.body"), ContractVectors.Bytes("record_trailer.test_pending"));

        Assert.True(InstalledRecord.Confirm(flash, ImageKind.NanoClr));

        Assert.Equal(ContractVectors.Bytes("record_trailer.confirmed"), chip.Peek(0x3000 - SwapTrailer.Size, SwapTrailer.Size));
        Assert.False(InstalledRecord.Confirm(flash, ImageKind.NanoClr)); // nothing left to confirm
    }

    [Theory]
    [InlineData(false, "trailer.test")]
    [InlineData(true, "trailer.permanent")]
    public void The_request_writer_produces_the_trailer_vectors(bool permanent, string vector)
    {
        var (chip, flash) = Flashes.W25Q128JV();

        StagingRequest.Write(flash, ImageKind.Deployment, permanent);

        Assert.Equal(ContractVectors.Bytes(vector), chip.Peek(NorLayout.RequestTrailer(ImageKind.Deployment), SwapTrailer.Size));
        Assert.Equal(ContractVectors.Expect(vector), SwapTrailer.Describe(StagingRequest.Read(flash, ImageKind.Deployment)));
    }

    [Fact]
    public void The_request_is_image_ok_first_and_the_magic_last()
    {
        var (chip, flash) = Flashes.W25Q128JV();
        int before = chip.OperationCount;

        StagingRequest.Write(flash, ImageKind.NanoClr, permanent: true);

        var programs = chip.Operations.Skip(before).ToArray();
        int trailer = NorLayout.RequestTrailer(ImageKind.NanoClr);
        Assert.Equal([(trailer + 24L, 1), (trailer + 32L, 16)], programs.Select(o => (o.Address, o.Length)));
    }

    [Fact]
    public void A_new_request_over_a_consumed_one_erases_the_trailer_sector_first()
    {
        var (chip, flash) = Flashes.W25Q128JV();
        StagingRequest.Write(flash, ImageKind.NanoClr, permanent: false);
        SwapStageEmulation.ConsumeRequest(chip, ImageKind.NanoClr);
        Assert.Equal(ContractVectors.Bytes("trailer.consumed_test"), chip.Peek(NorLayout.RequestTrailer(ImageKind.NanoClr), SwapTrailer.Size));

        StagingRequest.Write(flash, ImageKind.NanoClr, permanent: false);

        Assert.Equal(ContractVectors.Bytes("trailer.test"), chip.Peek(NorLayout.RequestTrailer(ImageKind.NanoClr), SwapTrailer.Size));
    }

    private static void WriteRecordSector(SpiNorChipModel chip, byte[] body, byte[] trailer)
    {
        chip.Poke(0x2000, body);
        chip.Poke(0x3000 - SwapTrailer.Size, trailer);
    }
}
