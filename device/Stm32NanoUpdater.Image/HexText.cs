namespace Stm32NanoUpdater.Image
{
    /// <summary>Lower-case hex text without relying on numeric format strings (kept minimal on nanoFramework).</summary>
    public static class HexText
    {
        private const string Digits = "0123456789abcdef";

        public static string Format(byte[] bytes, int offset, int count)
        {
            char[] text = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                byte b = bytes[offset + i];
                text[2 * i] = Digits[b >> 4];
                text[2 * i + 1] = Digits[b & 0x0f];
            }

            return new string(text);
        }

        /// <summary>The value as at least minDigits hex digits.</summary>
        public static string Format(uint value, int minDigits)
        {
            char[] text = new char[8];
            int length = 0;
            do
            {
                text[7 - length] = Digits[(int)(value & 0x0f)];
                value >>= 4;
                length++;
            }
            while (value != 0 || length < minDigits);

            return new string(text, 8 - length, length);
        }
    }
}
