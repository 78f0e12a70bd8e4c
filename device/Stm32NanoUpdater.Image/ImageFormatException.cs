using System;

namespace Stm32NanoUpdater.Image
{
    /// <summary>
    /// The one exception the library throws for malformed input: a bad magic, a length that runs past its area, a DER
    /// structure that is not strict DER. Anything else escaping the parser is a bug.
    /// </summary>
    public class ImageFormatException : Exception
    {
        public ImageFormatException(RejectReason reason, string message) : base(message)
        {
            Reason = reason;
        }

        public RejectReason Reason { get; }
    }
}
