namespace Stm32NanoUpdater.Host.Keys;

/// <summary>The key types `nanoupdate keygen -t` creates, named as imgtool names them.</summary>
public static class KeyType
{
    public const string EcdsaP256 = "ecdsa-p256";
    public const string Ed25519 = "ed25519";

    public static readonly string[] All = [EcdsaP256, Ed25519];
}
