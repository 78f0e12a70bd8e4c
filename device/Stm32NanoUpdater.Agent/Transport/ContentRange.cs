namespace Stm32NanoUpdater.Agent.Transport
{
    /// <summary>
    /// A parsed "Content-Range: bytes first-last/total" (total -1 for "*"), as in RFC 9110 §14.4. One instance is
    /// reused for every response, and parsing allocates nothing.
    /// </summary>
    public sealed class ContentRange
    {
        private const string Unit = "bytes ";

        public long First { get; private set; }

        /// <summary>Inclusive.</summary>
        public long Last { get; private set; }

        /// <summary>The complete representation's length, or -1 when the server did not say.</summary>
        public long Total { get; private set; }

        public long Length
        {
            get { return Last - First + 1; }
        }

        /// <summary>Parses a byte range; null for anything else (an unsatisfied range "*/total" included).</summary>
        public static ContentRange Parse(string header)
        {
            ContentRange range = new ContentRange();
            return range.TryParse(header) ? range : null;
        }

        /// <summary>Parses a byte range into this instance; false (fields unspecified) for anything else.</summary>
        public bool TryParse(string header)
        {
            if (header == null)
            {
                return false;
            }

            int start = 0;
            int end = header.Length;
            while (start < end && header[start] == ' ')
            {
                start++;
            }

            while (end > start && header[end - 1] == ' ')
            {
                end--;
            }

            if (end - start <= Unit.Length || !StartsWithUnit(header, start))
            {
                return false;
            }

            int dash = header.IndexOf('-', start + Unit.Length);
            int slash = header.IndexOf('/', start + Unit.Length);
            if (dash < 0 || slash < dash || slash >= end)
            {
                return false;
            }

            First = ParseNumber(header, start + Unit.Length, dash);
            Last = ParseNumber(header, dash + 1, slash);
            Total = slash + 2 == end && header[slash + 1] == '*' ? -1 : ParseNumber(header, slash + 1, end);
            return First >= 0 && Last >= First && (Total == -1 || (Total >= 0 && Last < Total));
        }

        private static bool StartsWithUnit(string text, int start)
        {
            for (int i = 0; i < Unit.Length; i++)
            {
                char c = text[start + i];
                if (c >= 'A' && c <= 'Z')
                {
                    c = (char)(c + ('a' - 'A'));
                }

                if (c != Unit[i])
                {
                    return false;
                }
            }

            return true;
        }

        // A non-negative decimal in text[start, end), or -2 when it is not one.
        private static long ParseNumber(string text, int start, int end)
        {
            if (end <= start || end - start > 15)
            {
                return -2;
            }

            long value = 0;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return -2;
                }

                value = value * 10 + (c - '0');
            }

            return value;
        }
    }
}
