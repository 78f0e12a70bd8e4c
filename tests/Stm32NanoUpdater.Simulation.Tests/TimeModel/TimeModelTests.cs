using Stm32NanoUpdater.Simulation.Device;
using Stm32NanoUpdater.Simulation.Images;
using Stm32NanoUpdater.Simulation.Mcu;
using Stm32NanoUpdater.Simulation.Network;
using Stm32NanoUpdater.Simulation.Nor;
using Stm32NanoUpdater.Simulation.Scenario;
using Stm32NanoUpdater.Simulation.Tests.Infrastructure;
using Stm32NanoUpdater.Simulation.TimeModel;

namespace Stm32NanoUpdater.Simulation.Tests.TimeModel;

public sealed class TimeModelTests(SmallEnvironment fixture) : IClassFixture<SmallEnvironment>
{
    private readonly SampleImages _images = fixture.Environment.Images;

    [Fact]
    public void The_floor_counts_only_sectors_whose_content_changes()
    {
        InternalFlashTimings timings = InternalFlashTimings.Typical;
        Assert.Equal(0, PhysicalFloor.InternalMicroseconds(_images.V1.Deployment, _images.V1.Deployment, timings));

        // Small images: the nanoCLR covers S2 and S3 (32 KiB each); every byte differs between builds.
        long clr = PhysicalFloor.InternalMicroseconds(_images.V1.NanoClr, _images.V2.NanoClr, timings);
        Assert.Equal(2 * timings.Erase32KMicroseconds + timings.ProgramMicroseconds(_images.V2.NanoClr.Payload.Length), clr);

        // The application update changes only the deployment region's first sector here (24 KiB fit in S7).
        long app = PhysicalFloor.InternalMicroseconds(_images.V1.Deployment, _images.V2.Deployment, timings);
        Assert.Equal(timings.Erase256KMicroseconds + timings.ProgramMicroseconds(_images.V2.Deployment.Payload.Length), app);
    }

    [Fact]
    public void The_link_and_nor_floors_follow_the_models()
    {
        SampleImage image = _images.V2.NanoClr;
        Assert.Equal(image.Span * 8L, PhysicalFloor.LinkMicroseconds([image], new LinkModel(1_000_000, 0, 0)));
        long pages = (image.Span + 255) / 256;
        long blocks = (image.Span + 65535) / 65536;
        Assert.Equal(pages * 400 + blocks * 150_000 + image.Span * 8L / 20,
            PhysicalFloor.NorProgrammingMicroseconds([image], NorChipProfile.W25Q128JV));
    }

    [Fact]
    public void Modeled_time_is_never_below_the_floor()
    {
        var server = new ReleaseServer();
        SimulatedDevice device = fixture.Environment.NewModeledDevice(new BoardHardware(), server);
        ScenarioTrace trace = ScenarioRunner.Run(fixture.Environment, device, server, takeSnapshots: false);
        TimeModelReport report = TimeModelReport.From(trace, LinkModel.Default, NorChipProfile.W25Q128JV, InternalFlashTimings.Typical);
        Assert.Equal(4, report.Rows.Count);
        Assert.All(report.Rows, row =>
        {
            Assert.True(row.FloorMicroseconds > 0, row.Phase);
            Assert.True(row.Ratio >= 1.0, $"{row.Phase}: {row.Ratio}");
            Assert.True(row.Ratio < 6, $"{row.Phase}: {row.Ratio}"); // the safety costs, but within reason
        });
    }
}
