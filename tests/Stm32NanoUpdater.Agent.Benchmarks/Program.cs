using System.Globalization;
using Stm32NanoUpdater.Agent.Benchmarks;
using Stm32NanoUpdater.Agent.Staging;
using Stm32NanoUpdater.Agent.Storage;
using Stm32NanoUpdater.Agent.Transport;
using Stm32NanoUpdater.Agent.Update;
using Stm32NanoUpdater.Host.Crypto;
using Stm32NanoUpdater.Host.Keys;
using Stm32NanoUpdater.Host.Signing;
using Stm32NanoUpdater.Image;
using Stm32NanoUpdater.Simulation.Nor;
using Stm32NanoUpdater.Simulation.Rtc;
using Stm32NanoUpdater.Simulation.Time;

// Managed memory of the agent's staging path, measured with GC.GetAllocatedBytesForCurrentThread on .NET (the same
// portable code runs on the device). The transport serves from memory without allocating, so the figures are the
// agent's. "Download loop" = RangeDownloader into SlotWriter (network reads, flash programs, hashing, checkpoints);
// "whole Stage" adds the header-first probe, read-back verification and the request (the host's ECDSA verifier, which
// stands in for the device's native one, is measured apart and left out).
const int MiB = 1024 * 1024;
const string Url = "http://bench.test/app.bin";
var key = EcdsaP256SigningKey.Generate();
var trusted = new[] { key.PublicKey.TrustedKey };
int[] payloadSizes = [256 * 1024, MiB];
var options = new AgentOptions();

Measure(Sign(16 * 1024, 0)); // warm-up: JIT, static tables, first-touch allocations

Console.WriteLine("Stm32NanoUpdater agent memory (W25Q128JV model, chunk {0} KiB, work buffer {1} B)", options.Download.ChunkSize / 1024, options.BufferSize);
Console.WriteLine();
Console.WriteLine("{0,10} {1,12} {2,16} {3,12} {4,16} {5,12} {6,9} {7,14}", "payload", "image span", "loop allocated", "loop B/MiB",
    "Stage allocated", "Stage B/MiB", "requests", "simulated ms");
var results = new List<Result>();
foreach (int size in payloadSizes)
{
    Result r = Measure(Sign(size, size));
    results.Add(r);
    Console.WriteLine("{0,10} {1,12} {2,16} {3,12:F0} {4,16} {5,12:F0} {6,9} {7,14:F0}", size, r.Span, r.LoopBytes, r.LoopPerMiB,
        r.StageBytes, r.StagePerMiB, r.Requests, r.SimulatedMs);
}

Result small = results[0];
Result large = results[^1];
Console.WriteLine();
Console.WriteLine("ratio {0} KiB image / {1} KiB image (baseline): loop B/MiB x{2:F2}, Stage B/MiB x{3:F2}  (<= 1: no per-chunk garbage)",
    large.Span / 1024, small.Span / 1024, Ratio(large.LoopPerMiB, small.LoopPerMiB), Ratio(large.StagePerMiB, small.StagePerMiB));

List<(string Owner, int Bytes)> buffers = FixedBuffers.Find(large.Agent);
Console.WriteLine();
Console.WriteLine("fixed buffers held by the agent: {0} arrays, {1} bytes in total", buffers.Count, buffers.Sum(b => b.Bytes));
foreach (var (owner, bytes) in buffers.OrderByDescending(b => b.Bytes).Take(6))
{
    Console.WriteLine("  {0,6} B  {1}", bytes, owner);
}

Console.WriteLine("largest buffer: {0} bytes ({1})", buffers.Max(b => b.Bytes), buffers.MaxBy(b => b.Bytes).Owner);
return 0;

static double Ratio(double a, double b) => b == 0 ? (a == 0 ? 1 : double.PositiveInfinity) : a / b;

SignedFile Sign(int payloadSize, int seed)
{
    string dir = Directory.CreateTempSubdirectory("agent-bench").FullName;
    try
    {
        var payload = new byte[payloadSize];
        new Random(seed).NextBytes(payload);
        File.WriteAllBytes(Path.Combine(dir, "in.bin"), payload);
        SignResult result = ImageSigner.Sign(Path.Combine(dir, "in.bin"), Path.Combine(dir, "out.bin"), key, new SignOptions
        {
            Version = ImageVersion.Parse("1.0.0"),
            HeaderSize = 0x200,
            PadHeader = true,
            LoadAddress = NorLayout.DeploymentRegionStart,
        });
        return new SignedFile(File.ReadAllBytes(Path.Combine(dir, "out.bin")), result.Digest, (int)result.ImageSpan,
            result.Header.TlvOffset + result.Header.ProtectedTlvSize, result.Header.TlvOffset);
    }
    finally
    {
        Directory.Delete(dir, recursive: true);
    }
}

Result Measure(SignedFile image)
{
    // The chip model keeps the storage of sectors once written, so each measurement is a second pass over a slot the
    // first pass already touched: what is counted is the agent, not the simulated flash's memory.
    var clock = new VirtualClock();
    var chip = new SpiNorChipModel(NorChipProfile.W25Q128JV, clock) { KeepOperationLog = false };
    var flash = new SpiNorFlash(chip, clock);
    var transport = new ReusedResponseTransport(image.Bytes, options.Download.ChunkSize);
    var buffer = new byte[options.BufferSize];
    var downloader = new RangeDownloader(transport, clock, options.Download, buffer);
    var progress = new DownloadProgress(flash, ImageKind.Deployment);
    var writer = new SlotWriter(flash, ImageKind.Deployment, new Sha256(), progress);
    long loopBytes = 0;
    for (int pass = 0; pass < 2; pass++)
    {
        progress.Begin(image.Digest, image.Span);
        writer.Open(image.Span, image.HashedLength, 0, buffer);
        var file = new RemoteFile(Url, -1, null);
        long start = GC.GetAllocatedBytesForCurrentThread();
        DownloadStatus status = downloader.Download(file, 0, image.Span, writer);
        loopBytes = GC.GetAllocatedBytesForCurrentThread() - start;
        if (status != DownloadStatus.Completed)
        {
            throw new InvalidOperationException("benchmark download failed: " + downloader.LastError);
        }
    }

    // The whole Stage, the same way: the second of two stagings on one board.
    var stageClock = new VirtualClock();
    var stageChip = new SpiNorChipModel(NorChipProfile.W25Q128JV, stageClock) { KeepOperationLog = false };
    var stageTransport = new ReusedResponseTransport(image.Bytes, options.Download.ChunkSize);
    stageTransport.Prepare(0, ImageHeader.Size - 1);
    stageTransport.Prepare(image.TlvOffset, image.Bytes.Length - 1);
    var verifier = new MeasuredVerifier(new DotNetSignatureVerifier());
    var agent = new UpdateAgent(new SpiNorFlash(stageChip, stageClock), stageTransport, verifier, trusted,
        stageClock, new RtcBackupRegisters(), new NoReboot(), options);
    long stageBytes = 0;
    long startMicroseconds = 0;
    int requestsBefore = 0;
    for (int pass = 0; pass < 2; pass++)
    {
        startMicroseconds = stageClock.NowMicroseconds;
        requestsBefore = stageTransport.Requests;
        long start = GC.GetAllocatedBytesForCurrentThread();
        long verifierBefore = verifier.AllocatedBytes;
        UpdateResult result = agent.Stage(new UpdateOffer(Url));
        stageBytes = GC.GetAllocatedBytesForCurrentThread() - start - (verifier.AllocatedBytes - verifierBefore);
        if (result.Status != UpdateStatus.Staged)
        {
            throw new InvalidOperationException("benchmark stage failed: " + result);
        }
    }

    double mib = (double)image.Span / MiB;
    return new Result(image.Span, loopBytes, loopBytes / mib, stageBytes, stageBytes / mib, stageTransport.Requests - requestsBefore,
        (stageClock.NowMicroseconds - startMicroseconds) / 1000.0, agent);
}

internal sealed record SignedFile(byte[] Bytes, byte[] Digest, int Span, int HashedLength, int TlvOffset);

internal sealed record Result(int Span, long LoopBytes, double LoopPerMiB, long StageBytes, double StagePerMiB, int Requests,
    double SimulatedMs, UpdateAgent Agent);

internal sealed class MeasuredVerifier(ISignatureVerifier inner) : ISignatureVerifier
{
    public long AllocatedBytes { get; private set; }

    public bool VerifyEcdsaP256(byte[] publicKeyXY, byte[] digest, byte[] signatureRS) =>
        Measure(() => inner.VerifyEcdsaP256(publicKeyXY, digest, signatureRS));

    public bool VerifyEd25519(byte[] publicKey, byte[] message, int offset, int count, byte[] signature) =>
        Measure(() => inner.VerifyEd25519(publicKey, message, offset, count, signature));

    private bool Measure(Func<bool> verify)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool valid = verify();
        AllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - before;
        return valid;
    }
}

internal sealed class NoReboot : Stm32NanoUpdater.Agent.Platform.IRebooter
{
    public void Reboot()
    {
    }
}
