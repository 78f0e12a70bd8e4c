using Stm32NanoUpdater.Agent.Transport;

namespace Stm32NanoUpdater.Agent.Tests.Transport;

public class ContentRangeTests
{
    [Theory]
    [InlineData("bytes 0-99/1234", 0, 99, 1234)]
    [InlineData("bytes 100-100/*", 100, 100, -1)]
    [InlineData("  BYTES 5-9/10 ", 5, 9, 10)]
    public void Parses_byte_ranges(string header, long first, long last, long total)
    {
        ContentRange? range = ContentRange.Parse(header);
        Assert.NotNull(range);
        Assert.Equal((first, last, total, last - first + 1), (range.First, range.Last, range.Total, range.Length));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bytes */1234")]
    [InlineData("items 0-1/2")]
    [InlineData("bytes 9-5/10")]
    [InlineData("bytes 0-10/10")]
    [InlineData("bytes -1-5/10")]
    [InlineData("bytes 0-5")]
    [InlineData("bytes 0x1-5/10")]
    [InlineData("bytes 1-99999999999999999999/1")]
    public void Rejects_anything_else(string? header)
    {
        Assert.Null(ContentRange.Parse(header!));
    }
}
