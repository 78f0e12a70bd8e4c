namespace Stm32NanoUpdater.Agent.Update
{
    /// <summary>The probe's outcome: an image to stage, or why not.</summary>
    public sealed class ProbeResult
    {
        public ProbeResult(ProbedImage image, UpdateResult failure, bool fileChanged)
        {
            Image = image;
            Failure = failure;
            FileChanged = fileChanged;
        }

        /// <summary>Set when the image may be staged.</summary>
        public ProbedImage Image { get; }

        /// <summary>Set when it may not (rejected, already installed, unreachable).</summary>
        public UpdateResult Failure { get; }

        /// <summary>The file changed between the probe's requests: probe again.</summary>
        public bool FileChanged { get; }
    }
}
