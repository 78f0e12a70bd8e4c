using Stm32NanoUpdater.Simulation.Images;
using Stm32NanoUpdater.Simulation.Network;

namespace Stm32NanoUpdater.Simulation.Demo;

/// <summary>What the demo prepared before the device boots: key, images, server, link, native libraries.</summary>
public sealed record DemoSetup(string KeyHash, SampleImages Images, string ServerUrl, LinkModel Link, uint StageAbiVersion);
