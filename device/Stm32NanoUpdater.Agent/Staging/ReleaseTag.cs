using Stm32NanoUpdater.Image;

namespace Stm32NanoUpdater.Agent.Staging
{
    /// <summary>
    /// The tag that binds the requests of one two-image release into a set (contract §3.1). It is made from both
    /// images' digests, so another release (another pair of images) gets another tag and a record left by an earlier
    /// release is never mistaken for this one's companion; it is never the erased value.
    /// </summary>
    public static class ReleaseTag
    {
        public static uint Of(byte[] nanoClrDigest, byte[] deploymentDigest)
        {
            uint tag = LittleEndian.ReadUInt32(nanoClrDigest, 0) ^ LittleEndian.ReadUInt32(deploymentDigest, 4);
            return tag == SwapTrailer.Untagged ? 0 : tag;
        }
    }
}
