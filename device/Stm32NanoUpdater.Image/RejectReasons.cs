namespace Stm32NanoUpdater.Image
{
    /// <summary>Human-readable text for <see cref="RejectReason"/> (nanoFramework's Enum.ToString gives only the number).</summary>
    public static class RejectReasons
    {
        public static string Describe(RejectReason reason)
        {
            switch (reason)
            {
                case RejectReason.None: return "accepted";
                case RejectReason.BadLayout: return "bad header or TLV layout";
                case RejectReason.HashMismatch: return "hash mismatch";
                case RejectReason.KeyNotTrusted: return "key hash not trusted";
                case RejectReason.SignatureInvalid: return "signature invalid";
                case RejectReason.TooLarge: return "image larger than region or slot";
                case RejectReason.Downgrade: return "downgrade (security counter below the installed one)";
                case RejectReason.WrongLoadAddress: return "wrong load address (wrong board)";
                case RejectReason.CompanionRejected: return "a companion request in the same update was rejected";
                default: return "unknown reason " + ((int)reason).ToString();
            }
        }
    }
}
