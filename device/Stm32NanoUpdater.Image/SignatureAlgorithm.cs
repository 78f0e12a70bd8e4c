namespace Stm32NanoUpdater.Image
{
    /// <summary>The signature schemes an image may carry (TLV 0x22 and 0x24).</summary>
    public enum SignatureAlgorithm
    {
        EcdsaP256 = 1,
        Ed25519 = 2,
    }
}
